import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const body = `      requestBody:\n        content:\n          application/json:\n            schema: { type: object, properties: { q: { type: string } } }\n`;

test('get-no-body: flags a 3.x requestBody on GET and HEAD, at the requestBody key', () => {
  const doc = openapi(`  /users:\n    get:\n${body}      responses:\n        '200': { description: ok }\n    head:\n${body}      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'get-no-body'), [
    {
      message: 'GET /users has a request body, which servers, proxies and clients may drop; pass the criteria as query parameters, or for complex queries use POST /users/searches',
      at: '6:7-6:18',
      severity: 0,
    },
    {
      message: 'HEAD /users has a request body, which servers, proxies and clients may drop; pass the criteria as query parameters, or for complex queries use POST /users/searches',
      at: '13:7-13:18',
      severity: 0,
    },
  ]);
});

test('get-no-body: the suggested search resource replaces a trailing /search', () => {
  const doc = openapi(`  /users/search:\n    get:\n${body}      responses:\n        '200': { description: ok }\n`);
  assert.match(findingsOf(lintText(doc), 'get-no-body')[0].message, /use POST \/users\/searches$/);
});

test('get-no-body: POST, PUT, PATCH bodies and GET without a body pass', () => {
  const doc = openapi(`  /users:\n    get:\n      responses:\n        '200': { description: ok }\n    post:\n${body}      responses:\n        '201': { description: ok }\n    put:\n${body}      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'get-no-body'), []);
});

test('get-no-body: an empty requestBody (Stripe: properties {} and additionalProperties false) passes', () => {
  const empty = `      requestBody:\n        content:\n          application/x-www-form-urlencoded:\n            schema: { type: object, properties: {}, additionalProperties: false }\n        required: false\n`;
  const doc = openapi(`  /users:\n    get:\n${empty}      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'get-no-body'), []);
});

test('get-no-body: a requestBody through $ref is reported at the operation', () => {
  const doc = openapi(
    `  /users:\n    get:\n      requestBody: { $ref: '#/components/requestBodies/Q' }\n      responses:\n        '200': { description: ok }\n`,
    `components:\n  requestBodies:\n    Q:\n      content:\n        application/json:\n          schema: { type: object }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'get-no-body').map((f) => f.at), ['12:7-12:18']);
});

const swagger = (paths: string) => `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n${paths}`;

test('get-no-body: 2.0 body and formData parameters on GET, at their "in"', () => {
  const doc = swagger(`  /users:\n    get:\n      parameters:\n        - { name: filter, in: body, schema: { type: object } }\n        - { name: q, in: query, type: string }\n      responses:\n        '200': { description: ok }\n  /files:\n    get:\n      parameters:\n        - { name: f, in: formData, type: string }\n      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'get-no-body'), [
    {
      message: 'GET /users: body parameter "filter" is a request body, which servers, proxies and clients may drop; pass it as a query parameter, or for complex queries use POST /users/searches',
      at: '7:31-7:35',
      severity: 0,
    },
    {
      message: 'GET /files: formData parameter "f" is a request body, which servers, proxies and clients may drop; pass it as a query parameter, or for complex queries use POST /files/searches',
      at: '14:26-14:34',
      severity: 0,
    },
  ]);
});

test('get-no-body: a 2.0 path-level body parameter is reported once for the GET that inherits it', () => {
  const doc = swagger(`  /users:\n    parameters:\n      - { name: filter, in: body, schema: { type: object } }\n    get:\n      responses:\n        '200': { description: ok }\n    post:\n      responses:\n        '201': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'get-no-body'), [
    {
      message: 'body parameter "filter" is used by a GET operation as a request body, which servers, proxies and clients may drop; pass it as a query parameter, or use POST on a "/searches" resource',
      at: '6:29-6:33',
      severity: 0,
    },
  ]);
});

test('get-no-body: a 2.0 GET with query parameters and a POST with a body pass', () => {
  const doc = swagger(`  /users:\n    get:\n      parameters:\n        - { name: q, in: query, type: string }\n      responses:\n        '200': { description: ok }\n    post:\n      parameters:\n        - { name: user, in: body, schema: { type: object } }\n      responses:\n        '201': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'get-no-body'), []);
});
