import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ok = `    get:\n      responses:\n        '200': { description: ok }\n`;
const withHeader = `    get:\n      parameters:\n        - { name: Api-Version, in: header, schema: { type: string } }\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json: { schema: { type: object } }\n`;
const withJson = `    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json: { schema: { type: object } }\n`;

test('one-version-strategy: a path outside the version the other paths use is reported on its key', () => {
  const doc = openapi(`  /v1/users:\n${ok}  /v1/orders:\n${ok}  /products:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'one-version-strategy'), [
    {
      message: '"/products" documents no version, while 2 of 3 operations carry a version in the URI (e.g. "/v1/users"); version it the same way',
      at: '12:3-12:12',
      severity: 1,
    },
  ]);
});

test('one-version-strategy: an operation without the version header the others take', () => {
  const doc = openapi(`  /users:\n${withHeader}  /orders:\n${withHeader}  /products:\n${withJson}`);
  assert.deepEqual(findingsOf(lintText(doc), 'one-version-strategy'), [
    {
      message: 'GET /products documents no version, while 2 of 3 operations carry a version header (e.g. GET /users); version it the same way',
      at: '23:5-23:8',
      severity: 1,
    },
  ]);
});

test('one-version-strategy: an operation versioned another way, reported once per path', () => {
  const vnd = `    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/vnd.acme.v2+json: { schema: { type: object } }\n`;
  const doc = openapi(`  /users:\n${vnd}  /orders:\n${vnd}  /items:\n${vnd}  /v3/schedules:\n${withJson}    post:\n      responses:\n        '201': { description: created }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'one-version-strategy'), [
    {
      message: '"/v3/schedules" is versioned by a version in the URI, while 3 of 5 operations carry a versioned media type (e.g. GET /users); use one versioning strategy in the whole API',
      at: '25:3-25:16',
      severity: 1,
    },
  ]);
});

test('one-version-strategy: two major versions in one document', () => {
  const doc = openapi(`  /v2/users:\n${ok}  /v2/orders:\n${ok}  /v1/messages:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'one-version-strategy'), [
    {
      message: '"/v1/messages" is in version v1, while 2 of 3 versioned operations are in v2; describe one major version per document (move v1 to a document of its own)',
      at: '12:4-12:6',
      severity: 1,
    },
  ]);
});

test('one-version-strategy: a version in the server URL covers every path', () => {
  const doc = openapi(`  /users:\n${ok}  /orders:\n${ok}  /products:\n${ok}`, `servers:\n  - url: https://api.example.com/v1\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'one-version-strategy'), []);
});

test('one-version-strategy: a vN segment under a versioned server is a resource name, not a second major', () => {
  const doc = openapi(`  /networks/{id}/dhcp/v4/servers:\n${ok}  /networks:\n${ok}`, `servers:\n  - url: https://api.example.com/api/v1\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'one-version-strategy'), []);
});

test('one-version-strategy: a path-level server overrides the document servers', () => {
  const pathServer = `    servers:\n      - url: https://upload.example.com\n${ok}`;
  const doc = openapi(`  /users:\n${ok}  /orders:\n${ok}  /uploads:\n${pathServer}`, `servers:\n  - url: https://api.example.com/v1\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'one-version-strategy').map((finding) => finding.message), [
    '"/uploads" documents no version, while 2 of 3 operations carry a version in the URI (e.g. "/users"); version it the same way',
  ]);
});

test('one-version-strategy: OAuth, health and well-known endpoints stay unversioned', () => {
  const doc = openapi(`  /v1/users:\n${ok}  /oauth2/token:\n${ok}  /health:\n${ok}  /.well-known/openid-configuration:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'one-version-strategy'), []);
});

test('one-version-strategy: an operation without any body is not expected to carry a versioned media type', () => {
  const vnd = `    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/vnd.acme.v1+json: { schema: { type: object } }\n`;
  const doc = openapi(`  /users:\n${vnd}  /users/{id}:\n    delete:\n      responses:\n        '204': { description: gone }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'one-version-strategy'), []);
});

test('one-version-strategy: a version header and a URI version on the same operations are one scheme', () => {
  const both = `    get:\n      parameters:\n        - { name: Stripe-Version, in: header, schema: { type: string } }\n      responses:\n        '200': { description: ok }\n`;
  const doc = openapi(`  /v1/users:\n${both}  /v1/orders:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'one-version-strategy'), []);
});

test('one-version-strategy: a mostly unversioned document is left to api-versioned', () => {
  const doc = openapi(`  /v1/users:\n${ok}  /orders:\n${ok}  /products:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'one-version-strategy'), []);
  assert.equal(findingsOf(lintText(doc), 'api-versioned').length, 1);
});

test('one-version-strategy: Swagger 2.0 basePath covers every path; date versions are one major', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: T, version: '1' }\nbasePath: /v1\npaths:\n  /users:\n${ok}  /orders:\n${ok}`;
  assert.deepEqual(findingsOf(lintText(swagger), 'one-version-strategy'), []);
  const dates = openapi(`  /2010-04-01/Accounts:\n${ok}  /2010-04-01/Calls:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(dates), 'one-version-strategy'), []);
});
