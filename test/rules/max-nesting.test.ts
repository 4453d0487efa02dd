import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ok = `    get:\n      responses:\n        '200': { description: ok }\n`;
const paths = (...list: string[]) => openapi(list.map((path) => `  ${path}:\n${ok}`).join(''));

test('max-nesting: flags a fourth level, underlining the part past the limit', () => {
  const doc = paths('/users/{userId}/orders/{orderId}/items/{itemId}/notes/{noteId}');
  assert.deepEqual(findingsOf(lintText(doc), 'max-nesting'), [
    {
      message:
        '"/users/{userId}/orders/{orderId}/items/{itemId}/notes/{noteId}" nests 4 levels of sub-resources, more than 3; address "{noteId}" from a shallower path, such as a top-level collection',
      at: '4:51-4:65',
      severity: 1,
    },
  ]);
});

test('max-nesting: three levels, compound keys, version parameters and trailing collections pass', () => {
  const doc = paths(
    '/users/{userId}/orders/{orderId}/items/{itemId}',
    '/users/{userId}/orders/{orderId}/items/{itemId}/notes',
    '/repos/{owner}/{repo}/pulls/{pullNumber}/comments/{commentId}',
    '/{apiVersion}/users/{userId}/orders/{orderId}/items/{itemId}',
    '/users/{userId}/orders/{orderId}/files/{fileId}/thumbnail.{format}',
  );
  assert.deepEqual(findingsOf(lintText(doc), 'max-nesting'), []);
});

test('max-nesting: an identifier of another thing right after an identifier is a level of its own', () => {
  const doc = paths('/channels/{channelId}/messages/{messageId}/reactions/{emoji_name}/{user_id}');
  assert.deepEqual(findingsOf(lintText(doc), 'max-nesting'), [
    {
      message:
        '"/channels/{channelId}/messages/{messageId}/reactions/{emoji_name}/{user_id}" nests 4 levels of sub-resources, more than 3; address "{user_id}" from a shallower path, such as a top-level collection',
      at: '4:69-4:78',
      severity: 1,
    },
  ]);
});

test('max-nesting: option max', () => {
  const config = 'rules:\n  max-nesting: [warn, { max: 2 }]\n';
  const doc = paths('/users/{userId}/orders/{orderId}', '/users/{userId}/orders/{orderId}/items/{itemId}:cancel');
  assert.deepEqual(findingsOf(lintText(doc, { config }), 'max-nesting'), [
    {
      message: '"/users/{userId}/orders/{orderId}/items/{itemId}:cancel" nests 3 levels of sub-resources, more than 2; address "{itemId}:cancel" from a shallower path, such as a top-level collection',
      at: '8:36-8:57',
      severity: 1,
    },
  ]);
  assert.throws(() => lintText(doc, { config: 'rules:\n  max-nesting: [warn, { max: 0 }]\n' }), /max-nesting options: max must be >= 1/);
});

test('max-nesting: Swagger 2.0 (the basePath does not count) and JSON', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nbasePath: /tenants/{tenantId}\npaths:\n  /a/{a}/b/{b}/c/{c}:\n${ok}`;
  assert.deepEqual(findingsOf(lintText(swagger), 'max-nesting'), []);
  const json = `{"openapi": "3.0.3", "info": {"title": "T", "version": "1"}, "paths": {"/a/{a}/b/{b}/c/{c}/d/{d}": {}}}`;
  assert.deepEqual(findingsOf(lintText(json), 'max-nesting'), [
    { message: '"/a/{a}/b/{b}/c/{c}/d/{d}" nests 4 levels of sub-resources, more than 3; address "{d}" from a shallower path, such as a top-level collection', at: '1:92-1:97', severity: 1 },
  ]);
});
