import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const op = (...statuses: string[]) =>
  `  /orders:\n    get:\n      responses:\n${statuses.map((status) => `        '${status}': { description: x }\n`).join('')}`;

test('registered-status-codes: flags an unregistered code at the response key', () => {
  const doc = openapi(op('200', '420'));
  assert.deepEqual(findingsOf(lintText(doc), 'registered-status-codes'), [
    {
      message: 'GET /orders: status code 420 is not registered with IANA; use a registered code of the same class (e.g. 400, 409, 422 or 429)',
      at: '8:9-8:14',
      severity: 0,
    },
  ]);
});

test('registered-status-codes: vendor, unused and out-of-range codes, lowercase ranges', () => {
  const doc = openapi(op('299', '306', '418', '499', '520', '600', '99', '4xx', 'OK'));
  assert.deepEqual(findingsOf(lintText(doc), 'registered-status-codes').map((finding) => finding.message), [
    'GET /orders: status code 299 is not registered with IANA; use a registered code of the same class (e.g. 200, 202 or 204)',
    'GET /orders: status code 306 is reserved as unused in the IANA registry; use a registered code of the same class (e.g. 303, 304 or 307)',
    'GET /orders: status code 418 is reserved as unused in the IANA registry; use a registered code of the same class (e.g. 400, 409, 422 or 429)',
    'GET /orders: status code 499 is not registered with IANA; use a registered code of the same class (e.g. 400, 409, 422 or 429)',
    'GET /orders: status code 520 is not registered with IANA; use a registered code of the same class (e.g. 500, 502, 503 or 504)',
    'GET /orders: "600" is not an HTTP status code; use a registered code (100–599), "default", or a range like "4XX"',
    'GET /orders: "99" is not an HTTP status code; use a registered code (100–599), "default", or a range like "4XX"',
    'GET /orders: status range "4xx" must use an uppercase X; write "4XX"',
    'GET /orders: "OK" is not an HTTP status code; use a registered code (100–599), "default", or a range like "4XX"',
  ]);
});

test('registered-status-codes: registered codes, default, ranges and extensions pass', () => {
  const doc = openapi(op('100', '103', '200', '207', '226', '308', '422', '425', '429', '451', '511', '2XX', '4XX', '5XX', 'default', 'x-internal'));
  assert.deepEqual(findingsOf(lintText(doc), 'registered-status-codes'), []);
});

test('registered-status-codes: Swagger 2.0 has no ranges; unquoted numeric keys', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /orders:\n    get:\n      responses:\n        200: { description: ok }\n        509: { description: x }\n        4XX: { description: x }\n`;
  assert.deepEqual(findingsOf(lintText(swagger), 'registered-status-codes'), [
    {
      message: 'GET /orders: status code 509 is not registered with IANA; use a registered code of the same class (e.g. 500, 502, 503 or 504)',
      at: '8:9-8:12',
      severity: 0,
    },
    { message: 'GET /orders: Swagger 2.0 has no status ranges ("4XX"); list the codes, or use "default"', at: '9:9-9:12', severity: 0 },
  ]);
});

test('registered-status-codes: a $ref\'d response is checked at the key that uses it', () => {
  const doc = openapi(
    `  /orders:\n    get:\n      responses:\n        '420': { $ref: '#/components/responses/Slow' }\n`,
    `components:\n  responses:\n    Slow: { description: slow }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'registered-status-codes').map((finding) => finding.at), ['10:9-10:14']);
});

test('registered-status-codes: an operation written as a $ref (DigitalOcean) is read through it', () => {
  const doc = openapi(`  /orders:\n    get:\n      $ref: 'ops/list.yaml'\n`);
  const files = { 'ops/list.yaml': `responses:\n  '200': { description: ok }\n  '420': { description: slow }\n` };
  assert.deepEqual(findingsOf(lintText(doc, { files }), 'registered-status-codes'), [
    { message: 'GET /orders: status code 420 is not registered with IANA; use a registered code of the same class (e.g. 400, 409, 422 or 429)', at: '3:3-3:8', severity: 0 },
  ]);
});
