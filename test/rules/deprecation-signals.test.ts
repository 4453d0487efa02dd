import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const headers = (deprecation: string, sunset: string) =>
  `          headers:\n            Deprecation: { schema: { type: string, example: '${deprecation}' } }\n            Sunset: { schema: { type: string, example: '${sunset}' } }\n`;

test('deprecation-signals: a deprecated operation without the headers is reported at "deprecated", as info', () => {
  const doc = openapi(`  /orders:\n    get:\n      deprecated: true\n      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'deprecation-signals'), [
    {
      message: 'GET /orders is deprecated, but no success response documents the "Deprecation" and "Sunset" headers; add them so clients learn at run time that it is deprecated (Deprecation, RFC 9745) and when it stops working (Sunset, RFC 8594)',
      at: '6:19-6:23',
      severity: 2,
    },
  ]);
});

test('deprecation-signals: a missing Sunset alone is named', () => {
  const doc = openapi(`  /orders:\n    get:\n      deprecated: true\n      responses:\n        '200':\n          description: ok\n          headers:\n            deprecation: { schema: { type: string } }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'deprecation-signals').map((finding) => finding.message), [
    'GET /orders is deprecated, but no success response documents the "Sunset" header; add it so clients learn at run time that it is deprecated (Deprecation, RFC 9745) and when it stops working (Sunset, RFC 8594)',
  ]);
});

test('deprecation-signals: both headers on any 2xx pass; error responses do not need them', () => {
  const doc = openapi(`  /orders:\n    get:\n      deprecated: true\n      responses:\n        '200':\n          description: ok\n${headers('@1735689600', 'Wed, 31 Dec 2025 23:59:59 GMT')}        '404': { description: missing }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'deprecation-signals'), []);
});

test('deprecation-signals: headers of a shared component response count', () => {
  const ref = `    get:\n      deprecated: true\n      responses:\n        '200': { $ref: '#/components/responses/Deprecated' }\n`;
  const doc = openapi(`  /orders:\n${ref}`, `components:\n  responses:\n    Deprecated:\n      description: ok\n      headers:\n        Deprecation: { $ref: '#/components/headers/Deprecation' }\n        Sunset: { schema: { type: string } }\n  headers:\n    Deprecation: { schema: { type: string } }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'deprecation-signals'), []);
});

test('deprecation-signals: a Sunset example earlier than the Deprecation example is reported at Sunset', () => {
  const doc = openapi(`  /orders:\n    get:\n      deprecated: true\n      responses:\n        '200':\n          description: ok\n${headers('@1767225600', 'Wed, 31 Dec 2025 23:59:59 GMT')}`);
  assert.deepEqual(findingsOf(lintText(doc), 'deprecation-signals'), [
    {
      message: 'the "Sunset" example (Wed, 31 Dec 2025 23:59:59 GMT) is earlier than the "Deprecation" example (@1767225600); an operation cannot stop working before it is deprecated',
      at: '12:21-12:91',
      severity: 2,
    },
  ]);
});

test('deprecation-signals: operations that are not deprecated are not checked', () => {
  const doc = openapi(`  /orders:\n    get:\n      deprecated: false\n      responses:\n        '200': { description: ok }\n  /items:\n    get:\n      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'deprecation-signals'), []);
});

test('deprecation-signals: Swagger 2.0 response headers', () => {
  const doc = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /orders:\n    get:\n      deprecated: true\n      responses:\n        '200':\n          description: ok\n          headers:\n            Deprecation: { type: string, x-example: 'Sun, 01 Jun 2025 00:00:00 GMT' }\n            Sunset: { type: string, x-example: 'Mon, 01 Jan 2024 00:00:00 GMT' }\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'deprecation-signals').map((finding) => finding.message), [
    'the "Sunset" example (Mon, 01 Jan 2024 00:00:00 GMT) is earlier than the "Deprecation" example (Sun, 01 Jun 2025 00:00:00 GMT); an operation cannot stop working before it is deprecated',
  ]);
});

test('deprecation-signals: OpenAPI 3.1 header examples, in order, pass', () => {
  const doc = `openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths:\n  /orders:\n    get:\n      deprecated: true\n      responses:\n        '2XX':\n          description: ok\n          headers:\n            Deprecation:\n              schema: { type: [string, 'null'] }\n              examples:\n                when: { value: '@1735689600' }\n            Sunset:\n              schema: { type: string }\n              examples:\n                when: { value: 'Thu, 01 Jan 2026 00:00:00 GMT' }\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'deprecation-signals'), []);
});

test('deprecation-signals: headers on an error response only do not count', () => {
  const doc = openapi(`  /orders:\n    get:\n      deprecated: true\n      responses:\n        '200': { description: ok }\n        '410':\n          description: gone\n          headers:\n            Deprecation: { schema: { type: string } }\n            Sunset: { schema: { type: string } }\n`);
  assert.equal(findingsOf(lintText(doc), 'deprecation-signals').length, 1);
});
