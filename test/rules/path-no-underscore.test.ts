import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ok = `    get:\n      responses:\n        '200': { description: ok }\n`;

test('path-no-underscore: flags words joined by "_" and suggests "-"', () => {
  const doc = openapi(`  /users/{user_id}/order_items:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'path-no-underscore'), [
    { message: '"/users/{user_id}/order_items": segment "order_items" joins words with "_"; join them with "-": "order-items"', at: '4:20-4:31', severity: 0 },
  ]);
});

test('path-no-underscore: suggests the name path-kebab-case suggests; with that rule off, keeps the letter case', () => {
  const doc = openapi(`  /Order_Items:\n${ok}`);
  const findings = lintText(doc);
  assert.deepEqual(findingsOf(findings, 'path-no-underscore'), [
    { message: '"/Order_Items": segment "Order_Items" joins words with "_"; join them with "-": "order-items"', at: '4:4-4:15', severity: 0 },
  ]);
  assert.deepEqual(findingsOf(findings, 'path-kebab-case'), [
    { message: '"/Order_Items": segment "Order_Items" is not kebab-case; use "order-items"', at: '4:4-4:15', severity: 0 },
  ]);
  assert.deepEqual(findingsOf(lintText(doc, { config: 'rules:\n  path-kebab-case: off\n' }), 'path-no-underscore'), [
    { message: '"/Order_Items": segment "Order_Items" joins words with "_"; join them with "-": "Order-Items"', at: '4:4-4:15', severity: 0 },
  ]);
});

test('path-no-underscore: parameter names, markers, custom methods and .well-known names are exempt', () => {
  const paths = ['/users/{user_id}', '/_internal/health', '/orders/{order_id}:batch_get', '/.well-known/apple_app_site_association', '/files/{id}#get_shared_link', '/reports/{id}.csv_export'];
  const doc = openapi(paths.map((path) => `  ${path}:\n${ok}`).join(''));
  assert.deepEqual(findingsOf(lintText(doc), 'path-no-underscore'), [
    { message: '"/reports/{id}.csv_export": segment "{id}.csv_export" joins words with "_"; join them with "-": "{id}.csv-export"', at: '24:17-24:27', severity: 0 },
  ]);
});

test('path-no-underscore: Swagger 2.0 basePath', () => {
  const doc = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nbasePath: /shop_api/v1\npaths:\n  /users:\n${ok}`;
  assert.deepEqual(findingsOf(lintText(doc), 'path-no-underscore'), [
    { message: '"/shop_api/v1": segment "shop_api" joins words with "_"; join them with "-": "shop-api"', at: '3:12-3:20', severity: 0 },
  ]);
});

test('path-no-underscore: a JSON document with a server URL', () => {
  const doc = `{"openapi": "3.0.3", "info": {"title": "T", "version": "1"},\n "servers": [{"url": "https://x.example.com/my_api"}],\n "paths": {"/line_items": {}}}\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'path-no-underscore'), [
    { message: '"/my_api": segment "my_api" joins words with "_"; join them with "-": "my-api"', at: '2:45-2:51', severity: 0 },
    { message: '"/line_items": segment "line_items" joins words with "_"; join them with "-": "line-items"', at: '3:14-3:24', severity: 0 },
  ]);
});
