import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: the users }
        '429':
          description: slow down
          headers: { Retry-After: { schema: { type: integer } } }
`);

const limited = (headers: Record<string, string> = {}) => exchange(doc.api, { operation: 'GET /users', status: 429, headers });

test('rate-limit-429: a live 429 without Retry-After or RateLimit fields is reported', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [limited({ 'content-type': 'text/plain' })]), 'rate-limit-429'), [
    {
      message: 'GET /users answered 429 without Retry-After or RateLimit headers; add Retry-After (or RateLimit/RateLimit-Policy) so clients know when to try again',
      at: '5:5-5:8',
      severity: 1,
    },
  ]);
});

test('rate-limit-429: Retry-After, draft RateLimit fields, RateLimit-* and X-RateLimit-* pass', () => {
  const exchanges = [
    limited({ 'Retry-After': '30' }),
    limited({ RateLimit: '"default";r=0;t=30' }),
    limited({ 'RateLimit-Policy': '"default";q=100;w=60' }),
    limited({ 'RateLimit-Reset': '30' }),
    limited({ 'X-RateLimit-Remaining': '0' }),
    limited({ 'X-Rate-Limit-Reset': '30' }),
    exchange(doc.api, { operation: 'GET /users', status: 200 }),
  ];
  assert.deepEqual(liveFindingsOf(runLive(doc, exchanges), 'rate-limit-429'), []);
});
