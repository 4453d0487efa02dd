import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: the user }
        '404': { description: no such user }
  /orders:
    post:
      responses:
        '201': { description: created }
        4XX: { description: bad request }
  /things:
    get:
      responses:
        '200': { description: the things }
        default: { description: an error }
`);

const get = (status: number, purpose: 'valid' | 'unknown-id' | 'head' | 'wrong-method' | 'no-auth' = 'valid') =>
  exchange(doc.api, { operation: 'GET /users/{id}', purpose, path: '/users/42', status });

test('documented-status: an undocumented status is reported once per operation and status, at the operation', () => {
  const findings = runLive(doc, [get(500), get(500, 'unknown-id'), get(401, 'no-auth')]);
  assert.deepEqual(liveFindingsOf(findings, 'documented-status'), [
    { message: 'GET /users/{id} answered 401, which it does not document; document it (or a default response)', at: '5:5-5:8', severity: 0 },
    { message: 'GET /users/{id} answered 500, which it does not document; document it (or a default response)', at: '5:5-5:8', severity: 0 },
  ]);
});

test('documented-status: exact codes, a 4XX range and default cover a status', () => {
  const exchanges = [
    get(200),
    get(404, 'unknown-id'),
    exchange(doc.api, { operation: 'POST /orders', purpose: 'invalid-body', status: 422 }),
    exchange(doc.api, { operation: 'POST /orders', purpose: 'malformed-json', status: 400 }),
    exchange(doc.api, { operation: 'GET /things', status: 503 }),
  ];
  assert.deepEqual(liveFindingsOf(runLive(doc, exchanges), 'documented-status'), []);
});

test('documented-status: a range covers only its class', () => {
  const findings = runLive(doc, [exchange(doc.api, { operation: 'POST /orders', purpose: 'invalid-body', status: 500 })]);
  assert.deepEqual(liveFindingsOf(findings, 'documented-status'), [
    { message: 'POST /orders answered 500, which it does not document; document it (or a default response)', at: '12:5-12:9', severity: 0 },
  ]);
});

test('documented-status: follow-ups, wrong methods, unknown paths and failures are not judged', () => {
  const exchanges = [
    get(500, 'head'),
    get(405, 'wrong-method'),
    exchange(doc.api, { purpose: 'unknown-path', path: '/restlint-probe-x', status: 418 }),
    exchange(doc.api, { operation: 'GET /users/{id}', failure: { kind: 'timeout', message: 'no answer within 5000 ms' } }),
  ];
  assert.deepEqual(liveFindingsOf(runLive(doc, exchanges), 'documented-status'), []);
});

test('documented-status: default covers errors, not a success an operation that documents its successes does not list', () => {
  const withDefault = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /articles/{slug}:
    delete:
      parameters:
        - { name: slug, in: path, required: true, schema: { type: string } }
      responses:
        '204': { description: deleted }
        default: { description: an error }
  /jobs:
    post:
      responses:
        2XX: { description: accepted }
        default: { description: an error }
  /ping:
    get:
      responses:
        default: { description: anything }
`);
  const findings = runLive(withDefault, [
    exchange(withDefault.api, { operation: 'DELETE /articles/{slug}', path: '/articles/a', status: 200, body: {} }),
    exchange(withDefault.api, { operation: 'DELETE /articles/{slug}', path: '/articles/a', purpose: 'no-auth', status: 401 }),
    exchange(withDefault.api, { operation: 'POST /jobs', status: 202 }),
    exchange(withDefault.api, { operation: 'GET /ping', status: 200 }),
  ]);
  assert.deepEqual(liveFindingsOf(findings, 'documented-status'), [
    {
      message: 'DELETE /articles/{slug} answered 200, a success it does not document: it documents 204, and its default response describes errors; answer a documented status (or document 200)',
      at: '5:5-5:11',
      severity: 0,
    },
  ]);
});
