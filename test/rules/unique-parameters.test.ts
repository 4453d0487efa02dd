import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const rule = 'unique-parameters';
const ok = `      responses:\n        '200': { description: ok }\n`;

test('unique-parameters: the same name and in twice in one list, also through $ref and for headers in another case', () => {
  const doc = openapi(
    [
      '  /orders:',
      '    parameters:',
      '      - { name: trace, in: header }',
      '      - { name: Trace, in: header }',
      '    get:',
      '      parameters:',
      "        - $ref: '#/components/parameters/limit'",
      '        - { name: limit, in: query }',
      '        - { name: limit, in: header }',
      '        - { name: trace, in: query }',
      ok,
    ].join('\n'),
  ) + 'components:\n  parameters:\n    limit: { name: limit, in: query }\n';
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message:
        'path "/orders" lists header parameter "Trace" twice (also "trace", parameters[0]; header names are case-insensitive); name and in identify a parameter and must be unique in one list',
      at: '7:17-7:22',
      severity: 0,
    },
    {
      message: 'GET /orders lists parameter "limit" in: query twice (also parameters[0]); name and in identify a parameter and must be unique in one list',
      at: '11:19-11:24',
      severity: 0,
    },
  ]);
});

test('unique-parameters: an operation overriding its path item, and two references to one component in different lists, are fine', () => {
  const doc = openapi(
    `  /a:\n    parameters: [{ $ref: '#/components/parameters/limit' }]\n    get:\n      parameters: [{ $ref: '#/components/parameters/limit' }]\n${ok}`,
  ) + 'components:\n  parameters:\n    limit: { name: limit, in: query }\n';
  assert.deepEqual(findingsOf(lintText(doc), rule), []);
});

test('unique-parameters: two references to one component in one list are reported at the later $ref', () => {
  const doc = openapi(`  /a:\n    get:\n      parameters: [{ $ref: '#/components/parameters/limit' }, { $ref: '#/components/parameters/limit' }]\n${ok}`) +
    'components:\n  parameters:\n    limit: { name: limit, in: query }\n';
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message: 'GET /a lists parameter "limit" in: query twice (also parameters[0]); name and in identify a parameter and must be unique in one list',
      at: '6:63-6:104',
      severity: 0,
    },
  ]);
});

test('unique-parameters: Swagger 2.0 and OpenAPI 3.1 in JSON', () => {
  const swagger = [
    "swagger: '2.0'",
    "info: { title: T, version: '1' }",
    'parameters:',
    '  page: { name: page, in: query, type: integer }',
    'paths:',
    '  /a:',
    '    get:',
    "      parameters: [{ $ref: '#/parameters/page' }, { name: page, in: query, type: string }]",
    "      responses: { '200': { description: ok } }",
  ].join('\n');
  assert.deepEqual(findingsOf(lintText(swagger), rule), [
    { message: 'GET /a lists parameter "page" in: query twice (also parameters[0]); name and in identify a parameter and must be unique in one list', at: '8:59-8:63', severity: 0 },
  ]);
  const json = `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"},\n"paths": {"/a": {"parameters": [{"name": "q", "in": "query"}, {"name": "q", "in": "query"}]}}}`;
  assert.deepEqual(findingsOf(lintText(json), rule), [
    { message: 'path "/a" lists parameter "q" in: query twice (also parameters[0]); name and in identify a parameter and must be unique in one list', at: '2:72-2:75', severity: 0 },
  ]);
});
