import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';
import { errorRulesShop } from './error-rules-shop';
import { errorBodyProblem, type ErrorFormat } from '../../../rules/lib/error-bodies';
import { response } from '../../helpers/live';
import rule from '../../../rules/error-format';

const shop = errorRulesShop();
/** The format restlint:strict and the Zalando profile require (the default is the document's own). */
const PROBLEM_CONFIG = 'rules:\n  error-format: [warn, { format: problem }]\n';
const run = (exchanges: ReturnType<typeof exchange>[], config = PROBLEM_CONFIG) => liveFindingsOf(runLive(shop, exchanges, { rules: [rule], config }), 'error-format');
const PROBLEM = { 'content-type': 'application/problem+json' };
const JSON_TYPE = { 'content-type': 'application/json' };
const FORMAT = 'use the RFC 9457 problem details format';
const notFound = (headers: Record<string, string>, body: object | string, status = 404) =>
  exchange(shop.api, { operation: 'GET /orders/{id}', purpose: 'unknown-id', path: '/orders/x', status, headers, body });

test('error-format live: a problem whose "status" is not the HTTP status is reported at the operation', () => {
  assert.deepEqual(run([notFound(PROBLEM, { type: 'about:blank', title: 'Not Found', status: 400 })]), [
    { message: `GET /orders/{id} answered 404 with an error body that says "status": 400; ${FORMAT}`, at: '14:5-14:8', severity: 1 },
  ]);
});

test('error-format live: missing members, wrong types and another shape under application/json', () => {
  assert.deepEqual(run([notFound(PROBLEM, { title: 'Not Found', detail: 42 })]), [
    { message: `GET /orders/{id} answered 404 with an error body that lacks "type", "status" and has "detail" that is not a string; ${FORMAT}`, at: '14:5-14:8', severity: 1 },
  ]);
  assert.deepEqual(run([notFound(JSON_TYPE, { message: 'order not found' })]), [
    { message: `GET /orders/{id} answered 404 with an error body that is application/json, not application/problem+json and lacks "type", "title", "status"; ${FORMAT}`, at: '14:5-14:8', severity: 1 },
  ]);
  assert.deepEqual(run([notFound(PROBLEM, ['not found'])]), [{ message: `GET /orders/{id} answered 404 with an error body that is an array; ${FORMAT}`, at: '14:5-14:8', severity: 1 }]);
  assert.deepEqual(run([notFound(PROBLEM, { type: 'about:blank', title: 'Not Found', status: '404' })]), [
    { message: `GET /orders/{id} answered 404 with an error body that has a "status" that is not a number; ${FORMAT}`, at: '14:5-14:8', severity: 1 },
  ]);
});

test('error-format live: a complete problem sent as application/json is a lesser finding (info)', () => {
  assert.deepEqual(run([notFound(JSON_TYPE, { type: 'about:blank', title: 'Not Found', status: 404 })]), [
    { message: `GET /orders/{id} answered 404 with an error body that is application/json, not application/problem+json; ${FORMAT}`, at: '14:5-14:8', severity: 2 },
  ]);
});

test('error-format live: an empty error body is reported, except to HEAD', () => {
  const empty = exchange(shop.api, { operation: 'GET /orders', purpose: 'wrong-method', method: 'DELETE', status: 405, body: '' });
  assert.deepEqual(run([empty]), [
    { message: 'GET /orders answered 405 with no body; send an error body in the RFC 9457 problem details format so that clients can tell what went wrong', at: '5:5-5:8', severity: 1 },
  ]);
  assert.deepEqual(run([exchange(shop.api, { operation: 'GET /orders', purpose: 'head', method: 'HEAD', status: 404, body: '' })]), []);
});

