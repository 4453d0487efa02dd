import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ok = `      responses:\n        '200': { description: ok }\n`;
const op = (method: string) => `    ${method}:\n${ok}`;

test('put-targets-item: flags PUT on a collection whose item path exists, at the put key', () => {
  const doc = openapi(`  /users:\n${op('put')}  /users/{userId}:\n${op('get')}`);
  assert.deepEqual(findingsOf(lintText(doc), 'put-targets-item'), [
    {
      message: 'PUT /users targets the collection "users" (its items are at /users/{userId}); PUT replaces one resource: use PUT /users/{userId} to replace an item, POST /users to add items',
      at: '5:5-5:8',
      severity: 1,
    },
  ]);
});

test('put-targets-item: nested collections match their item path whatever the parameter names', () => {
  const doc = openapi(`  /issues/{id}/labels:\n${op('put')}  /issues/{issueId}/labels/{name}:\n${op('delete')}`);
  assert.deepEqual(findingsOf(lintText(doc), 'put-targets-item').map((f) => f.message), [
    'PUT /issues/{id}/labels targets the collection "labels" (its items are at /issues/{issueId}/labels/{name}); PUT replaces one resource: use PUT /issues/{issueId}/labels/{name} to replace an item, POST /issues/{id}/labels to add items',
  ]);
});

test('put-targets-item: a singular collection with POST (Petstore /pet) is flagged', () => {
  const doc = openapi(`  /pet:\n${op('put')}${op('post')}  /pet/{petId}:\n${op('get')}`);
  assert.equal(findingsOf(lintText(doc), 'put-targets-item').length, 1);
});

test('put-targets-item: PUT on an item, on singleton sub-resources and on settings passes', () => {
  const doc = openapi(
    `  /users/{id}:\n${op('put')}  /users/{id}/profile:\n${op('put')}  /settings:\n${op('put')}  /settings/{key}:\n${op('get')}` +
      `  /users/{id}/preferences:\n${op('put')}`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'put-targets-item'), []);
});

test('put-targets-item: a plural list with no item path (a rule set replaced whole) passes', () => {
  const doc = openapi(`  /networks/{id}/firewall/l3FirewallRules:\n${op('get')}${op('put')}`);
  assert.deepEqual(findingsOf(lintText(doc), 'put-targets-item'), []);
});

test('put-targets-item: action segments and singular singletons with a history pass', () => {
  const doc = openapi(
    `  /pulls/{n}/merge-async:\n${op('put')}  /pulls/{n}/merge-async/{uuid}:\n${op('get')}` +
      `  /databases/{id}/online-migration:\n${op('get')}${op('put')}  /databases/{id}/online-migration/{migrationId}:\n${op('delete')}`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'put-targets-item'), []);
});

test('put-targets-item: Swagger 2.0 documents are checked the same way', () => {
  const doc = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /Invoices:\n${op('put')}  /Invoices/{InvoiceID}:\n${op('get')}`;
  assert.deepEqual(findingsOf(lintText(doc), 'put-targets-item').map((f) => f.at), ['5:5-5:8']);
});
