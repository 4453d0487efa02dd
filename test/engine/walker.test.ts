import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defineRule } from '../../src/engine/rule';
import { operationName } from '../../src/engine/walk/nodes';
import { lintText, openapi } from '../helpers/lint-text';

test('walker: x- keys under paths are extensions, not paths', () => {
  const doc = openapi(`  x-internal_Note//: { owner: team }\n  /users: {}\n`);
  assert.deepEqual(lintText(doc).filter((finding) => finding.path[1] === 'x-internal_Note//'), []);
  assert.ok(lintText(openapi(`  /internal_Note//: {}\n`)).length > 0, 'the same key as a path is reported');
});

test('a finding on a shared component is reported once, at the component, with the number of operations using it', () => {
  const rule = defineRule({
    meta: { id: 'test-response', group: 'status-codes', severity: 'warn', description: 'test rule on responses', sources: ['OpenAPI'], fix: 'no', messages: { at: 'response {{status}}' } },
    create: (context) => ({
      Response(response) {
        context.report({ messageId: 'at', data: { status: response.status }, at: response.loc, usedBy: operationName(response.operation) });
      },
    }),
  });
  const doc = openapi(
    `  /users:\n    get:\n      responses:\n        '404': { $ref: '#/components/responses/NotFound' }\n        '200': { description: ok }\n` +
      `  /orders:\n    get:\n      responses:\n        '404': { $ref: '#/components/responses/NotFound' }\n`,
    '',
  ) + `components:\n  responses:\n    NotFound: { description: gone }\n`;
  const findings = lintText(doc, { rules: [rule] }).map((finding) => `${finding.path.join('/')}: ${finding.message}`);
  assert.deepEqual(findings, ['paths//users/get/responses/200: response 200', 'components/responses/NotFound: response 404 (shared by 2 operations)']);
});

test('rules can follow $refs themselves with context.resolve', () => {
  const seen: string[] = [];
  const rule = defineRule({
    meta: { id: 'test-resolve', group: 'errors', severity: 'warn', description: 'test rule that resolves', sources: ['OpenAPI'], fix: 'no', messages: {} },
    create: (context) => ({
      MediaType(media) {
        const schema = context.resolve(media.value.schema, { file: media.loc.file, pointer: [...media.loc.pointer, 'schema'] });
        seen.push(schema ? schema.loc.pointer.join('/') : 'broken');
      },
    }),
  });
  const doc = openapi(`  /users:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/Users' }\n`) +
    `components:\n  schemas:\n    Users: { type: array }\n`;
  lintText(doc, { rules: [rule] });
  assert.deepEqual(seen, ['components/schemas/Users']);
});

test('walker: an operation written as a $ref (DigitalOcean style) is followed into its file', () => {
  const files = { 'ops/list.yaml': "parameters:\n  - { name: PageSize, in: query, schema: { type: integer } }\n  - { name: page_token, in: query, schema: { type: string } }\n  - { name: sort_order, in: query, schema: { type: string } }\nresponses:\n  '200': { description: ok }\n" };
  const findings = lintText(openapi(`  /users:\n    get:\n      $ref: ops/list.yaml\n`), { files }).filter((finding) => finding.code === 'query-param-casing');
  assert.deepEqual(findings.map((finding) => `${finding.source}#${finding.path.join('/')}`), ['/virtual/ops/list.yaml#parameters/0/name']);
});

test('walker: a parameter knows where it is listed (entryLoc) and where it is written (loc)', () => {
  const seen: string[] = [];
  const rule = defineRule({
    meta: { id: 'test-parameters', group: 'correctness', severity: 'warn', description: 'test rule on parameters', sources: ['OpenAPI'], fix: 'no', messages: {} },
    create: () => ({
      Parameter(parameter) {
        seen.push(`${parameter.name}: ${parameter.entryLoc.pointer.join('/')} -> ${parameter.loc.pointer.join('/')}`);
      },
    }),
  });
  const doc = openapi(`  /a:\n    get:\n      parameters: [{ name: q, in: query }, { $ref: '#/components/parameters/p' }]\n      responses: {}\n`) +
    'components:\n  parameters:\n    p: { name: p, in: header }\n';
  lintText(doc, { rules: [rule] });
  assert.deepEqual(seen, ['q: paths//a/get/parameters/0 -> paths//a/get/parameters/0', 'p: paths//a/get/parameters/1 -> components/parameters/p']);
});

test('walker: a path item whose $ref is broken still has its path key checked by the path rules', () => {
  const doc = openapi(`  /getThings: { $ref: './missing.yaml' }\n  /users/{userId}/order_items/{id}: { $ref: '#/components/pathItems/Nope' }\n`);
  const findings = lintText(doc)
    .filter((finding) => finding.path[0] === 'paths')
    .map((finding) => `${finding.code} ${finding.path.join('/')}`)
    .sort();
  // Before, the two invalid-ref findings were all: the walker skipped the entries. (`/getThings`
  // is no-verb-in-path's alone: the case rules leave the segments it reports to it.)
  assert.deepEqual(findings, [
    'invalid-ref paths//getThings/$ref',
    'invalid-ref paths//users/{userId}/order_items/{id}/$ref',
    'no-verb-in-path paths//getThings',
    'parent-paths-exist paths//users/{userId}/order_items/{id}',
    'parent-paths-exist paths//users/{userId}/order_items/{id}',
    'parent-paths-exist paths//users/{userId}/order_items/{id}',
    'path-no-underscore paths//users/{userId}/order_items/{id}',
  ]);
});
