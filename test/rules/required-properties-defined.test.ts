import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText } from '../helpers/lint-text';

const rule = 'required-properties-defined';

function withSchema(lines: string[], version = '3.0.3', extra: string[] = []): string {
  return [
    `openapi: ${version}`,
    "info: { title: T, version: '1' }",
    'paths:',
    '  /pets:',
    '    get:',
    "      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } } }",
    'components:',
    '  schemas:',
    '    Pet:',
    ...lines.map((line) => `      ${line}`),
    ...extra.map((line) => `    ${line}`),
  ].join('\n');
}

test('required-properties-defined: a typo of a property, and a name a closed schema cannot have (OpenAPI 3.0)', () => {
  const doc = withSchema(['type: object', 'additionalProperties: false', 'required: [nmae, id, color]', 'properties: { name: { type: string }, id: { type: string } }']);
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message: '"nmae" is required but not among the properties (did you mean "name"?), and additionalProperties: false forbids any other: no payload can be valid',
      at: '12:18-12:22',
      severity: 0,
    },
    { message: '"color" is required but not among the properties, and additionalProperties: false forbids any other: no payload can be valid', at: '12:28-12:33', severity: 0 },
  ]);
  const open = withSchema(['type: object', 'required: [nmae, color]', 'properties: { name: { type: string } }']);
  assert.deepEqual(findingsOf(lintText(open), rule), [
    { message: '"nmae" is required but not among the properties (did you mean "name"?)', at: '11:18-11:22', severity: 0 },
  ]);
});

test('required-properties-defined: OpenAPI 3.1 unevaluatedProperties: false closes the schema', () => {
  const doc = withSchema(['type: object', 'unevaluatedProperties: false', 'required: [owner]', 'properties: { name: { type: string } }'], '3.1.0');
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: '"owner" is required but not among the properties, and unevaluatedProperties: false forbids any other: no payload can be valid', at: '12:18-12:23', severity: 0 },
  ]);
});

test('required-properties-defined: names another schema of the composition declares, or a pattern matches, are not reported', () => {
  const composed = withSchema(
    ["allOf: [{ $ref: '#/components/schemas/Named' }, { required: [name, nmae], properties: { names: { type: array } } }]"],
    '3.0.3',
    ['Named: { properties: { name: { type: string }, nmae: { type: string } } }'],
  );
  assert.deepEqual(findingsOf(lintText(composed), rule), []);
  const member = withSchema(
    ['type: object', 'additionalProperties: false', 'required: [name, tag]', 'properties: { name: { type: string } }', "oneOf: [{ $ref: '#/components/schemas/Tagged' }]"],
    '3.0.3',
    ['Tagged: { properties: { tag: { type: string } } }'],
  );
  assert.deepEqual(findingsOf(lintText(member), rule), []);
  const patterned = withSchema(['type: object', 'required: [x-id]', 'properties: { id: { type: string } }', "patternProperties: { '^x-': {} }"], '3.1.0');
  assert.deepEqual(findingsOf(lintText(patterned), rule), []);
  const broken = withSchema(['type: object', 'additionalProperties: false', 'required: [nmae]', 'properties: { name: { type: string } }', "allOf: [{ $ref: 'missing.yaml' }]"]);
  assert.deepEqual(findingsOf(lintText(broken), rule), []);
});

test('required-properties-defined: an open schema may require what it does not declare, when it is no near miss (Swagger 2.0)', () => {
  const doc = [
    "swagger: '2.0'",
    "info: { title: T, version: '1' }",
    'paths:',
    '  /pets:',
    "    get: { responses: { '200': { description: ok, schema: { $ref: '#/definitions/Pet' } } } }",
    'definitions:',
    '  Pet: { type: object, required: [id, nmae, owner], properties: { ip: { type: string }, name: { type: string } } }',
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: '"nmae" is required but not among the properties (did you mean "name"?)', at: '7:39-7:43', severity: 0 },
  ]);
});
