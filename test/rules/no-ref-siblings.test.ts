import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const rule = 'no-ref-siblings';

const schemaMessage = (key: string, spec = 'OpenAPI 3.0') =>
  `"${key}" beside $ref is ignored (${spec}: a $ref replaces the whole schema); wrap the reference (allOf: [{ $ref: … }]) and put "${key}" beside the allOf, or move it into the referenced schema`;
const otherMessage = (key: string, spec = 'OpenAPI 3.0') =>
  `"${key}" beside $ref is ignored (${spec}: a Reference Object takes no other properties); move it into the referenced object`;

test('no-ref-siblings: keys beside schema and response references (the default response too), also in components nothing walks; x- extensions and examples are not reported (OpenAPI 3.0)', () => {
  const doc = openapi(
    [
      '  /pets:',
      '    get:',
      '      responses:',
      "        '200':",
      "          $ref: '#/components/responses/Pets'",
      '          description: the pets',
      '        default:',
      "          $ref: '#/components/responses/Pets'",
      '          headers: {}',
      'components:',
      '  responses:',
      '    Pets:',
      '      description: ok',
      '      content:',
      '        application/json:',
      '          schema:',
      "            $ref: '#/components/schemas/Pet'",
      '            nullable: true',
      '            x-go-type: Pet',
      "          example: { $ref: '#/not/a/reference', note: data }",
      '  schemas:',
      '    Pet: { type: object }',
      '    Unwalked:',
      "      properties: { owner: { $ref: '#/components/schemas/Pet', readOnly: true } }",
    ].join('\n') + '\n',
  );
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: otherMessage('description'), at: '9:11-9:22', severity: 1 },
    { message: otherMessage('headers'), at: '12:11-12:18', severity: 1 },
    { message: schemaMessage('nullable'), at: '21:13-21:21', severity: 1 },
    { message: schemaMessage('readOnly'), at: '27:64-27:72', severity: 1 },
  ]);
});

test('no-ref-siblings: Swagger 2.0, in a referenced file too', () => {
  const doc = [
    "swagger: '2.0'",
    "info: { title: T, version: '1' }",
    'paths:',
    '  /pets:',
    '    get:',
    "      parameters: [{ $ref: '#/parameters/limit', required: true }]",
    "      responses: { '200': { description: ok, schema: { $ref: 'defs.yaml#/Pet' } } }",
    'parameters:',
    '  limit: { name: limit, in: query, type: integer }',
  ].join('\n');
  const files = { 'defs.yaml': ['Pet:', '  properties:', '    tag:', "      $ref: '#/Tag'", '      description: the tag', 'Tag: { type: string }'].join('\n') };
  const found = lintText(doc, { files });
  assert.deepEqual(findingsOf(found, rule), [
    { message: schemaMessage('description', 'Swagger 2.0'), at: '5:7-5:18', severity: 1 },
    { message: otherMessage('required', 'Swagger 2.0'), at: '6:50-6:58', severity: 1 },
  ]);
  assert.deepEqual(
    found.filter((finding) => finding.code === rule).map((finding) => finding.source),
    ['/virtual/defs.yaml', '/virtual/openapi.yaml'],
  );
});

test('no-ref-siblings: OpenAPI 3.1 takes summary and description beside $ref, and any keyword beside a schema $ref', () => {
  const doc = [
    'openapi: 3.1.0',
    "info: { title: T, version: '1' }",
    'paths:',
    '  /pets:',
    '    get:',
    '      responses:',
    "        '200': { $ref: '#/components/responses/Pets', description: the pets }",
    'components:',
    '  responses:',
    "    Pets: { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Pet', type: [object, 'null'] } } } }",
    '  schemas:',
    '    Pet: { type: object }',
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(doc), rule), []);
});
