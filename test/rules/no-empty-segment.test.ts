import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

test('no-empty-segment: flags "//" inside a path, at the two slashes', () => {
  const doc = openapi(`  /users//orders:\n    get:\n      responses:\n        '200': { description: ok }\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'no-empty-segment'), [
    { message: '"/users//orders" has an empty segment ("//"); remove the extra slash', at: '4:9-4:11', severity: 0 },
  ]);
});

test('no-empty-segment: flags "//" in a server base path, inside the url value', () => {
  const doc = openapi(`  /users: {}\n`, `servers:\n  - url: 'https://api.example.com/v1//shop'\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'no-empty-segment'), [
    { message: '"/v1//shop" has an empty segment ("//"); remove the extra slash', at: '4:37-4:39', severity: 0 },
  ]);
});

test('no-empty-segment: a trailing slash and the root path are not empty segments', () => {
  const doc = openapi(`  /: {}\n  /users/: {}\n  /users/{id}/orders: {}\n`, `servers:\n  - url: https://api.example.com/\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'no-empty-segment'), []);
});
