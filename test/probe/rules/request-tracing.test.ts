import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';
import rule from '../../../rules/request-tracing';

const api = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: ok }
`);
const run = (exchanges: ReturnType<typeof exchange>[], config?: string) => liveFindingsOf(runLive(api, exchanges, { rules: [rule], config }), 'request-tracing');
const VALID = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const TRACED = { 'x-request-id': 'f3b2' };
const basis = exchange(api.api, { operation: 'GET /users', status: 200, headers: TRACED, body: [] });
const follow = (purpose: 'traceparent-valid' | 'traceparent-malformed', status: number, traceparent = purpose === 'traceparent-valid' ? VALID : 'not-a-trace') =>
  exchange(api.api, { operation: 'GET /users', purpose, basis, requestHeaders: { traceparent }, status, headers: TRACED, body: status < 300 ? [] : { title: 'Bad Request' } });
const MISSING = (count: number) =>
  `no response carried a request id header (${count} checked); return "traceparent" (W3C Trace Context) or "X-Request-ID" in every response, so that a caller can quote it and one request can be followed through the logs of every service it crosses`;

test('request-tracing live: a valid traceparent answered 4xx where the request without it got 2xx is reported', () => {
  assert.deepEqual(run([basis, follow('traceparent-valid', 400)]), [
    {
      message:
        'GET /users with a valid "traceparent" header answered 400, while the same request without it answered 200; accept W3C Trace Context headers, so that callers can pass their trace on',
      at: '5:5-5:8',
      severity: 2,
    },
  ]);
});

test('request-tracing live: a malformed traceparent must be ignored, not rejected (4xx or 5xx)', () => {
  const message = (status: number) =>
    `GET /users with a malformed "traceparent" header answered ${status}, while the same request without it answered 200; ignore a malformed traceparent (start a new trace, as W3C Trace Context says) instead of rejecting the request`;
  assert.deepEqual(run([basis, follow('traceparent-malformed', 400), follow('traceparent-malformed', 500)]), [
    { message: message(400), at: '5:5-5:8', severity: 2 },
    { message: message(500), at: '5:5-5:8', severity: 2 },
  ]);
});

test('request-tracing live: traceparents answered as the request without them pass (2xx, or a 3xx)', () => {
  assert.deepEqual(run([basis, follow('traceparent-valid', 200), follow('traceparent-malformed', 200), follow('traceparent-malformed', 304)]), []);
});

test('request-tracing live: no response with a request id header is reported once at the API; any one response with one passes', () => {
  const plain = (status: number) => exchange(api.api, { operation: 'GET /users', status, headers: { 'content-type': 'application/json' }, body: [] });
  assert.deepEqual(run([plain(200), plain(200), exchange(api.api, { purpose: 'unknown-path', path: '/restlint-probe-x', status: 404 })]), [
    { message: MISSING(3), at: '1:1-1:8', severity: 2 },
  ]);
  for (const name of ['traceparent', 'X-Request-ID', 'Request-Id', 'x-correlation-id', 'X-Amzn-Trace-Id', 'x-ms-request-id']) {
    const traced = exchange(api.api, { purpose: 'unknown-path', path: '/restlint-probe-x', status: 404, headers: { [name]: 'abc' } });
    assert.deepEqual(run([plain(200), traced]), [], name);
  }
  assert.deepEqual(run([]), []);
});

test('request-tracing live: a header of the "headers" option counts; other headers do not', () => {
  const flow = exchange(api.api, { operation: 'GET /users', status: 200, headers: { 'X-Flow-ID': 'abc' }, body: [] });
  assert.deepEqual(run([flow]), [{ message: MISSING(1), at: '1:1-1:8', severity: 2 }]);
  assert.deepEqual(run([flow], 'rules:\n  request-tracing: [info, { headers: [X-Flow-Id] }]\n'), []);
});
