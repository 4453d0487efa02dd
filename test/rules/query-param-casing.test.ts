import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixedText, lintText, openapi } from '../helpers/lint-text';

/** A GET with the given query parameter names, one per line. */
const op = (...names: string[]) =>
  `    get:\n      parameters:\n${names.map((name) => `        - { name: '${name}', in: query, schema: { type: string } }\n`).join('')}      responses:\n        '200': { description: ok }\n`;

test('query-param-casing: by default flags the names that do not follow the document\'s majority, at the name', () => {
  const doc = openapi(`  /orders:\n${op('per_page', 'sort_by', 'pageSize', 'limit')}`);
  assert.deepEqual(findingsOf(lintText(doc), 'query-param-casing'), [
    {
      message: 'query parameter "pageSize" is not snake_case like the other query parameters (2 of 3 names with several words are snake_case); use "page_size"',
      at: '9:20-9:28',
      severity: 1,
    },
  ]);
});

test('query-param-casing: single lowercase words do not vote and fit any lowercase convention; a tie goes to the first convention', () => {
  const consistent = openapi(`  /orders:\n${op('limit', 'offset', 'q')}  /users:\n${op('pageSize', 'limit')}`);
  assert.deepEqual(findingsOf(lintText(consistent), 'query-param-casing'), []);
  const tie = openapi(`  /orders:\n${op('sortBy', 'per_page')}`);
  assert.deepEqual(findingsOf(lintText(tie), 'query-param-casing').map((finding) => finding.message), [
    'query parameter "per_page" is not camelCase like the other query parameters (1 of 2 names with several words are camelCase); use "perPage"',
  ]);
});

test('query-param-casing: a PascalCase API flags lowercase names too', () => {
  const doc = openapi(`  /calls:\n${op('PageSize', 'DateCreated<', 'DateCreated>', 'limit')}`);
  assert.deepEqual(findingsOf(lintText(doc), 'query-param-casing').map((finding) => finding.message), [
    'query parameter "limit" is not PascalCase like the other query parameters (2 of 2 names with several words are PascalCase); use "Limit"',
  ]);
});

test('query-param-casing: exempt names and structured names', () => {
  const doc = openapi(`  /orders:\n${op('per_page', '$filter', '$orderBy', 'api-version', 'filter[created_at]', 'ids[]', 'expand[]', 'created_at.gte', 'filter[createdAt]')}`);
  assert.deepEqual(findingsOf(lintText(doc), 'query-param-casing').map((finding) => finding.message), [
    'query parameter "filter[createdAt]" is not snake_case like the other query parameters (2 of 3 names with several words are snake_case); use "filter[created_at]"',
  ]);
});

test('query-param-casing: option case fixes the convention; option allow exempts names', () => {
  const doc = openapi(`  /orders:\n${op('per_page', 'sort_by', 'pageSize', 'callbackURL')}`);
  const config = 'rules:\n  query-param-casing: [warn, { case: camel, allow: [callbackURL] }]\n';
  assert.deepEqual(findingsOf(lintText(doc, { config }), 'query-param-casing').map((finding) => finding.message), [
    'query parameter "per_page" is not camelCase; use "perPage"',
    'query parameter "sort_by" is not camelCase; use "sortBy"',
  ]);
  const kebab = 'rules:\n  query-param-casing: [warn, { case: kebab }]\n';
  assert.deepEqual(findingsOf(lintText(doc, { config: kebab }), 'query-param-casing').map((finding) => finding.message), [
    'query parameter "per_page" is not kebab-case; use "per-page"',
    'query parameter "sort_by" is not kebab-case; use "sort-by"',
    'query parameter "pageSize" is not kebab-case; use "page-size"',
    'query parameter "callbackURL" is not kebab-case; use "callback-url"',
  ]);
  assert.throws(() => lintText(doc, { config: 'rules:\n  query-param-casing: [warn, { case: upper }]\n' }), /query-param-casing options: case must be equal to one of the allowed values/);
});

test('query-param-casing: a shared parameter $ref\'d by many operations is reported once, at its definition; path and header parameters are not checked', () => {
  const ref = `      parameters:\n        - $ref: '#/components/parameters/PageSize'\n        - { name: per_page, in: query, schema: { type: integer } }\n        - { name: sort_by, in: query, schema: { type: string } }\n`;
  const doc = openapi(
    `  /orders/{orderId}:\n    parameters:\n      - { name: orderId, in: path, required: true, schema: { type: string } }\n      - { name: X-Request-Id, in: header, schema: { type: string } }\n    get:\n${ref}      responses:\n        '200': { description: ok }\n    delete:\n${ref}      responses:\n        '204': { description: ok }\n`,
    `components:\n  parameters:\n    PageSize: { name: pageSize, in: query, schema: { type: integer } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'query-param-casing'), [
    {
      message: 'query parameter "pageSize" is not snake_case like the other query parameters (2 of 3 names with several words are snake_case); use "page_size"',
      at: '5:23-5:31',
      severity: 1,
    },
  ]);
});

test('query-param-casing: Swagger 2.0 and a JSON document', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\npaths:\n  /orders:\n${op('pageSize', 'sortBy', 'created_after')}`;
  assert.deepEqual(findingsOf(lintText(swagger), 'query-param-casing').map((finding) => finding.at), ['9:20-9:33']);
  const json = JSON.stringify({
    openapi: '3.1.0',
    info: { title: 'T', version: '1' },
    paths: { '/a': { get: { parameters: [{ name: 'page_size', in: 'query' }, { name: 'sort_by', in: 'query' }, { name: 'pageToken', in: 'query' }], responses: {} } } },
  });
  const found = findingsOf(lintText(json), 'query-param-casing');
  assert.equal(found.length, 1);
  assert.equal(found[0].message, 'query parameter "pageToken" is not snake_case like the other query parameters (2 of 3 names with several words are snake_case); use "page_token"');
  assert.equal(found[0].at, `1:${json.indexOf('"pageToken"') + 2}-1:${json.indexOf('"pageToken"') + 11}`);
});

test('query-param-casing: the fix renames the parameter to the suggestion, inside its quotes', () => {
  const doc = openapi(
    `  /orders:\n    get:\n      parameters:\n        - { name: per_page, in: query }\n        - { name: created_after, in: query }\n        - name: 'sortBy'\n          in: query\n      responses:\n        '200': { description: ok }\n`,
  );
  assert.equal(
    fixedText(doc, 'query-param-casing'),
    openapi(`  /orders:\n    get:\n      parameters:\n        - { name: per_page, in: query }\n        - { name: created_after, in: query }\n        - name: 'sort_by'\n          in: query\n      responses:\n        '200': { description: ok }\n`),
  );
});
