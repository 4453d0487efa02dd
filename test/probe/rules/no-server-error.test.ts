import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, response, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: the user }
        '500': { description: documented, still a failure }
`);

test('no-server-error: a 5xx to any request is reported per request, at the operation', () => {
  const findings = runLive(doc, [
    exchange(doc.api, { operation: 'GET /users/{id}', path: '/users/42', status: 500, body: 'boom' }),
    exchange(doc.api, { operation: 'GET /users/{id}', purpose: 'unknown-id', path: '/users/restlint-0', status: 503 }),
    exchange(doc.api, { operation: 'GET /users/{id}', purpose: 'wrong-method', method: 'PATCH', path: '/users/42', status: 502 }),
  ]);
  assert.deepEqual(liveFindingsOf(findings, 'no-server-error'), [
    { message: 'GET /users/42 answered 500; a server error is never the answer to a request, valid or not', at: '5:5-5:8', severity: 0 },
    { message: 'GET /users/restlint-0 answered 503; a server error is never the answer to a request, valid or not', at: '5:5-5:8', severity: 0 },
    { message: 'PATCH /users/42 answered 502; a server error is never the answer to a request, valid or not', at: '5:5-5:8', severity: 0 },
  ]);
});

test('no-server-error: an unknown path answered 5xx is reported at the API', () => {
  const findings = runLive(doc, [exchange(doc.api, { purpose: 'unknown-path', path: '/restlint-probe-1a2b', status: 500 })]);
  assert.deepEqual(liveFindingsOf(findings, 'no-server-error'), [
    { message: 'GET /restlint-probe-1a2b answered 500; a server error is never the answer to a request, valid or not', at: '1:1-1:8', severity: 0 },
  ]);
});

test('no-server-error: a 5xx that does not happen again is reported at info as flaky', () => {
  const flaky = exchange(doc.api, { operation: 'GET /users/{id}', path: '/users/42', status: 500 });
  const findings = runLive(doc, [flaky], { resend: () => response({ status: 200 }) });
  assert.deepEqual(liveFindingsOf(findings, 'no-server-error'), [
    {
      message: 'GET /users/42 answered 500; a server error is never the answer to a request, valid or not (did not happen again when the request was resent: flaky)',
      at: '5:5-5:8',
      severity: 2,
    },
  ]);
  // Still a 5xx on the resend (another one): reported as it is.
  const again = runLive(doc, [flaky], { resend: () => response({ status: 502 }) });
  assert.equal(liveFindingsOf(again, 'no-server-error')[0].severity, 0);
});

test('no-server-error: 4xx, 2xx and failures that are not the server\'s (a name that does not resolve) are not reported', () => {
  const findings = runLive(doc, [
    exchange(doc.api, { operation: 'GET /users/{id}', path: '/users/42', status: 200 }),
    exchange(doc.api, { operation: 'GET /users/{id}', purpose: 'unknown-id', path: '/users/x', status: 404 }),
    exchange(doc.api, { operation: 'GET /users/{id}', path: '/users/42', failure: { kind: 'error', message: 'getaddrinfo ENOTFOUND api.invalid' } }),
  ]);
  assert.deepEqual(liveFindingsOf(findings, 'no-server-error'), []);
});

test('no-server-error: a timeout, a connection closed without an answer or an answer that is not HTTP is reported, not resent; a refused connection is not', () => {
  const failing = (kind: 'timeout' | 'reset' | 'malformed' | 'refused', message: string) => exchange(doc.api, { operation: 'GET /users/{id}', path: '/users/42', failure: { kind, message } });
  const findings = runLive(
    doc,
    [
      failing('timeout', 'no complete answer within 300 ms'),
      failing('reset', 'the server closed the connection without an answer'),
      failing('malformed', 'the answer is not valid HTTP (Parse Error: Expected HTTP/)'),
      failing('refused', 'connection refused (connect ECONNREFUSED 127.0.0.1:9)'),
    ],
    { resend: () => response({ status: 200 }) },
  );
  assert.deepEqual(liveFindingsOf(findings, 'no-server-error'), [
    { message: 'GET /users/42 failed: no complete answer within 300 ms; a server answers every request, valid or not, and in time', at: '5:5-5:8', severity: 0 },
    { message: 'GET /users/42 failed: the answer is not valid HTTP (Parse Error: Expected HTTP/); a server answers every request, valid or not, and in time', at: '5:5-5:8', severity: 0 },
    { message: 'GET /users/42 failed: the server closed the connection without an answer; a server answers every request, valid or not, and in time', at: '5:5-5:8', severity: 0 },
  ]);
});

test('no-server-error: a 501 to a wrong method the document uses nowhere (TRACE) is not reported; to one it uses elsewhere, or to a documented call, it is', () => {
  const api = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: the users }
  /users/{id}:
    put:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: replaced }
`);
  const findings = runLive(api, [
    // koa-router's allowedMethods() answers 501 to a method it knows nothing of.
    exchange(api.api, { operation: 'GET /users', purpose: 'wrong-method', method: 'TRACE', path: '/users', status: 501 }),
    exchange(api.api, { operation: 'GET /users', purpose: 'wrong-method', method: 'PATCH', path: '/users', status: 501 }),
    exchange(api.api, { operation: 'GET /users', purpose: 'wrong-method', method: 'PUT', path: '/users', status: 501 }),
    exchange(api.api, { operation: 'GET /users', purpose: 'wrong-method', method: 'TRACE', path: '/users', status: 500 }),
    exchange(api.api, { operation: 'PUT /users/{id}', method: 'PUT', path: '/users/1', status: 501 }),
  ]);
  assert.deepEqual(liveFindingsOf(findings, 'no-server-error'), [
    { message: 'PUT /users answered 501; a server error is never the answer to a request, valid or not', at: '5:5-5:8', severity: 0 },
    { message: 'TRACE /users answered 500; a server error is never the answer to a request, valid or not', at: '5:5-5:8', severity: 0 },
    { message: 'PUT /users/1 answered 501; a server error is never the answer to a request, valid or not', at: '9:5-9:8', severity: 0 },
  ]);
});
