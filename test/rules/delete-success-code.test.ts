import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const item = (responses: string) => openapi(`  /users/{id}:\n    delete:\n      parameters:\n        - { name: id, in: path, required: true, schema: { type: string } }\n      responses:\n${responses}`);

test('delete-success-code: a 200 without content is reported at its status key', () => {
  assert.deepEqual(findingsOf(lintText(item(`        '200': { description: deleted }\n        '404': { description: missing }\n`)), 'delete-success-code'), [
    {
      message: 'DELETE /users/{id}: 200 response has no body; answer 204 No Content when a delete returns nothing (or document the body the 200 returns)',
      at: '9:9-9:14',
      severity: 1,
    },
  ]);
});

test('delete-success-code: a 201 success is reported', () => {
  const doc = item(`        '201':\n          description: done\n          content:\n            application/json: { schema: { type: object } }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'delete-success-code'), [
    {
      message: 'DELETE /users/{id} documents 201 as its success; a delete answers 204 No Content, 200 OK with a body, or 202 Accepted when it completes later',
      at: '9:9-9:14',
      severity: 1,
    },
  ]);
});

test('delete-success-code: 204, 202, 200 with content, a 2XX range, and no 2xx at all pass', () => {
  for (const responses of [
    `        '204': { description: deleted }\n`,
    `        '202': { description: accepted }\n`,
    `        '200':\n          description: the deleted user\n          content:\n            application/json: { schema: { type: object } }\n`,
    `        '2XX': { description: deleted }\n`,
    `        '200': { description: deleted }\n        '204': { description: deleted }\n`,
    `        default: { description: whatever }\n`,
  ]) {
    assert.deepEqual(findingsOf(lintText(item(responses)), 'delete-success-code'), [], responses);
  }
});

test('delete-success-code: a 200 $ref to a component with content passes; without content it is reported', () => {
  const withBody = item(`        '200': { $ref: '#/components/responses/Deleted' }\n`) + `components:\n  responses:\n    Deleted:\n      description: deleted\n      content:\n        application/json: { schema: { type: object } }\n`;
  assert.deepEqual(findingsOf(lintText(withBody), 'delete-success-code'), []);
  const empty = item(`        '200': { $ref: '#/components/responses/Deleted' }\n`) + `components:\n  responses:\n    Deleted:\n      description: deleted\n`;
  assert.equal(findingsOf(lintText(empty), 'delete-success-code').length, 1);
});

test('delete-success-code: 2.0 reads the response schema', () => {
  const doc = (response: string) => `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /users/{id}:\n    delete:\n      responses:\n        '200':\n${response}`;
  assert.deepEqual(findingsOf(lintText(doc(`          description: deleted\n          schema: { type: object }\n`)), 'delete-success-code'), []);
  assert.deepEqual(findingsOf(lintText(doc(`          description: deleted\n`)), 'delete-success-code').map((f) => f.at), ['7:9-7:14']);
});
