import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const schemes = `components:\n  securitySchemes:\n    apiKey: { type: apiKey, in: header, name: X-API-Key }\n`;
const op = (method: string, extra = '') => `    ${method}:\n${extra}      responses:\n        '200': { description: ok }\n`;

test('operations-secured: flags an operation without security at its method key', () => {
  const doc = openapi(`  /users:\n${op('get', `      security:\n        - apiKey: []\n`)}  /orders:\n${op('post')}`, schemes);
  assert.deepEqual(findingsOf(lintText(doc), 'operations-secured'), [
    {
      message: 'POST /orders has no security requirement; add one, or "security: []" if it is public on purpose',
      at: '14:5-14:9',
      severity: 0,
    },
  ]);
});

test('operations-secured: document-level security covers every operation; "security: []" at the operation is accepted', () => {
  const doc = openapi(`  /users:\n${op('get')}  /health:\n${op('get', `      security: []\n`)}`, `${schemes}security:\n  - apiKey: []\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'operations-secured'), []);
});

test('operations-secured: optional authentication ({} in the list) is a decision and passes', () => {
  const doc = openapi(`  /articles:\n${op('get', `      security:\n        - {}\n        - apiKey: []\n`)}`, schemes);
  assert.deepEqual(findingsOf(lintText(doc), 'operations-secured'), []);
});

test('operations-secured: a document-level "security: []" is not a decision', () => {
  const doc = openapi(`  /users:\n${op('get')}`, `${schemes}security: []\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'operations-secured'), [
    { message: 'GET /users has no security requirement; add one, or "security: []" if it is public on purpose', at: '9:5-9:8', severity: 0 },
  ]);
});

test('operations-secured: health endpoints are reported too (the fix is "security: []")', () => {
  const doc = openapi(`  /health:\n${op('get')}`, schemes);
  assert.deepEqual(findingsOf(lintText(doc), 'operations-secured'), [
    { message: 'GET /health has no security requirement; add one, or "security: []" if it is public on purpose', at: '8:5-8:8', severity: 0 },
  ]);
});

test('operations-secured: no security schemes at all is reported once, at "paths"', () => {
  const doc = openapi(`  /users:\n${op('get')}${op('post')}  /health:\n${op('get', `      security: []\n`)}`);
  assert.deepEqual(findingsOf(lintText(doc), 'operations-secured'), [
    {
      message:
        'the API declares no security schemes and 2 of its 3 operations have no security requirement; declare how clients authenticate in "components.securitySchemes" and require it with "security" (or say "security: []" on operations that are public on purpose)',
      at: '3:1-3:6',
      severity: 0,
    },
  ]);
});

test('operations-secured: Swagger 2.0 without securityDefinitions is reported once; with them, per operation', () => {
  const bare = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\npaths:\n  /users:\n${op('get')}`;
  assert.deepEqual(findingsOf(lintText(bare), 'operations-secured'), [
    {
      message:
        'the API declares no security schemes and its one operation has no security requirement; declare how clients authenticate in "securityDefinitions" and require it with "security" (or say "security: []" on operations that are public on purpose)',
      at: '3:1-3:6',
      severity: 0,
    },
  ]);
  const defined = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nsecurityDefinitions:\n  key: { type: apiKey, in: header, name: X-API-Key }\npaths:\n  /users:\n${op('get')}${op('delete', `      security:\n        - key: []\n`)}`;
  assert.deepEqual(findingsOf(lintText(defined), 'operations-secured'), [
    { message: 'GET /users has no security requirement; add one, or "security: []" if it is public on purpose', at: '7:5-7:8', severity: 0 },
  ]);
});

test('operations-secured: no operations, or all public on purpose, without schemes passes', () => {
  assert.deepEqual(findingsOf(lintText(openapi(`  /users: {}\n`)), 'operations-secured'), []);
  assert.deepEqual(findingsOf(lintText(openapi(`  /health:\n${op('get', `      security: []\n`)}`)), 'operations-secured'), []);
});

test('operations-secured: an operation written as a $ref to another file is read through the reference', () => {
  const doc = openapi(`  /users:\n    get:\n      $ref: 'users-list.yaml'\n    post:\n      $ref: 'users-create.yaml'\n`, schemes);
  const files = {
    'users-list.yaml': `security:\n  - apiKey: []\nresponses:\n  '200': { description: ok }\n`,
    'users-create.yaml': `responses:\n  '201': { description: ok }\n`,
  };
  assert.deepEqual(findingsOf(lintText(doc, { files }), 'operations-secured'), [
    { message: 'POST /users has no security requirement; add one, or "security: []" if it is public on purpose', at: '10:5-10:9', severity: 0 },
  ]);
});