test('error-format live: complete problems, successes, non-JSON or broken bodies, OAuth errors and browser pages pass', () => {
  assert.deepEqual(
    run([
      notFound(PROBLEM, { type: 'https://shop.example/problems/not-found', title: 'Not Found', status: 404, detail: 'no order x', instance: '/orders/x', traceId: '4bf92f35' }),
      notFound({ 'content-type': 'application/problem+json; charset=utf-8' }, { type: 'about:blank', title: 'Internal Server Error', status: 500 }, 500),
      exchange(shop.api, { operation: 'GET /orders', status: 200, headers: JSON_TYPE, body: { message: 'hello' } }),
      exchange(shop.api, { operation: 'GET /orders', status: 200, body: '' }),
      notFound({ 'content-type': 'text/html' }, '<h1>Not Found</h1>'),
      notFound(JSON_TYPE, '{"broken":'),
      exchange(shop.api, { operation: 'POST /orders', status: 400, headers: JSON_TYPE, body: { error: 'invalid_grant', error_description: 'the code expired' } }),
      exchange(shop.api, { operation: 'GET /authorize', status: 400, body: '' }),
      exchange(shop.api, { operation: 'GET /orders', failure: { kind: 'refused', message: 'connection refused' } }),
    ]),
    [],
  );
});

test('error-format live: the Azure and Google profiles', () => {
  const azure = 'rules:\n  error-format: [warn, { format: azure }]\n';
  assert.deepEqual(run([notFound(JSON_TYPE, { error: { code: 'NotFound', message: 'no order x' } })], azure), []);
  assert.deepEqual(run([notFound(JSON_TYPE, { error: { code: 404 } })], azure), [
    { message: 'GET /orders/{id} answered 404 with an error body that lacks "error.message" and has an "error.code" that is not a string; use the Azure error format { error: { code, message } }', at: '14:5-14:8', severity: 1 },
  ]);
  const google = 'rules:\n  error-format: [warn, { format: google }]\n';
  assert.deepEqual(run([notFound(JSON_TYPE, { error: { code: 404, message: 'no order x', status: 'NOT_FOUND' } })], google), []);
  assert.deepEqual(run([notFound(JSON_TYPE, { error: { code: 400, message: 'no order x', status: 'NOT_FOUND' } })], google), [
    { message: 'GET /orders/{id} answered 404 with an error body that says "error.code": 400; use the Google error format { error: { code, message, status } }', at: '14:5-14:8', severity: 1 },
  ]);
  assert.deepEqual(run([notFound(JSON_TYPE, { message: 'no order x' })], google), [
    { message: 'GET /orders/{id} answered 404 with an error body that lacks "error"; use the Google error format { error: { code, message, status } }', at: '14:5-14:8', severity: 1 },
  ]);
});

test('error-format live: a configured schema is validated with ajv, and a schema ajv rejects checks nothing', () => {
  const custom = 'rules:\n  error-format: [warn, { format: { schema: { type: object, required: [code, message], properties: { code: { type: string }, message: { type: string } } } } }]\n';
  assert.deepEqual(run([notFound(JSON_TYPE, { code: 'NOT_FOUND', message: 'no order x' })], custom), []);
  assert.deepEqual(run([notFound(JSON_TYPE, { code: 404, message: 'no order x' })], custom), [
    { message: 'GET /orders/{id} answered 404 with an error body that fails the configured schema at /code: must be string; use the configured error format', at: '14:5-14:8', severity: 1 },
  ]);
  const broken: ErrorFormat = { schema: { type: 'no-such-type' } };
  assert.equal(errorBodyProblem(response({ status: 404, body: { code: 1 } }), broken), undefined);
});

