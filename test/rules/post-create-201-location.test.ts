import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, fixedText, lintText, openapi } from '../helpers/lint-text';

const body = `      requestBody:\n        content:\n          application/json:\n            schema: { type: object, properties: { name: { type: string } } }\n`;
const user = `              schema: { type: object, properties: { id: { type: string } } }\n`;
const created = (extra = '') => `        '201':\n          description: created\n${extra}          content:\n            application/json:\n${user}`;
const location = `          headers:\n            Location: { schema: { type: string } }\n`;
const itemPath = `  /users/{userId}:\n    get:\n      responses:\n        '200': { description: ok }\n`;

test('post-create-201-location: a 201 without Location is reported at the 201 key, naming the item path', () => {
  const doc = openapi(`  /users:\n    post:\n${body}      responses:\n${created()}${itemPath}`);
  assert.deepEqual(findingsOf(lintText(doc), 'post-create-201-location'), [
    {
      message: 'POST /users: 201 response has no Location header; add one with the URI of the created resource (/users/{userId})',
      at: '11:9-11:14',
      severity: 1,
    },
  ]);
});

test('post-create-201-location: without an item path the message names no URI; Location in any case passes', () => {
  const missing = openapi(`  /users:\n    post:\n${body}      responses:\n${created()}`);
  assert.deepEqual(findingsOf(lintText(missing), 'post-create-201-location').map((f) => f.message), [
    'POST /users: 201 response has no Location header; add one with the URI of the created resource',
  ]);
  const present = openapi(`  /users:\n    post:\n${body}      responses:\n${created(location)}`);
  assert.deepEqual(findingsOf(lintText(present), 'post-create-201-location'), []);
});

test('post-create-201-location: a shared 201 component is reported once, at the component', () => {
  const doc = openapi(
    `  /users:\n    post:\n${body}      responses:\n        '201': { $ref: '#/components/responses/Created' }\n  /teams:\n    post:\n${body}      responses:\n        '201': { $ref: '#/components/responses/Created' }\n`,
    `components:\n  responses:\n    Created:\n      description: created\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'post-create-201-location'), [
    { message: '201 response "Created" has no Location header; add one with the URI of the created resource (shared by 2 operations)', at: '5:5-5:12', severity: 1 },
  ]);
});

test('post-create-201-location: a POST documenting only 200 with the item schema is told to answer 201', () => {
  const doc = openapi(
    `  /users:\n    post:\n${body}      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/User' }\n` +
      `  /users/{userId}:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/User' }\n`,
    `components:\n  schemas:\n    User: { type: object, properties: { name: { type: string } } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'post-create-201-location'), [
    {
      message: 'POST /users creates a resource but documents only 200; answer 201 Created with a Location header naming it (/users/{userId})',
      at: '14:9-14:14',
      severity: 1,
    },
  ]);
});

test('post-create-201-location: a 200-only POST passes without an item path, a request body, or an item-like body', () => {
  const ok200 = (schema: string) => `        '200':\n          description: ok\n          content:\n            application/json:\n              schema: ${schema}\n`;
  for (const doc of [
    openapi(`  /users:\n    post:\n${body}      responses:\n${ok200('{ type: object, properties: { id: { type: string } } }')}`),
    openapi(`  /users:\n    post:\n      responses:\n${ok200('{ type: object, properties: { id: { type: string } } }')}${itemPath}`),
    openapi(`  /users:\n    post:\n${body}      responses:\n${ok200('{ type: object, properties: { count: { type: integer } } }')}${itemPath}`),
    openapi(`  /users:\n    post:\n${body}      responses:\n${ok200('{ type: array, items: { type: object } }')}${itemPath}`),
  ]) {
    assert.deepEqual(findingsOf(lintText(doc), 'post-create-201-location'), [], doc);
  }
});

test('post-create-201-location: actions, searches, batches, tokens, 202 and 207 are exempt', () => {
  const post201 = (path: string, extra = '') => `  ${path}:\n    post:\n${body}      responses:\n${created()}${extra}`;
  const doc = openapi(
    post201('/files/{id}/copy') + post201('/jobs/{id}/rerun') + post201('/login') + post201('/users/search') + post201('/users/searches') +
      post201('/users/bulk') + post201('/oauth/token') + post201('/installations/{id}/access_tokens') +
      post201('/orders', `        '202': { description: accepted }\n`) + post201('/items', `        '207': { description: multi }\n`) +
      post201('/remove-token') + post201('/users:batchCreate'),
  );
  assert.deepEqual(findingsOf(lintText(doc), 'post-create-201-location'), []);
});

test('post-create-201-location: batch creations (a list body, or a request listing many) are exempt', () => {
  const list = `        '201':\n          description: created\n          content:\n            application/json:\n              schema: { type: array, items: { type: object } }\n`;
  const many = `      requestBody:\n        content:\n          application/json:\n            schema: { type: object, required: [assignees], properties: { assignees: { type: array, items: { type: string } } } }\n`;
  const receipt = `        '201':\n          description: added\n          content:\n            application/json:\n              schema: { type: object, properties: { count: { type: integer } } }\n`;
  const doc = openapi(`  /users:\n    post:\n${body}      responses:\n${list}  /issues/{n}/assignees:\n    post:\n${many}      responses:\n${receipt}`);
  assert.deepEqual(findingsOf(lintText(doc), 'post-create-201-location'), []);
});

test('post-create-201-location: a POST answering with its parent, and a singleton created at its own URI, pass', () => {
  const issue = `              schema: { $ref: '#/components/schemas/Issue' }\n`;
  const doc = openapi(
    `  /issues/{n}:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n${issue}` +
      `  /issues/{n}/labels:\n    post:\n${body}      responses:\n        '201':\n          description: ok\n          content:\n            application/json:\n${issue}` +
      `  /sites/{id}/database:\n    post:\n${body}      responses:\n${created()}`,
    `components:\n  schemas:\n    Issue: { type: object, properties: { id: { type: integer } } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'post-create-201-location'), []);
});

