import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const rule = 'swagger2-body-params';
const swagger = (body: string) => `swagger: '2.0'\ninfo: { title: T, version: '1' }\n${body}`;
const ok = "      responses: { '200': { description: ok } }";

test('swagger2-body-params: two bodies (one from the path item), body with form, form without a form media type', () => {
  const doc = swagger(
    [
      'consumes: [application/json]',
      'parameters:',
      '  note: { name: note, in: formData, type: string }',
      'paths:',
      '  /a:',
      '    parameters: [{ name: payload, in: body, schema: { type: object } }]',
      '    post:',
      '      parameters:',
      '        - { name: other, in: body, schema: { type: object } }',
      "        - $ref: '#/parameters/note'",
      ok,
      '  /b:',
      '    put:',
      '      consumes: [text/plain]',
      "      parameters: [{ $ref: '#/parameters/note' }]",
      ok,
      '    patch:',
      "      parameters: [{ $ref: '#/parameters/note' }]",
      ok,
    ].join('\n'),
  );
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message:
        'in: formData parameters need a form media type in consumes (application/x-www-form-urlencoded or multipart/form-data), but the document\'s consumes lists "application/json" (shared by 2 operations)',
      at: '3:11-3:29',
      severity: 0,
    },
    { message: 'POST /a has a second in: body parameter "payload" (also "other"); an operation takes at most one body', at: '8:26-8:33', severity: 0 },
    {
      message: 'POST /a has an in: body parameter "other" and in: formData parameters ("note"); a request body is either the body parameter or the form, not both',
      at: '11:19-11:24',
      severity: 0,
    },
    {
      message: 'in: formData parameters need a form media type in consumes (application/x-www-form-urlencoded or multipart/form-data), but the operation\'s consumes lists "text/plain"',
      at: '16:17-16:29',
      severity: 0,
    },
  ]);
});

test('swagger2-body-params: form parameters with nothing consumed, and the forms that are fine', () => {
  const doc = swagger(
    [
      'paths:',
      '  /a:',
      '    post:',
      '      parameters: [{ name: f, in: formData, type: string }]',
      ok,
      '    put:',
      "      consumes: ['multipart/form-data; boundary=x']",
      '      parameters: [{ name: f, in: formData, type: file }]',
      ok,
      '    patch:',
      '      parameters: [{ name: b, in: body, schema: { type: object } }]',
      ok,
    ].join('\n'),
  );
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    {
      message:
        'POST /a has in: formData parameter "f", but neither the operation nor the document says what it consumes; add consumes: [application/x-www-form-urlencoded] or [multipart/form-data]',
      at: '6:28-6:29',
      severity: 0,
    },
  ]);
});

test('swagger2-body-params: JSON; OpenAPI 3.x is not checked', () => {
  const json = `{"swagger": "2.0", "info": {"title": "T", "version": "1"},\n"paths": {"/a": {"post": {"parameters": [{"name": "x", "in": "body"}, {"name": "y", "in": "body"}], "responses": {"200": {"description": "ok"}}}}}}`;
  assert.deepEqual(findingsOf(lintText(json), rule), [
    { message: 'POST /a has a second in: body parameter "y" (also "x"); an operation takes at most one body', at: '2:80-2:83', severity: 0 },
  ]);
  const v3 = openapi(`  /a:\n    post:\n      parameters: [{ name: x, in: body }, { name: y, in: body }]\n${ok}\n`);
  assert.deepEqual(findingsOf(lintText(v3), rule), []);
});
