import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const op = (method: string, name: string, extra = '') => `    ${method}:\n      ${name}\n${extra}      responses:\n        '200': { description: ok }\n`;
const body = `      requestBody:\n        content:\n          application/json:\n            schema: { type: object, properties: { q: { type: string } } }\n`;
const rule = 'operation-verb-matches-method';

test('operation-verb-matches-method: GET named delete… is reported at the verb of the operationId', () => {
  const doc = openapi(`  /users/{id}/delete:\n${op('get', 'operationId: deleteUser')}`);
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message: 'GET /users/{id}/delete: operationId "deleteUser" starts with "delete", an action for DELETE, not GET; use DELETE, or name the operation for what GET does',
      at: '6:20-6:26',
      severity: 1,
    },
  ]);
});

test('operation-verb-matches-method: POST /getUser is reported, with or without a body', () => {
  for (const extra of ['', body]) {
    const doc = openapi(`  /getUser:\n${op('post', 'operationId: getUser', extra)}`);
    assert.deepEqual(findingsOf(lintText(doc), rule).map((f) => f.message), [
      'POST /getUser: operationId "getUser" starts with "get", an action for GET, not POST; use GET, or name the operation for what POST does',
    ]);
  }
});

test('operation-verb-matches-method: namespaced operationIds (GitHub, Slack) are read after the prefix', () => {
  const doc = openapi(`  /repos/{r}/hooks/{id}:\n${op('get', 'operationId: repos/delete-webhook')}  /chat:\n${op('get', 'operationId: chat.update')}`);
  assert.deepEqual(findingsOf(lintText(doc), rule).map((f) => f.at), ['6:26-6:32', '11:25-11:31']);
});

test('operation-verb-matches-method: the summary is read when the operationId has no such verb; third person counts', () => {
  const doc = openapi(`  /users/{id}:\n${op('post', 'summary: Updates a user')}  /orders:\n${op('post', "operationId: PostOrders\n      summary: 'Retrieve orders'")}`);
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message: 'POST /users/{id}: summary starts with "Updates", an action for PATCH or PUT, not POST; use PATCH or PUT, or describe the operation for what POST does',
      at: '6:16-6:23',
      severity: 1,
    },
    {
      message: 'POST /orders: summary starts with "Retrieve", an action for GET, not POST; use GET, or describe the operation for what POST does',
      at: '12:17-12:25',
      severity: 1,
    },
  ]);
});

test('operation-verb-matches-method: fitting verbs pass, including PUT creating at a chosen URI and search on POST', () => {
  const doc = openapi(
    `  /users:\n${op('get', 'operationId: listUsers')}${op('post', 'operationId: createUser')}` +
      `  /users/{id}:\n${op('get', 'operationId: getUser')}${op('head', 'operationId: getUserHead')}${op('patch', 'operationId: updateUser')}${op('put', 'operationId: replaceUser')}${op('delete', 'operationId: removeUser')}` +
      `  /repos/{r}/collaborators/{u}:\n${op('put', 'operationId: repos/add-collaborator')}  /users/search:\n${op('post', 'operationId: searchUsers')}` +
      `  /customers:\n${op('post', 'operationId: PostCustomers')}  /settings:\n${op('get', 'operationId: settingsGet')}`,
  );
  assert.deepEqual(findingsOf(lintText(doc), rule), []);
});

test('operation-verb-matches-method: reads and removals with a body on POST, and batches, pass', () => {
  const doc = openapi(
    `  /analytics/incidents:\n${op('post', 'operationId: getAnalyticsIncidents', body)}  /devices:\n${op('post', 'summary: Remove devices', body)}` +
      `  /attestations/delete-request:\n${op('post', 'operationId: orgs/delete-attestations-bulk', body)}`,
  );
  assert.deepEqual(findingsOf(lintText(doc), rule), []);
});

test('operation-verb-matches-method: a removal through its own verb segment is tunnelled, even with a body', () => {
  const doc = openapi(`  /tasks/{id}/removeFollowers:\n${op('post', 'operationId: removeFollowersForTask', body)}`);
  assert.equal(findingsOf(lintText(doc), rule).length, 1);
});

test('operation-verb-matches-method: custom actions, reified actions, upserts, "set up" and "remove … from" pass', () => {
  const doc = openapi(
    `  /credentials/{id}/revoke:\n${op('post', 'summary: Delete a managed credential')}  /levels:trim:\n${op('post', 'summary: Delete the last level')}` +
      `  /me/change-password:\n${op('post', 'operationId: updatePassword')}  /payments/{id}/amountUpdates:\n${op('post', 'summary: Update an authorised amount')}` +
      `  /Invoices:\n${op('post', 'operationId: updateOrCreateInvoices')}  /props:\n${op('patch', 'summary: Create or update custom properties')}` +
      `  /webhooks:\n${op('post', 'summary: Set up a webhook')}  /files/{id}:\n${op('put', 'summary: Remove shared link from file')}`,
  );
  assert.deepEqual(findingsOf(lintText(doc), rule), []);
});

test('operation-verb-matches-method: Swagger 2.0 reads formData and body parameters as a request body', () => {
  const doc = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /pet/{petId}:\n    post:\n      operationId: updatePetWithForm\n      parameters:\n        - { name: name, in: formData, type: string }\n      responses:\n        '200': { description: ok }\n  /pets/query:\n    post:\n      operationId: findPets\n      parameters:\n        - { name: q, in: body, schema: { type: object } }\n      responses:\n        '200': { description: ok }\n`;
  assert.deepEqual(findingsOf(lintText(doc), rule).map((f) => f.message), [
    'POST /pet/{petId}: operationId "updatePetWithForm" starts with "update", an action for PATCH or PUT, not POST; use PATCH or PUT, or name the operation for what POST does',
  ]);
});

test('operation-verb-matches-method: "new" is a verb only before a singular object; "New …" and "News" in summaries are not verbs', () => {
  const doc = openapi(
    `  /browse/new-releases:\n${op('get', 'operationId: newReleases')}  /feed:\n${op('get', 'summary: News feed')}  /promos:\n${op('get', 'summary: New promotions this week')}` +
      `  /users/new:\n${op('get', 'operationId: newUser')}`,
  );
  assert.deepEqual(findingsOf(lintText(doc), rule).map((f) => f.message), [
    'GET /users/new: operationId "newUser" starts with "new", an action for POST or PUT, not GET; use POST or PUT, or name the operation for what GET does',
  ]);
});
