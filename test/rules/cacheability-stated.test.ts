import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixedText, lintText, openapi } from '../helpers/lint-text';

const ADVICE = 'has no Cache-Control header; state whether it can be cached (e.g. "Cache-Control: no-store" or "Cache-Control: private, max-age=60")';

test('cacheability-stated: a GET 200 without Cache-Control is reported at the status', () => {
  const doc = openapi(`  /products:\n    get:\n      responses:\n        '200':\n          description: ok\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'cacheability-stated'), [
    { message: `GET /products 200 response ${ADVICE}`, at: '7:9-7:14', severity: 1 },
  ]);
});

test('cacheability-stated: Cache-Control or Expires in any case is enough; errors, POST and 3xx are not checked by default', () => {
  const doc = openapi(
    `  /products:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            cache-control: { schema: { type: string } }\n        '206':\n          description: part\n          headers:\n            EXPIRES: { schema: { type: string } }\n        '304': { description: not modified }\n        '404': { description: missing }\n    post:\n      responses:\n        '201': { description: created }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'cacheability-stated'), []);
});

test('cacheability-stated: HEAD and a 2XX range are checked; a shared component response is reported once at the component', () => {
  const doc = openapi(
    `  /products:\n    get:\n      responses:\n        '200': { $ref: '#/components/responses/List' }\n    head:\n      responses:\n        2XX: { $ref: '#/components/responses/List' }\n`,
    `components:\n  responses:\n    List:\n      description: ok\n      headers:\n        ETag: { schema: { type: string } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'cacheability-stated'), [
    { message: `shared response "List" ${ADVICE} (shared by 2 operations)`, at: '5:5-5:9', severity: 1 },
  ]);
});

test('cacheability-stated: a $ref\'d header component counts; Swagger 2.0 headers', () => {
  const v3 = openapi(
    `  /products:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            Cache-Control: { $ref: '#/components/headers/CacheControl' }\n`,
    `components:\n  headers:\n    CacheControl: { schema: { type: string } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(v3), 'cacheability-stated'), []);
  const v2 = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /products:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            X-Rate-Limit: { type: integer }\n`;
  assert.deepEqual(findingsOf(lintText(v2), 'cacheability-stated'), [
    { message: `GET /products 200 response ${ADVICE}`, at: '7:9-7:14', severity: 1 },
  ]);
  assert.deepEqual(findingsOf(lintText(v2.replace('X-Rate-Limit', 'Cache-Control')), 'cacheability-stated'), []);
});

test('cacheability-stated: option responses chooses the methods and statuses', () => {
  const doc = openapi(
    `  /products:\n    get:\n      responses:\n        '200': { description: ok }\n        '304': { description: not modified }\n    post:\n      responses:\n        '201': { description: created }\n`,
  );
  const config = "rules:\n  cacheability-stated: [warn, { responses: { methods: [get, post], statuses: ['200', '201'] } }]\n";
  assert.deepEqual(findingsOf(lintText(doc, { config }), 'cacheability-stated').map((finding) => finding.message.split(' has ')[0]), [
    'GET /products 200 response',
    'POST /products 201 response',
  ]);
  const only3xx = "rules:\n  cacheability-stated: [warn, { responses: { statuses: 3xx } }]\n";
  assert.deepEqual(findingsOf(lintText(doc, { config: only3xx }), 'cacheability-stated').map((finding) => finding.message.split(' has ')[0]), [
    'GET /products 304 response',
  ]);
  assert.throws(() => lintText(doc, { config: "rules:\n  cacheability-stated: [warn, { responses: { statuses: ['ok'] } }]\n" }), /cacheability-stated options/);
});

test('cacheability-stated: the fix declares Cache-Control with a TODO description, never a value', () => {
  const doc = openapi(`  /products:\n    get:\n      responses:\n        '200':\n          description: the products\n`);
  assert.equal(
    fixedText(doc, 'cacheability-stated'),
    openapi(`  /products:\n    get:\n      responses:\n        '200':\n          headers:\n            Cache-Control:\n              description: 'TODO: whether and how long this response may be cached'\n              schema: { type: string }\n          description: the products\n`),
  );
});

test('cacheability-stated: the fix adds to existing headers, in flow YAML and in Swagger 2.0', () => {
  const flow = openapi(`  /products:\n    get:\n      responses:\n        '200': { description: ok, headers: { ETag: { schema: { type: string } } } }\n`);
  assert.equal(
    fixedText(flow, 'cacheability-stated'),
    openapi(`  /products:\n    get:\n      responses:\n        '200': { description: ok, headers: { Cache-Control: { description: 'TODO: whether and how long this response may be cached', schema: { type: string } }, ETag: { schema: { type: string } } } }\n`),
  );
  const swagger = "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths:\n  /products:\n    get:\n      responses:\n        200: { description: ok }\n";
  assert.equal(
    fixedText(swagger, 'cacheability-stated'),
    "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths:\n  /products:\n    get:\n      responses:\n        200: { headers: { Cache-Control: { description: 'TODO: whether and how long this response may be cached', type: string } }, description: ok }\n",
  );
});

/** GET operations on /r0…/r{n-1}; the first `stated` of them declare Cache-Control on their 200. */
const gets = (count: number, stated: number) =>
  openapi(
    Array.from({ length: count }, (_, index) => {
      const headers = index < stated ? `          headers:\n            Cache-Control: { schema: { type: string } }\n` : '';
      return `  /r${index}:\n    get:\n      responses:\n        '200':\n          description: ok\n${headers}`;
    }).join(''),
  );
const HABIT =
  'operations whose success responses must state it (GET and HEAD, unless configured) declare no Cache-Control or Expires header; decide the policy (e.g. "Cache-Control: no-store", or "private, max-age=60") and declare it, in a shared component response where it is the same';

test('cacheability-stated: when most operations state no cacheability, it is said once for the document, at paths', () => {
  assert.deepEqual(findingsOf(lintText(gets(6, 0)), 'cacheability-stated'), [
    { message: `the document states no cacheability: all 6 ${HABIT}`, at: '3:1-3:6', severity: 1 },
  ]);
  assert.deepEqual(findingsOf(lintText(gets(8, 2)), 'cacheability-stated'), [
    { message: `the document states no cacheability: 6 of 8 ${HABIT}`, at: '3:1-3:6', severity: 1 },
  ]);
});

test('cacheability-stated: an inconsistent document (a minority without it), or too few operations, is reported per operation', () => {
  assert.deepEqual(findingsOf(lintText(gets(8, 5)), 'cacheability-stated').map((finding) => [finding.message, finding.at]), [
    [`GET /r5 200 response ${ADVICE}`, '42:9-42:14'],
    [`GET /r6 200 response ${ADVICE}`, '47:9-47:14'],
    [`GET /r7 200 response ${ADVICE}`, '52:9-52:14'],
  ]);
  // Four of four is a habit of a document too small to tell: each is reported.
  assert.equal(findingsOf(lintText(gets(4, 0)), 'cacheability-stated').length, 4);
});
