import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ok = `    get:\n      responses:\n        '200': { description: ok }\n`;
const paths = (...list: string[]) => openapi(list.map((path) => `  ${path}:\n${ok}`).join(''));

test('no-ambiguous-paths: reports the later of two templates that differ only in parameter names', () => {
  const doc = paths('/users/{id}', '/users/{name}', '/orders/{orderId}:cancel', '/orders/{id}:cancel');
  assert.deepEqual(findingsOf(lintText(doc), 'no-ambiguous-paths'), [
    {
      message: '"/users/{name}" is the same URL template as "/users/{id}" (only parameter names differ); a request cannot tell them apart: merge the two',
      at: '8:3-8:16',
      severity: 0,
    },
    {
      message: '"/orders/{id}:cancel" is the same URL template as "/orders/{orderId}:cancel" (only parameter names differ); a request cannot tell them apart: merge the two',
      at: '16:3-16:22',
      severity: 0,
    },
  ]);
});

test('no-ambiguous-paths: a literal next to a parameter, and a parent next to its child, are not ambiguous', () => {
  const doc = paths('/users/me', '/users/{id}', '/users/{id}/orders', '/users/{id}/{name}', '/users', '/users/');
  assert.deepEqual(findingsOf(lintText(doc), 'no-ambiguous-paths'), []);
});

test('no-ambiguous-paths: Swagger 2.0 and JSON', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nbasePath: /v1\npaths:\n  /pets/{petId}:\n${ok}  /pets/{id}:\n${ok}`;
  assert.deepEqual(findingsOf(lintText(swagger), 'no-ambiguous-paths'), [
    {
      message: '"/pets/{id}" is the same URL template as "/pets/{petId}" (only parameter names differ); a request cannot tell them apart: merge the two',
      at: '9:3-9:13',
      severity: 0,
    },
  ]);
  const json = `{"openapi": "3.1.0", "info": {"title": "T", "version": "1"},\n"paths": {"/a/{x}": {}, "/a/{y}": {}}}`;
  assert.deepEqual(findingsOf(lintText(json), 'no-ambiguous-paths'), [
    { message: '"/a/{y}" is the same URL template as "/a/{x}" (only parameter names differ); a request cannot tell them apart: merge the two', at: '2:25-2:33', severity: 0 },
  ]);
});
