import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ok = `    get:\n      responses:\n        '200': { description: ok }\n`;
const ALL = 'a path or server URL segment ("/v1"), the server host ("v1.api.example.com"), a header ("Api-Version"), a media type ("application/vnd.example.v1+json") or a query parameter ("api-version")';

test('api-versioned: reports an unversioned document once, on the paths key', () => {
  const doc = openapi(`  /users:\n${ok}  /orders:\n${ok}`, `servers:\n  - url: https://api.example.com\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'api-versioned'), [
    {
      message: `the API has no version clients can select: none in ${ALL}; add the major version to the server URL, e.g. "https://api.example.com/v1" ("info.version" versions the description only)`,
      at: '5:1-5:6',
      severity: 0,
    },
  ]);
});

test('api-versioned: a version in the server URL path, in the path keys, or in the host passes', () => {
  assert.deepEqual(findingsOf(lintText(openapi(`  /users:\n${ok}`, `servers:\n  - url: https://api.example.com/api/v1\n`)), 'api-versioned'), []);
  assert.deepEqual(findingsOf(lintText(openapi(`  /v2/users:\n${ok}`)), 'api-versioned'), []);
  assert.deepEqual(findingsOf(lintText(openapi(`  /orders/v0/orders:\n${ok}`)), 'api-versioned'), []);
  assert.deepEqual(findingsOf(lintText(openapi(`  /2010-04-01/Accounts:\n${ok}`)), 'api-versioned'), []);
  assert.deepEqual(findingsOf(lintText(openapi(`  /users:\n${ok}`, `servers:\n  - url: https://v1.api.example.com\n`)), 'api-versioned'), []);
  assert.deepEqual(findingsOf(lintText(openapi(`  /users:\n${ok}`, `servers:\n  - url: https://api.example.com/2.0\n`)), 'api-versioned'), []);
});

test('api-versioned: Swagger 2.0 host and basePath count', () => {
  const swagger = (extra: string) => `swagger: '2.0'\ninfo: { title: T, version: '1' }\n${extra}paths:\n  /users:\n${ok}`;
  assert.deepEqual(findingsOf(lintText(swagger('host: api.example.com\nbasePath: /v1\n')), 'api-versioned'), []);
  assert.deepEqual(findingsOf(lintText(swagger('host: v2.api.example.com\nbasePath: /api\n')), 'api-versioned'), []);
  assert.equal(findingsOf(lintText(swagger('host: api.example.com\nbasePath: /api\n')), 'api-versioned').length, 1);
});

test('api-versioned: a version path parameter with version values counts; a {version} of a resource does not', () => {
  const param = (name: string, schema: string) =>
    `    get:\n      parameters:\n        - { name: ${name}, in: path, required: true, schema: ${schema} }\n      responses:\n        '200': { description: ok }\n`;
  assert.deepEqual(findingsOf(lintText(openapi(`  /{apiVersion}/users:\n${param('apiVersion', '{ type: string }')}`)), 'api-versioned'), []);
  assert.deepEqual(findingsOf(lintText(openapi(`  /{ver}/users:\n${param('ver', '{ type: string, enum: [v4, v4beta] }')}`)), 'api-versioned'), []);
  assert.equal(findingsOf(lintText(openapi(`  /lke/versions/{version}:\n${param('version', '{ type: string, example: "1.31" }')}`)), 'api-versioned').length, 1);
});

test('api-versioned: a version header, an API-key version scheme, a versioned media type count', () => {
  const header = `    get:\n      parameters:\n        - { name: X-API-Version, in: header, schema: { type: string } }\n      responses:\n        '200': { description: ok }\n`;
  assert.deepEqual(findingsOf(lintText(openapi(`  /users:\n${header}`)), 'api-versioned'), []);
  const scheme = `components:\n  securitySchemes:\n    version: { type: apiKey, in: header, name: Plaid-Version }\n`;
  assert.deepEqual(findingsOf(lintText(openapi(`  /users:\n${ok}`, scheme)), 'api-versioned'), []);
  const vnd = `    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/vnd.acme.v1+json: { schema: { type: object } }\n`;
  assert.deepEqual(findingsOf(lintText(openapi(`  /users:\n${vnd}`)), 'api-versioned'), []);
  const param = `    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json;okta-version=1.0.0: { schema: { type: object } }\n`;
  assert.deepEqual(findingsOf(lintText(openapi(`  /users:\n${param}`)), 'api-versioned'), []);
  const accept = `    get:\n      parameters:\n        - { name: Accept, in: header, schema: { type: string, default: 'application/vnd.pagerduty+json;version=2' } }\n      responses:\n        '200': { description: ok }\n`;
  assert.deepEqual(findingsOf(lintText(openapi(`  /users:\n${accept}`)), 'api-versioned'), []);
});

test('api-versioned: a format version in a media type is not an API version', () => {
  const bundle = `    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/vnd.dev.sigstore.bundle.v0.3+json: { schema: { type: object } }\n`;
  assert.equal(findingsOf(lintText(openapi(`  /attestations:\n${bundle}`)), 'api-versioned').length, 1);
});

test('api-versioned: query parameters: api-version always, version only on most operations', () => {
  const query = (name: string) => `    get:\n      parameters:\n        - { name: ${name}, in: query, schema: { type: string } }\n      responses:\n        '200': { description: ok }\n`;
  assert.deepEqual(findingsOf(lintText(openapi(`  /users:\n${query('api-version')}  /orders:\n${ok}`)), 'api-versioned').length, 0);
  assert.deepEqual(findingsOf(lintText(openapi(`  /users:\n${query('version')}  /orders:\n${query('version')}  /items:\n${ok}`)), 'api-versioned'), []);
  // A file's own version on one operation of three is not the API's version.
  assert.equal(findingsOf(lintText(openapi(`  /files/{id}:\n${query('version')}  /orders:\n${ok}  /items:\n${ok}`)), 'api-versioned').length, 1);
});

test('api-versioned: a version on a few operations does not version the API', () => {
  const vnd = `    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/vnd.github.v3.star+json: { schema: { type: object } }\n`;
  const doc = openapi(`  /user/starred:\n${vnd}  /users:\n${ok}  /repos:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'api-versioned'), [
    {
      message: 'a version clients can select is documented on only 1 of 3 operations (in a media type, e.g. GET /user/starred); version the whole API: add the major version to the server URL, e.g. "https://api.example.com/v1"',
      at: '3:1-3:6',
      severity: 0,
    },
  ]);
});

test('api-versioned: OAuth and health endpoints are left out of the count', () => {
  const doc = openapi(`  /oauth2/token:\n${ok}  /health:\n${ok}  /v1/users:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'api-versioned'), []);
});

