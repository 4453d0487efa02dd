import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const op = (response: string) => `  /reports:\n    post:\n      responses:\n        '202':\n${response}`;

test('async-202-monitor: a 202 without a monitor, at the response key', () => {
  const doc = openapi(op(`          description: accepted\n`));
  assert.deepEqual(findingsOf(lintText(doc), 'async-202-monitor'), [
    {
      message: 'POST /reports: 202 response does not say where to follow the accepted work; add a Location (or Operation-Location) header with the URL of a status monitor the client can poll',
      at: '7:9-7:14',
      severity: 2,
    },
  ]);
});

test('async-202-monitor: a monitor without Retry-After is a hint, at the header', () => {
  const doc = openapi(op(`          description: accepted\n          headers:\n            operation-location: { schema: { type: string } }\n`));
  assert.deepEqual(findingsOf(lintText(doc), 'async-202-monitor'), [
    {
      message: 'POST /reports: 202 response points to a status monitor (operation-location) but has no Retry-After header; add one so clients know how long to wait before polling the status monitor',
      at: '10:13-10:31',
      severity: 3,
    },
  ]);
});

test('async-202-monitor: Location with Retry-After, a shared header, or a link in the body pass', () => {
  const headers = openapi(
    op(`          description: accepted\n          headers:\n            Location: { $ref: '#/components/headers/Location' }\n            Retry-After: { schema: { type: integer } }\n`),
    `components:\n  headers:\n    Location: { schema: { type: string } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(headers), 'async-202-monitor'), []);
  const body = openapi(op(`          description: accepted\n          content:\n            application/json:\n              schema: { type: object, properties: { id: { type: string }, status_url: { type: string } } }\n`));
  assert.deepEqual(findingsOf(lintText(body), 'async-202-monitor'), []);
});

test('async-202-monitor: a shared 202 response is reported once, at the component; other statuses are not checked', () => {
  const ref = `      responses:\n        '202': { $ref: '#/components/responses/Accepted' }\n        '200': { description: ok }\n`;
  const doc = openapi(`  /a:\n    post:\n${ref}  /b:\n    post:\n${ref}`, `components:\n  responses:\n    Accepted: { description: accepted }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'async-202-monitor'), [
    {
      message: 'shared response "Accepted" (used as 202) does not say where to follow the accepted work; add a Location (or Operation-Location) header with the URL of a status monitor the client can poll (shared by 2 operations)',
      at: '5:5-5:13',
      severity: 2,
    },
  ]);
});

test('async-202-monitor: Swagger 2.0 headers', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /reports:\n    post:\n      responses:\n        202:\n          description: accepted\n          headers:\n            Location: { type: string }\n            Retry-After: { type: integer }\n        200: { description: ok }\n  /exports:\n    post:\n      responses:\n        202: { description: accepted }\n`;
  assert.deepEqual(findingsOf(lintText(swagger), 'async-202-monitor').map((finding) => finding.at), ['16:9-16:12']);
});

test('async-202-monitor: an operation id in the body (Amazon SP-API) and a 202 to a GET pass', () => {
  const body = openapi(op(`          description: accepted\n          content:\n            application/json:\n              schema: { type: object, properties: { inboundPlanId: { type: string }, operationId: { type: string } } }\n`));
  assert.deepEqual(findingsOf(lintText(body), 'async-202-monitor'), []);
  const get = openapi(`  /files/{id}/content:\n    get:\n      responses:\n        '202':\n          description: not ready yet\n          headers:\n            Retry-After: { schema: { type: integer } }\n`);
  assert.deepEqual(findingsOf(lintText(get), 'async-202-monitor'), []);
});

test('async-202-monitor: a link in a oneOf member (DigitalOcean\'s links.actions) counts', () => {
  const doc = openapi(op(`          description: accepted\n          content:\n            application/json:\n              schema:\n                oneOf:\n                  - { properties: { droplet: { type: object }, links: { type: object } } }\n                  - { properties: { droplets: { type: array }, links: { type: object } } }\n`));
  assert.deepEqual(findingsOf(lintText(doc), 'async-202-monitor'), []);
});

test('async-202-monitor: a response that is a whole file is named by its file', () => {
  const doc = openapi(`  /a:\n    post:\n      responses:\n        '202': { $ref: 'responses/accepted.yml' }\n`);
  const files = { 'responses/accepted.yml': `description: accepted\n` };
  assert.deepEqual(findingsOf(lintText(doc, { files }), 'async-202-monitor').map((finding) => finding.message), [
    'shared response "responses/accepted.yml" (used as 202) does not say where to follow the accepted work; add a Location (or Operation-Location) header with the URL of a status monitor the client can poll',
  ]);
});

test('async-202-monitor: an embedded monitor (an object with an id and a status, one level down) counts', () => {
  const doc = openapi(op(`          description: accepted\n          content:\n            application/json:\n              schema: { type: object, properties: { action: { type: object, properties: { id: { type: integer }, status: { type: string } } } } }\n`));
  assert.deepEqual(findingsOf(lintText(doc), 'async-202-monitor'), []);
  const idOnly = openapi(op(`          description: accepted\n          content:\n            application/json:\n              schema: { type: object, properties: { cluster: { type: object, properties: { id: { type: integer }, name: { type: string } } } } }\n`));
  assert.equal(findingsOf(lintText(idOnly), 'async-202-monitor').length, 1);
});

test('async-202-monitor: the embedded monitor is read through $refs in another file (allOf members resolved there)', () => {
  const doc = openapi(`  /peerings:\n    post:\n      responses:\n        '202': { $ref: 'responses/provisioning.yml' }\n`);
  const files = {
    'responses/provisioning.yml': `description: accepted\ncontent:\n  application/json:\n    schema:\n      properties:\n        peering: { $ref: '../models/peering.yml#/peering' }\n`,
    'models/peering.yml': `peering:\n  allOf:\n    - $ref: '#/base'\nbase:\n  properties:\n    id: { type: string }\n    status: { type: string, enum: [PROVISIONING, ACTIVE] }\n`,
  };
  assert.deepEqual(findingsOf(lintText(doc, { files }), 'async-202-monitor'), []);
});
