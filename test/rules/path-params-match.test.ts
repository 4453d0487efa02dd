import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const rule = 'path-params-match';
const ok = `      responses:\n        '200': { description: ok }\n`;

test('path-params-match: the issue example: {userId} undeclared, "id" not in the path', () => {
  const doc = [
    'openapi: 3.0.3',
    'info: { title: Broken }',
    'paths:',
    '  /users/{userId}:',
    '    get:',
    '      operationId: getUser',
    '      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]',
    "      responses: { '200': { description: ok } }",
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message: 'path "/users/{userId}" has parameter {userId}, which no parameter of GET declares (the operation declares "id" in: path, which is not in the path)',
      at: '4:10-4:18',
      severity: 0,
    },
    { message: 'parameter "id" is declared in: path, but path "/users/{userId}" has no {id}', at: '7:28-7:30', severity: 0 },
  ]);
});

test('path-params-match: path-item parameters count for every operation, $refs are followed, an operation may override', () => {
  const doc = openapi(
    [
      '  /users/{userId}/orders/{orderId}:',
      '    parameters:',
      "      - $ref: '#/components/parameters/userId'",
      '    get:',
      '      parameters:',
      '        - { name: orderId, in: path, required: true, schema: { type: string } }',
      ok,
      '    delete:',
      '      parameters:',
      '        - { name: userId, in: path, required: true, description: overrides the path item, schema: { type: string } }',
      ok,
    ].join('\n'),
  ) + "components:\n  parameters:\n    userId: { name: userId, in: path, required: true, schema: { type: string } }\n";
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'path "/users/{userId}/orders/{orderId}" has parameter {orderId}, which no parameter of DELETE declares', at: '4:26-4:35', severity: 0 },
  ]);
});

test('path-params-match: several operations lacking a parameter are one finding at the template', () => {
  const doc = openapi(`  /items/{itemId}:\n    get:\n${ok}    put:\n      parameters: [{ name: itemID, in: path, required: true }]\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message: 'path "/items/{itemId}" has parameter {itemId}, which no parameter of GET and PUT declares (PUT declares "itemID" in: path, which is not in the path)',
      at: '4:10-4:18',
      severity: 0,
    },
    { message: 'parameter "itemID" is declared in: path, but path "/items/{itemId}" has no {itemID}', at: '9:28-9:34', severity: 0 },
  ]);
});

test('path-params-match: a path parameter must be required: at `required: false`, or at the parameter', () => {
  const doc = openapi(
    `  /a/{x}/{y}:\n    get:\n      parameters:\n        - { name: x, in: path, required: false }\n        - { name: y, in: path }\n${ok}`,
  );
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'path parameter "x" must have required: true (a path parameter is always part of the URL)', at: '7:42-7:47', severity: 0 },
    { message: 'path parameter "y" must have required: true (a path parameter is always part of the URL)', at: '8:11-8:32', severity: 0 },
  ]);
});

test('path-params-match: a shared component that is not in the path is reported where it is used; not required, once at the component', () => {
  const doc = openapi(
    `  /a:\n    get:\n      parameters: [{ $ref: '#/components/parameters/id' }]\n${ok}  /b:\n    get:\n      parameters: [{ $ref: '#/components/parameters/id' }]\n${ok}`,
  ) + 'components:\n  parameters:\n    id: { name: id, in: path }\n';
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'parameter "id" is declared in: path, but path "/a" has no {id}', at: '6:20-6:58', severity: 0 },
    { message: 'parameter "id" is declared in: path, but path "/b" has no {id}', at: '11:20-11:58', severity: 0 },
    { message: 'path parameter "id" must have required: true (a path parameter is always part of the URL) (shared by 2 operations)', at: '16:9-16:31', severity: 0 },
  ]);
});

test('path-params-match: no finding for an empty path item, a broken $ref, or a matching document', () => {
  const doc = openapi(
    [
      '  /empty/{id}: {}',
      '  /broken/{id}:',
      '    get:',
      "      parameters: [{ $ref: '#/components/parameters/missing' }]",
      ok,
      '  /fine/{id}:',
      '    parameters: [{ name: id, in: path, required: true }]',
      '    get:',
      ok,
      '    x-note: {}',
      '  x-extension/{id}: {}',
    ].join('\n'),
  );
  assert.deepEqual(findingsOf(lintText(doc), rule), []);
});

test('path-params-match: Swagger 2.0 with global parameters', () => {
  const doc = [
    "swagger: '2.0'",
    "info: { title: T, version: '1' }",
    'basePath: /v1/{notATemplate}',
    'parameters:',
    '  petId: { name: petId, in: path, required: true, type: string }',
    'paths:',
    '  /pets/{petId}/toys/{toyId}:',
    '    get:',
    "      parameters: [{ $ref: '#/parameters/petId' }]",
    "      responses: { '200': { description: ok } }",
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'path "/pets/{petId}/toys/{toyId}" has parameter {toyId}, which no parameter of GET declares', at: '7:22-7:29', severity: 0 },
  ]);
});

test('path-params-match: OpenAPI 3.1 in JSON', () => {
  const doc = `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"},\n"paths": {"/a/{b}": {"get": {"parameters": [{"name": "c", "in": "path", "required": true}], "responses": {"200": {"description": "ok"}}}}}}`;
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: 'path "/a/{b}" has parameter {b}, which no parameter of GET declares (the operation declares "c" in: path, which is not in the path)', at: '2:15-2:18', severity: 0 },
    { message: 'parameter "c" is declared in: path, but path "/a/{b}" has no {c}', at: '2:54-2:57', severity: 0 },
  ]);
});

test('path-params-match: operations that declare the same wrong name are named together', () => {
  const doc = openapi(`  /c/{cId}:\n    get:\n      parameters: [{ name: c_id, in: path, required: true }]\n${ok}    delete:\n      parameters: [{ name: c_id, in: path, required: true }]\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), rule)[0], {
    message: 'path "/c/{cId}" has parameter {cId}, which no parameter of GET and DELETE declares (GET and DELETE declare "c_id" in: path, which is not in the path)',
    at: '4:6-4:11',
    severity: 0,
  });
});
