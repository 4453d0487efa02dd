import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';
import rule from '../../../rules/security-headers';

const api = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: ok }
  /users/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: ok }
`);
const run = (exchanges: ReturnType<typeof exchange>[]) => liveFindingsOf(runLive(api, exchanges, { rules: [rule] }), 'security-headers');
const NOSNIFF = (operation: string) =>
  `${operation} answers without "X-Content-Type-Options: nosniff"; send it on every response (errors included), so that browsers do not guess a media type from the body and run it as HTML or script`;
const CONTENT_TYPE = (operation: string) =>
  `${operation} answers with a body but no Content-Type header; name the media type of every body (e.g. "Content-Type: application/json"), so that clients and browsers do not guess it`;
const SAFE = { 'x-content-type-options': 'nosniff' };

test('security-headers live: a response without nosniff is reported once for the whole API, listing the operations, errors included', () => {
  const exchanges = [
    exchange(api.api, { operation: 'GET /users', status: 200, body: [] }),
    exchange(api.api, { operation: 'GET /users', purpose: 'traceparent-valid', status: 200, body: [] }),
    exchange(api.api, { operation: 'GET /users/{id}', purpose: 'unknown-id', path: '/users/x', status: 404, headers: { 'X-Content-Type-Options': 'sniff' }, body: { title: 'Not Found' } }),
  ];
  // What the whole server does is said once, at the API.
  assert.deepEqual(run(exchanges), [{ message: `${NOSNIFF('the API')} (shared by 2 operations: GET /users, GET /users/{id})`, at: '1:1-1:8', severity: 2 }]);
  // From one operation, it is said at that operation.
  assert.deepEqual(run(exchanges.slice(0, 2)), [{ message: NOSNIFF('GET /users'), at: '5:5-5:8', severity: 2 }]);
});

test('security-headers live: a body without Content-Type is reported; an unknown path is reported once for the API', () => {
  const exchanges = [
    exchange(api.api, { operation: 'GET /users', status: 200, headers: SAFE, body: 'plain' }),
    exchange(api.api, { purpose: 'unknown-path', path: '/restlint-probe-a', status: 404, body: 'Not Found' }),
  ];
  assert.deepEqual(run(exchanges), [
    { message: CONTENT_TYPE('the API'), at: '1:1-1:8', severity: 2 },
    { message: NOSNIFF('the API'), at: '1:1-1:8', severity: 2 },
    { message: CONTENT_TYPE('GET /users'), at: '5:5-5:8', severity: 2 },
  ]);
});

test('security-headers live: nosniff (any case) with a Content-Type passes; an empty body needs no Content-Type', () => {
  const exchanges = [
    exchange(api.api, { operation: 'GET /users', status: 200, headers: { 'X-Content-Type-Options': 'NoSniff' }, body: [] }),
    exchange(api.api, { operation: 'GET /users', purpose: 'head', method: 'HEAD', status: 200, headers: SAFE }),
    exchange(api.api, { operation: 'GET /users/{id}', path: '/users/1', status: 204, headers: SAFE }),
    exchange(api.api, { operation: 'GET /users/{id}', path: '/users/1', failure: { kind: 'timeout', message: 'no answer within 5000 ms' } }),
  ];
  assert.deepEqual(run(exchanges), []);
});
