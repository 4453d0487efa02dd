import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive, type ExchangeSpec } from '../../helpers/live';
import rule from '../../../rules/api-versioned';

const doc = (paths: string, extra = '') => `openapi: 3.0.3\ninfo: { title: Test, version: '1' }\n${extra}paths:\n${paths}`;
const get = (path: string, parameters = '') => `  ${path}:\n    get:\n${parameters}      responses:\n        '200': { description: ok }\n`;
const UNVERSIONED = (count: number) =>
  `no successful request carried a version (${count} checked): none in the path ("/v1"), a version header ("Api-Version"), a "version" or "api-version" query parameter or a versioned media type; version the API so that clients select the version they were written for`;
type Api = ReturnType<typeof liveApi>;
const run = (api: Api, exchanges: ReturnType<typeof exchange>[]) => liveFindingsOf(runLive(api, exchanges, { rules: [rule] }), 'api-versioned');

const plain = liveApi(doc(get('/users') + get('/users/{id}', `      parameters:\n        - { name: id, in: path, required: true, schema: { type: string } }\n`) + get('/health')));

test('api-versioned live: no version on any successful request is reported once, at the API', () => {
  const exchanges = [
    exchange(plain.api, { operation: 'GET /users', status: 200, body: [] }),
    exchange(plain.api, { operation: 'GET /users/{id}', path: '/users/1', status: 200, body: {} }),
    exchange(plain.api, { operation: 'GET /users/{id}', purpose: 'unknown-id', path: '/users/x', status: 404, body: {} }),
  ];
  assert.deepEqual(run(plain, exchanges), [{ message: UNVERSIONED(2), at: '1:1-1:8', severity: 0 }]);
  const [finding] = runLive(plain, exchanges, { rules: [rule] });
  assert.equal(finding.evidence?.request, 'GET /users');
});

test('api-versioned live: a base path with a version, a date segment, a version header (request or response), a query parameter or a vendor media type passes', () => {
  const cases: ExchangeSpec[] = [
    { path: '/v1/users' },
    { path: '/api/v2beta/users' },
    { path: '/2024-01-01/users' },
    { requestHeaders: { 'api-version': '2' } },
    { requestHeaders: { 'accept-version': '1.x' } },
    { headers: { 'X-API-Version': '2026-01-01' } },
    { path: '/users?api-version=2024-01-01' },
    { path: '/users?version=2' },
    { requestHeaders: { accept: 'application/vnd.acme.v1+json' } },
    { headers: { 'content-type': 'application/vnd.acme.v2+json' } },
  ];
  for (const spec of cases) {
    const valid = exchange(plain.api, { operation: 'GET /users', status: 200, body: [], ...spec });
    assert.deepEqual(run(plain, [valid]), [], JSON.stringify(spec));
  }
});

test('api-versioned live: a date filled into a path parameter is an id, not a version; health endpoints do not count', () => {
  const api = liveApi(doc(get('/reports/{day}', `      parameters:\n        - { name: day, in: path, required: true, schema: { type: string, format: date } }\n`) + get('/health')));
  const report = exchange(api.api, { operation: 'GET /reports/{day}', path: '/reports/2024-01-01', status: 200, body: {} });
  assert.deepEqual(run(api, [report]), [{ message: UNVERSIONED(1), at: '1:1-1:8', severity: 0 }]);
  const health = exchange(api.api, { operation: 'GET /health', status: 200, body: {} });
  assert.deepEqual(run(api, [health]), []);
  // A version parameter ({apiVersion}) filled with v1 is a version.
  const versioned = liveApi(doc(get('/{apiVersion}/users', `      parameters:\n        - { name: apiVersion, in: path, required: true, schema: { type: string, enum: [v1] } }\n`)));
  assert.deepEqual(run(versioned, [exchange(versioned.api, { operation: 'GET /{apiVersion}/users', path: '/v1/users', status: 200, body: [] })]), []);
});

test('api-versioned live: a version in the documented host cannot show in requests and is trusted', () => {
  const api = liveApi(doc(get('/users'), `servers:\n  - url: https://v1.api.example.com\n`));
  assert.deepEqual(run(api, [exchange(api.api, { operation: 'GET /users', status: 200, body: [] })]), []);
});

