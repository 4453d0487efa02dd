import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveFindingsOf, runLive } from '../../helpers/live';
import { errorRulesShop } from './error-rules-shop';
import { looksLikeError } from '../../../rules/lib/error-bodies';
import rule from '../../../rules/no-error-in-2xx';

const shop = errorRulesShop();
const run = (exchanges: ReturnType<typeof exchange>[]) => liveFindingsOf(runLive(shop, exchanges, { rules: [rule] }), 'no-error-in-2xx');
const HIDES = 'a success status for a failed request hides the failure from clients, caches and monitoring';
const BODY_TAIL = 'a success status with an error in the body hides failures from clients, caches and monitoring; answer failures with a 4xx or 5xx and the error body';

test('no-error-in-2xx live: an unknown id answered 2xx is reported, whatever the body', () => {
  assert.deepEqual(run([exchange(shop.api, { operation: 'GET /orders/{id}', purpose: 'unknown-id', path: '/orders/restlint-0', status: 200, body: {} })]), [
    { message: `GET /orders/{id} answered 200 to a request for an id that does not exist: ${HIDES}; answer with 404 Not Found`, at: '14:5-14:8', severity: 0 },
  ]);
});

test('no-error-in-2xx live: other provocations answered 2xx with an error in the body are reported, saying which', () => {
  const errorBody = { success: false, message: 'rejected' };
  assert.deepEqual(
    run([
      exchange(shop.api, { operation: 'POST /orders', purpose: 'malformed-json', requestBody: '{"restlint":', status: 200, body: errorBody }),
      exchange(shop.api, { operation: 'POST /orders', purpose: 'invalid-body', requestBody: '{"items":7}', status: 201, body: { errors: ['items must be an array'] } }),
      exchange(shop.api, { operation: 'POST /orders', purpose: 'no-auth', status: 200, body: { status: 'error', message: 'missing API key' } }),
      exchange(shop.api, { operation: 'GET /orders', purpose: 'unknown-version', path: '/v999/orders', status: 200, body: { ok: false } }),
    ]),
    [
      { message: `GET /orders answered 200 to a request for an API version that does not exist: ${HIDES}; answer with a 4xx (404 Not Found, or 400 naming the supported versions)`, at: '5:5-5:8', severity: 0 },
      { message: `POST /orders answered 200 to a body that is not JSON: ${HIDES}; answer with 400 Bad Request`, at: '8:5-8:9', severity: 0 },
      { message: `POST /orders answered 200 to a request without credentials: ${HIDES}; answer with 401 Unauthorized (or 403 Forbidden)`, at: '8:5-8:9', severity: 0 },
      { message: `POST /orders answered 201 to a body that breaks the request schema: ${HIDES}; answer with 400 Bad Request or 422 Unprocessable Content`, at: '8:5-8:9', severity: 0 },
    ],
  );
  // Without an error in the body, invalid-input-rejected, operations-secured and api-versioned report these.
  assert.deepEqual(
    run([
      exchange(shop.api, { operation: 'POST /orders', purpose: 'malformed-json', status: 200, body: { id: '9' } }),
      exchange(shop.api, { operation: 'POST /orders', purpose: 'invalid-body', status: 201, body: { id: '9' } }),
      exchange(shop.api, { operation: 'POST /orders', purpose: 'no-auth', status: 200, body: [] }),
      exchange(shop.api, { operation: 'GET /orders', purpose: 'unknown-version', status: 200, body: [] }),
    ]),
    [],
  );
});

test('no-error-in-2xx live: the evidence of a provoked 2xx names the error the body reports', () => {
  const [finding] = runLive(shop, [exchange(shop.api, { operation: 'POST /orders', purpose: 'malformed-json', status: 200, body: { success: false, message: 'invalid JSON' } })], { rules: [rule] });
  assert.equal(finding.evidence?.response, '200 application/json\n"success": false in {"success":false,"message":"invalid JSON"}');
});

