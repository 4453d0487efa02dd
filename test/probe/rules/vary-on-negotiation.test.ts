import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';
import rule from '../../../rules/vary-on-negotiation';

const api = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /reports/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: ok
          content:
            application/json: { schema: { type: object } }
            text/csv: { schema: { type: string } }
`);
const run = (exchanges: ReturnType<typeof exchange>[]) => liveFindingsOf(runLive(api, exchanges, { rules: [rule] }), 'vary-on-negotiation');
const OP = 'GET /reports/{id}';
const basisWith = (headers: Record<string, string> = {}) =>
  exchange(api.api, { operation: OP, path: '/reports/7', requestHeaders: { accept: 'application/json' }, status: 200, headers, body: { total: 3 } });
const variant = (basis: ReturnType<typeof exchange>, headers: Record<string, string>, body: string | object = 'total\n3\n', status = 200) =>
  exchange(api.api, { operation: OP, purpose: 'accept-variant', path: '/reports/7', basis, requestHeaders: { accept: 'text/csv' }, status, headers: { 'content-type': 'text/csv', ...headers }, body });

test('vary-on-negotiation live: another representation for another Accept, without Vary: Accept, is reported (info)', () => {
  const basis = basisWith();
  assert.deepEqual(run([basis, variant(basis, {})]), [
    {
      message:
        'GET /reports/7 with "Accept: text/csv" answered 200 text/csv, while the same request with "Accept: application/json" answered 200 application/json, and neither response sends "Vary: Accept"; send "Vary: Accept" on every response whose representation depends on Accept, so that caches keep them apart',
      at: '5:5-5:8',
      severity: 2,
    },
  ]);
});

test('vary-on-negotiation live: Vary listing Accept among others, or *, on either response passes', () => {
  for (const vary of ['Accept', 'accept-encoding, Accept', 'Origin,accept', '*']) {
    const basis = basisWith();
    assert.deepEqual(run([basis, variant(basis, { vary })]), [], vary);
    const varied = basisWith({ vary });
    assert.deepEqual(run([varied, variant(varied, {})]), [], `basis ${vary}`);
  }
});

test('vary-on-negotiation live: Vary without Accept (Accept-Encoding, Accept-Language) does not count', () => {
  for (const vary of ['Accept-Encoding', 'Accept-Language, Origin']) {
    const basis = basisWith({ vary });
    assert.equal(run([basis, variant(basis, { vary })]).length, 1, vary);
  }
});

test('vary-on-negotiation live: the same media type with another body is reported; with the same body (JSON key order aside) it passes', () => {
  const basis = basisWith();
  const json = (body: object) => variant(basis, { 'content-type': 'application/json' }, body);
  assert.deepEqual(run([basis, json({ total: 3 })]), []);
  const reordered = exchange(api.api, { operation: OP, path: '/reports/7', requestHeaders: { accept: 'application/json' }, status: 200, body: '{"a":1,"b":2}', headers: { 'content-type': 'application/json' } });
  assert.deepEqual(run([reordered, variant(reordered, { 'content-type': 'application/json' }, '{ "b": 2, "a": 1 }')]), []);
  assert.deepEqual(run([basis, json({ total: 3, rows: [] })]), [
    {
      message:
        'GET /reports/7 with "Accept: text/csv" answered 200 application/json (another body), while the same request with "Accept: application/json" answered 200 application/json, and neither response sends "Vary: Accept"; send "Vary: Accept" on every response whose representation depends on Accept, so that caches keep them apart',
      at: '5:5-5:8',
      severity: 2,
    },
  ]);
});

test('vary-on-negotiation live: a refused variant (406) and other requests are not checked', () => {
  const basis = basisWith();
  assert.deepEqual(run([basis, variant(basis, { 'content-type': 'application/problem+json' }, { title: 'Not Acceptable' }, 406)]), []);
  assert.deepEqual(run([basis, exchange(api.api, { operation: OP, purpose: 'head', method: 'HEAD', path: '/reports/7', basis, status: 200, headers: { 'content-type': 'text/csv' } })]), []);
});
