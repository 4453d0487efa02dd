import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText } from '../helpers/lint-text';

const rule = 'document-structure';
const of = (text: string, files?: Record<string, string>) => findingsOf(lintText(text, { files }), rule);

test('document-structure: the planted faults of a broken 3.0 document, one finding each', () => {
  const doc = [
    'openapi: 3.0.3',
    'info: { title: Broken }',
    'paths:',
    '  /users:',
    '    get:',
    '      responses:',
    "        '200':",
    '          content:',
    '            application/json:',
    '              schema: { type: objekt, properties: { name: { type: string } } }',
    'components:',
    '  schemas:',
    '    User: { type: object, required: [name], propertiez: {} }',
    '',
  ].join('\n');
  assert.deepEqual(of(doc), [
    { message: 'the Info Object needs a "version"', at: '2:1-2:5', severity: 0 },
    { message: 'Response Object "200" needs a "description"', at: '7:9-7:14', severity: 0 },
    { message: '"objekt" is not a JSON Schema type; use one of array, boolean, integer, number, object, string (did you mean "object"?)', at: '10:31-10:37', severity: 0 },
    { message: 'unknown key "propertiez" in a Schema Object (did you mean "properties"?)', at: '13:45-13:55', severity: 0 },
  ]);
});

test('document-structure: a valid document of each version has no finding', () => {
  const v30 = `openapi: 3.0.3
info: { title: T, version: '1', license: { name: MIT } }
servers: [{ url: 'https://api.example.com/{v}', variables: { v: { default: v1 } } }]
paths:
  /users/{id}:
    parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
    get:
      tags: [users]
      parameters: [{ $ref: '#/components/parameters/Limit' }, { name: q, in: query, content: { application/json: { schema: { type: object } } } }]
      responses:
        '200': { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/User' }, examples: { one: { value: { id: a } } } } } }
        4XX: { $ref: '#/components/responses/Error' }
        default: { description: error }
      callbacks:
        done: { '{$request.body#/url}': { post: { requestBody: { content: { application/json: {} } }, responses: { '200': { description: ok } } } } }
      x-anything: { goes: here }
components:
  parameters:
    Limit: { name: limit, in: query, schema: { type: integer, minimum: 1, nullable: true } }
  responses:
    Error: { description: error, headers: { Retry-After: { schema: { type: integer } } } }
  schemas:
    User: { type: object, required: [id], additionalProperties: false, properties: { id: { type: string, readOnly: true }, tags: { type: array, items: { type: string } }, kind: { oneOf: [{ type: string }, { type: integer }] } } }
  securitySchemes:
    key: { type: apiKey, name: X-Key, in: header }
    oauth: { type: oauth2, flows: { authorizationCode: { authorizationUrl: 'https://a', tokenUrl: 'https://t', scopes: { read: Read } } } }
security: [{ key: [] }]
`;
  assert.deepEqual(of(v30), []);
  const v31 = `openapi: 3.1.0
info: { title: T, version: '1', summary: S, license: { name: MIT, identifier: MIT } }
webhooks:
  ping: { post: { responses: { '200': { description: ok } } } }
components:
  schemas:
    Any: true
    Pet: { type: [object, 'null'], $ref: '#/components/schemas/Base', unevaluatedProperties: false, properties: { id: { const: 1 }, name: { type: string, examples: [Rex] } }, x-vendor: 1, customAnnotation: kept }
    Base: { $id: 'https://example.com/base', $schema: 'https://json-schema.org/draft/2020-12/schema', prefixItems: [{ type: string }] }
`;
  assert.deepEqual(of(v31), []);
  const v2 = `swagger: '2.0'
info: { title: T, version: '1' }
host: api.example.com
schemes: [https]
paths:
  /pets:
    post:
      consumes: [application/json]
      parameters:
        - { name: body, in: body, required: true, schema: { $ref: '#/definitions/Pet' } }
        - { name: tags, in: query, type: array, items: { type: string }, collectionFormat: multi }
      responses:
        '201': { description: created, schema: { type: file } }
definitions:
  Pet: { type: object, discriminator: kind, required: [kind], properties: { kind: { type: string }, note: { type: [string, 'null'] } }, x-nullable: true }
securityDefinitions:
  oauth: { type: oauth2, flow: accessCode, authorizationUrl: 'https://a', tokenUrl: 'https://t', scopes: {} }
`;
  assert.deepEqual(of(v2), []);
});