test('no-error-in-2xx live: any 2xx body shaped like an error is reported, also for unknown paths', () => {
  assert.deepEqual(
    run([
      exchange(shop.api, { operation: 'GET /orders', status: 200, body: { ok: false, error: 'database unavailable' } }),
      exchange(shop.api, { operation: 'GET /orders/{id}', path: '/orders/1', status: 200, body: { status: 'ERROR', message: 'order service down' } }),
      exchange(shop.api, { purpose: 'unknown-path', path: '/restlint-probe-1', status: 200, body: { error: { code: 404, message: 'Not Found' } } }),
      exchange(shop.api, { operation: 'POST /orders', status: 200, credentials: true, body: { errors: [{ field: 'items', message: 'required' }] } }),
    ]),
    [
      { message: `the API answered 200 with a body that reports an error (an "error" member): ${BODY_TAIL}`, at: '1:1-1:8', severity: 0 },
      { message: `GET /orders answered 200 with a body that reports an error ("ok": false): ${BODY_TAIL}`, at: '5:5-5:8', severity: 0 },
      { message: `POST /orders answered 200 with a body that reports an error (a non-empty "errors" member): ${BODY_TAIL}`, at: '8:5-8:9', severity: 0 },
      { message: `GET /orders/{id} answered 200 with a body that reports an error ("status": "ERROR"): ${BODY_TAIL}`, at: '14:5-14:8', severity: 0 },
    ],
  );
});

test('no-error-in-2xx live: jobs, resources, 207, reports, streams, error resources and optional auth pass', () => {
  assert.deepEqual(
    run([
      // A job that failed: its status is data.
      exchange(shop.api, { operation: 'GET /orders', status: 200, body: { status: 'failed', progress: 100, completedAt: '2024-05-01T10:30:00Z', error: { code: 'TIMEOUT' } } }),
      exchange(shop.api, { operation: 'GET /orders', status: 200, body: { status: 'failed', startedAt: '2024-05-01T10:30:00Z' } }),
      // A resource (it has an id) whose state is failed.
      exchange(shop.api, { operation: 'GET /orders/{id}', path: '/orders/1', status: 200, body: { id: '1', status: 'failed', error: 'card declined' } }),
      // 207 Multi-Status: per-item outcomes.
      exchange(shop.api, { operation: 'POST /orders', status: 207, body: { results: [{ status: 'failed' }], errors: [{ index: 0 }] } }),
      // A validation report, a grpc-gateway stream chunk, a stream, a resource about errors.
      exchange(shop.api, { operation: 'POST /orders', status: 200, body: { valid: false, errors: ['items is required'] } }),
      exchange(shop.api, { operation: 'GET /orders', status: 200, body: { result: null, error: { code: 5 } } }),
      exchange(shop.api, { operation: 'GET /orders', status: 200, headers: { 'content-type': 'application/x-ndjson' }, body: '{"error":"x"}' }),
      exchange(shop.api, { operation: 'GET /jobs/{id}/errors', path: '/jobs/1/errors', status: 200, body: { errors: [{ line: 3 }] } }),
      // Credentials are optional (security lists {}): answering without them is right.
      exchange(shop.api, { operation: 'GET /public', purpose: 'no-auth', status: 200, body: { ok: true } }),
      // Ordinary successes and empty error members; errors answered with errors.
      exchange(shop.api, { operation: 'GET /orders', status: 200, body: { status: 'ok', error: null, errors: [], success: true, requestId: 'r-1' } }),
      exchange(shop.api, { operation: 'GET /orders/{id}', purpose: 'unknown-id', status: 404, body: { error: 'not found' } }),
      exchange(shop.api, { operation: 'GET /orders', purpose: 'unknown-version', status: 301, body: '' }),
      exchange(shop.api, { operation: 'GET /orders', purpose: 'head', method: 'HEAD', status: 200, body: '' }),
      exchange(shop.api, { operation: 'GET /orders', status: 200, headers: { 'content-type': 'text/plain' }, body: 'error' }),
    ]),
    [],
  );
});

test('no-error-in-2xx live: looksLikeError reads the top-level members narrowly', () => {
  assert.equal(looksLikeError({ success: false }), '"success": false');
  assert.equal(looksLikeError({ result: 'fail' }), '"result": "fail"');
  assert.equal(looksLikeError({ status: 'Failure', errorId: 'E1' }), '"status": "Failure"');
  assert.equal(looksLikeError({ error: '' }), undefined);
  assert.equal(looksLikeError({ error: {} }), undefined);
  assert.equal(looksLikeError({ status: 'failed', order_id: '7' }), undefined);
  assert.equal(looksLikeError({ status: 'pending' }), undefined);
  assert.equal(looksLikeError({ status: 500 }), undefined);
  assert.equal(looksLikeError([{ error: 'x' }]), undefined);
  assert.equal(looksLikeError('error'), undefined);
});
