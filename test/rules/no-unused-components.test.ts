import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText } from '../helpers/lint-text';

const rule = 'no-unused-components';

test('no-unused-components: unused components, a chain only unused ones reference, and an unnamed security scheme (OpenAPI 3.0)', () => {
  const doc = [
    'openapi: 3.0.3',
    "info: { title: T, version: '1' }",
    'security: [{ key: [] }]',
    'paths:',
    '  /pets:',
    '    get:',
    "      parameters: [{ $ref: '#/components/parameters/limit' }]",
    "      responses: { '200': { $ref: '#/components/responses/Pets' } }",
    'components:',
    '  parameters:',
    '    limit: { name: limit, in: query, schema: { type: integer } }',
    '    offset: { name: offset, in: query, schema: { type: integer } }',
    '  responses:',
    '    Pets:',
    '      description: ok',
    "      content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } }",
    '  schemas:',
    '    Pet:',
    '      type: object',
    "      properties: { owner: { $ref: '#/components/schemas/Owner' } }",
    '    Owner: { type: object }',
    "    Old: { properties: { address: { $ref: '#/components/schemas/Address' }, tree: { $ref: '#/components/schemas/Old' } } }",
    "    Address: { properties: { country: { $ref: '#/components/schemas/Country' } } }",
    '    Country: { type: string }',
    '  securitySchemes:',
    '    key: { type: apiKey, in: header, name: X-Key }',
    '    basic: { type: http, scheme: basic }',
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'parameter "offset" is unused: nothing references it', at: '12:5-12:11', severity: 1 },
    { message: 'schema "Old" is unused: nothing references it', at: '22:5-22:8', severity: 1 },
    { message: 'schema "Address" is unused: only schema "Old" references it, and nothing the API uses references it', at: '23:5-23:12', severity: 1 },
    { message: 'schema "Country" is unused: only schema "Address" references it, and nothing the API uses references it', at: '24:5-24:12', severity: 1 },
    { message: 'security scheme "basic" is unused: nothing references it and no security requirement names it', at: '27:5-27:10', severity: 1 },
  ]);
});

test('no-unused-components: discriminator mappings and allOf subtypes of a discriminated schema are used (OpenAPI 3.1, webhooks)', () => {
  const doc = [
    'openapi: 3.1.0',
    "info: { title: T, version: '1' }",
    'webhooks:',
    '  petAdded:',
    '    post:',
    "      requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Pet' } } } }",
    "      responses: { '200': { description: ok } }",
    'components:',
    '  schemas:',
    '    Pet:',
    '      type: object',
    '      required: [kind]',
    '      properties: { kind: { type: string } }',
    "      discriminator: { propertyName: kind, mapping: { dog: Dog, cat: '#/components/schemas/Cat' } }",
    '    Dog: { type: object }',
    '    Cat: { type: object }',
    "    Fish: { allOf: [{ $ref: '#/components/schemas/Pet' }] }",
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(doc), rule), []);
});

test('no-unused-components: a component used only from another file of a split document is used; one nothing uses is not', () => {
  const doc = [
    'openapi: 3.0.3',
    "info: { title: T, version: '1' }",
    'paths:',
    "  /pets: { $ref: 'paths/pets.yaml' }",
    'components:',
    '  schemas:',
    '    Pet: { type: object }',
    '    Stale: { type: object }',
  ].join('\n');
  const files = {
    'paths/pets.yaml': [
      'get:',
      "  responses: { '200': { description: ok, content: { application/json: { schema: { $ref: '../openapi.yaml#/components/schemas/Pet' } } } } }",
    ].join('\n'),
  };
  assert.deepEqual(findingsOf(lintText(doc, { files }), rule), [{ message: 'schema "Stale" is unused: nothing references it', at: '8:5-8:10', severity: 1 }]);
});

test('no-unused-components: Swagger 2.0 definitions, parameters, responses and securityDefinitions', () => {
  const doc = [
    "swagger: '2.0'",
    "info: { title: T, version: '1' }",
    'paths:',
    '  /pets:',
    '    get:',
    '      security: [{ oauth: [] }]',
    "      responses: { '200': { description: ok, schema: { $ref: '#/definitions/Pet' } } }",
    'definitions:',
    '    Pet: { type: object }',
    '    Unused: { type: object }',
    'parameters:',
    '    limit: { name: limit, in: query, type: integer }',
    'responses:',
    '    NotFound: { description: not found }',
    'securityDefinitions:',
    '    oauth: { type: oauth2, flow: implicit, authorizationUrl: https://example.com/auth, scopes: {} }',
    '    key: { type: apiKey, in: header, name: X-Key }',
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'schema "Unused" is unused: nothing references it', at: '10:5-10:11', severity: 1 },
    { message: 'parameter "limit" is unused: nothing references it', at: '12:5-12:10', severity: 1 },
    { message: 'response "NotFound" is unused: nothing references it', at: '14:5-14:13', severity: 1 },
    { message: 'security scheme "key" is unused: nothing references it and no security requirement names it', at: '17:5-17:8', severity: 1 },
  ]);
});

test('no-unused-components: a components library (no paths, no webhooks) gets no finding', () => {
  const doc = ['openapi: 3.1.0', "info: { title: Shared, version: '1' }", 'components:', '  schemas:', '    Error: { type: object }'].join('\n');
  assert.deepEqual(findingsOf(lintText(doc), rule), []);
  const swagger = ["swagger: '2.0'", "info: { title: Shared, version: '1' }", 'paths: {}', 'definitions:', '  Error: { type: object }'].join('\n');
  assert.deepEqual(findingsOf(lintText(swagger), rule), []);
});

test('no-unused-components: names are not keywords: the default response, and a schema called "example", are read like any other', () => {
  const doc = [
    'openapi: 3.0.3',
    "info: { title: T, version: '1' }",
    'paths:',
    '  /pets:',
    '    get:',
    '      responses:',
    '        default:',
    '          description: any',
    '          content:',
    '            application/json:',
    '              schema:',
    "                oneOf: [{ $ref: '#/components/schemas/example' }]",
    '                discriminator: { propertyName: kind, mapping: { cat: Cat } }',
    'components:',
    '  schemas:',
    "    example: { properties: { kind: { type: string }, owner: { $ref: '#/components/schemas/Owner' } } }",
    '    Cat: { type: object }',
    '    Owner: { type: object }',
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(doc), rule), []);
});
