import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';
import rule from '../../../rules/etag-conditional';

const DOC = `openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /orders:
    get:
      responses:
        '200': { description: ok }
  /orders/{orderId}:
    get:
      parameters:
        - { name: orderId, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: ok }
  /orders/{orderId}:cancel:
    get:
      parameters:
        - { name: orderId, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: ok }
  /{apiVersion}:
    get:
      parameters:
        - { name: apiVersion, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: ok }
`;
const api = liveApi(DOC);
const run = (exchanges: ReturnType<typeof exchange>[]) => liveFindingsOf(runLive(api, exchanges, { rules: [rule] }), 'etag-conditional');
const ITEM = 'GET /orders/{orderId}';
const AT = '9:5-9:8';
const order = { id: '42', total: 10 };

function basis(headers: Record<string, string>) {
  return exchange(api.api, { operation: ITEM, path: '/orders/42', status: 200, headers, body: order });
}

test('etag-conditional live: If-None-Match with the ETag answered 200 is reported, naming the validator sent', () => {
  const first = basis({ etag: '"v1"' });
  const conditional = exchange(api.api, { operation: ITEM, purpose: 'conditional', path: '/orders/42', basis: first, requestHeaders: { 'if-none-match': '"v1"' }, status: 200, headers: { etag: '"v1"' }, body: order });
  assert.deepEqual(run([first, conditional]), [
    {
      message: 'GET /orders/42 with If-None-Match: "v1" (the ETag of the response before) answered 200, not 304 Not Modified; answer 304 without a body while the ETag still matches',
      at: AT,
      severity: 2,
    },
  ]);
});

test('etag-conditional live: If-Modified-Since with the Last-Modified answered 200 names Last-Modified', () => {
  const date = 'Tue, 24 Nov 2026 10:00:00 GMT';
  const first = basis({ 'last-modified': date });
  const conditional = exchange(api.api, { operation: ITEM, purpose: 'conditional', path: '/orders/42', basis: first, requestHeaders: { 'if-modified-since': date }, status: 200, headers: { 'last-modified': date }, body: order });
  assert.deepEqual(run([first, conditional]), [
    {
      message: `GET /orders/42 with If-Modified-Since: ${date} (the Last-Modified of the response before) answered 200, not 304 Not Modified; answer 304 without a body while the Last-Modified still matches`,
      at: AT,
      severity: 2,
    },
  ]);
});

test('etag-conditional live: a weak ETag in If-None-Match matches weakly: 304 passes, a 200 under the same weak tag is reported', () => {
  const first = basis({ etag: 'W/"x"' });
  const ok = exchange(api.api, { operation: ITEM, purpose: 'conditional', path: '/orders/42', basis: first, requestHeaders: { 'if-none-match': 'W/"x"' }, status: 304, headers: { etag: 'W/"x"' } });
  assert.deepEqual(run([first, ok]), []);
  const changedBodySameTag = exchange(api.api, { operation: ITEM, purpose: 'conditional', path: '/orders/42', basis: first, requestHeaders: { 'if-none-match': 'W/"x"' }, status: 200, headers: { etag: '"x"' }, body: { ...order, total: 11 } });
  assert.deepEqual(run([first, changedBodySameTag]), [
    {
      message: 'GET /orders/42 with If-None-Match: W/"x" (the ETag of the response before) answered 200, not 304 Not Modified; answer 304 without a body while the ETag still matches',
      at: AT,
      severity: 2,
    },
  ]);
});

test('etag-conditional live: a resource that changed in between (another body, another validator) is not reported', () => {
  const first = basis({ etag: '"v1"' });
  const changed = exchange(api.api, { operation: ITEM, purpose: 'conditional', path: '/orders/42', basis: first, requestHeaders: { 'if-none-match': '"v1"' }, status: 200, headers: { etag: '"v2"' }, body: { ...order, total: 11 } });
  assert.deepEqual(run([first, changed]), []);
  // The same body under a new tag each time: the validator is useless, and that is reported.
  const unstable = exchange(api.api, { operation: ITEM, purpose: 'conditional', path: '/orders/42', basis: first, requestHeaders: { 'if-none-match': '"v1"' }, status: 200, headers: { etag: '"v3"' }, body: order });
  assert.equal(run([first, unstable]).length, 1);
});

test('etag-conditional live: a 304 with a body is no-body-on-204-304\'s, reported once', () => {
  const first = basis({ etag: '"v1"' });
  const conditional = exchange(api.api, { operation: ITEM, purpose: 'conditional', path: '/orders/42', basis: first, requestHeaders: { 'if-none-match': '"v1"' }, status: 304, headers: { etag: '"v1"' }, body: 'not modified' });
  assert.deepEqual(run([first, conditional]), []);
  assert.deepEqual(
    runLive(api, [first, conditional]).filter((finding) => finding.code === 'no-body-on-204-304').map((finding) => finding.message),
    ['GET /orders/{orderId} answered 304 with a body; a 304 response ends at its headers, so send none (or answer 200 with the changed representation if the body is needed)'],
  );
});

test('etag-conditional live: an item GET without ETag or Last-Modified is reported once per operation (info)', () => {
  const a = exchange(api.api, { operation: ITEM, path: '/orders/42', status: 200, body: order });
  const b = exchange(api.api, { operation: ITEM, path: '/orders/43', status: 200, body: order });
  assert.deepEqual(run([a, b]), [
    {
      message: 'GET /orders/{orderId} answers without an ETag or Last-Modified header; send a validator so that clients can revalidate with If-None-Match and get 304 Not Modified',
      at: AT,
      severity: 2,
    },
  ]);
});

test('etag-conditional live: collections, custom methods, version namespaces, 204s and non-valid requests need no validator', () => {
  const exchanges = [
    exchange(api.api, { operation: 'GET /orders', status: 200, body: [] }),
    exchange(api.api, { operation: 'GET /orders/{orderId}:cancel', path: '/orders/42:cancel', status: 200, body: {} }),
    exchange(api.api, { operation: 'GET /{apiVersion}', path: '/v1', status: 200, body: {} }),
    exchange(api.api, { operation: ITEM, path: '/orders/42', status: 204 }),
    exchange(api.api, { operation: ITEM, purpose: 'unknown-id', path: '/orders/x', status: 404, body: {} }),
    exchange(api.api, { operation: ITEM, purpose: 'trailing-slash', path: '/orders/42/', status: 200, body: order }),
    exchange(api.api, { operation: ITEM, path: '/orders/42', failure: { kind: 'refused', message: 'connection refused' } }),
  ];
  assert.deepEqual(run(exchanges), []);
});
