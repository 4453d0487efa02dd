import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const MESSAGE =
  'no operation accepts or returns a request id header; accept "traceparent" (W3C Trace Context) or "X-Request-ID" on requests and return it in responses, so one request can be followed through the logs of every service it crosses';
const plain = `  /users:\n    get:\n      responses:\n        '200': { description: ok }\n`;

test('request-tracing: a document with no request id header is reported once, at its "openapi" key', () => {
  assert.deepEqual(findingsOf(lintText(openapi(plain + `  /orders:\n    post:\n      responses:\n        '201': { description: ok }\n`)), 'request-tracing'), [
    { message: MESSAGE, at: '1:1-1:8', severity: 2 },
  ]);
});

test('request-tracing: Swagger 2.0 is reported at its "swagger" key', () => {
  const doc = `info: { title: Test, version: '1' }\nswagger: '2.0'\npaths:\n  /users:\n    get:\n      responses:\n        '200': { description: ok }\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'request-tracing'), [{ message: MESSAGE, at: '2:1-2:8', severity: 2 }]);
});

test('request-tracing: a traceparent header parameter passes', () => {
  const doc = openapi(`  /users:\n    get:\n      parameters:\n        - { name: traceparent, in: header, schema: { type: string } }\n      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'request-tracing'), []);
});

test('request-tracing: vendor request id response headers pass (shared component, any case)', () => {
  for (const name of ['X-Request-ID', 'Request-Id', 'x-correlation-id', 'X-GitHub-Request-Id', 'x-amzn-RequestId', 'x-ms-client-request-id', 'X-Amzn-Trace-Id']) {
    const doc = openapi(
      `  /users:\n    get:\n      responses:\n        '200': { $ref: '#/components/responses/Ok' }\n`,
      `components:\n  responses:\n    Ok:\n      description: ok\n      headers:\n        ${name}: { schema: { type: string } }\n`,
    );
    assert.deepEqual(findingsOf(lintText(doc), 'request-tracing'), [], name);
  }
});

test('request-tracing: a header in the "headers" option passes; other headers do not count', () => {
  const doc = openapi(`  /users:\n    get:\n      parameters:\n        - { name: X-Flow-ID, in: header, schema: { type: string } }\n        - { name: request_id, in: query, schema: { type: string } }\n      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'request-tracing'), [{ message: MESSAGE, at: '1:1-1:8', severity: 2 }]);
  assert.deepEqual(findingsOf(lintText(doc, { config: 'rules:\n  request-tracing: [info, { headers: [x-flow-id] }]\n' }), 'request-tracing'), []);
});

test('request-tracing: a document without operations is not reported', () => {
  assert.deepEqual(findingsOf(lintText(openapi(`  /users: {}\n`)), 'request-tracing'), []);
});

test('request-tracing: an operation written as a $ref to another file is read through the reference', () => {
  const doc = openapi(`  /users:\n    get:\n      $ref: 'users-list.yaml'\n`);
  const files = {
    'users-list.yaml': `responses:\n  '200':\n    $ref: 'ok.yaml'\n`,
    'ok.yaml': `description: ok\nheaders:\n  x-request-id: { schema: { type: string } }\n`,
  };
  assert.deepEqual(findingsOf(lintText(doc, { files }), 'request-tracing'), []);
});
