import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ID = 'no-http-method-in-path';
const ok = `        '200': { description: ok }\n`;
const item = (path: string, ...methods: string[]) => `  ${path}:\n${methods.map((method) => `    ${method}:\n      responses:\n${ok}`).join('')}`;
const methods = (doc: string) => findingsOf(lintText(doc), ID);

test('no-http-method-in-path: a method name inside a compound segment', () => {
  assert.deepEqual(methods(openapi(item('/channels/{id}/messages/bulk-delete', 'post'))), [
    {
      message: '"/channels/{id}/messages/bulk-delete": segment "bulk-delete" contains the HTTP method name "delete"; name only the resource and send the request with DELETE (or the method that fits)',
      at: '4:27-4:38',
      severity: 0,
    },
  ]);
});

test('no-http-method-in-path: post and patch as the verb of an action segment or of a verb+object compound', () => {
  const doc = openapi(item('/payments/{id}/post', 'post') + item('/instances/{id}/patch', 'post') + item('/chat.postMessage', 'post') + item('/putObject', 'put'));
  assert.deepEqual(methods(doc), [
    {
      message: '"/payments/{id}/post": segment "post" contains the HTTP method name "post"; name only the resource and send the request with POST (or the method that fits)',
      at: '4:18-4:22',
      severity: 0,
    },
    {
      message: '"/instances/{id}/patch": segment "patch" contains the HTTP method name "patch"; name only the resource and send the request with PATCH (or the method that fits)',
      at: '8:19-8:24',
      severity: 0,
    },
    {
      message: '"/chat.postMessage": segment "chat.postMessage" contains the HTTP method name "post"; name only the resource and send the request with POST (or the method that fits)',
      at: '12:4-12:20',
      severity: 0,
    },
    {
      message: '"/putObject": segment "putObject" contains the HTTP method name "put"; name only the resource and send the request with PUT (or the method that fits)',
      at: '16:4-16:13',
      severity: 0,
    },
  ]);
});

test('no-http-method-in-path: a segment that starts with get or delete is left to no-verb-in-path', () => {
  const findings = lintText(openapi(item('/getUsers', 'get') + item('/users/{id}/delete', 'post') + item('/users.profile.get', 'get')));
  assert.deepEqual(findingsOf(findings, ID), []);
  assert.equal(findingsOf(findings, 'no-verb-in-path').length, 3);
});

test('no-http-method-in-path: tokens only, and posts and options are nouns', () => {
  const doc = openapi(
    [
      '/posts',
      '/posts/{postId}',
      '/posters',
      '/budgets',
      '/output',
      '/targets',
      '/options',
      '/products/{id}/options',
      '/inboundPlans/{id}/packingOptions',
      '/custom_fields/{id}/field_options',
      '/status_pages/{id}/posts/{postId}/post_updates',
      '/releases/patch-notes',
      '/commits/{sha}/branches-where-head',
      '/git/refs/heads',
      '/git/head',
    ]
      .map((path) => item(path, 'get'))
      .join(''),
  );
  assert.deepEqual(methods(doc), []);
});

test('no-http-method-in-path: a post before an id or read with GET is a noun', () => {
  const doc = openapi(item('/post/{postId}', 'get', 'delete') + item('/post/{postId}/comments', 'post') + item('/blog/post', 'get'));
  assert.deepEqual(methods(doc), []);
});

test('no-http-method-in-path: a Swagger 2.0 basePath and a 3.x server url', () => {
  const swagger = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nbasePath: /store/put-object\npaths:\n${item('/buckets', 'get')}`;
  assert.deepEqual(methods(swagger), [
    {
      message: '"/store/put-object": segment "put-object" contains the HTTP method name "put"; name only the resource and send the request with PUT (or the method that fits)',
      at: '3:18-3:28',
      severity: 0,
    },
  ]);
  const doc = openapi(item('/buckets', 'get'), `servers:\n  - url: https://api.example.com/svc/bulk-delete\n`);
  assert.deepEqual(methods(doc), [
    {
      message: '"/svc/bulk-delete": segment "bulk-delete" contains the HTTP method name "delete"; name only the resource and send the request with DELETE (or the method that fits)',
      at: '4:38-4:49',
      severity: 0,
    },
  ]);
});
