import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const rule = 'default-matches-schema';

test('default-matches-schema: a default of the wrong type or outside the enum, an enum entry of the wrong type, each at its value', () => {
  const doc = openapi(`  /items:
    get:
      parameters:
        - { name: limit, in: query, schema: { type: integer, minimum: 1, maximum: 100, default: '20' } }
        - { name: page, in: query, schema: { type: integer, minimum: 1, default: 0 } }
        - { name: sort, in: query, schema: { type: string, enum: [asc, desc, 1], default: up } }
        - { name: fine, in: query, schema: { type: string, enum: [asc, desc], default: asc } }
      responses:
        '200':
          description: ok
          headers:
            X-Mode: { schema: { type: string, enum: [fast, true] } }
`);
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'default does not match its schema: must be integer (found "20")', at: '7:97-7:101', severity: 0 },
    { message: 'default does not match its schema: must be >= 1 (found 0)', at: '8:82-8:83', severity: 0 },
    { message: 'enum entry does not match its schema: must be string (found 1)', at: '9:78-9:79', severity: 0 },
    { message: 'default does not match its schema: must be one of: "asc", "desc", 1 (found "up")', at: '9:91-9:93', severity: 0 },
    { message: 'enum entry does not match its schema: must be string (found true)', at: '15:60-15:64', severity: 0 },
  ]);
});

test('default-matches-schema: 3.0 nullable admits a null default and a null enum entry, but beside an enum only a listed null (3.0.3)', () => {
  const doc = openapi(`  /items:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  note: { type: string, nullable: true, default: null }
                  plan: { type: string, nullable: true, enum: [free, paid], default: null }
                  tier: { type: string, nullable: true, enum: [gold, null], default: null }
                  kind: { type: string, enum: [a, null] }
`);
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message: 'default does not match its schema: must be one of: "free", "paid" (found null: with nullable: true, OpenAPI 3.0.3 admits null beside an enum only when the enum lists null)',
      at: '15:86-15:90',
      severity: 0,
    },
    { message: 'enum entry does not match its schema: must be string (found null)', at: '17:51-17:55', severity: 0 },
  ]);
});

test('default-matches-schema: 3.1 type arrays and const; a default beside a 3.0 $ref is not read', () => {
  const doc = `openapi: 3.1.0
info: { title: T, version: '1' }
paths:
  /a:
    get:
      parameters:
        - { name: q, in: query, schema: { type: [string, 'null'], default: null, enum: [x, null, 2] } }
        - { name: v, in: query, schema: { const: 1, default: 2 } }
      responses:
        '200': { description: ok }
`;
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'enum entry does not match its schema: must be string or null (found 2)', at: '7:98-7:99', severity: 0 },
    { message: 'default does not match its schema: must be 1 (found 2)', at: '8:62-8:63', severity: 0 },
  ]);
  const ref = openapi(`  /a:\n    get:\n      parameters:\n        - { name: q, in: query, schema: { $ref: '#/components/schemas/Q' } }\n      responses:\n        '200': { description: ok }\n`) +
    'components:\n  schemas:\n    Q: { type: integer }\n    R: { $ref: \'#/components/schemas/Q\', default: x }\n';
  assert.deepEqual(findingsOf(lintText(ref), rule), []);
});

test('default-matches-schema: Swagger 2.0 parameters and headers are their own schema (and their items); x-nullable admits null', () => {
  const doc = `swagger: '2.0'
info: { title: T, version: '1' }
paths:
  /a:
    get:
      parameters:
        - { name: limit, in: query, type: integer, required: false, default: ten }
        - { name: tags, in: query, type: array, items: { type: string, enum: [a, 2] } }
        - { name: body, in: body, schema: { type: object, properties: { n: { type: string, x-nullable: true, default: null } } } }
      responses:
        '200':
          description: ok
          headers:
            X-Count: { type: integer, default: false }
`;
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'default does not match its schema: must be integer (found "ten")', at: '7:78-7:81', severity: 0 },
    { message: 'enum entry does not match its schema: must be string (found 2)', at: '8:82-8:83', severity: 0 },
    { message: 'default does not match its schema: must be integer (found false)', at: '14:48-14:53', severity: 0 },
  ]);
});

test('default-matches-schema: a schema in another file is checked there, against the schemas it refers to', () => {
  const doc = openapi(`  /a:\n    get:\n      parameters:\n        - { name: q, in: query, schema: { $ref: 'schemas.yaml#/Size' } }\n      responses:\n        '200': { description: ok }\n`);
  const files = { 'schemas.yaml': "Size:\n  allOf: [{ $ref: '#/Base' }]\n  default: 0\nBase: { type: integer, minimum: 1 }\n" };
  const found = lintText(doc, { files }).filter((finding) => finding.code === rule);
  assert.deepEqual(
    found.map((finding) => [finding.message, finding.source, `${finding.range.start.line + 1}:${finding.range.start.character + 1}`]),
    [['default does not match its schema: must be >= 1 (found 0)', '/virtual/schemas.yaml', '3:12']],
  );
});
