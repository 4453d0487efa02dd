import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string } }
    delete:
      responses:
        '204': { description: deleted }
    get:
      responses:
        '200': { description: the user }
`);

const del = (status: number, body = '', purpose: 'valid' | 'wrong-method' = 'valid') =>
  exchange(doc.api, { operation: 'DELETE /users/{id}', purpose, path: '/users/42', status, body });

test('delete-success-code: a live DELETE answered 201 or 200 with an empty body is reported', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [del(201, '{}'), del(200)]), 'delete-success-code'), [
    { message: 'DELETE /users/{id} answered 200 with an empty body; answer 204 No Content when a delete returns nothing', at: '7:5-7:11', severity: 1 },
    { message: 'DELETE /users/{id} answered 201; a delete answers 204 No Content, 200 OK with a body, or 202 Accepted when it completes later', at: '7:5-7:11', severity: 1 },
  ]);
});

test('delete-success-code: 204, 202, 200 with a body, errors, and other methods pass', () => {
  const exchanges = [
    del(204),
    del(202),
    del(200, '{"id":"42"}'),
    del(404),
    exchange(doc.api, { operation: 'GET /users/{id}', path: '/users/42', status: 200 }),
    exchange(doc.api, { operation: 'GET /users/{id}', purpose: 'wrong-method', method: 'DELETE', path: '/users/42', status: 201 }),
  ];
  assert.deepEqual(liveFindingsOf(runLive(doc, exchanges), 'delete-success-code'), []);
});
