import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

/** A response `status` whose JSON body is the given schema (flow YAML). */
const res = (status: string, schema: string) => `        '${status}': { description: x, content: { application/json: { schema: ${schema} } } }\n`;
const ref = (name: string) => `{ $ref: '#/components/schemas/${name}' }`;
const ERROR = `    Error:\n      properties: { code: { type: string }, message: { type: string } }\n`;
const doc = (responses: string, schemas: string) =>
  openapi(`  /orders:\n    get:\n      responses:\n        '200': { description: ok }\n${responses}`, `components:\n  schemas:\n${schemas}`);
const messages = (text: string) => findingsOf(lintText(text), 'single-error-schema').map((finding) => finding.message);

test('single-error-schema: the minority schema is reported at its response, naming the majority one', () => {
  const text = doc(res('400', ref('Error')) + res('404', ref('Error')) + res('500', ref('Failure')), `${ERROR}    Failure:\n      properties: { reason: { type: string }, when: { type: string } }\n`);
  assert.deepEqual(findingsOf(lintText(text), 'single-error-schema'), [
    {
      message: 'GET /orders 500 response uses error schema "Failure", not error schema "Error" like 2 of 3 error responses; use one error schema for every error (extending it with allOf is fine)',
      at: '16:9-16:14',
      severity: 1,
    },
  ]);
});

test('single-error-schema: subtypes through allOf, siblings of one base, and the same core are fine', () => {
  const schemas =
    `${ERROR}    NotFound:\n      allOf: [${ref('Error')}, { properties: { id: { type: string } } }]\n` +
    `    Conflict:\n      allOf: [${ref('Error')}, { properties: { other: { type: string } } }]\n` +
    `    Short:\n      properties: { message: { type: string } }\n` +
    `    Validation:\n      properties: { code: { type: string }, message: { type: string }, fields: { type: array }, hint: { type: string } }\n`;
  const text = doc(res('400', ref('Error')) + res('401', ref('Error')) + res('404', ref('NotFound')) + res('409', ref('Conflict')) + res('422', ref('Validation')) + res('429', ref('Short')), schemas);
  assert.deepEqual(messages(text), []);
  // A base extended only by the minority, with the majority being a subtype: they share the base.
  const base = doc(res('400', ref('NotFound')) + res('404', ref('NotFound')) + res('500', ref('Conflict')), schemas);
  assert.deepEqual(messages(base), []);
});

test('single-error-schema: identical inline copies count as one shape; an inline odd one out is named as inline', () => {
  const inline = '{ properties: { code: { type: string }, message: { type: string } } }';
  const text = doc(res('400', inline) + res('404', inline) + res('500', '{ properties: { oops: { type: string } } }'), ERROR);
  assert.deepEqual(messages(text), [
    'GET /orders 500 response uses an inline error schema, not the error shape { code, message } like 2 of 3 error responses; use one error schema for every error (extending it with allOf is fine)',
  ]);
});

test('single-error-schema: copies of one shape in several components are named by their properties', () => {
  const schemas = `${ERROR}    Error2:\n      properties: { code: { type: string, enum: [a] }, message: { type: string } }\n    Other:\n      properties: { reason: { type: string } }\n`;
  assert.deepEqual(messages(doc(res('400', ref('Error')) + res('404', ref('Error2')) + res('500', ref('Other')), schemas)), [
    'GET /orders 500 response uses error schema "Other", not the error shape { code, message } like 2 of 3 error responses; use one error schema for every error (extending it with allOf is fine)',
  ]);
});

test('single-error-schema: no clear majority, OAuth errors, empty bodies and success responses are not reported', () => {
  const other = `    Other:\n      properties: { reason: { type: string } }\n`;
  assert.deepEqual(messages(doc(res('400', ref('Error')) + res('500', ref('Other')), ERROR + other)), []);
  const oauth = '{ properties: { error: { type: string }, error_description: { type: string } } }';
  const empty = '{ type: object, properties: {} }';
  const text = openapi(
    `  /orders:\n    get:\n      responses:\n        '200': { description: ok, content: { application/json: { schema: ${ref('Other')} } } }\n${res('400', ref('Error'))}${res('404', ref('Error'))}${res('401', oauth)}${res('410', empty)}${res('503', '{ type: string }')}`,
    `components:\n  schemas:\n${ERROR}${other}`,
  );
  assert.deepEqual(messages(text), []);
});

