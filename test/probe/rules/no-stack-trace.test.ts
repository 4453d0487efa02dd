import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveFindingsOf, runLive } from '../../helpers/live';
import { errorRulesShop } from './error-rules-shop';
import rule from '../../../rules/no-stack-trace';

const shop = errorRulesShop();
const run = (exchanges: ReturnType<typeof exchange>[]) => liveFindingsOf(runLive(shop, exchanges, { rules: [rule] }), 'no-stack-trace');
const evidence = (item: ReturnType<typeof exchange>) => runLive(shop, [item], { rules: [rule] })[0]?.evidence?.response;

const PROBLEM = { 'content-type': 'application/problem+json; charset=utf-8' };
const TAIL = 'which reveals the technology and file layout to an attacker; log it server-side and return a correlation id (e.g. traceId) instead';
const EXPRESS_500 =
  '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Error: Failed to load user 1: connection refused<br> &nbsp; &nbsp;at /usr/src/app/app.js:6:37<br> &nbsp; &nbsp;at Layer.handleRequest (/usr/src/app/node_modules/router/lib/layer.js:169:33)</pre>\n</body>\n</html>\n';
const EXPRESS_404 = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /restlint-probe-3f9a</pre>\n</body>\n</html>\n';

test('no-stack-trace live: an Express development error page is reported with the frame as evidence', () => {
  const page = exchange(shop.api, { operation: 'GET /orders/{id}', path: '/orders/1', status: 500, headers: { 'content-type': 'text/html; charset=utf-8' }, body: EXPRESS_500 });
  assert.deepEqual(run([page]), [{ message: `GET /orders/{id} answered 500 with a Node.js stack trace in its body, ${TAIL}`, at: '14:5-14:8', severity: 0 }]);
  assert.equal(evidence(page), '500 text/html; charset=utf-8\nat /usr/src/app/app.js:6:37');
});

test('no-stack-trace live: a "stack" member in a problem is reported, naming the member and the runtime', () => {
  const body = { type: 'https://shop.example/problems/internal-error', title: 'Internal Server Error', status: 500, stack: 'Error: Failed to load user 2\n    at loadUser (/usr/src/app/app.js:211:15)' };
  const item = exchange(shop.api, { operation: 'GET /orders/{id}', path: '/orders/2', status: 500, headers: PROBLEM, body });
  assert.deepEqual(run([item]), [
    { message: 'GET /orders/{id} answered 500 with a "stack" member that exposes a Node.js stack trace; remove it, log the trace server-side and return a correlation id (e.g. traceId) instead', at: '14:5-14:8', severity: 0 },
  ]);
  assert.equal(evidence(item), '500 application/problem+json; charset=utf-8\n"stack": Error: Failed to load user 2 at loadUser (/usr/src/app/app.js:211:15)');
  // A short stack member is a leak whatever its text.
  assert.deepEqual(run([exchange(shop.api, { operation: 'GET /orders', status: 500, headers: PROBLEM, body: { title: 'Internal Server Error', status: 500, error: { exception: 'NullReferenceException' } } })]), [
    { message: 'GET /orders answered 500 with a "error.exception" member that exposes exception details; remove it, log the trace server-side and return a correlation id (e.g. traceId) instead', at: '5:5-5:8', severity: 0 },
  ]);
});

test('no-stack-trace live: traces inside JSON strings, per runtime, at any status, and at the API for unknown paths', () => {
  assert.deepEqual(
    run([
      exchange(shop.api, { operation: 'GET /orders', status: 400, body: { title: 'Bad Request', detail: 'SQLSTATE[42S22]: Column not found: 1054 Unknown column' } }),
      exchange(shop.api, { operation: 'POST /orders', purpose: 'malformed-json', status: 400, body: { message: 'Traceback (most recent call last):\n  File "/app/api/orders.py", line 3, in create' } }),
      exchange(shop.api, { operation: 'GET /orders/{id}', status: 200, body: { id: '1', note: '\tat com.example.shop.OrderService.load(OrderService.java:42)' } }),
      exchange(shop.api, { purpose: 'unknown-path', path: '/restlint-probe-1', status: 404, headers: { 'content-type': 'text/plain' }, body: 'goroutine 1 [running]:\nmain.main()\n\t/home/dev/shop/main.go:27 +0x1d' }),
    ]),
    [
      { message: `the API answered 404 with a Go panic trace in its body, ${TAIL}`, at: '1:1-1:8', severity: 0 },
      { message: `GET /orders answered 400 with a database error in its body, ${TAIL}`, at: '5:5-5:8', severity: 0 },
      { message: `POST /orders answered 400 with a Python traceback in its body, ${TAIL}`, at: '8:5-8:9', severity: 0 },
      { message: `GET /orders/{id} answered 200 with a Java stack trace in its body, ${TAIL}`, at: '14:5-14:8', severity: 0 },
    ],
  );
});

test('no-stack-trace live: trace ids, an "Internal Server Error" title, Express 404 pages and ordinary bodies pass', () => {
  assert.deepEqual(
    run([
      exchange(shop.api, {
        operation: 'GET /orders',
        status: 500,
        headers: { ...PROBLEM, traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
        body: { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Quote trace id 4bf92f3577b34da6a3ce929d0e0e4736 to support', traceId: '4bf92f3577b34da6a3ce929d0e0e4736', trace_id: 'abc123', traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01', trace: { sampled: true } },
      }),
      exchange(shop.api, { purpose: 'unknown-path', path: '/restlint-probe-3f9a', status: 404, headers: { 'content-type': 'text/html; charset=utf-8' }, body: EXPRESS_404 }),
      exchange(shop.api, { operation: 'POST /orders', purpose: 'invalid-body', status: 422, body: { title: 'Unprocessable Content', status: 422, detail: 'at least one item is required; delivery at 10:30 is not available', errors: [{ pointer: '/items', detail: 'Unexpected token } in JSON at position 10' }] } }),
      exchange(shop.api, { operation: 'GET /orders', status: 200, body: [{ id: '1', receipt: 'https://cdn.example.com/app/receipt.js', createdAt: '2024-05-01T10:30:00Z', stack: '' }] }),
      exchange(shop.api, { operation: 'GET /orders', status: 204, body: '' }),
      exchange(shop.api, { operation: 'GET /orders', failure: { kind: 'reset', message: 'connection reset' } }),
    ]),
    [],
  );
});
