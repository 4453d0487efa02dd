import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const rule = 'unique-operation-id';
const op = (method: string, id: string) => `    ${method}:\n      operationId: ${id}\n      responses:\n        '200': { description: ok }\n`;

test('unique-operation-id: the later duplicates are reported at their value, naming the first', () => {
  const doc = openapi(`  /users/{userId}:\n${op('get', 'getUser')}${op('delete', 'GetUser')}  /users:\n${op('get', 'getUser')}${op('post', 'getUser')}`);
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'operationId "getUser" is also used by GET /users/{userId}; operationIds must be unique', at: '15:20-15:27', severity: 0 },
    { message: 'operationId "getUser" is also used by GET /users/{userId}; operationIds must be unique', at: '19:20-19:27', severity: 0 },
  ]);
});

test('unique-operation-id: one operation $ref\'d under two paths is not a duplicate; no operationId is fine', () => {
  const doc = openapi(`  /a:\n    get: { $ref: '#/x-ops/list' }\n  /b:\n    get: { $ref: '#/x-ops/list' }\n  /c:\n    get: { responses: { '200': { description: ok } } }\n`) +
    "x-ops:\n  list: { operationId: list, responses: { '200': { description: ok } } }\n";
  assert.deepEqual(findingsOf(lintText(doc), rule), []);
});

test('unique-operation-id: Swagger 2.0, OpenAPI 3.1 in JSON', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /a:\n${op('get', 'same')}  /b:\n${op('get', 'same')}`;
  assert.deepEqual(findingsOf(lintText(swagger), rule), [
    { message: 'operationId "same" is also used by GET /a; operationIds must be unique', at: '11:20-11:24', severity: 0 },
  ]);
  const json = `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"},\n"paths": {"/a": {"get": {"operationId": "x"}, "put": {"operationId": "x"}}}}`;
  assert.deepEqual(findingsOf(lintText(json), rule), [
    { message: 'operationId "x" is also used by GET /a; operationIds must be unique', at: '2:70-2:73', severity: 0 },
  ]);
});
