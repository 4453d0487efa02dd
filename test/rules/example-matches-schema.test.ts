import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const rule = 'example-matches-schema';

test('example-matches-schema: 3.0 media type examples, at the member that fails; examples entries through $ref; externalValue not read', () => {
  const doc = openapi(`  /users:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: '#/components/schemas/User' }
              examples:
                good: { value: { id: 1, name: Ann } }
                wrong: { $ref: '#/components/examples/WrongUser' }
                elsewhere: { externalValue: 'https://example.com/user.json' }
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/User' }
            example: { name: Ann, extra: true }
      responses:
        '201': { description: created }
components:
  schemas:
    User:
      type: object
      additionalProperties: false
      required: [id, name]
      properties:
        id: { type: integer, readOnly: true }
        name: { type: string }
  examples:
    WrongUser:
      value: { id: 1, name: 5 }
`);
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: "example does not match its schema: must NOT have additional property 'extra'", at: '21:35-21:40', severity: 0 },
    { message: 'example "wrong" does not match its schema: at /name, must be string (found 5)', at: '35:29-35:30', severity: 0 },
  ]);
});

test('example-matches-schema: readOnly/writeOnly by direction, 3.0 nullable, and the 3.0.3 rule for null beside an enum', () => {
  const account = "{ type: object, required: [id, password, plan], properties: { id: { type: integer, readOnly: true }, password: { type: string, writeOnly: true }, plan: { type: string, nullable: true, enum: [free, paid] }, note: { type: string, nullable: true } } }";
  const doc = openapi(`  /accounts:
    post:
      requestBody:
        content:
          application/json:
            schema: ${account}
            example: { password: s3cret, plan: free, note: null }
      responses:
        '201':
          description: created
          content:
            application/json:
              schema: ${account}
              example: { id: 1, plan: null }
`);
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message: 'example does not match its schema: at /plan, must be one of: "free", "paid" (found null: with nullable: true, OpenAPI 3.0.3 admits null beside an enum only when the enum lists null)',
      at: '17:39-17:43',
      severity: 0,
    },
  ]);
});

test('example-matches-schema: parameters and headers; a string for a non-string parameter is its serialized form, not judged', () => {
  const doc = openapi(`  /items:
    get:
      parameters:
        - { name: limit, in: query, schema: { type: integer, maximum: 100 }, example: 500 }
        - { name: ids, in: query, schema: { type: array, items: { type: integer } }, example: '1,2,3' }
        - { name: sort, in: query, schema: { type: string, enum: [asc, desc] }, examples: { up: { value: asc }, sideways: { value: left } } }
      responses:
        '200':
          description: ok
          headers:
            X-Rate-Limit: { schema: { type: integer }, example: many }
`);
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'example does not match its schema: must be <= 100 (found 500)', at: '7:87-7:90', severity: 0 },
    { message: 'example "sideways" does not match its schema: must be one of: "asc", "desc" (found "left")', at: '9:132-9:136', severity: 0 },
  ]);
});

test('example-matches-schema: schema examples (3.1 type arrays and the examples array); overlapping oneOf and uncompilable schemas give nothing', () => {
  const doc = `openapi: 3.1.0
info: { title: T, version: '1' }
paths:
  /pets:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: object
                properties:
                  tag: { type: [string, 'null'], examples: [dog, null, 7] }
                  age: { type: integer, minimum: 0, example: -1 }
                  either: { oneOf: [{ type: number }, { type: integer }], example: 3 }
                  broken: { type: strnig, example: 3 }
`;
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'examples[2] does not match its schema: must be string or null (found 7)', at: '14:72-14:73', severity: 0 },
    { message: 'example does not match its schema: must be >= 0 (found -1)', at: '15:62-15:64', severity: 0 },
  ]);
});

test('example-matches-schema: Swagger 2.0 response examples by JSON mime type, schema examples, x-nullable', () => {
  const doc = `swagger: '2.0'
info: { title: T, version: '1' }
paths:
  /users:
    get:
      produces: [application/json, text/plain]
      responses:
        '200':
          description: ok
          schema:
            type: object
            required: [id]
            properties:
              id: { type: integer }
              nick: { type: string, x-nullable: true, example: null }
              age: { type: integer, example: old }
          examples:
            application/json: { nick: Al }
            text/plain: 'id=1'
`;
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'example does not match its schema: must be integer (found "old")', at: '16:46-16:49', severity: 0 },
    { message: "example for application/json does not match its schema: must have required property 'id'", at: '18:31-18:43', severity: 0 },
  ]);
});

test('example-matches-schema: a schema in another file, and an example there; the finding is in the file that holds the example', () => {
  const doc = openapi(`  /orders:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { $ref: 'schemas.yaml#/Order' }
              examples:
                one: { $ref: 'schemas.yaml#/OrderExample' }
`);
  const files = { 'schemas.yaml': "Order:\n  type: object\n  properties:\n    total: { $ref: '#/Money' }\nMoney: { type: number }\nOrderExample:\n  value: { total: ten }\n" };
  const found = lintText(doc, { files }).filter((finding) => finding.code === rule);
  assert.deepEqual(
    found.map((finding) => [finding.message, finding.source, `${finding.range.start.line + 1}:${finding.range.start.character + 1}`]),
    [['example "one" does not match its schema: at /total, must be number (found "ten")', '/virtual/schemas.yaml', '7:19']],
  );
});

test('example-matches-schema: bodies that are not JSON — an XML or form string, a binary body, form members as sent — are not judged; YAML timestamps are strings', () => {
  const doc = openapi(`  /upload:
    post:
      requestBody:
        content:
          application/xml:
            schema: { type: object, properties: { id: { type: integer } } }
            example: '<item><id>1</id></item>'
          application/octet-stream:
            schema: { type: string, format: binary }
            example: 12
          application/x-www-form-urlencoded:
            schema: { type: object, properties: { notify: { type: boolean }, tags: { type: array, items: { type: string } }, mode: { type: string, enum: [a, b] } } }
            example: { notify: 'true', tags: red }
          multipart/form-data:
            schema: { type: object, properties: { mode: { type: string, enum: [a, b] } } }
            example: { mode: c }
          application/json:
            schema: { type: object, properties: { at: { type: string, format: date-time }, day: { type: string, format: date } } }
            example: { at: 2020-07-28T18:00:00Z, day: 2020-07-28 }
      responses:
        '204': { description: done }
`);
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'example does not match its schema: at /mode, must be one of: "a", "b" (found "c")', at: '19:30-19:31', severity: 0 },
  ]);
});

test('example-matches-schema: a closed allOf member admits what its siblings declare (the author\'s meaning), and still rejects the rest', () => {
  const doc = openapi(`  /pages:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                allOf:
                  - { type: object, additionalProperties: false, properties: { page: { type: integer } } }
                  - { type: object, properties: { data: { type: array } } }
              examples:
                good: { value: { page: 1, data: [] } }
                extra: { value: { page: 1, data: [], next: 2 } }
`);
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: "example \"extra\" does not match its schema: must NOT have additional property 'next'", at: '17:54-17:58', severity: 0 },
  ]);
});

test('example-matches-schema: a scalar schema with an enum still judges its example', () => {
  const doc = openapi(`  /a:
    get:
      parameters:
        - { name: s, in: query, schema: { type: string, enum: [x, y], example: z } }
      responses:
        '200': { description: ok }
`);
  assert.deepEqual(findingsOf(lintText(doc), rule), [{ message: 'example does not match its schema: must be one of: "x", "y" (found "z")', at: '7:80-7:81', severity: 0 }]);
});
