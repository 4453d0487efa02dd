import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';
import rule from '../../../rules/cacheability-stated';

const DOC = `openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: ok }
    post:
      responses:
        '201': { description: created }
  /users/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: ok }
`;
const api = liveApi(DOC);
const run = (exchanges: ReturnType<typeof exchange>[], config?: string) => liveFindingsOf(runLive(api, exchanges, { rules: [rule], config }), 'cacheability-stated');
const MESSAGE = (operation: string) =>
  `${operation} answers without a Cache-Control or Expires header; state whether the response can be cached (e.g. "Cache-Control: no-store" or "Cache-Control: private, max-age=60")`;

test('cacheability-stated live: a GET answered 200 without Cache-Control or Expires is reported once per operation, HEAD included', () => {
  const get = exchange(api.api, { operation: 'GET /users', path: '/users', status: 200, body: [] });
  const head = exchange(api.api, { operation: 'GET /users', purpose: 'head', method: 'HEAD', basis: get, status: 200 });
  const again = exchange(api.api, { operation: 'GET /users', purpose: 'traceparent-valid', basis: get, status: 200, body: [] });
  assert.deepEqual(run([get, head, again]), [{ message: MESSAGE('GET /users'), at: '5:5-5:8', severity: 1 }]);
});

test('cacheability-stated live: Cache-Control or Expires (any value) keeps it', () => {
  const withCacheControl = exchange(api.api, { operation: 'GET /users', status: 200, headers: { 'Cache-Control': 'no-store' }, body: [] });
  const withExpires = exchange(api.api, { operation: 'GET /users/{id}', path: '/users/1', status: 200, headers: { Expires: 'Thu, 01 Dec 2026 16:00:00 GMT' }, body: {} });
  assert.deepEqual(run([withCacheControl, withExpires]), []);
});

test('cacheability-stated live: a HEAD alone is checked; errors, POSTs and 304s to conditional requests are not', () => {
  const get = exchange(api.api, { operation: 'GET /users/{id}', path: '/users/1', status: 200, headers: { 'cache-control': 'max-age=60', etag: '"a"' }, body: {} });
  const head = exchange(api.api, { operation: 'GET /users/{id}', purpose: 'head', method: 'HEAD', path: '/users/1', basis: get, status: 200 });
  const notModified = exchange(api.api, { operation: 'GET /users/{id}', purpose: 'conditional', path: '/users/1', basis: get, requestHeaders: { 'if-none-match': '"a"' }, status: 304 });
  const conditional200 = exchange(api.api, { operation: 'GET /users/{id}', purpose: 'conditional', path: '/users/1', basis: get, requestHeaders: { 'if-none-match': '"a"' }, status: 200, body: {} });
  const missing = exchange(api.api, { operation: 'GET /users/{id}', purpose: 'unknown-id', path: '/users/x', status: 404, body: {} });
  const post = exchange(api.api, { operation: 'POST /users', status: 201, body: {} });
  assert.deepEqual(run([get, head, notModified, conditional200, missing, post]), [{ message: MESSAGE('GET /users/{id}'), at: '12:5-12:8', severity: 1 }]);
});

test('cacheability-stated live: the responses option picks the methods and statuses', () => {
  const post = exchange(api.api, { operation: 'POST /users', status: 201, body: {} });
  const get = exchange(api.api, { operation: 'GET /users', status: 200, body: [] });
  const config = 'rules:\n  cacheability-stated: [warn, { responses: { methods: [post], statuses: ["201"] } }]\n';
  assert.deepEqual(run([post, get], config), [{ message: MESSAGE('POST /users'), at: '8:5-8:9', severity: 1 }]);
  const errors = 'rules:\n  cacheability-stated: [error, { responses: { statuses: [4xx] } }]\n';
  const missing = exchange(api.api, { operation: 'GET /users/{id}', purpose: 'unknown-id', path: '/users/x', status: 404, body: {} });
  assert.deepEqual(run([get, missing], errors), [{ message: MESSAGE('GET /users/{id}'), at: '12:5-12:8', severity: 0 }]);
});

test('cacheability-stated live: a failed request is not checked; the evidence names the headers sent', () => {
  const failed = exchange(api.api, { operation: 'GET /users', failure: { kind: 'timeout', message: 'no answer within 5000 ms' } });
  assert.deepEqual(run([failed]), []);
  const get = exchange(api.api, { operation: 'GET /users', status: 200, headers: { etag: '"a"' }, body: [] });
  const [finding] = runLive(api, [get], { rules: [rule] });
  assert.equal(finding.evidence?.response, '200 application/json\nno Cache-Control or Expires; headers: etag, content-type');
});

test('cacheability-stated live: a 2xx to a request that should have failed is not the operation\'s own answer', () => {
  const get = exchange(api.api, { operation: 'GET /users', status: 200, headers: { 'cache-control': 'max-age=60' }, body: [] });
  const followUps = (['unversioned', 'unknown-version', 'trailing-slash', 'no-auth', 'unknown-id'] as const).map((purpose) =>
    exchange(api.api, { operation: 'GET /users', purpose, basis: get, path: '/other', status: 200, body: [] }),
  );
  assert.deepEqual(run([get, ...followUps]), []);
  const variant = exchange(api.api, { operation: 'GET /users', purpose: 'accept-variant', basis: get, requestHeaders: { accept: 'text/csv' }, status: 200, headers: { 'content-type': 'text/csv' }, body: 'id\n' });
  assert.deepEqual(run([get, variant]), [{ message: MESSAGE('GET /users'), at: '5:5-5:8', severity: 1 }]);
});
