import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const MESSAGE = (name: string) =>
  `query parameter "${name}" selects the API version, which makes responses harder to cache (many caches skip or ignore URLs with a query string); put the major version in the URI ("/v1") or a header ("Api-Version")`;
const query = (name: string) => `    get:\n      parameters:\n        - { name: ${name}, in: query, schema: { type: string } }\n      responses:\n        '200': { description: ok }\n`;
const ok = `    get:\n      responses:\n        '200': { description: ok }\n`;

test('query-versioning-discouraged: reports api-version at the parameter name, as info', () => {
  const doc = openapi(`  /users:\n${query('api-version')}`);
  assert.deepEqual(findingsOf(lintText(doc), 'query-versioning-discouraged'), [{ message: MESSAGE('api-version'), at: '7:19-7:30', severity: 2 }]);
});

test('query-versioning-discouraged: a shared component parameter is reported once, with its users', () => {
  const ref = `    get:\n      parameters:\n        - $ref: '#/components/parameters/ApiVersion'\n      responses:\n        '200': { description: ok }\n`;
  const doc = openapi(`  /users:\n${ref}  /orders:\n${ref}`, `components:\n  parameters:\n    ApiVersion: { name: api-version, in: query, required: true, schema: { type: string } }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'query-versioning-discouraged'), [
    { message: `${MESSAGE('api-version')} (shared by 2 operations)`, at: '5:25-5:36', severity: 2 },
  ]);
});

test('query-versioning-discouraged: a path-level parameter counts for each operation of the path', () => {
  const doc = openapi(`  /users:\n    parameters:\n      - { name: version, in: query, schema: { type: string } }\n${ok}    post:\n      responses:\n        '201': { description: created }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'query-versioning-discouraged'), [{ message: `${MESSAGE('version')} (shared by 2 operations)`, at: '6:17-6:24', severity: 2 }]);
});

test('query-versioning-discouraged: a version parameter on a few operations is a resource version', () => {
  const doc = openapi(`  /files/{id}:\n${query('version')}  /users:\n${ok}  /orders:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'query-versioning-discouraged'), []);
});

test('query-versioning-discouraged: version on most operations is an API version', () => {
  const doc = openapi(`  /users:\n${query('version')}  /orders:\n${query('version')}  /items:\n${ok}`);
  assert.equal(findingsOf(lintText(doc), 'query-versioning-discouraged').length, 2);
});

test('query-versioning-discouraged: allowApiVersion accepts api-version, not version', () => {
  const config = `rules:\n  query-versioning-discouraged: [info, { allowApiVersion: true }]\n`;
  assert.deepEqual(findingsOf(lintText(openapi(`  /users:\n${query('api-version')}`), { config }), 'query-versioning-discouraged'), []);
  assert.equal(findingsOf(lintText(openapi(`  /users:\n${query('version')}  /orders:\n${query('version')}`), { config }), 'query-versioning-discouraged').length, 2);
});

test('query-versioning-discouraged: headers and similar names are not query versions', () => {
  const doc = openapi(`  /users:\n    get:\n      parameters:\n        - { name: api-version, in: header, schema: { type: string } }\n        - { name: versionCode, in: query, schema: { type: string } }\n        - { name: resourceVersion, in: query, schema: { type: string } }\n      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'query-versioning-discouraged'), []);
});

test('query-versioning-discouraged: Swagger 2.0 query parameters', () => {
  const doc = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /users:\n    get:\n      parameters:\n        - { name: api-version, in: query, type: string }\n      responses:\n        '200': { description: ok }\n`;
  assert.equal(findingsOf(lintText(doc), 'query-versioning-discouraged').length, 1);
});

test('query-versioning-discouraged: a version parameter on the only operation of a document is not reported', () => {
  assert.deepEqual(findingsOf(lintText(openapi(`  /files/{id}:\n${query('version')}`)), 'query-versioning-discouraged'), []);
});
