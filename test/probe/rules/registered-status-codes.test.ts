import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: the users }
`);

test('registered-status-codes: a live status that is not registered (or reserved as unused) is reported', () => {
  const findings = runLive(doc, [
    exchange(doc.api, { operation: 'GET /users', status: 520 }),
    exchange(doc.api, { operation: 'GET /users', purpose: 'unknown-id', status: 418 }),
    exchange(doc.api, { purpose: 'unknown-path', path: '/restlint-probe-x', status: 499 }),
  ]);
  assert.deepEqual(liveFindingsOf(findings, 'registered-status-codes'), [
    { message: 'the API answered 499, a status code not registered with IANA; answer a registered code of the same class (e.g. 400, 409, 422 or 429)', at: '1:1-1:8', severity: 0 },
    {
      message: 'GET /users answered 418, a status code the IANA registry reserves as unused; answer a registered code of the same class (e.g. 400, 409, 422 or 429)',
      at: '5:5-5:8',
      severity: 0,
    },
    { message: 'GET /users answered 520, a status code not registered with IANA; answer a registered code of the same class (e.g. 500, 502, 503 or 504)', at: '5:5-5:8', severity: 0 },
  ]);
});

test('registered-status-codes: registered live statuses pass', () => {
  const findings = runLive(doc, [200, 204, 404, 422, 429, 503].map((status) => exchange(doc.api, { operation: 'GET /users', status })));
  assert.deepEqual(liveFindingsOf(findings, 'registered-status-codes'), []);
});
