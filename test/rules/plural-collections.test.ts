import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';
import { isPluralOrUncountable, pluralOf } from '../../rules/lib/words';

const ID = 'plural-collections';
const item = (path: string) => `  ${path}:\n    get:\n      responses:\n        '200': { description: ok }\n`;
const plurals = (doc: string, config?: string) => findingsOf(lintText(doc, { config }), ID);

test('plural-collections: a singular segment followed by {param}, with a plural suggested', () => {
  assert.deepEqual(plurals(openapi(item('/user/{id}'))), [
    {
      message: '"/user/{id}": segment "user" names a collection (it is followed by "{id}") but is not plural; use a plural noun, e.g. "/users/{id}"',
      at: '4:4-4:8',
      severity: 1,
    },
  ]);
});

test('plural-collections: the head noun is the last word, and with path-kebab-case off the suggestion keeps the case style', () => {
  const doc = openapi(item('/orders/{orderId}/order-item/{itemId}') + item('/Person/{PersonId}') + item('/store/arpTable/{arpTableId}'));
  assert.deepEqual(plurals(doc, 'rules:\n  path-kebab-case: off\n'), [
    {
      message:
        '"/orders/{orderId}/order-item/{itemId}": segment "order-item" names a collection (it is followed by "{itemId}") but is not plural; use a plural noun, e.g. "/orders/{orderId}/order-items/{itemId}"',
      at: '4:21-4:31',
      severity: 1,
    },
    {
      message: '"/Person/{PersonId}": segment "Person" names a collection (it is followed by "{PersonId}") but is not plural; use a plural noun, e.g. "/People/{PersonId}"',
      at: '8:4-8:10',
      severity: 1,
    },
    {
      message:
        '"/store/arpTable/{arpTableId}": segment "arpTable" names a collection (it is followed by "{arpTableId}") but is not plural; use a plural noun, e.g. "/store/arpTables/{arpTableId}"',
      at: '12:10-12:18',
      severity: 1,
    },
  ]);
});

test('plural-collections: singular words that end in s are singular (address, status-like, analysis, lens, canvas, virus)', () => {
  const doc = openapi(item('/address/{addressId}') + item('/analysis/{id}') + item('/lens/{lensId}') + item('/canvas/{canvasId}') + item('/virus/{virusId}'));
  assert.deepEqual(
    plurals(doc).map((finding) => finding.message.replace(/.*e\.g\. /, '')),
    ['"/addresses/{addressId}"', '"/analyses/{id}"', '"/lenses/{lensId}"', '"/canvases/{canvasId}"', '"/viruses/{virusId}"'],
  );
});

test('plural-collections: plurals, uncountables, singletons, acronyms, versions and namespaces pass', () => {
  const doc = openapi(
    [
      '/users/{id}/settings',
      '/me/{field}',
      '/health/{check}',
      '/status/{id}',
      '/config/{name}',
      '/news/{id}',
      '/data/{id}',
      '/metadata/{key}',
      '/information/{id}',
      '/feedback/{id}',
      '/analytics/{id}',
      '/media/{id}',
      '/series/{id}',
      '/equipment/{id}',
      '/sms/{id}',
      '/dns/{zone}',
      '/kpis/{id}',
      '/KPIs/{id}',
      '/v1/{id}',
      '/v2beta/{id}',
      '/2010-04-01/{id}',
      '/api/{id}',
      '/admin/{id}',
      '/auth/{provider}',
      '/people/{id}',
      '/children/{id}',
      '/criteria/{id}',
      '/indices/{id}',
      '/emojis/{id}',
      '/skus/{id}',
      '/menus/{id}',
      '/repos/{owner}/{repo}',
      '/addresses/{id}',
      '/statuses/{id}',
      '/codes_of_conduct/{key}',
      '/projectsV2/{id}',
    ]
      .map(item)
      .join(''),
  );
  assert.deepEqual(plurals(doc), []);
});

