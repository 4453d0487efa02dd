import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const op = (method: string, statuses: string[], parameters = '') =>
  `    ${method}:\n${parameters}      responses:\n${statuses.map((status) => `        '${status}': { description: x }\n`).join('')}`;

test('status-fits-method: 201 on PATCH, at the response key', () => {
  const doc = openapi(`  /orders/{id}:\n${op('patch', ['201'])}`);
  assert.deepEqual(findingsOf(lintText(doc), 'status-fits-method'), [
    { message: 'PATCH /orders/{id}: 201 Created is for a request that creates a resource (POST or PUT), not PATCH; use 200 or 204', at: '7:9-7:14', severity: 1 },
  ]);
});

test('status-fits-method: 304 outside GET/HEAD, 412 without a precondition header', () => {
  const doc = openapi(`  /orders:\n${op('post', ['201', '304', '412'])}${op('get', ['200', '304', '412'])}${op('delete', ['201'])}`);
  assert.deepEqual(findingsOf(lintText(doc), 'status-fits-method').map((finding) => finding.message), [
    'POST /orders: 304 Not Modified answers a conditional GET or HEAD, not POST; remove it',
    'POST /orders: 412 Precondition Failed needs a conditional request, but the operation declares no If-Match, If-None-Match or If-Unmodified-Since header; declare the header, or remove the 412',
    'GET /orders: 412 Precondition Failed needs a conditional request, but the operation declares no If-Match, If-None-Match or If-Unmodified-Since header; declare the header, or remove the 412',
    'DELETE /orders: 201 Created is for a request that creates a resource (POST or PUT), not DELETE; use 200 or 204',
  ]);
});

test('status-fits-method: 201 on POST/PUT, 304 on GET/HEAD, 412 on PUT/PATCH/DELETE or with a declared precondition header pass', () => {
  const ifMatch = `      parameters:\n        - { name: if-match, in: header, schema: { type: string } }\n`;
  const doc = openapi(
    `  /orders/{id}:\n    parameters:\n      - $ref: '#/components/parameters/IfNoneMatch'\n${op('get', ['200', '304', '412'])}${op('head', ['304'])}${op('put', ['200', '201', '412'])}${op('patch', ['200', '412'])}${op('delete', ['204', '412'])}  /orders:\n${op('post', ['201', '412'], ifMatch)}`,
    `components:\n  parameters:\n    IfNoneMatch: { name: If-None-Match, in: header, schema: { type: string } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'status-fits-method'), []);
});

test('status-fits-method: Swagger 2.0', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /orders:\n    get:\n      parameters:\n        - { name: If-Unmodified-Since, in: header, type: string }\n      responses:\n        200: { description: ok }\n        201: { description: x }\n        412: { description: x }\n`;
  assert.deepEqual(findingsOf(lintText(swagger), 'status-fits-method'), [
    { message: 'GET /orders: 201 Created is for a request that creates a resource (POST or PUT), not GET; use 200 or 204', at: '10:9-10:12', severity: 1 },
  ]);
});

test('status-fits-method: option createMethods lets PATCH create (RFC 5789 upserts)', () => {
  const doc = openapi(`  /orders/{id}:\n${op('patch', ['201'])}${op('get', ['201'])}`);
  const config = 'rules:\n  status-fits-method: [warn, { createMethods: [post, put, patch] }]\n';
  assert.deepEqual(findingsOf(lintText(doc, { config }), 'status-fits-method').map((finding) => finding.message), [
    'GET /orders/{id}: 201 Created is for a request that creates a resource (POST or PUT or PATCH), not GET; use 200 or 204',
  ]);
});

test('status-fits-method: an operation written as a $ref (DigitalOcean) is read through it, parameters included', () => {
  const doc = openapi(`  /registry:\n    get:\n      $ref: 'ops/get.yaml'\n    put:\n      $ref: 'ops/put.yaml'\n`);
  const files = {
    'ops/get.yaml': `responses:\n  '200': { description: ok }\n  '412': { description: more than one registry }\n`,
    'ops/put.yaml': `parameters:\n  - { name: If-Match, in: header, schema: { type: string } }\nresponses:\n  '200': { description: ok }\n  '412': { description: stale }\n`,
  };
  assert.deepEqual(findingsOf(lintText(doc, { files }), 'status-fits-method'), [
    {
      message: 'GET /registry: 412 Precondition Failed needs a conditional request, but the operation declares no If-Match, If-None-Match or If-Unmodified-Since header; declare the header, or remove the 412',
      at: '3:3-3:8',
      severity: 1,
    },
  ]);
});
