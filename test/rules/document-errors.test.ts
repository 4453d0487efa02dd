import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixedText, lintText, openapi } from '../helpers/lint-text';

const op = (method: string, statuses: string[]) =>
  `    ${method}:\n      responses:\n${statuses.map((status) => `        '${status}': { description: x }\n`).join('')}`;

test('document-errors: an operation with only a success response, at its responses key', () => {
  const doc = openapi(`  /orders:\n${op('get', ['200'])}`);
  assert.deepEqual(findingsOf(lintText(doc), 'document-errors'), [
    {
      message: 'GET /orders documents no error responses; add the client errors it can return (e.g. 400, 404) and a "default" or 5xx response with the error format',
      at: '6:7-6:16',
      severity: 1,
    },
  ]);
});

test('document-errors: missing 4xx, missing default/5xx, default only', () => {
  const doc = openapi(`  /orders:\n${op('get', ['200', '500'])}${op('post', ['201', '400', '404'])}${op('put', ['200', 'default'])}${op('delete', ['204', 'default', '503'])}`);
  assert.deepEqual(findingsOf(lintText(doc), 'document-errors').map((finding) => finding.message), [
    'GET /orders documents no 4xx response; add the client errors it can return (e.g. 400, 404, 422, or "4XX")',
    'POST /orders documents no "default" or 5xx response; add one so clients know what a server failure looks like',
    'PUT /orders documents errors only as "default"; list the 4xx codes clients must handle (e.g. 400, 404, 422, or "4XX")',
    'DELETE /orders documents no 4xx response; add the client errors it can return (e.g. 400, 404, 422, or "4XX")',
  ]);
});

test('document-errors: complete operations and ranges pass', () => {
  const doc = openapi(`  /orders:\n${op('get', ['200', '4XX', '5XX'])}${op('post', ['201', '422', 'default'])}${op('put', ['200', '404', '503'])}`);
  assert.deepEqual(findingsOf(lintText(doc), 'document-errors'), []);
});

test('document-errors: health endpoints are exempt, a job status under an item is not', () => {
  const doc = openapi(
    `  /health:\n${op('get', ['200'])}  /v1/ping:\n${op('get', ['200'])}  /api/status:\n${op('get', ['200'])}  /healthz:\n${op('head', ['200'])}  /jobs/{jobId}/status:\n${op('get', ['200'])}`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'document-errors').map((finding) => finding.message), [
    'GET /jobs/{jobId}/status documents no error responses; add the client errors it can return (e.g. 400, 404) and a "default" or 5xx response with the error format',
  ]);
});

test('document-errors: option defaultCoversClientErrors accepts default alone', () => {
  const doc = openapi(`  /orders:\n${op('get', ['200', 'default'])}${op('post', ['201'])}`);
  const config = 'rules:\n  document-errors: [warn, { defaultCoversClientErrors: true }]\n';
  assert.deepEqual(findingsOf(lintText(doc, { config }), 'document-errors').map((finding) => finding.message), [
    'POST /orders documents no error responses; add the client errors it can return (e.g. 400, 404) and a "default" or 5xx response with the error format',
  ]);
});

