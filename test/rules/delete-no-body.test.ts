import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const body = `      requestBody:\n        content:\n          application/json:\n            schema: { type: object, properties: { ids: { type: array, items: { type: string } } } }\n`;

test('delete-no-body: flags a 3.x requestBody on DELETE, at the requestBody key', () => {
  const doc = openapi(`  /users:\n    delete:\n${body}      responses:\n        '204': { description: deleted }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'delete-no-body'), [
    {
      message: 'DELETE /users has a request body, which servers, proxies and clients may drop or reject; identify what to delete by the path (or query parameters), or delete many with a batch POST',
      at: '6:7-6:18',
      severity: 1,
    },
  ]);
});

test('delete-no-body: a DELETE without a body, and an empty Stripe-style body, pass', () => {
  const empty = `      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n            schema: { type: object, properties: {}, additionalProperties: false }\n`;
  const doc = openapi(`  /users/{id}:\n    delete:\n      responses:\n        '204': { description: deleted }\n  /orders/{id}:\n    delete:\n${empty}      responses:\n        '204': { description: deleted }\n    patch:\n${body}      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'delete-no-body'), []);
});

const swagger = (paths: string) => `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n${paths}`;

test('delete-no-body: a 2.0 body parameter on DELETE, at its "in"', () => {
  const doc = swagger(`  /users:\n    delete:\n      parameters:\n        - { name: ids, in: body, schema: { type: array, items: { type: string } } }\n      responses:\n        '204': { description: deleted }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'delete-no-body'), [
    {
      message: 'DELETE /users: body parameter "ids" is a request body, which servers, proxies and clients may drop or reject; identify what to delete by the path (or query parameters), or delete many with a batch POST',
      at: '7:28-7:32',
      severity: 1,
    },
  ]);
});

test('delete-no-body: a shared 2.0 body parameter is reported once at the component', () => {
  const doc = `swagger: '2.0'\ninfo: { title: T, version: '1' }\nparameters:\n  Ids: { name: ids, in: body, schema: { type: array } }\npaths:\n  /users:\n    delete:\n      parameters: [{ $ref: '#/parameters/Ids' }]\n      responses:\n        '204': { description: deleted }\n  /orders:\n    delete:\n      parameters: [{ $ref: '#/parameters/Ids' }]\n      responses:\n        '204': { description: deleted }\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'delete-no-body'), [
    {
      message: 'body parameter "ids" is used by a DELETE operation as a request body, which servers, proxies and clients may drop or reject; identify what to delete by the path (or query parameters) (shared by 2 operations)',
      at: '4:25-4:29',
      severity: 1,
    },
  ]);
});
