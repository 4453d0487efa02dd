import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';
import rule from '../../../rules/no-trailing-slash';

const api = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: ok }
`);
const run = (exchanges: ReturnType<typeof exchange>[]) => liveFindingsOf(runLive(api, exchanges, { rules: [rule] }), 'no-trailing-slash');
const basis = exchange(api.api, { operation: 'GET /users', path: '/users?limit=1', status: 200, body: [] });
const slash = (status: number, headers: Record<string, string> = {}, body?: string | object) =>
  exchange(api.api, { operation: 'GET /users', purpose: 'trailing-slash', path: '/users/?limit=1', basis, status, headers, body });
const AT = '5:5-5:8';

test('no-trailing-slash live: the same answer, a redirect to the path without the slash, 404 or 410 pass', () => {
  assert.deepEqual(run([basis, slash(200, {}, [])]), []);
  for (const location of ['/users', '/users?limit=1', 'https://api.example.com/users?limit=1', ' /users ']) {
    assert.deepEqual(run([basis, slash(301, { location })]), [], location);
    assert.deepEqual(run([basis, slash(308, { location })]), [], location);
  }
  assert.deepEqual(run([basis, slash(404, {}, { title: 'Not Found' })]), []);
  assert.deepEqual(run([basis, slash(410)]), []);
});

test('no-trailing-slash live: a 5xx is reported at the rule severity', () => {
  assert.deepEqual(run([basis, slash(500, {}, 'oops')]), [
    { message: 'GET /users/?limit=1 (with a trailing "/") answered 500; answer as "/users" does, redirect to it, or answer 404', at: AT, severity: 0 },
  ]);
});

test('no-trailing-slash live: a 2xx of another status or media type is reported', () => {
  assert.deepEqual(run([basis, slash(200, { 'content-type': 'text/html' }, '<html></html>')]), [
    {
      message:
        'GET /users/?limit=1 (with a trailing "/") answered 200 text/html, while "/users" answered 200 application/json; a trailing "/" must not change the answer: answer the same, redirect to "/users" or answer 404',
      at: AT,
      severity: 0,
    },
  ]);
  assert.deepEqual(run([basis, slash(204)]).map((finding) => finding.message), [
    'GET /users/?limit=1 (with a trailing "/") answered 204, while "/users" answered 200 application/json; a trailing "/" must not change the answer: answer the same, redirect to "/users" or answer 404',
  ]);
});

test('no-trailing-slash live: another 4xx is a warning', () => {
  assert.deepEqual(run([basis, slash(400, {}, { title: 'Bad Request' })]), [
    { message: 'GET /users/?limit=1 (with a trailing "/") answered 400, while "/users" answered 200 application/json; answer as "/users" does, redirect to it, or answer 404', at: AT, severity: 1 },
  ]);
});

test('no-trailing-slash live: a redirect elsewhere, or without a Location, is reported', () => {
  assert.deepEqual(run([basis, slash(302, { location: '/login' }), slash(301)]), [
    { message: 'GET /users/?limit=1 (with a trailing "/") answered 301 without a Location header; redirect to "/users", the path without the slash', at: AT, severity: 0 },
    { message: 'GET /users/?limit=1 (with a trailing "/") answered 302 to "/login"; redirect to "/users", the path without the slash', at: AT, severity: 0 },
  ]);
});

test('no-trailing-slash live: only trailing-slash follow-ups with a response are checked', () => {
  const failed = exchange(api.api, { operation: 'GET /users', purpose: 'trailing-slash', path: '/users/', basis, failure: { kind: 'reset', message: 'connection reset' } });
  const plain = exchange(api.api, { operation: 'GET /users', path: '/users/', status: 500, body: 'oops' });
  assert.deepEqual(run([basis, failed, plain]), []);
});
