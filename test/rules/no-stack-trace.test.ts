import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const MESSAGE = 'exposes a stack trace, which reveals the technology and file layout to an attacker; remove it, log the trace server-side and return a correlation id (e.g. traceId) instead';

/** A GET /orders whose 500 response has the given inline schema properties (YAML flow mappings, one per line). */
const errorProps = (...props: string[]) =>
  openapi(
    `  /orders:\n    get:\n      responses:\n        '200': { description: ok }\n        '500':\n          description: failed\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n${props.map((prop) => `                  ${prop}\n`).join('')}`,
  );

test('no-stack-trace: an inline error schema property is reported at its name, naming the operation', () => {
  assert.deepEqual(findingsOf(lintText(errorProps('message: { type: string }', 'stackTrace: { type: string }')), 'no-stack-trace'), [
    { message: `GET /orders 500 response: property "stackTrace" ${MESSAGE}`, at: '16:19-16:29', severity: 0 },
  ]);
});

test('no-stack-trace: every leaking name, any case; trace only as a string or an array', () => {
  const doc = errorProps(
    'stack: { type: string }',
    'stack_trace: { type: array, items: { type: string } }',
    'Backtrace: { type: string }',
    'call_stack: { type: string }',
    'exception: { type: object }',
    'trace: { type: [string, "null"] }',
  );
  assert.deepEqual(findingsOf(lintText(doc), 'no-stack-trace').map((finding) => finding.message.split(' exposes')[0]), [
    'GET /orders 500 response: property "stack"',
    'GET /orders 500 response: property "stack_trace"',
    'GET /orders 500 response: property "Backtrace"',
    'GET /orders 500 response: property "call_stack"',
    'GET /orders 500 response: property "exception"',
    'GET /orders 500 response: property "trace"',
  ]);
});

test('no-stack-trace: trace ids, traceparent, a trace object and an RFC 9457 title are not leaks', () => {
  const doc = errorProps(
    'traceId: { type: string }',
    'trace_id: { type: string }',
    'traceparent: { type: string }',
    'trace: { type: object, properties: { id: { type: string } } }',
    "title: { type: string, example: 'Internal Server Error' }",
    'stacked: { type: boolean }',
  );
  assert.deepEqual(findingsOf(lintText(doc), 'no-stack-trace'), []);
});

test('no-stack-trace: success responses and a default that is the only response are not error responses', () => {
  const success = openapi(
    `  /deployments:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { properties: { stack: { type: string } } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(success), 'no-stack-trace'), []);
  const onlyDefault = success.replace("'200'", 'default');
  assert.deepEqual(findingsOf(lintText(onlyDefault), 'no-stack-trace'), []);
  const errorDefault = success.replace("'200':\n          description: ok\n", "'200': { description: ok }\n        default:\n          description: error\n");
  assert.deepEqual(findingsOf(lintText(errorDefault), 'no-stack-trace').map((finding) => finding.message.split(' exposes')[0]), [
    'GET /deployments default response: property "stack"',
  ]);
});

test('no-stack-trace: a shared component schema is reported once, at the component, through allOf and one level of nesting', () => {
  const op = (method: string, status: string) =>
    `    ${method}:\n      responses:\n        '200': { description: ok }\n        '${status}':\n          description: failed\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/Problem' }\n`;
  const doc = openapi(
    `  /orders:\n${op('get', '400')}${op('post', '500')}`,
    `components:\n  schemas:\n    Base:\n      type: object\n      properties:\n        error:\n          type: object\n          properties:\n            code: { type: string }\n            stack_trace: { type: string }\n    Problem:\n      allOf:\n        - $ref: '#/components/schemas/Base'\n        - properties:\n            errors:\n              type: array\n              items: { properties: { backtrace: { type: string } } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'no-stack-trace'), [
    { message: `error schema property "error.stack_trace" ${MESSAGE} (shared by 2 operations)`, at: '12:13-12:24', severity: 0 },
    { message: `error schema property "errors[].backtrace" ${MESSAGE} (shared by 2 operations)`, at: '19:38-19:47', severity: 0 },
  ]);
});

test('no-stack-trace: nesting stops at one level', () => {
  const doc = errorProps('error: { properties: { detail: { properties: { stack: { type: string } } } } }');
  assert.deepEqual(findingsOf(lintText(doc), 'no-stack-trace'), []);
});

test('no-stack-trace: Swagger 2.0 response schema and a shared component response', () => {
  const doc = `swagger: '2.0'\ninfo: { title: T, version: '1' }\nproduces: [application/json]\npaths:\n  /orders/{id}:\n    get:\n      parameters:\n        - { name: id, in: path, required: true, type: string }\n      responses:\n        '200': { description: ok }\n        '404': { $ref: '#/responses/NotFound' }\nresponses:\n  NotFound:\n    description: not found\n    schema:\n      type: object\n      properties:\n        exception: { type: string }\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'no-stack-trace'), [
    { message: `error schema property "exception" ${MESSAGE}`, at: '18:9-18:18', severity: 0 },
  ]);
});

test('no-stack-trace: OpenAPI 3.1, a $ref\'d trace property typed as an array (with null), through oneOf', () => {
  const doc = `openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths:\n  /orders:\n    post:\n      responses:\n        '201': { description: ok }\n        4XX:\n          description: failed\n          content:\n            application/json:\n              schema:\n                oneOf:\n                  - properties: { code: { type: string } }\n                  - properties: { trace: { $ref: '#/components/schemas/Frames' } }\ncomponents:\n  schemas:\n    Frames: { type: [array, 'null'], items: { type: string } }\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'no-stack-trace'), [
    { message: `POST /orders 4XX response: property "trace" ${MESSAGE}`, at: '15:35-15:40', severity: 0 },
  ]);
});
