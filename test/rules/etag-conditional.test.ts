import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ADVICE = 'has no ETag or Last-Modified header; send a validator so that clients can revalidate with If-None-Match and get 304 Not Modified';
const get = (path: string, responses: string) => `  ${path}:\n    get:\n      responses:\n${responses}`;
const messages = (text: string) => findingsOf(lintText(text), 'etag-conditional').map((finding) => finding.message);

test('etag-conditional: an item GET 200 without a validator is reported at the status, as info', () => {
  assert.deepEqual(findingsOf(lintText(openapi(get('/orders/{orderId}', "        '200': { description: ok }\n"))), 'etag-conditional'), [
    { message: `GET /orders/{orderId} 200 response ${ADVICE}`, at: '7:9-7:14', severity: 2 },
  ]);
});

test('etag-conditional: ETag or Last-Modified in any case is enough; 202, 204, errors and non-GET methods are not checked', () => {
  const text = openapi(
    get('/orders/{orderId}', "        '200':\n          description: ok\n          headers: { etag: { schema: { type: string } } }\n        '203':\n          description: ok\n          headers: { LAST-MODIFIED: { schema: { type: string } } }\n        '202': { description: being prepared }\n        '204': { description: empty }\n        '404': { description: missing }\n") +
      "    put:\n      responses:\n        '200': { description: ok }\n",
  );
  assert.deepEqual(messages(text), []);
});

test('etag-conditional: collections, custom methods, mixed segments and version namespaces are not items', () => {
  const ok = "        '200': { description: ok }\n";
  const text = openapi(get('/orders', ok) + get('/orders/{orderId}:preview', ok) + get('/files/{name}.json', ok) + get('/{apiVersion}', ok) + get('/packages/{name}/versions/{version}', ok));
  assert.deepEqual(messages(text), [`GET /packages/{name}/versions/{version} 200 response ${ADVICE}`]);
});

test('etag-conditional: a shared component response is reported once at the component; a 2XX range; Swagger 2.0', () => {
  const text = openapi(
    get('/orders/{orderId}', "        2XX: { $ref: '#/components/responses/Item' }\n") + get('/users/{userId}', "        '200': { $ref: '#/components/responses/Item' }\n"),
    `components:\n  responses:\n    Item:\n      description: ok\n`,
  );
  assert.deepEqual(findingsOf(lintText(text), 'etag-conditional'), [
    { message: `shared response "Item" ${ADVICE} (shared by 2 operations)`, at: '5:5-5:9', severity: 2 },
  ]);
  const swagger = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n${get('/orders/{id}', "        '200':\n          description: ok\n          headers:\n            X-Rate-Limit: { type: integer }\n")}`;
  assert.deepEqual(messages(swagger), [`GET /orders/{id} 200 response ${ADVICE}`]);
  assert.deepEqual(messages(swagger.replace('X-Rate-Limit', 'ETag')), []);
});

test('etag-conditional: item GETs that most send no validator are one finding for the document; a few are reported each', () => {
  const items = (count: number, withEtag: number) =>
    openapi(
      Array.from({ length: count }, (_, index) =>
        get(`/r${index}/{id}`, index < withEtag ? "        '200':\n          description: ok\n          headers: { ETag: { schema: { type: string } } }\n" : "        '200': { description: ok }\n"),
      ).join(''),
    );
  assert.deepEqual(findingsOf(lintText(items(5, 0)), 'etag-conditional'), [
    {
      message:
        'the document sends no validators: all 5 item GET operations answer without an ETag or Last-Modified header; send one so that clients can revalidate with If-None-Match and get 304 Not Modified',
      at: '3:1-3:6',
      severity: 2,
    },
  ]);
  assert.deepEqual(messages(items(5, 3)), [`GET /r3/{id} 200 response ${ADVICE}`, `GET /r4/{id} 200 response ${ADVICE}`]);
});