test('single-error-schema: a shared component response is reported once; Swagger 2.0', () => {
  const text = openapi(
    `  /orders:\n    get:\n      responses:\n        '200': { description: ok }\n${res('400', ref('Error'))}${res('404', ref('Error'))}        '500': { $ref: '#/components/responses/Failed' }\n    post:\n      responses:\n        '201': { description: ok }\n${res('400', ref('Error'))}        default: { $ref: '#/components/responses/Failed' }\n`,
    `components:\n  responses:\n    Failed:\n      description: failed\n      content: { application/json: { schema: { properties: { reason: { type: string } } } } }\n  schemas:\n${ERROR}`,
  );
  assert.deepEqual(findingsOf(lintText(text), 'single-error-schema'), [
    {
      message: 'shared response "Failed" uses an inline error schema, not error schema "Error" like 3 of 5 error responses; use one error schema for every error (extending it with allOf is fine) (shared by 2 operations)',
      at: '5:5-5:11',
      severity: 1,
    },
  ]);
  const swagger = `swagger: '2.0'\ninfo: { title: T, version: '1' }\nproduces: [application/json]\npaths:\n  /orders:\n    get:\n      responses:\n        '200': { description: ok }\n        '400': { description: x, schema: ${ref('Error').replace('components/schemas', 'definitions')} }\n        '404': { description: x, schema: ${ref('Error').replace('components/schemas', 'definitions')} }\n        '500': { description: x, schema: { properties: { reason: { type: string } } } }\ndefinitions:\n${ERROR.replace(/^ {2}/gm, '')}`;
  assert.deepEqual(findingsOf(lintText(swagger), 'single-error-schema').map((finding) => finding.message.split(' like ')[0]), [
    'GET /orders 500 response uses an inline error schema, not error schema "Error"',
  ]);
});

test('single-error-schema: one inline schema of a shared component response is named by that response', () => {
  const text = openapi(
    `  /orders:\n    get:\n      responses:\n        '200': { description: ok }\n        '400': { $ref: '#/components/responses/Bad' }\n        '404': { $ref: '#/components/responses/Bad' }\n${res('500', ref('Other'))}`,
    `components:\n  responses:\n    Bad:\n      description: bad\n      content: { application/json: { schema: { properties: { code: { type: string } } } } }\n  schemas:\n    Other:\n      properties: { reason: { type: string } }\n`,
  );
  assert.deepEqual(messages(text), [
    'GET /orders 500 response uses error schema "Other", not the inline error schema of shared response "Bad" like 2 of 3 error responses; use one error schema for every error (extending it with allOf is fine)',
  ]);
});

test('single-error-schema: components in other files are named by their file', () => {
  const text = openapi(
    `  /orders:\n    get:\n      responses:\n        '200': { description: ok }\n        '400': { description: x, content: { application/json: { schema: { $ref: 'models/error.yml' } } } }\n        '404': { description: x, content: { application/json: { schema: { $ref: 'models/error.yml' } } } }\n        '500': { $ref: 'responses/failed.yml' }\n`,
  );
  const files = {
    'models/error.yml': 'properties: { code: { type: string }, message: { type: string } }\n',
    'models/failure.yml': 'properties: { reason: { type: string } }\n',
    'responses/failed.yml': "description: failed\ncontent: { application/json: { schema: { $ref: '../models/failure.yml' } } }\n",
  };
  assert.deepEqual(findingsOf(lintText(text, { files }), 'single-error-schema').map((finding) => finding.message.split(' like ')[0]), [
    'shared response "failed.yml" uses error schema "failure.yml", not error schema "error.yml"',
  ]);
});