test('post-create-201-location: Swagger 2.0 reads response headers and body parameters', () => {
  const doc = (headers: string) =>
    `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /pets:\n    post:\n      parameters:\n        - { name: pet, in: body, schema: { type: object } }\n      responses:\n        '201':\n          description: created\n${headers}  /pets/{petId}:\n    get:\n      responses:\n        '200': { description: ok }\n`;
  assert.deepEqual(findingsOf(lintText(doc('')), 'post-create-201-location').map((f) => f.message), [
    'POST /pets: 201 response has no Location header; add one with the URI of the created resource (/pets/{petId})',
  ]);
  assert.deepEqual(findingsOf(lintText(doc(`          headers:\n            Location: { type: string }\n`)), 'post-create-201-location'), []);
});

test('post-create-201-location: OpenAPI 3.1 type arrays: a 201 list body (type: [array, null]) is a batch', () => {
  const doc = `openapi: 3.1.0\ninfo: { title: T, version: '1' }\npaths:\n  /users:\n    post:\n${body}      responses:\n        '201':\n          description: created\n          content:\n            application/json:\n              schema: { type: [array, 'null'], items: { type: object } }\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'post-create-201-location'), []);
});

test('post-create-201-location: a 201 response in a file of its own is named by the file', () => {
  const doc = openapi(`  /users:\n    post:\n${body}      responses:\n        '201': { $ref: 'responses/created.yaml' }\n`);
  assert.deepEqual(findingsOf(lintText(doc, { files: { 'responses/created.yaml': 'description: created\n' } }), 'post-create-201-location'), [
    { message: '201 response "created.yaml" has no Location header; add one with the URI of the created resource', at: '1:1-1:21', severity: 1 },
  ]);
});

test('post-create-201-location: the fix declares a Location header with a TODO description', () => {
  const doc = openapi(`  /users:\n    post:\n      responses:\n        '201':\n          description: created\n          content:\n            application/json:\n              schema: { type: object, properties: { id: { type: string } } }\n`);
  assert.equal(
    fixedText(doc, 'post-create-201-location'),
    openapi(
      `  /users:\n    post:\n      responses:\n        '201':\n          headers:\n            Location:\n              description: 'TODO: the URI of the created resource'\n              schema: { type: string, format: uri }\n          description: created\n          content:\n            application/json:\n              schema: { type: object, properties: { id: { type: string } } }\n`,
    ),
  );
});

test('post-create-201-location: the fix adds to existing headers', () => {
  const doc = openapi(`  /users:\n    post:\n      responses:\n        '201':\n          description: created\n          headers:\n            X-Request-Id: { schema: { type: string } }\n`);
  assert.equal(
    fixedText(doc, 'post-create-201-location'),
    openapi(
      `  /users:\n    post:\n      responses:\n        '201':\n          description: created\n          headers:\n            Location:\n              description: 'TODO: the URI of the created resource'\n              schema: { type: string, format: uri }\n            X-Request-Id: { schema: { type: string } }\n`,
    ),
  );
});
