import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const INLINE = (operation: string, status = '200') =>
  `${operation}: ${status} response is a bare array; return an object that holds the items and the paging state (e.g. "items" and "next_cursor") so the collection can be paged and extended, or declare "maxItems" if the list is small and fixed`;
const SHARED = (ref: string) =>
  `"${ref}" is a bare array returned by a collection GET; return an object that holds the items and the paging state (e.g. "items" and "next_cursor") so the collection can be paged and extended, or declare "maxItems" if the list is small and fixed`;

/** A GET with the given extra operation lines and a 200 JSON response of `schema` (a flow mapping). */
const get = (path: string, schema: string, extra = '', headers = '') =>
  `  ${path}:\n    get:\n${extra}      responses:\n        '200':\n          description: ok\n${headers}          content:\n            application/json:\n              schema: ${schema}\n`;
const users = `{ type: array, items: { type: object, properties: { id: { type: string } } } }`;

test('paginate-collections: flags a bare array response of a collection GET, at the schema', () => {
  assert.deepEqual(findingsOf(lintText(openapi(get('/users', users))), 'paginate-collections'), [
    { message: INLINE('GET /users'), at: '11:23-11:101', severity: 1 },
  ]);
});

test('paginate-collections: a shared component schema is reported once, at the component', () => {
  const doc = openapi(
    get('/users', `{ $ref: '#/components/schemas/Users' }`) + get('/teams/{teamId}/members', `{ $ref: '#/components/schemas/Users' }`),
    `components:\n  schemas:\n    Users:\n      type: array\n      items: { type: object }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'paginate-collections'), [
    { message: `${SHARED('#/components/schemas/Users')} (shared by 2 operations)`, at: '6:7-7:30', severity: 1 },
  ]);
});

test('paginate-collections: Swagger 2.0 response schemas and 3.1 type arrays are read', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\npaths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: ok\n          schema: { type: array, items: { type: object } }\n`;
  assert.deepEqual(findingsOf(lintText(swagger), 'paginate-collections'), [{ message: INLINE('GET /pets'), at: '9:19-9:59', severity: 1 }]);
  const v31 = `openapi: 3.1.0\ninfo: { title: Test, version: '1' }\npaths:\n${get('/pets', `{ type: [array, 'null'], items: { type: object } }`)}`;
  assert.deepEqual(findingsOf(lintText(v31), 'paginate-collections'), [{ message: INLINE('GET /pets'), at: '11:23-11:73', severity: 1 }]);
});

test('paginate-collections: paging parameters without a Link header do not excuse a bare array', () => {
  const doc = openapi(get('/users', users, `      parameters:\n        - { name: page, in: query, schema: { type: integer } }\n`));
  assert.equal(findingsOf(lintText(doc), 'paginate-collections').length, 1);
});

test('paginate-collections: paging parameters with a Link header (GitHub style) pass, and set the document convention', () => {
  const paged = `      parameters:\n        - { name: per_page, in: query, schema: { type: integer } }\n        - { name: page, in: query, schema: { type: integer } }\n`;
  const link = `          headers:\n            Link: { schema: { type: string } }\n`;
  const doc = openapi(get('/users', users, paged, link) + get('/teams', users, paged));
  assert.deepEqual(findingsOf(lintText(doc), 'paginate-collections'), []);
});

test('paginate-collections: small fixed lists pass (maxItems, enum items, plain values, series rows, a bounding description)', () => {
  const doc = openapi(
    get('/admins', `{ type: array, maxItems: 20, items: { type: object } }`) +
      get('/scopes', `{ type: array, items: { type: string, enum: [read, write] } }`) +
      get('/tag-names', `{ type: array, items: { type: string } }`) +
      get('/me/tracks/contains', `{ type: array, items: { type: boolean } }`) +
      get('/punch-card', `{ type: array, items: { type: array, items: { type: integer } } }`) +
      get('/referrers', users, `      description: Get the top 10 referrers over the last 14 days.\n`),
  );
  assert.deepEqual(findingsOf(lintText(doc), 'paginate-collections'), []);
});

test('paginate-collections: "up to 1,000 results" or "up to 1 day" is not a bound', () => {
  const doc = openapi(get('/runs', users, `      description: Returns up to 1,000 results, for timespans up to 1 day.\n`));
  assert.equal(findingsOf(lintText(doc), 'paginate-collections').length, 1);
});

test('paginate-collections: reports, time series and reference lists pass', () => {
  const doc = openapi(
    get('/repos/{repoId}/stats/contributors', users) +
      get('/networks/{networkId}/wireless/usageHistory', users) +
      get('/organizations/{orgId}/summary/top/clients', users) +
      get('/api-requests/byInterval', users) +
      get('/hooks/types', users) +
      get('/voice/regions', users),
  );
  assert.deepEqual(findingsOf(lintText(doc), 'paginate-collections'), []);
});

test('paginate-collections: items, other methods, custom methods, non-JSON bodies and objects pass', () => {
  const csv = `  /exports:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            text/csv:\n              schema: ${users}\n`;
  const post = `  /searches:\n    post:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: ${users}\n`;
  const doc = openapi(
    get('/users/{userId}', users) + get('/users:batchGet', users) + get('/orders', `{ type: object, properties: { items: ${users} } }`) + csv + post,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'paginate-collections'), []);
});

test('paginate-collections: the maxFixedItems option raises the bound', () => {
  const doc = openapi(get('/zones', `{ type: array, maxItems: 500, items: { type: object } }`));
  assert.equal(findingsOf(lintText(doc), 'paginate-collections').length, 1);
  assert.deepEqual(findingsOf(lintText(doc, { config: 'rules:\n  paginate-collections: [warn, { maxFixedItems: 500 }]\n' }), 'paginate-collections'), []);
});

test('paginate-collections: an operation written as a $ref to another file is read through the reference', () => {
  const doc = openapi(`  /tags:\n    get:\n      $ref: 'tags-list.yaml'\n`);
  const files = { 'tags-list.yaml': `responses:\n  '200':\n    description: ok\n    content:\n      application/json:\n        schema:\n          type: array\n          items: { type: object }\n` };
  assert.deepEqual(findingsOf(lintText(doc, { files }), 'paginate-collections'), [
    { message: INLINE('GET /tags'), at: '7:11-8:34', severity: 1 },
  ]);
});

test('paginate-collections: a shared component response is reported once, at its schema', () => {
  const ref = `  /{path}:\n    get:\n      responses:\n        '200': { $ref: '#/components/responses/UserList' }\n`;
  const doc = openapi(
    ref.replace('{path}', 'users') + ref.replace('{path}', 'admins'),
    `components:\n  responses:\n    UserList:\n      description: ok\n      content:\n        application/json:\n          schema: { type: array, items: { type: object } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'paginate-collections'), [
    { message: `${SHARED('#/components/responses/UserList/content/application~1json/schema')} (shared by 2 operations)`, at: '9:19-9:59', severity: 1 },
  ]);
});