test("api-versioned live: a version in the documented servers' path, which a --base-url may leave out (a mock serves the paths at its root), is trusted; a path without one is not", () => {
  for (const servers of ['servers:\n  - url: https://petstore3.swagger.io/api/v3\n', 'servers:\n  - url: /api/v2\n', 'servers:\n  - url: "{scheme}://api.example.com/2024-01-01"\n    variables: { scheme: { default: https } }\n']) {
    const api = liveApi(doc(get('/users'), servers));
    assert.deepEqual(run(api, [exchange(api.api, { operation: 'GET /users', status: 200, body: [] })]), [], servers);
  }
  const swagger = liveApi(`swagger: '2.0'\ninfo: { title: Test, version: '1' }\nbasePath: /v1\npaths:\n  /users:\n    get:\n      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(run(swagger, [exchange(swagger.api, { operation: 'GET /users', status: 200, body: [] })]), []);
  const unversioned = liveApi(doc(get('/users'), 'servers:\n  - url: https://api.example.com/api\n'));
  assert.deepEqual(run(unversioned, [exchange(unversioned.api, { operation: 'GET /users', status: 200, body: [] })]), [{ message: UNVERSIONED(1), at: '1:1-1:8', severity: 0 }]);
});

test('api-versioned live: only successful documented requests count', () => {
  const failed = exchange(plain.api, { operation: 'GET /users', status: 500, body: 'oops' });
  const unknown = exchange(plain.api, { purpose: 'unknown-path', path: '/restlint-probe-abc', status: 404 });
  assert.deepEqual(run(plain, [failed, unknown]), []);
});

const v1 = liveApi(doc(get('/v1/users')));
const basis = exchange(v1.api, { operation: 'GET /v1/users', status: 200, body: [] });

test('api-versioned live: the path without its version answered 2xx is a warning; 404 or a redirect passes', () => {
  const unversioned = exchange(v1.api, { operation: 'GET /v1/users', purpose: 'unversioned', path: '/users', basis, status: 200, body: [] });
  assert.deepEqual(run(v1, [basis, unversioned]), [
    {
      message:
        'GET /users (without the version in the path) answered 200; the API serves unversioned requests, so clients can leave the version out and break when the default changes: answer 404 (or redirect to a versioned path)',
      at: '5:5-5:8',
      severity: 1,
    },
  ]);
  for (const status of [301, 308, 400, 404]) {
    const answered = exchange(v1.api, { operation: 'GET /v1/users', purpose: 'unversioned', path: '/users', basis, status, headers: { location: '/v1/users' } });
    assert.deepEqual(run(v1, [basis, answered]), [], String(status));
  }
});

test('api-versioned live: a version that does not exist answered 2xx is an error, 5xx a warning; 4xx passes', () => {
  const accepted = exchange(v1.api, { operation: 'GET /v1/users', purpose: 'unknown-version', path: '/v999/users', basis, status: 200, body: [] });
  const crashed = exchange(v1.api, { operation: 'GET /v1/users', purpose: 'unknown-version', path: '/v999/users', basis, status: 500, body: 'oops' });
  assert.deepEqual(run(v1, [basis, accepted]), [
    {
      message:
        'GET /v999/users (a version that does not exist) answered 200 as if the version were known; reject unknown versions with 404 (or 400) so that a client asking for a retired or mistyped version finds out',
      at: '5:5-5:8',
      severity: 0,
    },
  ]);
  assert.deepEqual(run(v1, [basis, crashed]), [
    { message: 'GET /v999/users (a version that does not exist) answered 500; reject unknown versions clearly with 404 (or 400), not with a server error', at: '5:5-5:8', severity: 1 },
  ]);
  for (const status of [400, 404, 410]) {
    assert.deepEqual(run(v1, [basis, exchange(v1.api, { operation: 'GET /v1/users', purpose: 'unknown-version', path: '/v999/users', basis, status })]), [], String(status));
  }
});
