import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ok = `    get:\n      responses:\n        '200': { description: ok }\n`;

test('path-kebab-case: flags a camelCase segment and shows its kebab-case form', () => {
  const doc = openapi(`  /orderItems:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'path-kebab-case'), [
    { message: '"/orderItems": segment "orderItems" is not kebab-case; use "order-items"', at: '4:4-4:14', severity: 0 },
  ]);
});

test('path-kebab-case: one finding per offending segment, each underlined', () => {
  const doc = openapi(`  /Users/{userId}/OrderItems/{orderItemId}:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'path-kebab-case'), [
    { message: '"/Users/{userId}/OrderItems/{orderItemId}": segment "Users" is not kebab-case; use "users"', at: '4:4-4:9', severity: 0 },
    { message: '"/Users/{userId}/OrderItems/{orderItemId}": segment "OrderItems" is not kebab-case; use "order-items"', at: '4:19-4:29', severity: 0 },
  ]);
});

test('path-kebab-case: a kebab name spelt with "_" is left to path-no-underscore, so turning that off accepts it', () => {
  const doc = openapi(`  /order_items:\n${ok}  /Order_Items:\n${ok}`);
  const findings = lintText(doc);
  assert.deepEqual(findingsOf(findings, 'path-kebab-case'), [
    { message: '"/Order_Items": segment "Order_Items" is not kebab-case; use "order-items"', at: '8:4-8:15', severity: 0 },
  ]);
  assert.deepEqual(findingsOf(findings, 'path-no-underscore').map((finding) => finding.at), ['4:4-4:15', '8:4-8:15']);
  const legacy = lintText(doc, { config: 'rules:\n  path-no-underscore: off\n' });
  assert.deepEqual(findingsOf(legacy, 'path-kebab-case').map((finding) => finding.at), ['8:4-8:15']);
});

test('path-kebab-case: checks name by name inside a segment, underlining only the wrong ones', () => {
  const doc = openapi(`  /admin.usersList:\n${ok}  /files/{fileId}/thumbnailImage.{format}:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'path-kebab-case'), [
    { message: '"/admin.usersList": segment "admin.usersList" is not kebab-case; use "admin.users-list"', at: '4:10-4:19', severity: 0 },
    { message: '"/files/{fileId}/thumbnailImage.{format}": segment "thumbnailImage.{format}" is not kebab-case; use "thumbnail-image.{format}"', at: '8:19-8:33', severity: 0 },
  ]);
});

test('path-kebab-case: traps that pass (parameters, custom methods, versions, dates, .well-known, markers, fragments)', () => {
  const paths = [
    '/users/{userId}/order-items/{order_item_id}',
    '/orders/{orderId}:batchGet',
    '/order-items:batchCreate',
    '/v1/users',
    '/v2beta/users',
    '/2010-04-01/accounts',
    '/2.0/users',
    '/2fa',
    '/1-clicks',
    '/users/{id}.json',
    '/.well-known/openid-configuration',
    '/.well-known/apple_app_site_association',
    '/users/@me',
    '/$batch',
    '/_mock/users',
    '/files/{fileId}#get_shared_link',
    '/<upload_url>',
    '/templates/security-classification-6VMVochwUWo',
    '/idv/profiles/:id',
  ];
  const doc = openapi(paths.map((path) => `  ${path}:\n${ok}`).join(''));
  assert.deepEqual(findingsOf(lintText(doc), 'path-kebab-case'), []);
});

test('path-kebab-case: checks server base paths, inside the url value', () => {
  const doc = openapi(`  /users:\n${ok}`, `servers:\n  - url: https://api.example.com/MyShop/v1\n  - url: https://api.example.com/\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'path-kebab-case'), [
    { message: '"/MyShop/v1": segment "MyShop" is not kebab-case; use "my-shop"', at: '4:34-4:40', severity: 0 },
  ]);
});

test('path-kebab-case: Swagger 2.0 basePath and paths', () => {
  const doc = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nbasePath: /shopApi\npaths:\n  /orderItems:\n    get:\n      responses:\n        '200': { description: ok }\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'path-kebab-case'), [
    { message: '"/shopApi": segment "shopApi" is not kebab-case; use "shop-api"', at: '3:12-3:19', severity: 0 },
    { message: '"/orderItems": segment "orderItems" is not kebab-case; use "order-items"', at: '5:4-5:14', severity: 0 },
  ]);
});

test('path-kebab-case: a JSON document, range inside the quoted key', () => {
  const doc = `{\n  "openapi": "3.1.0",\n  "info": { "title": "Test", "version": "1" },\n  "paths": {\n    "/orderItems": {}\n  }\n}\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'path-kebab-case'), [
    { message: '"/orderItems": segment "orderItems" is not kebab-case; use "order-items"', at: '5:7-5:17', severity: 0 },
  ]);
});

test('path-kebab-case: option case: camel accepts camelCase and flags hyphens; underscores are path-no-underscore\'s, in camelCase too', () => {
  const config = 'rules:\n  path-kebab-case: [error, { case: camel }]\n';
  const doc = openapi(`  /orderItems:\n${ok}  /order-items:\n${ok}  /order_items:\n${ok}  /users:\n${ok}`);
  const findings = lintText(doc, { config });
  assert.deepEqual(findingsOf(findings, 'path-kebab-case'), [
    { message: '"/order-items": segment "order-items" is not camelCase; use "orderItems"', at: '8:4-8:15', severity: 0 },
  ]);
  assert.deepEqual(findingsOf(findings, 'path-no-underscore'), [
    { message: '"/order_items": segment "order_items" joins words with "_"; write it in camelCase: "orderItems"', at: '12:4-12:15', severity: 0 },
  ]);
});

test('path-kebab-case: option case: snake', () => {
  const config = 'rules:\n  path-kebab-case: [error, { case: snake }]\n';
  const doc = openapi(`  /order_items:\n${ok}  /orderItems:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc, { config }), 'path-kebab-case'), [
    { message: '"/orderItems": segment "orderItems" is not snake_case; use "order_items"', at: '8:4-8:14', severity: 0 },
  ]);
});

test('path-kebab-case: an unknown case is a config error', () => {
  const config = 'rules:\n  path-kebab-case: [error, { case: pascal }]\n';
  assert.throws(() => lintText(openapi(`  /users:\n${ok}`), { config }), /path-kebab-case options: case must be equal to one of the allowed values/);
});
