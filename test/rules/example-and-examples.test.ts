import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const rule = 'example-and-examples';

test('example-and-examples: a media type, parameter or header with both, reported at the key written second', () => {
  const doc = openapi(`  /items:
    get:
      parameters:
        - name: q
          in: query
          schema: { type: string }
          examples: { one: { value: a } }
          example: b
        - name: filter
          in: query
          content:
            application/json:
              schema: { type: object }
              example: {}
              examples: { one: { value: {} } }
      responses:
        '200':
          description: ok
          headers:
            X-Id: { schema: { type: string }, example: x, examples: { one: { value: y } } }
          content:
            application/json:
              schema: { type: string }
              example: a
              examples: { one: { value: b } }
`);
  const message = (what: string) => `${what} has both example and examples, which OpenAPI says are mutually exclusive: keep one (examples holds several named ones)`;
  assert.deepEqual(findingsOf(lintText(doc), rule), [
    { message: message('parameter "q"'), at: '11:11-11:18', severity: 0 },
    { message: message('media type "application/json" of parameter "filter"'), at: '18:15-18:23', severity: 0 },
    { message: message('header "X-Id"'), at: '23:59-23:67', severity: 0 },
    { message: message('media type "application/json"'), at: '28:15-28:23', severity: 0 },
  ]);
});

test('example-and-examples: one of the two is fine; Swagger 2.0 has no such pair', () => {
  const doc = openapi(`  /items:
    get:
      parameters:
        - { name: q, in: query, schema: { type: string }, example: b }
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: string }
              examples: { one: { value: b } }
`);
  assert.deepEqual(findingsOf(lintText(doc), rule), []);
  const swagger = `swagger: '2.0'\ninfo: { title: T, version: '1' }\npaths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          schema: { type: string }\n          examples: { application/json: a }\n`;
  assert.deepEqual(findingsOf(lintText(swagger), rule), []);
});
