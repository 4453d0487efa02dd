import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';
import rule from '../../../rules/no-public-cache-with-auth';

const api = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
security: [{ token: [] }]
paths:
  /me:
    get:
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    token: { type: http, scheme: bearer }
`);
const run = (exchanges: ReturnType<typeof exchange>[]) => liveFindingsOf(runLive(api, exchanges, { rules: [rule] }), 'no-public-cache-with-auth');
const me = (cacheControl: string | undefined, spec: Partial<Parameters<typeof exchange>[1]> = {}) =>
  exchange(api.api, {
    operation: 'GET /me',
    credentials: true,
    requestHeaders: { authorization: 'Bearer secret-token' },
    status: 200,
    headers: cacheControl === undefined ? {} : { 'cache-control': cacheControl },
    body: { name: 'Ada' },
    ...spec,
  });
const MESSAGE =
  'GET /me answers authenticated requests with a Cache-Control that lets shared caches store the response ("public" or "s-maxage"), so one user\'s data can be served to another; send "Cache-Control: private" (or "no-store") on responses to requests with credentials';

test('no-public-cache-with-auth live: public or s-maxage on an authenticated 2xx is reported once per operation', () => {
  assert.deepEqual(run([me('public, max-age=3600'), me('max-age=60, s-maxage=600'), me('PUBLIC')]), [{ message: MESSAGE, at: '6:5-6:8', severity: 1 }]);
  const [finding] = runLive(api, [me('public, max-age=3600')], { rules: [rule], secrets: { authorization: 'Bearer secret-token' } });
  assert.deepEqual(finding.evidence, { request: 'GET /me\nauthorization: Bearer ***', response: '200 application/json\ncache-control: public, max-age=3600' });
});

test('no-public-cache-with-auth live: private, no-store, or no shared-cache directive passes', () => {
  for (const value of ['private, max-age=60', 'no-store', 'public, no-store', 'private, public', 'max-age=60', 'no-cache', undefined]) {
    assert.deepEqual(run([me(value)]), [], String(value));
  }
});

test('no-public-cache-with-auth live: private with a field list keeps only that field out of shared caches', () => {
  assert.deepEqual(run([me('public, private="Set-Cookie"')]), [{ message: MESSAGE, at: '6:5-6:8', severity: 1 }]);
});

test('no-public-cache-with-auth live: requests without credentials and non-2xx answers are not checked', () => {
  assert.deepEqual(run([me('public, max-age=60', { credentials: false, requestHeaders: {} })]), []);
  assert.deepEqual(run([me('public, max-age=60', { status: 404, body: { title: 'Not Found' } })]), []);
});