test('document-errors: Swagger 2.0 and extension keys', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /orders:\n    get:\n      responses:\n        200: { description: ok }\n        x-400: { description: x }\n        404: { description: x }\n`;
  assert.deepEqual(findingsOf(lintText(swagger), 'document-errors'), [
    { message: 'GET /orders documents no "default" or 5xx response; add one so clients know what a server failure looks like', at: '6:7-6:16', severity: 1 },
  ]);
});

test('document-errors: a gap most operations share is reported once, at paths; the other gaps per operation', () => {
  const paths = ['a', 'b', 'c', 'd', 'e'].map((name, index) => `  /${name}:\n${op('get', index === 0 ? ['200'] : ['200', '404'])}`).join('');
  assert.deepEqual(findingsOf(lintText(openapi(paths)), 'document-errors'), [
    { message: '5 of 5 operations document no "default" or 5xx response; add a shared "default" error response so clients know what a server failure looks like', at: '3:1-3:6', severity: 1 },
    { message: 'GET /a documents no 4xx response; add the client errors it can return (e.g. 400, 404, 422, or "4XX")', at: '6:7-6:16', severity: 1 },
  ]);
  const stripe = ['a', 'b', 'c', 'd', 'e'].map((name) => `  /${name}:\n${op('get', ['200', 'default'])}`).join('');
  assert.deepEqual(findingsOf(lintText(openapi(stripe)), 'document-errors').map((finding) => finding.message), [
    '5 of 5 operations document errors only as "default"; list the 4xx codes clients must handle (e.g. 400, 404, 422, or "4XX")',
  ]);
});

test('document-errors: an operation written as a $ref (DigitalOcean) is read through it', () => {
  const doc = openapi(`  /orders:\n    get:\n      $ref: 'ops/list.yaml'\n    post:\n      $ref: 'ops/create.yaml'\n`);
  const files = {
    'ops/list.yaml': `responses:\n  '200': { description: ok }\n  '401': { description: x }\n  default: { description: x }\n`,
    'ops/create.yaml': `responses:\n  '201': { description: ok }\n`,
  };
  assert.deepEqual(findingsOf(lintText(doc, { files }), 'document-errors'), [
    { message: 'POST /orders documents no error responses; add the client errors it can return (e.g. 400, 404) and a "default" or 5xx response with the error format', at: '1:1-1:10', severity: 1 },
  ]);
});

test('document-errors: a gap in half of the operations or fewer is reported per operation', () => {
  const paths = ['a', 'b', 'c', 'd', 'e', 'f'].map((name, index) => `  /${name}:\n${op('get', index < 3 ? ['200', '400'] : ['200', '400', '500'])}`).join('');
  assert.deepEqual(findingsOf(lintText(openapi(paths)), 'document-errors').map((finding) => finding.message), [
    'GET /a documents no "default" or 5xx response; add one so clients know what a server failure looks like',
    'GET /b documents no "default" or 5xx response; add one so clients know what a server failure looks like',
    'GET /c documents no "default" or 5xx response; add one so clients know what a server failure looks like',
  ]);
});

test('document-errors: the fix adds TODO 4XX and default responses, in YAML and JSON', () => {
  const doc = openapi(`  /orders:\n    get:\n      responses:\n        '200': { description: the orders }\n`);
  assert.equal(
    fixedText(doc, 'document-errors'),
    openapi(`  /orders:\n    get:\n      responses:\n        '4XX': { description: 'TODO: the client errors this operation returns' }\n        default: { description: 'TODO: the error response for a server failure' }\n        '200': { description: the orders }\n`),
  );
  const json = '{\n  "openapi": "3.0.3",\n  "info": {"title": "t", "version": "1"},\n  "paths": {"/orders": {"get": {"responses": {\n    "200": {"description": "ok"},\n    "404": {"description": "none"}\n  }}}}\n}\n';
  assert.equal(
    fixedText(json, 'document-errors'),
    '{\n  "openapi": "3.0.3",\n  "info": {"title": "t", "version": "1"},\n  "paths": {"/orders": {"get": {"responses": {\n    "default": {"description": "TODO: the error response for a server failure"},\n    "200": {"description": "ok"},\n    "404": {"description": "none"}\n  }}}}\n}\n',
  );
});

test('document-errors: no fix for a Swagger 2.0 client gap (2.0 has no 4XX range), nor for a document-wide gap', () => {
  const swagger = "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths:\n  /orders:\n    get:\n      responses:\n        200: { description: ok }\n        default: { description: failed }\n";
  assert.deepEqual(lintText(swagger).filter((finding) => finding.code === 'document-errors').map((finding) => finding.fix), [undefined]);
  const wide = openapi(['a', 'b', 'c', 'd', 'e'].map((name) => `  /${name}:\n    get:\n      responses:\n        '200': { description: ok }\n        '400': { description: bad }\n`).join(''));
  assert.deepEqual(lintText(wide).filter((finding) => finding.code === 'document-errors').map((finding) => [finding.path, finding.fix]), [[['paths'], undefined]]);
});
