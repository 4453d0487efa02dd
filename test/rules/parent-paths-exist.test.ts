import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ok = `    get:\n      responses:\n        '200': { description: ok }\n`;
const paths = (...list: string[]) => openapi(list.map((path) => `  ${path}:\n${ok}`).join(''));

test('parent-paths-exist: names each missing parent, underlined in the path that needs it', () => {
  const doc = paths('/users/{userId}/orders');
  assert.deepEqual(findingsOf(lintText(doc), 'parent-paths-exist'), [
    {
      message: '"/users/{userId}/orders" lies below "/users", which is not in paths; add "/users" so clients can walk up to it',
      at: '4:3-4:9',
      severity: 2,
    },
    {
      message: '"/users/{userId}/orders" lies below "/users/{userId}", which is not in paths; add "/users/{userId}" so clients can walk up to it',
      at: '4:3-4:18',
      severity: 2,
    },
  ]);
});

test('parent-paths-exist: reports a missing parent once, at the first path that needs it', () => {
  const doc = paths('/users', '/users/{userId}/orders', '/users/{id}/carts');
  assert.deepEqual(findingsOf(lintText(doc), 'parent-paths-exist'), [
    {
      message: '"/users/{userId}/orders" lies below "/users/{userId}", which is not in paths; add "/users/{userId}" so clients can walk up to it',
      at: '8:3-8:18',
      severity: 2,
    },
  ]);
});

test('parent-paths-exist: parameter names, trailing slashes and representation extensions do not matter', () => {
  const doc = paths('/users/', '/users/{id}.json', '/users/{userId}/orders.json', '/users/{uid}/orders/{orderId}');
  assert.deepEqual(findingsOf(lintText(doc), 'parent-paths-exist'), []);
});

test('parent-paths-exist: namespaces, groupings and compound-key halves are not required', () => {
  const doc = paths(
    '/api/v1/users',
    '/api/v1/users/{id}',
    '/api/v1/users/{id}/settings/email',
    '/repos',
    '/repos/{owner}/{repo}',
    '/repos/{owner}/{repo}/issues',
  );
  assert.deepEqual(findingsOf(lintText(doc), 'parent-paths-exist'), []);
});

test('parent-paths-exist: an identifier of another thing after an identifier makes the first one a parent', () => {
  const doc = paths('/users', '/users/{username}/{role_id}');
  assert.deepEqual(findingsOf(lintText(doc), 'parent-paths-exist').map((finding) => finding.message), [
    '"/users/{username}/{role_id}" lies below "/users/{username}", which is not in paths; add "/users/{username}" so clients can walk up to it',
  ]);
});

test('parent-paths-exist: a custom method needs the resource it acts on', () => {
  const doc = paths('/orders', '/orders/{orderId}:cancel');
  assert.deepEqual(findingsOf(lintText(doc), 'parent-paths-exist'), [
    {
      message: '"/orders/{orderId}:cancel" lies below "/orders/{orderId}", which is not in paths; add "/orders/{orderId}" so clients can walk up to it',
      at: '8:3-8:20',
      severity: 2,
    },
  ]);
});

test('parent-paths-exist: Swagger 2.0: parents are looked up in paths, not the basePath', () => {
  const doc = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nbasePath: /v1/shops\npaths:\n  /{shopId}/products:\n${ok}`;
  assert.deepEqual(findingsOf(lintText(doc), 'parent-paths-exist'), [
    {
      message: '"/{shopId}/products" lies below "/{shopId}", which is not in paths; add "/{shopId}" so clients can walk up to it',
      at: '5:3-5:12',
      severity: 2,
    },
  ]);
});

test('parent-paths-exist: a JSON document', () => {
  const doc = `{"openapi": "3.0.3", "info": {"title": "T", "version": "1"},\n"paths": {"/users": {}, "/users/{id}/orders": {}}}`;
  assert.deepEqual(findingsOf(lintText(doc), 'parent-paths-exist'), [
    {
      message: '"/users/{id}/orders" lies below "/users/{id}", which is not in paths; add "/users/{id}" so clients can walk up to it',
      at: '2:26-2:37',
      severity: 2,
    },
  ]);
});
