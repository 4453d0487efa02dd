import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

/** A POST /orders whose 200 body has the given schema (one YAML flow mapping), and extra responses. */
const op = (schema: string, extra = '', status = '200', path = '/orders', mediaType = 'application/json') =>
  `  ${path}:\n    post:\n      responses:\n        '${status}':\n          description: ok\n          content:\n            ${mediaType}:\n              schema: ${schema}\n${extra}`;

const error400 = `        '400': { description: bad }\n`;

test('no-error-in-2xx: an inline error property, at the property; worse without a 4xx', () => {
  const doc = openapi(op('{ type: object, properties: { order: { type: object }, error: { type: string } } }'));
  assert.deepEqual(findingsOf(lintText(doc), 'no-error-in-2xx'), [
    {
      message:
        'POST /orders: 200 response body has an "error" property: a success status with an error in the body hides failures from clients, caches and monitoring; answer failures with a 4xx or 5xx and the error body; the operation documents no 4xx response either, so clients can only find failures by reading the body',
      at: '11:78-11:83',
      severity: 0,
    },
  ]);
});

test('no-error-in-2xx: a success flag (3.1 type array), errorCode and errors, and an outcome-only status', () => {
  const schema = `{ type: object, properties: { success: { type: [boolean, 'null'] }, errorCode: { type: integer }, errors: { type: array }, status: { type: string, enum: [ok, error] } } }`;
  const doc = openapi(op(schema, error400)).replace('openapi: 3.0.3', 'openapi: 3.1.0');
  assert.deepEqual(findingsOf(lintText(doc), 'no-error-in-2xx').map((finding) => finding.message), [
    'POST /orders: 200 response body has a boolean "success" flag: the status code already says whether the request succeeded; answer failures with a 4xx or 5xx instead of "success: false"',
    'POST /orders: 200 response body has an "errorCode" property: a success status with an error in the body hides failures from clients, caches and monitoring; answer failures with a 4xx or 5xx and the error body',
    'POST /orders: 200 response body has an "errors" property: a success status with an error in the body hides failures from clients, caches and monitoring; answer failures with a 4xx or 5xx and the error body',
    'POST /orders: 200 response body has a "status" that reports the request\'s outcome ("ok", "error"): answer failures with a 4xx or 5xx instead of "status: error"',
  ]);
});

test('no-error-in-2xx: a shared component schema (through allOf) is reported once, at its property, with its users', () => {
  const ref = `{ $ref: '#/components/schemas/Result' }`;
  const doc = openapi(
    `${op(ref, error400)}  /carts:\n    put:\n      responses:\n        '201':\n          description: ok\n          content:\n            application/json:\n              schema: ${ref}\n`,
    `components:\n  schemas:\n    Envelope:\n      type: object\n      properties:\n        error: { type: object }\n    Result:\n      allOf:\n        - $ref: '#/components/schemas/Envelope'\n        - { type: object, properties: { data: { type: object } } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'no-error-in-2xx'), [
    {
      message:
        'schema "Envelope" (returned by 2xx responses) has an "error" property: a success status with an error in the body hides failures from clients, caches and monitoring; answer failures with a 4xx or 5xx and the error body; some operations returning it document no 4xx response either, so clients can only find failures by reading the body (shared by 2 operations)',
      at: '8:9-8:14',
      severity: 0,
    },
  ]);
});

test('no-error-in-2xx: traps: a job with status failed and error (also a processing_status), 207, a resource with an id, a validation report', () => {
  const job = op('{ type: object, properties: { status: { type: string, enum: [queued, running, succeeded, failed] }, error: { type: object } } }', error400, '202', '/jobs');
  const lro = op('{ type: object, properties: { done: { type: boolean }, error: { type: object }, response: { type: object } } }', error400, '200', '/operations');
  const multi = op('{ type: object, properties: { errors: { type: array } } }', error400, '207', '/batch');
  const message = op('{ type: object, properties: { sid: { type: string }, error_code: { type: integer }, status: { type: string, enum: [delivered, failed] } } }', '', '200', '/messages');
  const payment = op('{ type: object, properties: { id: { type: string }, status: { type: string, enum: [succeeded, failed] } } }', '', '200', '/payments');
  const report = op('{ type: object, properties: { valid: { type: boolean }, errors: { type: array } } }', '', '200', '/validations');
  const rollback = op('{ type: object, properties: { valid: { type: boolean }, error: { type: object } } }', '', '200', '/rollback-validations');
  const sarif = op('{ type: object, properties: { processing_status: { type: string, enum: [pending, complete, failed] }, errors: { type: array } } }', error400, '200', '/sarifs');
  const doc = openapi(job + lro + multi + message + payment + report + rollback + sarif);
  assert.deepEqual(findingsOf(lintText(doc), 'no-error-in-2xx'), []);
});

test('no-error-in-2xx: a request id is not a resource id', () => {
  const doc = openapi(op('{ type: object, properties: { request_id: { type: string }, error: { type: object } } }', error400));
  assert.deepEqual(findingsOf(lintText(doc), 'no-error-in-2xx').map((finding) => finding.at), ['11:83-11:88']);
});

test('no-error-in-2xx: traps: an envelope shared with the error responses, streams, error resources, GraphQL', () => {
  const envelope = `{ $ref: '#/components/schemas/Envelope' }`;
  const shared = op(envelope, `        '400':\n          description: bad\n          content:\n            application/json:\n              schema: ${envelope}\n`);
  const stream = op('{ type: object, properties: { error: { type: object } } }', error400, '200', '/events', 'text/event-stream');
  const grpc = op('{ type: object, properties: { result: { type: object }, error: { type: object } } }', error400, '200', '/logs');
  const errors = op('{ type: object, properties: { errors: { type: array } } }', error400, '200', '/jobs/{id}/errors');
  const graphql = op('{ type: object, properties: { data: { type: object }, errors: { type: array } } }', error400, '200', '/graphql');
  const doc = openapi(shared + stream + grpc + errors + graphql, `components:\n  schemas:\n    Envelope: { type: object, properties: { payload: { type: object }, errors: { type: array } } }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'no-error-in-2xx'), []);
});

test('no-error-in-2xx: Swagger 2.0 response schema and definitions', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /orders:\n    get:\n      responses:\n        200:\n          description: ok\n          schema: { $ref: '#/definitions/Result' }\n        404: { description: x }\ndefinitions:\n  Result:\n    type: object\n    properties:\n      status: { type: string, enum: [SUCCESS, FAIL] }\n`;
  assert.deepEqual(findingsOf(lintText(swagger), 'no-error-in-2xx'), [
    {
      message: 'schema "Result" (returned by 2xx responses) has a "status" that reports the request\'s outcome ("SUCCESS", "FAIL"): answer failures with a 4xx or 5xx instead of "status: FAIL"',
      at: '15:7-15:13',
      severity: 0,
    },
  ]);
});
