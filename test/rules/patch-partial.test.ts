import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const patch = (type: string, schema: string, path = '/users/{id}') =>
  openapi(`  ${path}:\n    patch:\n      requestBody:\n        content:\n          ${type}:\n            schema: ${schema}\n      responses:\n        '200': { description: ok }\n`);
const two = '{ type: object, required: [name, email], properties: { name: { type: string }, email: { type: string } } }';
const optional = '{ type: object, properties: { name: { type: string }, email: { type: string } } }';

test('patch-partial: plain application/json is reported at the media type, and required fields at the schema', () => {
  assert.deepEqual(findingsOf(lintText(patch('application/json', two)), 'patch-partial'), [
    {
      message: 'PATCH /users/{id}: the request body is plain application/json; declare application/merge-patch+json (RFC 7396) or application/json-patch+json (RFC 6902) so clients know how the body is applied',
      at: '8:11-8:27',
      severity: 2,
    },
    {
      message: 'PATCH /users/{id}: the request body requires "name", "email"; a partial update accepts any subset of fields: drop "required" here (a PATCH schema of its own), or replace the whole resource with PUT',
      at: '9:13-9:19',
      severity: 2,
    },
  ]);
});

test('patch-partial: merge-patch without required fields and json-patch arrays pass', () => {
  assert.deepEqual(findingsOf(lintText(patch('application/merge-patch+json', optional)), 'patch-partial'), []);
  const ops = '{ type: array, items: { type: object, required: [op, path], properties: { op: { type: string }, path: { type: string } } } }';
  assert.deepEqual(findingsOf(lintText(patch('application/json-patch+json', ops)), 'patch-partial'), []);
});

test('patch-partial: merge-patch with required fields is still reported', () => {
  assert.deepEqual(findingsOf(lintText(patch('application/merge-patch+json', two)), 'patch-partial').map((f) => f.message), [
    'PATCH /users/{id}: the request body requires "name", "email"; a partial update accepts any subset of fields: drop "required" here (a PATCH schema of its own), or replace the whole resource with PUT',
  ]);
});

test('patch-partial: required fields through $ref and allOf are found; the finding is at the operation\'s schema', () => {
  const doc = openapi(
    `  /users/{id}:\n    patch:\n      requestBody:\n        content:\n          application/merge-patch+json:\n            schema:\n              allOf:\n                - $ref: '#/components/schemas/User'\n      responses:\n        '200': { description: ok }\n`,
    `components:\n  schemas:\n    User: { type: object, required: [name], properties: { name: { type: string }, age: { type: integer } } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'patch-partial').map((f) => f.at), ['12:13-12:19']);
});

test('patch-partial: a single required property, concurrency tokens, and a PATCH on a collection pass the required check', () => {
  const single = '{ type: object, required: [status], properties: { status: { type: string } } }';
  const token = '{ type: object, required: [custom_pattern_version], properties: { custom_pattern_version: { type: string }, name: { type: string } } }';
  for (const doc of [patch('application/merge-patch+json', single), patch('application/merge-patch+json', token), patch('application/merge-patch+json', two, '/orgs/{org}/properties/values')]) {
    assert.deepEqual(findingsOf(lintText(doc), 'patch-partial'), [], doc);
  }
});

test('patch-partial: the mediaType option turns the media type message off', () => {
  const config = 'extends: restlint:recommended\nrules:\n  patch-partial: [info, { mediaType: false }]\n';
  assert.deepEqual(findingsOf(lintText(patch('application/json', optional), { config }), 'patch-partial'), []);
  assert.equal(findingsOf(lintText(patch('application/json', two), { config }), 'patch-partial').length, 1);
});

test('patch-partial: a merge-patch type next to plain JSON and form types passes the media type check', () => {
  const doc = openapi(`  /users/{id}:\n    patch:\n      requestBody:\n        content:\n          application/json: { schema: ${optional} }\n          application/merge-patch+json: { schema: ${optional} }\n      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'patch-partial'), []);
  assert.deepEqual(findingsOf(lintText(patch('multipart/form-data', two)), 'patch-partial'), []);
});

test('patch-partial: Swagger 2.0 reads consumes and the body parameter', () => {
  const doc = (consumes: string) =>
    `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /users/{id}:\n    patch:\n${consumes}      parameters:\n        - { name: user, in: body, schema: ${optional} }\n      responses:\n        '200': { description: ok }\n`;
  assert.deepEqual(findingsOf(lintText(doc('')), 'patch-partial').map((f) => [f.message.slice(0, 61), f.at]), [
    ['PATCH /users/{id}: the request body is plain application/json', '7:29-7:33'],
  ]);
  assert.deepEqual(findingsOf(lintText(doc(`      consumes: [application/json]\n`)), 'patch-partial').map((f) => f.at), ['6:7-6:15']);
  assert.deepEqual(findingsOf(lintText(doc(`      consumes: [application/merge-patch+json]\n`)), 'patch-partial'), []);
});

test('patch-partial: OpenAPI 3.1 type arrays: a nullable object is checked, an array (JSON Patch) is not', () => {
  const doc = (schema: string) => `openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths:\n  /users/{id}:\n    patch:\n      requestBody:\n        content:\n          application/merge-patch+json:\n            schema: ${schema}\n      responses:\n        '200': { description: ok }\n`;
  assert.equal(findingsOf(lintText(doc("{ type: [object, 'null'], required: [a, b], properties: { a: { type: string }, b: { type: string } } }")), 'patch-partial').length, 1);
  assert.deepEqual(findingsOf(lintText(doc("{ type: [array], items: { type: object, required: [op] } }")), 'patch-partial'), []);
});
