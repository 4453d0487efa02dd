import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /old-users:
    get:
      deprecated: true
      responses:
        '200': { description: the users }
        '404': { description: none }
  /users:
    get:
      responses:
        '200': { description: the users }
`);

const old = (status: number, headers: Record<string, string> = {}) => exchange(doc.api, { operation: 'GET /old-users', status, headers });

test('deprecation-signals: a deprecated operation answering 2xx without Deprecation is reported once', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [old(200), old(200, { sunset: 'Wed, 31 Dec 2025 23:59:59 GMT' })]), 'deprecation-signals'), [
    {
      message:
        'GET /old-users is deprecated, but its success responses carry no Deprecation header; send Deprecation (RFC 9745), and Sunset (RFC 8594) with the date it stops working, so clients learn it at run time',
      at: '5:5-5:8',
      severity: 2,
    },
  ]);
});

test('deprecation-signals: a Sunset earlier than Deprecation is reported', () => {
  const headers = { deprecation: '@1767225600', sunset: 'Wed, 31 Dec 2025 23:59:59 GMT' };
  assert.deepEqual(liveFindingsOf(runLive(doc, [old(200, headers)]), 'deprecation-signals'), [
    {
      message:
        'GET /old-users answered with a Sunset date (Wed, 31 Dec 2025 23:59:59 GMT) earlier than its Deprecation date (@1767225600); an operation cannot stop working before it is deprecated',
      at: '5:5-5:8',
      severity: 2,
    },
  ]);
});

test('deprecation-signals: Deprecation (with a later Sunset), errors, and operations not deprecated pass', () => {
  const exchanges = [
    old(200, { deprecation: '@1735689600', sunset: 'Wed, 31 Dec 2025 23:59:59 GMT' }),
    old(200, { deprecation: '@1735689600' }),
    old(404),
    exchange(doc.api, { operation: 'GET /users', status: 200 }),
    old(200, { deprecation: 'true', sunset: 'soon' }),
  ];
  assert.deepEqual(liveFindingsOf(runLive(doc, exchanges), 'deprecation-signals'), []);
});