test('error-format live: what every operation answers alike is one finding for the API, listing the operations; different problems stay apart', () => {
  const unauthorized = (operation: string, path: string) => exchange(shop.api, { operation, purpose: 'no-auth', path, status: 401, body: '' });
  const sameBody = (operation: string, path: string) => exchange(shop.api, { operation, purpose: 'unknown-id', path, status: 404, headers: JSON_TYPE, body: { message: 'not found' } });
  assert.deepEqual(
    run([unauthorized('POST /orders', '/orders'), unauthorized('GET /public', '/public'), sameBody('GET /orders/{id}', '/orders/x'), sameBody('GET /jobs/{id}/errors', '/jobs/x/errors'), notFound(PROBLEM, ['not found'])]),
    [
      { message: `the API answered 401 with no body; send an error body in the ${FORMAT.replace('use the ', '')} so that clients can tell what went wrong (shared by 2 operations: POST /orders, GET /public)`, at: '1:1-1:8', severity: 1 },
      {
        message: `the API answered 404 with an error body that is application/json, not application/problem+json and lacks "type", "title", "status"; ${FORMAT} (shared by 2 operations: GET /orders/{id}, GET /jobs/{id}/errors)`,
        at: '1:1-1:8',
        severity: 1,
      },
      { message: `GET /orders/{id} answered 404 with an error body that is an array; ${FORMAT}`, at: '14:5-14:8', severity: 1 },
    ],
  );
});

/** A document whose error responses share its own schema "Error" ({ code, message }, both required). */
const ownShop = liveApi(`openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /orders/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: the order }
        '404': { description: missing, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
        '500': { description: failed, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }
components:
  schemas:
    Error:
      type: object
      required: [code, message]
      properties:
        code: { type: string }
        message: { type: string }
`);
const runOwn = (exchanges: ReturnType<typeof exchange>[]) => liveFindingsOf(runLive(ownShop, exchanges, { rules: [rule] }), 'error-format');

test('error-format live (default): an undocumented error status is checked against the document\'s own error schema, in both directions', () => {
  const wrongMethod = (body: object) => exchange(ownShop.api, { operation: 'GET /orders/{id}', purpose: 'wrong-method', method: 'DELETE', path: '/orders/x', status: 405, headers: JSON_TYPE, body });
  assert.deepEqual(runOwn([wrongMethod({ detail: 'Method Not Allowed' })]), [
    {
      message: `GET /orders/{id} answered 405 with an error body that fails the document's error schema "Error" at /: must have required property 'code'; use the document's own error format`,
      at: '5:5-5:8',
      severity: 1,
    },
  ]);
  assert.deepEqual(runOwn([wrongMethod({ code: 'method_not_allowed', message: 'DELETE is not supported' })]), []);
  // An unknown path (no operation) is checked too; problem details are not asked for.
  const unknownPath = (body: object) => exchange(ownShop.api, { purpose: 'unknown-path', path: '/restlint-unknown', status: 404, headers: JSON_TYPE, body });
  assert.deepEqual(runOwn([unknownPath({ code: 'not_found', message: 'no such route' })]), []);
  assert.deepEqual(runOwn([unknownPath({ message: 'no such route' })]).map((finding) => finding.message), [
    `the API answered 404 with an error body that fails the document's error schema "Error" at /: must have required property 'code'; use the document's own error format`,
  ]);
});

test('error-format live (default): documented statuses are response-matches-schema\'s; without an error schema only empty bodies are reported', () => {
  const notFoundOwn = exchange(ownShop.api, { operation: 'GET /orders/{id}', purpose: 'unknown-id', path: '/orders/x', status: 404, headers: JSON_TYPE, body: { message: 'no order x' } });
  assert.deepEqual(runOwn([notFoundOwn]), []);
  const plain = (exchanges: ReturnType<typeof exchange>[]) => liveFindingsOf(runLive(shop, exchanges, { rules: [rule] }), 'error-format');
  assert.deepEqual(plain([notFound(JSON_TYPE, { message: 'order not found' })]), []);
  assert.deepEqual(plain([exchange(shop.api, { operation: 'GET /orders', purpose: 'wrong-method', method: 'DELETE', status: 405, body: '' })]).map((finding) => finding.message), [
    "GET /orders answered 405 with no body; send an error body in the document's own error format so that clients can tell what went wrong",
  ]);
});
