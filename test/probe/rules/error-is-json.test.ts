import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveFindingsOf, runLive } from '../../helpers/live';
import { errorRulesShop } from './error-rules-shop';
import rule from '../../../rules/error-is-json';

const shop = errorRulesShop();
const run = (exchanges: ReturnType<typeof exchange>[]) => liveFindingsOf(runLive(shop, exchanges, { rules: [rule] }), 'error-is-json');

// Express 5's own pages (development mode), as captured with supertest.
const EXPRESS_404 = '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Error</title>\n</head>\n<body>\n<pre>Cannot GET /restlint-probe-3f9a</pre>\n</body>\n</html>\n';
const HTML = { 'content-type': 'text/html; charset=utf-8' };
const PROBLEM = { 'content-type': 'application/problem+json' };

test('error-is-json live: an HTML error page for an unknown path is reported at the API, with the start of the body', () => {
  const unknown = exchange(shop.api, { purpose: 'unknown-path', path: '/restlint-probe-3f9a', status: 404, headers: HTML, body: EXPRESS_404 });
  assert.deepEqual(run([unknown]), [{ message: 'the API answered 404 with text/html, not JSON; send errors as application/problem+json', at: '1:1-1:8', severity: 0 }]);
  const [finding] = runLive(shop, [unknown], { rules: [rule] });
  assert.equal(finding.evidence?.request, 'GET /restlint-probe-3f9a');
  assert.match(finding.evidence?.response ?? '', /^404 text\/html; charset=utf-8\n<!DOCTYPE html> <html lang="en">/);
});

test('error-is-json live: plain text, a missing Content-Type and JSON that does not parse are reported at the operation', () => {
  assert.deepEqual(
    run([
      exchange(shop.api, { operation: 'GET /orders/{id}', purpose: 'unknown-id', path: '/orders/x', status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not Found' }),
      exchange(shop.api, { operation: 'POST /orders', purpose: 'malformed-json', status: 400, body: 'Bad Request' }),
      exchange(shop.api, { operation: 'GET /orders', status: 500, headers: { 'content-type': 'application/json' }, body: '{"title": "Internal' }),
    ]),
    [
      { message: 'GET /orders answered 500 with a body labelled application/json that does not parse as JSON; send errors as valid JSON (application/problem+json)', at: '5:5-5:8', severity: 0 },
      { message: 'POST /orders answered 400 with no Content-Type, not JSON; send errors as application/problem+json', at: '8:5-8:9', severity: 0 },
      { message: 'GET /orders/{id} answered 404 with text/plain, not JSON; send errors as application/problem+json', at: '14:5-14:8', severity: 0 },
    ],
  );
});

test('error-is-json live: one finding per operation and status, however many requests got it', () => {
  const wrongMethod = (method: string) => exchange(shop.api, { operation: 'GET /orders', purpose: 'wrong-method', method, status: 405, headers: HTML, body: `<pre>Cannot ${method} /orders</pre>` });
  assert.equal(run([wrongMethod('PUT'), wrongMethod('PATCH'), wrongMethod('DELETE')]).length, 1);
});

test('error-is-json live: JSON errors, successes, HEAD, empty bodies, non-JSON Accept and browser pages pass', () => {
  assert.deepEqual(
    run([
      exchange(shop.api, { operation: 'GET /orders/{id}', purpose: 'unknown-id', status: 404, headers: PROBLEM, body: { type: 'about:blank', title: 'Not Found', status: 404 } }),
      exchange(shop.api, { operation: 'GET /orders/{id}', status: 404, headers: { 'content-type': 'application/vnd.shop.error+json; charset=utf-8' }, body: '{"code":"NOT_FOUND"}' }),
      exchange(shop.api, { operation: 'GET /orders', status: 200, headers: HTML, body: '<html></html>' }),
      exchange(shop.api, { operation: 'GET /orders', status: 302, headers: HTML, body: '<a href="/login">Found</a>' }),
      exchange(shop.api, { operation: 'GET /orders', purpose: 'head', method: 'HEAD', status: 500, headers: HTML, body: '' }),
      exchange(shop.api, { operation: 'GET /orders', status: 503, headers: HTML, body: '  \n' }),
      exchange(shop.api, { operation: 'GET /orders', purpose: 'accept-variant', requestHeaders: { accept: 'text/csv' }, status: 406, headers: { 'content-type': 'text/csv' }, body: 'error\nnot acceptable' }),
      exchange(shop.api, { operation: 'GET /authorize', status: 400, headers: HTML, body: '<p>Invalid redirect_uri</p>' }),
      exchange(shop.api, { operation: 'GET /orders', failure: { kind: 'timeout', message: 'no answer within 5000 ms' } }),
    ]),
    [],
  );
});

test('error-is-json live: an Accept that allows JSON still expects JSON errors', () => {
  assert.equal(run([exchange(shop.api, { operation: 'GET /orders', requestHeaders: { accept: 'text/html, */*;q=0.8' }, status: 500, headers: HTML, body: '<h1>Oops</h1>' })]).length, 1);
});
