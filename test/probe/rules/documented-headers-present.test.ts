import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200':
          description: the users
          headers:
            X-Total-Count:
              required: true
              schema: { type: integer, minimum: 0 }
            X-Cache-Hit:
              schema: { type: boolean }
            X-Request-Id:
              schema: { type: string, format: uuid }
            Content-Type:
              required: true
              schema: { type: string }
        default:
          description: an error
          headers:
            X-Request-Id:
              required: true
              schema: { $ref: '#/components/schemas/RequestId' }
components:
  schemas:
    RequestId: { type: string, minLength: 8 }
`);

const users = (status: number, headers: Record<string, string>, purpose: 'valid' | 'head' = 'valid') => exchange(doc.api, { operation: 'GET /users', purpose, status, headers });

test('documented-headers-present: a required header that is missing is reported at the operation', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [users(200, {})]), 'documented-headers-present'), [
    {
      message: 'GET /users answered 200 without the x-total-count header, which its 200 response requires; send it (or document it as optional)',
      at: '5:5-5:8',
      severity: 1,
    },
  ]);
});

test('documented-headers-present: header values are read as numbers and booleans before validating', () => {
  const findings = runLive(doc, [users(200, { 'x-total-count': '12', 'x-cache-hit': 'true', 'x-request-id': '0b8e3a52-2a5e-4c7e-9b43-8ad3d2a4c1f0' })]);
  assert.deepEqual(liveFindingsOf(findings, 'documented-headers-present'), []);
});

test('documented-headers-present: a header that breaks its schema is reported with the keyword', () => {
  const findings = runLive(doc, [users(200, { 'x-total-count': 'many', 'x-cache-hit': 'yes' }), users(200, { 'x-total-count': '-1' })]);
  assert.deepEqual(liveFindingsOf(findings, 'documented-headers-present'), [
    { message: 'GET /users answered 200 with the x-cache-hit header not matching its schema: must be boolean (type)', at: '5:5-5:8', severity: 1 },
    { message: 'GET /users answered 200 with the x-total-count header not matching its schema: must be >= 0 (minimum)', at: '5:5-5:8', severity: 1 },
    { message: 'GET /users answered 200 with the x-total-count header not matching its schema: must be integer (type)', at: '5:5-5:8', severity: 1 },
  ]);
});

test('documented-headers-present: a default response covers other statuses, with a $ref schema', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [users(500, {}), users(503, { 'x-request-id': 'abc' })]), 'documented-headers-present'), [
    { message: 'GET /users answered 500 without the x-request-id header, which its default response requires; send it (or document it as optional)', at: '5:5-5:8', severity: 1 },
    { message: 'GET /users answered 503 with the x-request-id header not matching its schema: must NOT have fewer than 8 characters (minLength)', at: '5:5-5:8', severity: 1 },
  ]);
  assert.deepEqual(liveFindingsOf(runLive(doc, [users(404, { 'x-request-id': 'req-12345678' })]), 'documented-headers-present'), []);
});

test('documented-headers-present: follow-ups are not judged, and a documented Content-Type header is ignored', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [users(200, {}, 'head'), users(200, { 'x-total-count': '3' })]), 'documented-headers-present'), []);
});

test('documented-headers-present: Swagger 2.0 headers are their own schema', () => {
  const swagger = liveApi(`swagger: '2.0'
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200':
          description: the users
          headers:
            X-Rate-Limit: { type: integer }
`);
  const at = (value: string) => exchange(swagger.api, { operation: 'GET /users', status: 200, headers: { 'x-rate-limit': value } });
  assert.deepEqual(liveFindingsOf(runLive(swagger, [at('100'), exchange(swagger.api, { operation: 'GET /users', status: 200 })]), 'documented-headers-present'), []);
  assert.deepEqual(liveFindingsOf(runLive(swagger, [at('1.5')]), 'documented-headers-present'), [
    { message: 'GET /users answered 200 with the x-rate-limit header not matching its schema: must be integer (type)', at: '5:5-5:8', severity: 1 },
  ]);
});
