import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const rule = 'operation-success-response';

test('operation-success-response: the issue example: responses: {} on GET /users', () => {
  const doc = [
    'openapi: 3.0.3',
    'info: { title: Broken }',
    'paths:',
    '  /users:',
    '    get: { operationId: getUser, responses: {} }',
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message: 'GET /users has an empty responses object; OpenAPI requires at least one response: document its success response (2xx, 3xx or default)',
      at: '5:34-5:43',
      severity: 0,
    },
  ]);
});

test('operation-success-response: only error responses, and a missing responses in 3.0', () => {
  const doc = openapi(
    [
      '  /a:',
      '    get:',
      '      responses:',
      "        '404': { description: no }",
      "        4XX: { description: no }",
      '        x-note: {}',
      '    delete:',
      '      summary: no responses',
      '',
    ].join('\n'),
  );
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message: 'GET /a documents no success response (only 404, 4XX); add the 2xx or 3xx it answers when it works, or a default response',
      at: '6:7-6:16',
      severity: 0,
    },
    { message: 'DELETE /a has no responses; OpenAPI 3.0 requires them: document at least its success response', at: '10:5-10:11', severity: 0 },
  ]);
});

test('operation-success-response: 2xx, 3xx, ranges and default are successes; 3.1 may leave responses out', () => {
  const doc = openapi(
    "  /a:\n    get: { responses: { '302': { description: see other } } }\n    put: { responses: { 2XX: { description: ok } } }\n    post: { responses: { default: { description: any } } }\n",
  );
  assert.deepEqual(findingsOf(lintText(doc), rule), []);
  const json = `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"},\n"paths": {"/a": {"get": {}, "put": {"responses": {"500": {"description": "x"}}}}}}`;
  assert.deepEqual(findingsOf(lintText(json), rule), [
    {
      message: 'PUT /a documents no success response (only 500); add the 2xx or 3xx it answers when it works, or a default response',
      at: '2:37-2:48',
      severity: 0,
    },
  ]);
});

test('operation-success-response: Swagger 2.0', () => {
  const doc = "swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /a:\n    get:\n      responses:\n        '400': { description: bad }\n    put: {}\n";
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message: 'GET /a documents no success response (only 400); add the 2xx or 3xx it answers when it works, or a default response',
      at: '6:7-6:16',
      severity: 0,
    },
    { message: 'PUT /a has no responses; OpenAPI 2.0 requires them: document at least its success response', at: '8:5-8:8', severity: 0 },
  ]);
});
