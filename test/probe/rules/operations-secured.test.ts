import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
security: [{ key: [] }]
paths:
  /users:
    get:
      responses:
        '200': { description: the users }
        '401': { description: no credentials }
components:
  securitySchemes:
    key: { type: apiKey, in: header, name: X-Api-Key }
`);

test('operations-secured: a secured operation that answers 2xx without credentials is reported', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [exchange(doc.api, { operation: 'GET /users', purpose: 'no-auth', status: 200, body: [] })]), 'operations-secured'), [
    {
      message: 'GET /users is secured but answered 200 to a request without credentials; reject requests without valid credentials with 401 Unauthorized',
      at: '6:5-6:8',
      severity: 0,
    },
  ]);
});

test('operations-secured: 401/403 without credentials, and 2xx with them, pass', () => {
  const exchanges = [
    exchange(doc.api, { operation: 'GET /users', purpose: 'no-auth', status: 401 }),
    exchange(doc.api, { operation: 'GET /users', purpose: 'no-auth', status: 403 }),
    exchange(doc.api, { operation: 'GET /users', status: 200, credentials: true }),
  ];
  assert.deepEqual(liveFindingsOf(runLive(doc, exchanges), 'operations-secured'), []);
});