test('api-versioned: a document without operations (webhooks only) is not reported', () => {
  const doc = `openapi: 3.1.0\ninfo: { title: T, version: '1' }\nwebhooks:\n  newPet:\n    post:\n      responses:\n        '200': { description: ok }\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'api-versioned'), []);
});

test('api-versioned: option strategies rejects a strategy the project does not use', () => {
  const config = `rules:\n  api-versioned: [error, { strategies: [media-type] }]\n`;
  const doc = openapi(`  /v1/users:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc, { config }), 'api-versioned'), [
    {
      message: 'the API is versioned only by the URI, which this project does not use; version it by a media type ("application/vnd.example.v1+json"): use a versioned vendor media type, e.g. "application/vnd.example.v1+json"',
      at: '3:1-3:6',
      severity: 0,
    },
  ]);
});

test('api-versioned: ipv4, oauth2 and s3 segments are not versions', () => {
  const doc = openapi(`  /ipv4-ranges:\n${ok}  /s3/buckets:\n${ok}  /dev2/logs:\n${ok}`);
  assert.equal(findingsOf(lintText(doc), 'api-versioned').length, 1);
});

test('api-versioned: server URL variables are read with their defaults', () => {
  const servers = `servers:\n  - url: https://api.example.com/{basePath}\n    variables:\n      basePath: { default: v1 }\n`;
  assert.deepEqual(findingsOf(lintText(openapi(`  /users:\n${ok}`, servers)), 'api-versioned'), []);
  const other = `servers:\n  - url: https://{tenant}.example.com/{basePath}\n    variables:\n      tenant: { default: acme }\n      basePath: { default: api }\n`;
  assert.equal(findingsOf(lintText(openapi(`  /users:\n${ok}`, other)), 'api-versioned').length, 1);
});

test('api-versioned: a ?v= that is not documented as a version does not count', () => {
  const watch = (description: string) => `    get:\n      parameters:\n        - { name: v, in: query, description: '${description}', schema: { type: string } }\n      responses:\n        '200': { description: ok }\n`;
  assert.equal(findingsOf(lintText(openapi(`  /watch:\n${watch('The video id')}  /embed:\n${watch('The video id')}`)), 'api-versioned').length, 1);
  assert.deepEqual(findingsOf(lintText(openapi(`  /watch:\n${watch('API version')}  /embed:\n${watch('API version')}`)), 'api-versioned'), []);
});

test('api-versioned: option required false accepts an unversioned API; a versioned one still uses the allowed strategies', () => {
  const config = 'rules:\n  api-versioned: [error, { strategies: [media-type], required: false }]\n';
  const unversioned = openapi(`  /users:\n${ok}`, `servers:\n  - url: https://api.example.com\n`);
  assert.deepEqual(findingsOf(lintText(unversioned, { config }), 'api-versioned'), []);
  const uri = openapi(`  /users:\n${ok}`, `servers:\n  - url: https://api.example.com/v1\n`);
  assert.deepEqual(findingsOf(lintText(uri, { config }), 'api-versioned'), [
    {
      message: 'the API is versioned only by the URI, which this project does not use; version it by a media type ("application/vnd.example.v1+json"): use a versioned vendor media type, e.g. "application/vnd.example.v1+json"',
      at: '5:1-5:6',
      severity: 0,
    },
  ]);
});
