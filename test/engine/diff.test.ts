// `restlint diff`'s engine (src/engine/diff/): every change id on a pair that triggers it, the
// same documents unchanged (which must give nothing), the traps that look breaking and are not,
// a split document, a Swagger 2.0 pair. Each change is compared whole: id, level, which
// document, file:line:character and the exact message. No test reads the clock: sunset dates
// are judged against a fixed "now" (test/helpers/diff-cases.ts).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CHANGE_KINDS } from '../../src/engine/diff/changes';
import { CASES, changesOf, TRAPS, type Case } from '../helpers/diff-cases';

describe('diffDocuments: each change id', () => {
  for (const testCase of CASES) {
    test(testCase.name, () => {
      assert.deepEqual(changesOf(testCase), testCase.expect);
    });
    test(`${testCase.name}: the new document against itself gives no change`, () => {
      assert.deepEqual(changesOf({ old: testCase.new, new: testCase.new }), []);
    });
  }

  test('every change id of the catalogue is triggered by some case, and is kebab-case', () => {
    const triggered = new Set(CASES.flatMap((testCase) => testCase.expect.map((line) => line.split(' ')[0])));
    for (const kind of CHANGE_KINDS) {
      assert.match(kind.id, /^[a-z]+(-[a-z]+)*$/);
      if (kind.id === 'response-property-added') continue; // tested below
      assert.ok(triggered.has(kind.id), `no case triggers ${kind.id}`);
    }
  });
});

describe('diffDocuments: traps (look breaking, are not)', () => {
  for (const trap of TRAPS) {
    test(trap.name, () => {
      assert.deepEqual(changesOf(trap), trap.expect);
    });
  }

  const json = {
    openapi: '3.0.3',
    info: { title: 't', version: '1' },
    paths: { '/users': { get: { parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 10 } }], responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } } } } } } },
  };
  test('YAML ↔ JSON and key order: no change', () => {
    const yaml = [
      'paths:',
      '  /users:',
      '    get:',
      '      responses:',
      "        '200':",
      '          content:',
      '            application/json:',
      '              schema:',
      '                properties: { id: { type: string } }',
      '                required: [id]',
      '                type: object',
      '          description: ok',
      '      parameters:',
      '        - schema: { maximum: 10, type: integer }',
      '          in: query',
      '          name: limit',
      'info: { version: "1", title: t }',
      'openapi: 3.0.3',
      '',
    ].join('\n');
    assert.deepEqual(changesOf({ old: json, new: yaml }), []);
    assert.deepEqual(changesOf({ old: yaml, new: json }), []);
  });

  test('a recursive schema on both sides ends', () => {
    const tree = (extra: Record<string, unknown>) => ({
      ...json,
      paths: { '/nodes': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } } } } } } } },
      components: { schemas: { Node: { type: 'object', properties: { children: { type: 'array', items: { $ref: '#/components/schemas/Node' } }, ...extra } } } },
    });
    assert.deepEqual(changesOf({ old: tree({ name: { type: 'string' } }), new: tree({}) }), [
      'response-property-removed warn old openapi.json:36:11 GET /nodes: 200 response property "name" was removed; clients that read it will not find it',
    ]);
  });
});

describe('diffDocuments: documents split over files, Swagger 2.0', () => {
  const entry = [
    'openapi: 3.0.3',
    'info: { title: t, version: "1" }',
    'paths:',
    '  /users:',
    '    post:',
    '      requestBody:',
    '        content:',
    '          application/json:',
    "            schema: { $ref: 'schemas/user.yaml#/User' }",
    '      responses:',
    "        '201':",
    '          description: created',
    "          content: { application/json: { schema: { $ref: 'schemas/user.yaml#/User' } } }",
    '',
  ].join('\n');
  const user = (required: string) => ['User:', '  type: object', `  required: [${required}]`, '  properties:', '    id: { type: string, readOnly: true }', '    email: { type: string }', '    name: { type: string }', ''].join('\n');

  test('a change inside a referenced file is found, and placed in that file', () => {
    const testCase: Case = { name: 'split', old: entry, new: entry, oldFiles: { 'schemas/user.yaml': user('id, name') }, newFiles: { 'schemas/user.yaml': user('id, email') }, expect: [] };
    assert.deepEqual(changesOf(testCase), [
      'request-property-became-required error new schemas/user.yaml:3:18 POST /users: request property "email" is now required; clients that omit it will get a 4xx',
      'response-property-became-optional error new schemas/user.yaml:7:5 POST /users: 201 response property "name" is no longer always returned; clients that expect it will not always find it',
    ]);
  });

  test('the split document and the same document inlined: no change', () => {
    const inlined = entry.replace(/\{ \$ref: 'schemas\/user.yaml#\/User' \}/g, "{ type: object, required: [id, name], properties: { id: { type: string, readOnly: true }, email: { type: string }, name: { type: string } } }");
    assert.deepEqual(changesOf({ old: entry, oldFiles: { 'schemas/user.yaml': user('id, name') }, new: inlined }), []);
  });

  const swagger = (parameters: unknown[], response: Record<string, unknown>) => ({
    swagger: '2.0',
    info: { title: 't', version: '1' },
    consumes: ['application/json'],
    produces: ['application/json'],
    paths: { '/users': { post: { parameters, responses: { '200': { description: 'ok', schema: response } } } } },
  });
  test('Swagger 2.0: a body parameter, query parameters and a response schema', () => {
    const oldDoc = swagger([{ name: 'body', in: 'body', schema: { type: 'object', properties: { email: { type: 'string' } } } }, { name: 'dry', in: 'query', type: 'boolean' }], {
      type: 'object',
      required: ['id'],
      properties: { id: { type: 'string' }, status: { type: 'string', enum: ['on'] } },
    });
    const newDoc = swagger([{ name: 'body', in: 'body', required: true, schema: { type: 'object', required: ['email'], properties: { email: { type: 'string' } } } }, { name: 'dry', in: 'query', type: 'string', required: true }], {
      type: 'object',
      properties: { id: { type: 'string' }, status: { type: 'string', enum: ['on', 'off'] } },
    });
    assert.deepEqual(changesOf({ old: oldDoc, new: newDoc }), [
      'parameter-became-required error new openapi.json:37:13 POST /users: query parameter "dry" is now required; clients that omit it will get a 4xx',
      'parameter-type-changed error new openapi.json:33:11 POST /users: query parameter "dry" changed type from boolean to string; clients that send boolean will get a 4xx',
      'request-body-became-required error new openapi.json:17:11 POST /users: the request body is now required; clients that send none will get a 4xx',
      'request-property-became-required error new openapi.json:24:17 POST /users: request property "email" is now required; clients that omit it will get a 4xx',
      'response-property-became-optional error new openapi.json:46:17 POST /users: 200 response property "id" is no longer always returned; clients that expect it will not always find it',
      'response-enum-value-added warn new openapi.json:51:19 POST /users: 200 response property "status" may now be "off"; clients that handle only the known values will break',
    ]);
  });

  test('response-property-added (info), and writeOnly properties as clients see them', () => {
    const doc = (properties: Record<string, unknown>) => ({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/users': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties } } } } } } } },
    });
    assert.deepEqual(changesOf({ old: doc({ id: { type: 'string' }, password: { type: 'string', writeOnly: true } }), new: doc({ id: { type: 'string' }, name: { type: 'string' } }) }), [
      'response-property-added info new openapi.json:21:21 GET /users: 200 response property "name" was added',
    ]);
  });
});
