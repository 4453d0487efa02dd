import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      security: [{ bearer: [] }]
      responses:
        '200': { description: the users }
        '401': { description: no credentials }
components:
  securitySchemes:
    bearer: { type: http, scheme: bearer }
`);

const MESSAGE = 'answered 401 without a WWW-Authenticate header; send a challenge naming the scheme the client should use (Bearer, Basic, …), or answer 403 when credentials would not help';

test('unauthorized-has-challenge: a 401 without WWW-Authenticate is reported once per operation', () => {
  const findings = runLive(doc, [
    exchange(doc.api, { operation: 'GET /users', purpose: 'no-auth', status: 401 }),
    exchange(doc.api, { operation: 'GET /users', purpose: 'unknown-id', status: 401 }),
  ]);
  assert.deepEqual(liveFindingsOf(findings, 'unauthorized-has-challenge'), [{ message: `GET /users ${MESSAGE}`, at: '5:5-5:8', severity: 1 }]);
});

test('unauthorized-has-challenge: an unknown path answered 401 is reported at the API', () => {
  const findings = runLive(doc, [exchange(doc.api, { purpose: 'unknown-path', path: '/restlint-probe-x', status: 401 })]);
  assert.deepEqual(liveFindingsOf(findings, 'unauthorized-has-challenge'), [{ message: `the API ${MESSAGE}`, at: '1:1-1:8', severity: 1 }]);
});

test('unauthorized-has-challenge: a 401 with a challenge, and a 403 without one, pass', () => {
  const findings = runLive(doc, [
    exchange(doc.api, { operation: 'GET /users', purpose: 'no-auth', status: 401, headers: { 'WWW-Authenticate': 'Bearer realm="api"' } }),
    exchange(doc.api, { operation: 'GET /users', purpose: 'no-auth', status: 403 }),
  ]);
  assert.deepEqual(liveFindingsOf(findings, 'unauthorized-has-challenge'), []);
});
