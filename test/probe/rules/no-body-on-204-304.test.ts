import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users/{id}:
    parameters:
      - { name: id, in: path, required: true, schema: { type: string } }
    get:
      responses:
        '200': { description: the user }
        '304': { description: not modified }
    delete:
      responses:
        '204': { description: deleted }
`);

test('no-body-on-204-304: a live 204 or 304 with a body is reported', () => {
  const basis = exchange(doc.api, { operation: 'GET /users/{id}', path: '/users/1', status: 200, headers: { etag: '"a"' }, body: {} });
  const findings = runLive(doc, [
    exchange(doc.api, { operation: 'DELETE /users/{id}', path: '/users/1', status: 204, body: { deleted: true } }),
    exchange(doc.api, { operation: 'GET /users/{id}', purpose: 'conditional', basis, path: '/users/1', requestHeaders: { 'if-none-match': '"a"' }, status: 304, body: '{}' }),
  ]);
  assert.deepEqual(liveFindingsOf(findings, 'no-body-on-204-304'), [
    {
      message: 'GET /users/{id} answered 304 with a body; a 304 response ends at its headers, so send none (or answer 200 with the changed representation if the body is needed)',
      at: '7:5-7:8',
      severity: 0,
    },
    { message: 'DELETE /users/{id} answered 204 with a body; a 204 response ends at its headers, so send none (or answer 200 if the body is needed)', at: '11:5-11:11', severity: 0 },
  ]);
});

test('no-body-on-204-304: an empty 204 or 304, and a 200 with a body, pass', () => {
  const findings = runLive(doc, [
    exchange(doc.api, { operation: 'DELETE /users/{id}', path: '/users/1', status: 204, headers: { 'content-type': 'application/json' } }),
    exchange(doc.api, { operation: 'GET /users/{id}', path: '/users/1', status: 304 }),
    exchange(doc.api, { operation: 'GET /users/{id}', path: '/users/1', status: 200, body: {} }),
  ]);
  assert.deepEqual(liveFindingsOf(findings, 'no-body-on-204-304'), []);
});
