import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';
import rule from '../../../rules/one-version-strategy';

const get = (path: string) => `  ${path}:\n    get:\n      responses:\n        '200': { description: ok }\n`;
const api = liveApi(`openapi: 3.0.3\ninfo: { title: Test, version: '1' }\npaths:\n${get('/users')}${get('/orders')}${get('/items')}${get('/health')}`);
const run = (exchanges: ReturnType<typeof exchange>[]) => liveFindingsOf(runLive(api, exchanges, { rules: [rule] }), 'one-version-strategy');
const ok = (operation: string, spec: Partial<Parameters<typeof exchange>[1]> = {}) => exchange(api.api, { operation, status: 200, body: [], ...spec });

test('one-version-strategy live: a path version on some requests and none on others is reported once, at the API', () => {
  const exchanges = [
    ok('GET /users', { path: '/v1/users' }),
    ok('GET /orders', { path: '/v1/orders' }),
    ok('GET /items', { path: '/items' }),
    ok('GET /health', { path: '/health' }),
  ];
  assert.deepEqual(run(exchanges), [
    {
      message:
        'the successful requests carry their version in more than one way: a version in the path on 2 (e.g. GET /v1/users), no version on 1 (e.g. GET /items); use one versioning strategy in the whole API',
      at: '1:1-1:8',
      severity: 1,
    },
  ]);
  const [finding] = runLive(api, exchanges, { rules: [rule] });
  assert.equal(finding.evidence?.request, 'GET /items');
});

test('one-version-strategy live: a path version on some requests and a header on others is reported', () => {
  const exchanges = [ok('GET /users', { path: '/v1/users' }), ok('GET /orders', { path: '/orders', requestHeaders: { 'api-version': '1' } })];
  assert.deepEqual(run(exchanges), [
    {
      message:
        'the successful requests carry their version in more than one way: a version in the path on 1 (e.g. GET /v1/users), a version header on 1 (e.g. GET /orders); use one versioning strategy in the whole API',
      at: '1:1-1:8',
      severity: 1,
    },
  ]);
});

test('one-version-strategy live: two majors across path segments are reported, dates included', () => {
  const exchanges = [ok('GET /users', { path: '/v1/users' }), ok('GET /orders', { path: '/v1/orders' }), ok('GET /items', { path: '/v2/items' })];
  assert.deepEqual(run(exchanges), [
    {
      message: 'the successful requests name more than one major version in their paths: v1 on 2 (e.g. GET /v1/users), v2 on 1 (e.g. GET /v2/items); describe one major version per document',
      at: '1:1-1:8',
      severity: 1,
    },
  ]);
  const dates = [ok('GET /users', { path: '/2024-01-01/users' }), ok('GET /orders', { path: '/2023-06-01/orders' })];
  assert.deepEqual(run(dates).map((finding) => finding.message), [
    'the successful requests name more than one major version in their paths: 2024-01-01 on 1 (e.g. GET /2024-01-01/users), 2023-06-01 on 1 (e.g. GET /2023-06-01/orders); describe one major version per document',
  ]);
});

test('one-version-strategy live: one strategy everywhere passes (path with a stability suffix, dates, or a header and path together); so does no version at all', () => {
  assert.deepEqual(run([ok('GET /users', { path: '/v1/users' }), ok('GET /orders', { path: '/v1beta/orders' })]), []);
  assert.deepEqual(run([ok('GET /users', { path: '/2024-01-01/users' }), ok('GET /orders', { path: '/2024-01-01/orders' })]), []);
  const both = { requestHeaders: { 'x-api-version': '1.2' } };
  assert.deepEqual(run([ok('GET /users', { path: '/v1/users', ...both }), ok('GET /orders', { path: '/v1/orders', ...both })]), []);
  // A response naming its version is not a strategy the client chose.
  assert.deepEqual(run([ok('GET /users', { path: '/v1/users', headers: { 'api-version': '1.4' } }), ok('GET /orders', { path: '/v1/orders' })]), []);
  assert.deepEqual(run([ok('GET /users'), ok('GET /orders')]), []);
});

test('one-version-strategy live: follow-ups, errors and health endpoints do not count', () => {
  const basis = ok('GET /users', { path: '/v1/users' });
  const exchanges = [
    basis,
    ok('GET /users', { purpose: 'unversioned', path: '/users', basis }),
    ok('GET /users', { purpose: 'unknown-version', path: '/v999/users', basis }),
    exchange(api.api, { operation: 'GET /orders', path: '/orders', status: 500, body: 'oops' }),
    ok('GET /health'),
  ];
  assert.deepEqual(run(exchanges), []);
});