test('document-structure: OpenAPI 3.0 says what belongs where, with the key or value at fault', () => {
  const doc = `openapi: 3.0.3
info: { title: T, version: 1.0 }
paths:
  users:
    get: { responses: { '200': { description: ok } } }
  /a:
    get:
      parameters:
        - { name: b, in: body, schema: { type: object } }
        - { name: c, in: query, type: string }
        - { name: d, in: query, schema: { type: string }, content: { text/plain: {} } }
        - { $ref: '#/components/schemas/S' }
      responses:
        2xx: { description: ok }
components:
  schemas:
    S: { type: [string, 'null'], const: a, required: true }
    bad name: { type: string }
`;
  assert.deepEqual(of(doc), [
    { message: '"version" in an Info Object must be a string, not the number 1 (in YAML, quote it: "1.0")', at: '2:28-2:31', severity: 0 },
    { message: '"users" is not a path: a key of paths begins with "/" (write "/users")', at: '4:3-4:8', severity: 0 },
    { message: '"body" is not a parameter location in OpenAPI 3.0; use one of query, header, path, cookie (a request body is the operation\'s "requestBody" in OpenAPI 3)', at: '9:26-9:30', severity: 0 },
    { message: 'parameter "c" needs a "schema" (or a "content" map) saying what its value is', at: '10:11-10:47', severity: 0 },
    { message: 'unknown key "type" in a Parameter Object: in OpenAPI 3, "type" belongs inside the parameter\'s "schema"', at: '10:33-10:37', severity: 0 },
    { message: 'parameter "d" has both "schema" and "content"; keep one', at: '11:59-11:66', severity: 0 },
    { message: '"$ref" names a Schema Object (#/components/schemas/S) where a Parameter Object belongs', at: '12:19-12:43', severity: 0 },
    { message: '"2xx" is not a response key: a status range is written with capital X ("2XX")', at: '14:9-14:12', severity: 0 },
    { message: '"type" in a Schema Object must be a string, not a list: OpenAPI 3.0 takes one type: for a value that may be null write nullable: true beside it', at: '17:16-17:32', severity: 0 },
    { message: 'unknown key "const" in a Schema Object: OpenAPI 3.0 has no "const": write enum: [<value>]', at: '17:34-17:39', severity: 0 },
    { message: '"required" in a Schema Object must be a list, not boolean true: a Schema Object\'s "required" lists the names of its required properties: to require this property, list its name in "required" of the schema that holds it', at: '17:54-17:58', severity: 0 },
    { message: 'component name "bad name" may hold only letters, digits, ".", "-" and "_" (OpenAPI 3.x components keys match ^[a-zA-Z0-9.\\-_]+$)', at: '18:5-18:13', severity: 0 },
  ]);
});

test('document-structure: OpenAPI 3.1 schemas are JSON Schema: unknown keywords pass unless they are typos; nullable is ignored there', () => {
  const doc = `openapi: 3.1.0
info: { title: T, version: '1' }
components:
  schemas:
    A: { type: string, nullable: true, maxLenght: 3, examples: { one: a }, vendorKeyword: 1 }
    B: { type: strng }
`;
  assert.deepEqual(of(doc), [
    { message: 'unknown key "nullable" in a Schema Object: OpenAPI 3.1 schemas are JSON Schema 2020-12, which has no "nullable" (it is ignored): write type: [<type>, "null"]', at: '5:24-5:32', severity: 1 },
    { message: 'unknown key "maxLenght" in a Schema Object (did you mean "maxLength"?)', at: '5:40-5:49', severity: 1 },
    { message: '"examples" in a Schema Object must be a list, not a mapping', at: '5:64-5:74', severity: 0 },
    { message: '"strng" is not a JSON Schema type; use one of array, boolean, integer, number, object, string, null (did you mean "string"?)', at: '6:16-6:21', severity: 0 },
  ]);
  assert.deepEqual(of('openapi: 3.1.0\ninfo: { title: T, version: \'1\' }\n'), [
    { message: 'the document needs at least one of "paths", "components" or "webhooks"', at: '1:1-2:33', severity: 0 },
  ]);
});

test('document-structure: Swagger 2.0 parameters by kind, security schemes by type, status keys without ranges', () => {
  const doc = `swagger: 2.0
info: { title: T, version: '1' }
paths:
  /a:
    get:
      parameters:
        - { name: b, in: body, type: string, schema: { type: string } }
        - { name: c, in: query }
        - { name: d, in: query, type: array }
      responses:
        4XX: { description: error }
        '200': { description: ok, content: {} }
securityDefinitions:
  o: { type: oauth2, flow: implicit, scopes: {} }
  k: { type: apiKey, name: k, in: cookie }
`;
  assert.deepEqual(of(doc), [
    { message: '"swagger" in a Swagger Object must be a string, not the number 2 (in YAML, quote it: "2.0")', at: '1:10-1:13', severity: 0 },
    { message: 'unknown key "type" in a body Parameter Object: a body parameter describes its value in "schema": "type" belongs there', at: '7:32-7:36', severity: 0 },
    { message: 'Parameter Object "c" needs a "type"', at: '8:11-8:33', severity: 0 },
    { message: 'type: array needs "items" saying what the elements are', at: '9:33-9:37', severity: 0 },
    { message: '"4XX": Swagger 2.0 has no status ranges; list each code, or use default (ranges such as 4XX are OpenAPI 3)', at: '11:9-11:12', severity: 0 },
    { message: 'unknown key "content" in a Response Object: Swagger 2.0 puts a response body in "schema" (content is OpenAPI 3)', at: '12:35-12:42', severity: 0 },
    { message: 'the implicit flow needs an "authorizationUrl"', at: '14:22-14:26', severity: 0 },
    { message: '"cookie" is not where an API key goes in Swagger 2.0; use one of query, header', at: '15:35-15:41', severity: 0 },
  ]);
});

