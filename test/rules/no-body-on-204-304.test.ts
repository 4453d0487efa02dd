import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixedText, lintText, openapi } from '../helpers/lint-text';

test('no-body-on-204-304: flags a 204 with content, at the content key', () => {
  const doc = openapi(
    `  /orders/{id}:\n    delete:\n      responses:\n        '204':\n          description: gone\n          content:\n            application/json:\n              schema: { type: object }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'no-body-on-204-304'), [
    {
      message: 'DELETE /orders/{id}: 204 response declares content (application/json), but a 204 response has no body; remove it, or use 200 if the body is needed',
      at: '9:11-9:18',
      severity: 0,
    },
  ]);
});

test('no-body-on-204-304: a 304 with content; an example describes a body too', () => {
  const doc = openapi(`  /orders:\n    get:\n      responses:\n        '200': { description: ok }\n        '304':\n          description: same\n          content:\n            application/json: { example: { same: true } }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'no-body-on-204-304').map((finding) => finding.message), [
    'GET /orders: 304 response declares content (application/json), but a 304 response has no body; remove it, or use a 200 for a changed representation if the body is needed',
  ]);
});

test('no-body-on-204-304: no content, empty content, a media type with no schema (Okta), headers, and other statuses pass', () => {
  const doc = openapi(
    `  /orders:\n    get:\n      responses:\n        '200':\n          description: ok\n          content: { application/json: { schema: { type: object } } }\n        '304':\n          description: same\n          headers: { ETag: { schema: { type: string } } }\n    delete:\n      responses:\n        '204': { description: gone, content: {} }\n    post:\n      responses:\n        '204': { description: done, content: { 'application/json;okta-version=1.0.0': {} } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'no-body-on-204-304'), []);
});

test('no-body-on-204-304: a shared response is reported once, at the component, with its users', () => {
  const ref = `      responses:\n        '204': { $ref: '#/components/responses/Done' }\n`;
  const doc = openapi(
    `  /orders/{id}:\n    delete:\n${ref}    put:\n${ref}`,
    `components:\n  responses:\n    Done:\n      description: done\n      content:\n        application/json: { schema: { type: object } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'no-body-on-204-304'), [
    {
      message: 'shared response "Done" (used as 204) declares content (application/json), but a 204 response has no body; remove it, or use 200 if the body is needed (shared by 2 operations)',
      at: '7:7-7:14',
      severity: 0,
    },
  ]);
});

test('no-body-on-204-304: Swagger 2.0 schema', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /orders/{id}:\n    delete:\n      responses:\n        204:\n          description: gone\n          schema: { type: object }\n        200:\n          description: ok\n          schema: { type: object }\n`;
  assert.deepEqual(findingsOf(lintText(swagger), 'no-body-on-204-304'), [
    {
      message: 'DELETE /orders/{id}: 204 response declares content (a schema), but a 204 response has no body; remove it, or use 200 if the body is needed',
      at: '9:11-9:17',
      severity: 0,
    },
  ]);
});

test('no-body-on-204-304: an operation written as a $ref is read through it', () => {
  const doc = openapi(`  /orders/{id}:\n    delete:\n      $ref: 'ops/delete.yaml'\n`);
  const files = { 'ops/delete.yaml': `responses:\n  '204':\n    description: gone\n    content:\n      application/json: { schema: { type: object } }\n` };
  assert.deepEqual(findingsOf(lintText(doc, { files }), 'no-body-on-204-304').map((finding) => finding.message), [
    'DELETE /orders/{id}: 204 response declares content (application/json), but a 204 response has no body; remove it, or use 200 if the body is needed',
  ]);
});

test('no-body-on-204-304: the fix removes the content, in block YAML, flow YAML and JSON', () => {
  const block = openapi(`  /orders/{id}:\n    delete:\n      responses:\n        '204':\n          description: gone\n          content:\n            application/json:\n              schema: { type: object }\n        '404': { description: missing }\n`);
  assert.equal(fixedText(block, 'no-body-on-204-304'), openapi(`  /orders/{id}:\n    delete:\n      responses:\n        '204':\n          description: gone\n        '404': { description: missing }\n`));
  const flow = openapi(`  /orders:\n    delete:\n      responses:\n        '204': { content: { application/json: { schema: { type: object } } }, description: gone }\n`);
  assert.equal(fixedText(flow, 'no-body-on-204-304'), openapi(`  /orders:\n    delete:\n      responses:\n        '204': { description: gone }\n`));
  const json = '{\n  "openapi": "3.0.3",\n  "info": {"title": "t", "version": "1"},\n  "paths": {"/orders": {"delete": {"responses": {"204": {\n    "description": "gone",\n    "content": {"application/json": {"schema": {"type": "object"}}}\n  }}}}}\n}\n';
  assert.equal(fixedText(json, 'no-body-on-204-304'), '{\n  "openapi": "3.0.3",\n  "info": {"title": "t", "version": "1"},\n  "paths": {"/orders": {"delete": {"responses": {"204": {\n    "description": "gone"\n  }}}}}\n}\n');
});

test('no-body-on-204-304: in Swagger 2.0 the fix removes the schema', () => {
  const doc = "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths:\n  /orders:\n    delete:\n      responses:\n        204:\n          schema: { type: object }\n          description: gone\n";
  assert.equal(fixedText(doc, 'no-body-on-204-304'), "swagger: '2.0'\ninfo: { title: t, version: '1' }\npaths:\n  /orders:\n    delete:\n      responses:\n        204:\n          description: gone\n");
});
