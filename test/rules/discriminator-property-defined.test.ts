import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText } from '../helpers/lint-text';

const rule = 'discriminator-property-defined';

/** A 3.x document whose one response uses `#/components/schemas/Pet`, with the given schemas. */
function withSchemas(schemas: string[], version = '3.0.3'): string {
  return [
    `openapi: ${version}`,
    "info: { title: T, version: '1' }",
    'paths:',
    '  /pets:',
    '    get:',
    "      responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } } }",
    'components:',
    '  schemas:',
    ...schemas.map((line) => `    ${line}`),
  ].join('\n');
}

test('discriminator-property-defined: undeclared and unrequired properties, through allOf (OpenAPI 3.0)', () => {
  const undeclared = withSchemas([
    'Pet:',
    '  type: object',
    "  allOf: [{ $ref: '#/components/schemas/Base' }]",
    '  discriminator: { propertyName: petType }',
    'Base: { properties: { name: { type: string } } }',
  ]);
  assert.deepEqual(findingsOf(lintText(undeclared), rule), [
    { message: 'discriminator property "petType" is not among the properties of the schema or of its allOf members; declare it', at: '12:38-12:45', severity: 0 },
  ]);
  const unrequired = withSchemas([
    'Pet:',
    "  allOf: [{ $ref: '#/components/schemas/Base' }]",
    '  discriminator: { propertyName: petType }',
    'Base: { properties: { petType: { type: string } } }',
  ]);
  assert.deepEqual(findingsOf(lintText(unrequired), rule), [
    { message: 'discriminator property "petType" is not required: add it to required, as every payload must carry it', at: '11:38-11:45', severity: 0 },
  ]);
});

test('discriminator-property-defined: oneOf alternatives, nested choices, and mapping targets that are not schemas (OpenAPI 3.1)', () => {
  const doc = withSchemas(
    [
      'Pet:',
      "  oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }, { $ref: '#/components/schemas/Bird' }, { type: object }]",
      '  discriminator:',
      '    propertyName: kind',
      "    mapping: { cat: Cat, dog: '#/components/schemas/Dog', oops: '#/components/responses/Gone' }",
      'Cat: { type: object, required: [kind], properties: { kind: { const: cat } } }',
      'Dog: { type: object, properties: { kind: { const: dog } } }',
      "Bird: { oneOf: [{ $ref: '#/components/schemas/Cat' }, { required: [kind], properties: { kind: { const: bird } } }] }",
    ],
    '3.1.0',
  ) + "\n  responses:\n    Gone: { description: gone }";
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'oneOf alternative 1 (#/components/schemas/Dog) does not require discriminator property "kind"', at: '10:53-10:89', severity: 0 },
    { message: 'oneOf alternative 3 does not declare discriminator property "kind"', at: '10:130-10:146', severity: 0 },
    { message: 'mapping "oops" points at "#/components/responses/Gone", which is not a schema', at: '13:69-13:98', severity: 0 },
  ]);
});

test('discriminator-property-defined: a schema that declares and requires its discriminator property, with oneOf alternatives inheriting it', () => {
  const doc = withSchemas([
    'Pet:',
    '  type: object',
    '  required: [kind]',
    '  properties: { kind: { type: string } }',
    "  oneOf: [{ $ref: '#/components/schemas/Cat' }, { type: object }]",
    '  discriminator: { propertyName: kind, mapping: { cat: Cat } }',
    'Cat: { type: object }',
  ]);
  assert.deepEqual(findingsOf(lintText(doc), rule), []);
});

test('discriminator-property-defined: Swagger 2.0 discriminator names a required property', () => {
  const doc = (pet: string) =>
    [
      "swagger: '2.0'",
      "info: { title: T, version: '1' }",
      'paths:',
      '  /pets:',
      "    get: { responses: { '200': { description: ok, schema: { $ref: '#/definitions/Pet' } } } }",
      'definitions:',
      `  Pet: ${pet}`,
    ].join('\n');
  assert.deepEqual(findingsOf(lintText(doc('{ type: object, discriminator: petType, properties: { petType: { type: string } } }')), rule), [
    { message: 'discriminator property "petType" is not required: add it to required, as every payload must carry it', at: '7:39-7:46', severity: 0 },
  ]);
  assert.deepEqual(findingsOf(lintText(doc('{ type: object, discriminator: petType, properties: { name: { type: string } } }')), rule), [
    { message: 'discriminator property "petType" is not among the properties of the schema; declare it', at: '7:39-7:46', severity: 0 },
  ]);
  assert.deepEqual(findingsOf(lintText(doc('{ type: object, discriminator: petType, required: [petType], properties: { petType: { type: string } } }')), rule), []);
});

test('discriminator-property-defined: a mapping target that does not resolve is reported once, by invalid-ref', () => {
  const doc = withSchemas([
    'Pet:',
    '  type: object',
    '  required: [kind]',
    '  properties: { kind: { type: string } }',
    "  discriminator: { propertyName: kind, mapping: { gone: '#/components/schemas/Gone' } }",
  ]);
  const found = lintText(doc);
  assert.deepEqual(findingsOf(found, rule), []);
  assert.deepEqual(findingsOf(found, 'invalid-ref'), [
    { message: '$ref "#/components/schemas/Gone" points to nothing: "Gone" not found', at: '13:61-13:88', severity: 0 },
  ]);
});