test('document-structure: a referenced file is checked as what it is used as, and reported in that file', () => {
  const doc = `openapi: 3.0.3
info: { title: T, version: '1' }
paths:
  /a:
    get:
      parameters: [{ $ref: 'params.yaml#/Id' }]
      responses:
        '200': { $ref: 'responses.yaml' }
tags:
  - name: t
    description: { $ref: 'texts.yaml#/intro' }
`;
  const files = { 'params.yaml': 'Id: { name: id, in: path, requird: true, schema: { type: string } }\n', 'responses.yaml': 'descripton: ok\n', 'texts.yaml': 'intro: Hello\n' };
  const findings = lintText(doc, { files }).filter((finding) => finding.code === rule);
  assert.deepEqual(
    findings.map((finding) => [finding.source.split('/').pop(), finding.message]),
    [
      ['params.yaml', 'unknown key "requird" in a Parameter Object (did you mean "required"?)'],
      ['responses.yaml', 'Response Object "200" needs a "description"'],
      ['responses.yaml', 'unknown key "descripton" in a Response Object (did you mean "description"?)'],
    ],
  );
});

test('document-structure: an OpenAPI version restlint does not know is reported; 3.2 fields are known', () => {
  assert.deepEqual(of("openapi: 3.9.0\ninfo: { title: T, version: '1' }\npaths: {}\n"), [
    { message: 'OpenAPI version "3.9.0" is not one restlint knows (3.0.x, 3.1.x or 3.2.x, with a patch number); the document is checked as OpenAPI 3.1', at: '1:10-1:15', severity: 0 },
  ]);
  const v32 = "openapi: 3.2.0\n$self: 'https://example.com/api'\ninfo: { title: T, version: '1' }\npaths:\n  /a:\n    query: { responses: { '200': { summary: Ok } } }\n";
  assert.deepEqual(of(v32), []);
  assert.deepEqual(of(v32.replace('3.2.0', '3.1.0')).map((finding) => finding.message), [
    'unknown key "$self" in an OpenAPI Object; OpenAPI 3.1 allows openapi, info, servers, paths, components, security, tags, externalDocs, webhooks, jsonSchemaDialect and x- extensions here',
    'unknown key "query" in a Path Item Object; OpenAPI 3.1 allows $ref, summary, description, get, put, post, delete, options, head, patch, trace, servers, parameters and x- extensions here',
  ]);
});

test('document-structure: shared and aliased nodes are checked once; a YAML alias bomb stays cheap', () => {
  const levels = ['a: &a { type: strng }'];
  for (let i = 1; i <= 12; i++) levels.push(`l${i}: &l${i} { allOf: [*${i === 1 ? 'a' : `l${i - 1}`}, *${i === 1 ? 'a' : `l${i - 1}`}, *${i === 1 ? 'a' : `l${i - 1}`}] }`);
  const doc = `openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths: {}\ncomponents:\n  schemas:\n${levels.map((line) => `    ${line}`).join('\n')}\n`;
  assert.deepEqual(of(doc).map((finding) => finding.message), ['"strng" is not a JSON Schema type; use one of array, boolean, integer, number, object, string (did you mean "string"?)']);
});

test('document-structure: what the specification says across fields: unique enum values and tag names, items of an array, a path without a query, a non-empty server enum', () => {
  const doc = `openapi: 3.0.3
info: { title: T, version: '1' }
tags: [{ name: a }, { name: b }, { name: a }]
paths:
  /c?x=1:
    get: { responses: { '200': { description: ok } } }
components:
  schemas:
    E: { type: string, enum: [a, b, a] }
    L: { type: array }
`;
  assert.deepEqual(of(doc), [
    { message: 'tag "a" is listed more than once in "tags"; tag names must be unique', at: '3:1-3:5', severity: 0 },
    { message: 'path "/c?x=1" has a query string; a path is only the part before "?": declare the query as in: query parameters', at: '5:3-5:9', severity: 0 },
    { message: '"enum" lists "a" more than once; each value once is enough', at: '9:24-9:28', severity: 0 },
    { message: 'type: array needs "items" saying what the elements are (OpenAPI 3.0 requires it)', at: '10:10-10:14', severity: 0 },
  ]);
  const v31 = "openapi: 3.1.0\ninfo: { title: T, version: '1' }\nservers: [{ url: 'https://{region}.example.com', variables: { region: { default: eu, enum: [] } } }]\ncomponents: { schemas: { L: { type: array } } }\n";
  assert.deepEqual(of(v31), [{ message: 'a server variable\'s "enum" must not be empty: list the values, or leave "enum" out', at: '3:86-3:90', severity: 0 }]);
});
