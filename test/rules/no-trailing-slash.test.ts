import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ok = `    get:\n      responses:\n        '200': { description: ok }\n`;

test('no-trailing-slash: flags a path ending in "/", at the slash', () => {
  const doc = openapi(`  /users/:\n${ok}  /users/{id}/orders/:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'no-trailing-slash'), [
    { message: '"/users/" ends with "/"; remove it: "/users"', at: '4:9-4:10', severity: 0 },
    { message: '"/users/{id}/orders/" ends with "/"; remove it: "/users/{id}/orders"', at: '8:21-8:22', severity: 0 },
  ]);
});

test('no-trailing-slash: the root path and a bare host with a slash are fine', () => {
  const doc = openapi(`  /:\n${ok}  /users:\n${ok}`, `servers:\n  - url: https://api.example.com/\n  - url: /\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'no-trailing-slash'), []);
});

test('no-trailing-slash: flags a server URL whose base path ends in "/"', () => {
  const doc = openapi(`  /users:\n${ok}`, `servers:\n  - url: https://api.example.com/v1/\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'no-trailing-slash'), [
    {
      message: 'server URL "https://api.example.com/v1/" ends with "/", so every path is appended after a "//"; remove it: "https://api.example.com/v1"',
      at: '4:36-4:37',
      severity: 0,
    },
  ]);
});

test('no-trailing-slash: Swagger 2.0 basePath', () => {
  const doc = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nbasePath: /v1/\npaths:\n  /users/:\n${ok}`;
  assert.deepEqual(findingsOf(lintText(doc), 'no-trailing-slash'), [
    { message: 'server URL "/v1/" ends with "/", so every path is appended after a "//"; remove it: "/v1"', at: '3:14-3:15', severity: 0 },
    { message: '"/users/" ends with "/"; remove it: "/users"', at: '5:9-5:10', severity: 0 },
  ]);
});

test('no-trailing-slash: a JSON document', () => {
  const doc = `{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {"/users/": {}}}`;
  assert.deepEqual(findingsOf(lintText(doc), 'no-trailing-slash'), [
    { message: '"/users/" ends with "/"; remove it: "/users"', at: '1:79-1:80', severity: 0 },
  ]);
});
