import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

test('rate-limit-429: a 429 without Retry-After or RateLimit headers, at the response key', () => {
  const doc = openapi(`  /orders:\n    get:\n      responses:\n        '200': { description: ok }\n        '429': { description: slow down }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'rate-limit-429'), [
    {
      message: 'GET /orders: 429 response has no Retry-After or RateLimit headers; add Retry-After (or RateLimit/RateLimit-Policy) so clients know when to try again',
      at: '8:9-8:14',
      severity: 1,
    },
  ]);
});

test('rate-limit-429: Retry-After, RateLimit, RateLimit-*, X-RateLimit-* and vendor headers all pass', () => {
  const ops = ['Retry-After', 'RateLimit', 'RateLimit-Policy', 'RateLimit-Remaining', 'X-RateLimit-Reset', 'X-Rate-Limit-Limit', 'x-amzn-RateLimit-Limit'].map(
    (header, index) => `  /o${index}:\n    get:\n      responses:\n        '200': { description: ok }\n        '429':\n          description: slow\n          headers:\n            ${header}: { schema: { type: string } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(openapi(ops.join(''))), 'rate-limit-429'), []);
});

test('rate-limit-429: a shared 429 is reported once, at the component', () => {
  const ref = `      responses:\n        '200': { description: ok }\n        '429': { $ref: '#/components/responses/TooMany' }\n`;
  const doc = openapi(`  /a:\n    get:\n${ref}  /b:\n    get:\n${ref}`, `components:\n  responses:\n    TooMany: { description: slow }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'rate-limit-429'), [
    {
      message: 'shared response "TooMany" (used as 429) has no Retry-After or RateLimit headers; add Retry-After (or RateLimit/RateLimit-Policy) so clients know when to try again (shared by 2 operations)',
      at: '5:5-5:12',
      severity: 1,
    },
  ]);
});

test('rate-limit-429: an operation with rate-limit headers or a description saying it is limited must document 429', () => {
  const limited = `  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            X-RateLimit-Remaining: { schema: { type: integer } }\n`;
  const described = `  /b:\n    post:\n      description: Requests to this endpoint are subject to rate limits.\n      responses:\n        '201': { description: ok }\n`;
  const topic = `  /c:\n    get:\n      description: Counts the rate-limited requests of the organization.\n      responses:\n        '200': { description: ok }\n`;
  const exempt = `  /d:\n    get:\n      description: Accessing this endpoint does not count against your rate limit.\n      responses:\n        '200':\n          description: ok\n          headers:\n            X-RateLimit-Limit: { schema: { type: integer } }\n`;
  const ranged = `  /e:\n    get:\n      description: This endpoint is throttled.\n      responses:\n        '200': { description: ok }\n        '4XX': { description: client error }\n`;
  const other = `  /f:\n    get:\n      responses:\n        '200': { description: ok }\n        '429': { description: slow, headers: { Retry-After: { schema: { type: integer } } } }\n`;
  const doc = openapi(limited + described + topic + exempt + ranged + other);
  assert.deepEqual(findingsOf(lintText(doc), 'rate-limit-429'), [
    { message: 'GET /a is rate-limited (its 200 response has the X-RateLimit-Remaining header) but documents no 429 response; add a 429 with Retry-After', at: '6:7-6:16', severity: 1 },
    { message: 'POST /b is rate-limited (its description says so) but documents no 429 response; add a 429 with Retry-After', at: '14:7-14:16', severity: 1 },
  ]);
});

test('rate-limit-429: an API that describes rate limits but documents no 429 at all gets one finding, at the description', () => {
  const ops = `  /a:\n    get:\n      description: This endpoint is rate limited to 10 requests per second.\n      responses:\n        '200': { description: ok }\n  /b:\n    get:\n      responses:\n        '200': { description: ok }\n`;
  const doc = `openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\n  description: 'All endpoints are rate limited; see Rate limits.'\npaths:\n${ops}`;
  assert.deepEqual(findingsOf(lintText(doc), 'rate-limit-429'), [
    { message: 'the API describes rate limits (info.description) but no operation documents a 429 response; add a 429 with Retry-After to the rate-limited operations', at: '5:3-5:14', severity: 1 },
  ]);
  const silent = openapi(`  /a:\n    get:\n      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(silent), 'rate-limit-429'), []);
});

test('rate-limit-429: Swagger 2.0 and an operation written as a $ref', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /orders:\n    get:\n      responses:\n        200: { description: ok }\n        429:\n          description: slow\n          headers:\n            X-Amzn-RequestId: { type: string }\n`;
  assert.deepEqual(findingsOf(lintText(swagger), 'rate-limit-429').map((finding) => finding.at), ['8:9-8:12']);
  const doc = openapi(`  /orders:\n    get:\n      $ref: 'ops/list.yaml'\n`);
  const files = { 'ops/list.yaml': `responses:\n  '200': { description: ok }\n  '429': { description: slow }\n` };
  assert.deepEqual(findingsOf(lintText(doc, { files }), 'rate-limit-429').map((finding) => finding.message), [
    'GET /orders: 429 response has no Retry-After or RateLimit headers; add Retry-After (or RateLimit/RateLimit-Policy) so clients know when to try again',
  ]);
});

test('rate-limit-429: 429s that most operations document without Retry-After are one finding for the document', () => {
  const paths = (count: number, withRetry: number) =>
    Array.from({ length: count }, (_, index) => {
      const headers = index < withRetry ? ', headers: { Retry-After: { schema: { type: integer } } }' : '';
      return `  /r${index}:\n    get:\n      responses:\n        '200': { description: ok }\n        '429': { description: slow down${headers} }\n`;
    }).join('');
  assert.deepEqual(findingsOf(lintText(openapi(paths(6, 1))), 'rate-limit-429'), [
    {
      message:
        'the document says nowhere when to retry: 5 of 6 operations that document a 429 give it no Retry-After or RateLimit headers; add Retry-After (or RateLimit/RateLimit-Policy), in a shared 429 response',
      at: '3:1-3:6',
      severity: 1,
    },
  ]);
  assert.deepEqual(findingsOf(lintText(openapi(paths(6, 4))), 'rate-limit-429').map((finding) => finding.message), [
    'GET /r4: 429 response has no Retry-After or RateLimit headers; add Retry-After (or RateLimit/RateLimit-Policy) so clients know when to try again',
    'GET /r5: 429 response has no Retry-After or RateLimit headers; add Retry-After (or RateLimit/RateLimit-Policy) so clients know when to try again',
  ]);
});
