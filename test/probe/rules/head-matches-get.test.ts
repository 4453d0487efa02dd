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

const getHeaders = { 'content-type': 'application/json; charset=utf-8', etag: '"v1"', 'cache-control': 'max-age=60, private' };
const basis = exchange(doc.api, { operation: 'GET /users', status: 200, headers: getHeaders, body: '[]' });
const head = (status: number, headers: Record<string, string>, body = '') =>
  exchange(doc.api, { operation: 'GET /users', purpose: 'head', method: 'HEAD', basis, status, headers, body });

test('head-matches-get: a HEAD that answers another status is reported', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [basis, head(405, { allow: 'GET' })]), 'head-matches-get'), [
    { message: 'HEAD /users answered 405, but GET answered 200; HEAD answers as GET does, without the body', at: '5:5-5:8', severity: 1 },
  ]);
});

test('head-matches-get: a HEAD with a body is reported', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [head(200, getHeaders, '[]')]), 'head-matches-get'), [
    { message: "HEAD /users answered with a body; a HEAD response has none (send GET's headers only)", at: '5:5-5:8', severity: 1 },
  ]);
});

test('head-matches-get: the first header that differs from GET (or is missing) is named', () => {
  const findings = runLive(doc, [head(200, { ...getHeaders, etag: '"v2"', 'cache-control': 'no-store' })]);
  assert.deepEqual(liveFindingsOf(findings, 'head-matches-get'), [
    { message: 'HEAD /users answered with another etag ("v2") than GET ("v1"); HEAD sends the headers GET sends', at: '5:5-5:8', severity: 1 },
  ]);
  const missing = runLive(doc, [head(200, { etag: '"v1"', 'cache-control': 'max-age=60, private' })]);
  assert.deepEqual(liveFindingsOf(missing, 'head-matches-get'), [
    { message: 'HEAD /users answered without the content-type header GET sent (application/json; charset=utf-8); HEAD sends the headers GET sends', at: '5:5-5:8', severity: 1 },
  ]);
});

test('head-matches-get: the same status and headers (up to case and spaces) pass; headers GET lacked are not compared', () => {
  const same = head(200, { 'content-type': 'application/json;charset=UTF-8', etag: '"v1"', 'cache-control': 'max-age=60,private', 'last-modified': 'Tue, 01 Jul 2025 00:00:00 GMT' });
  assert.deepEqual(liveFindingsOf(runLive(doc, [basis, same, exchange(doc.api, { operation: 'GET /users', method: 'HEAD', status: 404 })]), 'head-matches-get'), []);
});

test('head-matches-get: what every HEAD gets alike (405 where GET answers 200, a body) is one finding for the API, listing the operations', () => {
  const two = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: the users }
  /orders:
    get:
      responses:
        '200': { description: the orders }
`);
  const pair = (operation: string, path: string, status: number, body = '') => {
    const get = exchange(two.api, { operation, path, status: 200, headers: getHeaders, body: '[]' });
    return [get, exchange(two.api, { operation, purpose: 'head', method: 'HEAD', path, basis: get, status, headers: status === 200 ? getHeaders : {}, body })];
  };
  assert.deepEqual(liveFindingsOf(runLive(two, [...pair('GET /users', '/users', 405), ...pair('GET /orders', '/orders', 405)]), 'head-matches-get'), [
    { message: 'the API answered 405, but GET answered 200; HEAD answers as GET does, without the body (shared by 2 operations: GET /users, GET /orders)', at: '1:1-1:8', severity: 1 },
  ]);
  assert.deepEqual(liveFindingsOf(runLive(two, [...pair('GET /users', '/users', 200, '[]'), ...pair('GET /orders', '/orders', 200, '[]')]), 'head-matches-get'), [
    { message: "the API answered with a body; a HEAD response has none (send GET's headers only) (shared by 2 operations: GET /users, GET /orders)", at: '1:1-1:8', severity: 1 },
  ]);
});
