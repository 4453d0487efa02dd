import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const SCHEME_MESSAGE = (scheme: string, name: string) =>
  `security scheme "${scheme}" sends the API key "${name}" in the query string, where URLs end up in server and proxy logs and browser history; send it in a header ("in: header")`;
const PARAM_MESSAGE = (name: string) =>
  `query parameter "${name}" carries a credential in the URL, where it ends up in server and proxy logs and browser history; accept it in a header instead (e.g. "Authorization" or "X-API-Key")`;

test('api-key-not-in-query: flags a 3.x apiKey scheme in the query, at its "in"', () => {
  const doc = openapi(`  /users: {}\n`, `components:\n  securitySchemes:\n    key:\n      type: apiKey\n      in: query\n      name: api_key\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'api-key-not-in-query'), [{ message: SCHEME_MESSAGE('key', 'api_key'), at: '7:11-7:16', severity: 1 }]);
});

test('api-key-not-in-query: flags a 2.0 securityDefinitions apiKey in the query, and not the parameter that restates it', () => {
  const doc =
    `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nsecurityDefinitions:\n  key: { type: apiKey, in: query, name: apiKey }\n` +
    `paths:\n  /users:\n    get:\n      parameters:\n        - { name: apiKey, in: query, type: string }\n      responses:\n        '200': { description: ok }\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'api-key-not-in-query'), [{ message: SCHEME_MESSAGE('key', 'apiKey'), at: '4:28-4:33', severity: 1 }]);
});

test('api-key-not-in-query: flags credential-named query parameters at the name; a shared one once', () => {
  const doc = openapi(
    `  /users:\n    get:\n      parameters:\n        - { name: api-key, in: query, schema: { type: string } }\n        - $ref: '#/components/parameters/AccessToken'\n      responses:\n        '200': { description: ok }\n` +
      `  /orders:\n    get:\n      parameters:\n        - $ref: '#/components/parameters/AccessToken'\n      responses:\n        '200': { description: ok }\n`,
    `components:\n  parameters:\n    AccessToken: { name: access_token, in: query, schema: { type: string } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'api-key-not-in-query'), [
    { message: `${PARAM_MESSAGE('access_token')} (shared by 2 operations)`, at: '5:26-5:38', severity: 1 },
    { message: PARAM_MESSAGE('api-key'), at: '10:19-10:26', severity: 1 },
  ]);
});

test('api-key-not-in-query: "token" only when described as an authentication token', () => {
  const doc = openapi(
    `  /users:\n    get:\n      parameters:\n        - { name: token, in: query, description: 'Authentication token. Requires scope: users:read', schema: { type: string } }\n      responses:\n        '200': { description: ok }\n` +
      `  /invites:\n    get:\n      parameters:\n        - { name: token, in: query, description: The invitation to accept, schema: { type: string } }\n      responses:\n        '200': { description: ok }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'api-key-not-in-query'), [{ message: PARAM_MESSAGE('token'), at: '7:19-7:24', severity: 1 }]);
});

test('api-key-not-in-query: header keys, cache keys, page tokens and client secrets pass', () => {
  const doc = openapi(
    `  /caches:\n    get:\n      parameters:\n        - { name: key, in: query, schema: { type: string } }\n        - { name: page_token, in: query, schema: { type: string } }\n        - { name: NextToken, in: query, schema: { type: string } }\n        - { name: client_secret, in: query, schema: { type: string } }\n        - { name: X-API-Key, in: header, schema: { type: string } }\n      responses:\n        '200': { description: ok }\n`,
    `components:\n  securitySchemes:\n    key: { type: apiKey, in: header, name: X-API-Key }\n    cookie: { type: apiKey, in: cookie, name: session }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'api-key-not-in-query'), []);
});