test('plural-collections: a singular the parameter does not identify passes', () => {
  const doc = openapi(
    [
      '/repos/{owner}/{repo}/tarball/{ref}',
      '/linode/instances/{id}/transfer/{year}/{month}',
      '/databases/{id}/schema-registry/{subject_name}',
      '/integrations/slack/{integration_id}',
      '/images/custom/{image_definition_id}',
      '/user/starred/{owner}',
      '/user/following/{username}',
      '/issues/{n}/dependencies/blocked_by/{issue_id}',
      '/billing/{account_urn}',
      '/api/{version}/users',
      '/fetch-report/{id}',
    ]
      .map(item)
      .join(''),
  );
  assert.deepEqual(plurals(doc), []);
});

test('plural-collections: a path without a {param} after the segment is not judged', () => {
  assert.deepEqual(plurals(openapi(item('/user') + item('/user/emails') + item('/pet/findByStatus'))), []);
});

test('plural-collections: the allow option', () => {
  const doc = openapi(item('/lens/{lensId}') + item('/inventory-item/{id}'));
  assert.deepEqual(plurals(doc, `rules:\n  plural-collections: [warn, { allow: [lens, inventory-item] }]\n`), []);
});

test('plural-collections: a 3.x server base path', () => {
  const doc = openapi(item('/users'), `servers:\n  - url: 'https://api.example.com/tenant/{tenantId}'\n    variables:\n      tenantId: { default: acme }\n`);
  assert.deepEqual(plurals(doc), [
    {
      message: '"/tenant/{tenantId}": segment "tenant" names a collection (it is followed by "{tenantId}") but is not plural; use a plural noun, e.g. "/tenants/{tenantId}"',
      at: '4:35-4:41',
      severity: 1,
    },
  ]);
});

test('plural-collections: isPluralOrUncountable answers "plural or uncountable", never "not singular"', () => {
  for (const word of ['users', 'people', 'data', 'news', 'series', 'emojis', 'repos', 'policies', 'boxes', 'analyses', 'skus', 'billing', 'metadata']) {
    assert.equal(isPluralOrUncountable(word), true, word);
  }
  for (const word of ['user', 'person', 'address', 'status', 'analysis', 'lens', 'canvas', 'virus', 'bus', 'meeting', 'axis', 'access']) {
    assert.equal(isPluralOrUncountable(word), false, word);
  }
  assert.deepEqual(['virus', 'person', 'policy', 'box', 'analysis', 'repo', 'key'].map(pluralOf), ['viruses', 'people', 'policies', 'boxes', 'analyses', 'repos', 'keys']);
});

test('plural-collections: a compound inside a plural collection is a collection of its own, and its namespace-like head is a noun', () => {
  const doc = openapi(item('/devices/{serial}/liveTools/cableTest/{id}') + item('/integrations/slack/{id}') + item('/test/{id}'));
  assert.deepEqual(plurals(doc), [
    {
      message:
        '"/devices/{serial}/liveTools/cableTest/{id}": segment "cableTest" names a collection (it is followed by "{id}") but is not plural; use a plural noun, e.g. "/devices/{serial}/liveTools/cable-tests/{id}"',
      at: '4:31-4:40',
      severity: 1,
    },
  ]);
});

test('plural-collections: the plural is written as the case rules write the name, and they suggest the same plural', () => {
  const doc = openapi(item('/order_item/{id}') + item('/Person/{PersonId}'));
  const findings = lintText(doc);
  const suggestions = (code: string) => findingsOf(findings, code).map(({ message }) => /"([^"]*)"$/.exec(message)?.[1]);
  assert.deepEqual(suggestions('plural-collections'), ['/order-items/{id}', '/people/{PersonId}']);
  assert.deepEqual(suggestions('path-no-underscore'), ['order-items']);
  assert.deepEqual(suggestions('path-kebab-case'), ['people']);
  const camel = lintText(doc, { config: 'rules:\n  path-kebab-case: [error, { case: camel }]\n' });
  assert.deepEqual(findingsOf(camel, 'plural-collections').map(({ message }) => /"([^"]*)"$/.exec(message)?.[1]), ['/orderItems/{id}', '/people/{PersonId}']);
  assert.deepEqual(findingsOf(camel, 'path-no-underscore').map(({ message }) => /"([^"]*)"$/.exec(message)?.[1]), ['orderItems']);
});
