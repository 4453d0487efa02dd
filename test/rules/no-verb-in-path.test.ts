import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError } from '../../src/engine/config/config';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ID = 'no-verb-in-path';
const ok = `        '200': { description: ok }\n`;
/** A path item with the given operations, each answering 200. */
const item = (path: string, ...methods: string[]) => `  ${path}:\n${methods.map((method) => `    ${method}:\n      responses:\n${ok}`).join('')}`;
const verbs = (doc: string, config?: string) => findingsOf(lintText(doc, { config }), ID);

test('no-verb-in-path: a segment that starts with a tier 1 verb, with the resource to name instead', () => {
  assert.deepEqual(verbs(openapi(item('/getUsers', 'get'))), [
    {
      message: '"/getUsers": segment "getUsers" starts with the verb "get"; name the resource ("/users") and let the HTTP method carry the action',
      at: '4:4-4:12',
      severity: 0,
    },
  ]);
});

test('no-verb-in-path: the one noun left after a verb that adds members is suggested plural', () => {
  assert.deepEqual(verbs(openapi(item('/shop/createOrder', 'post'))), [
    {
      message: '"/shop/createOrder": segment "createOrder" starts with the verb "create"; name the resource ("/shop/orders") and let the HTTP method carry the action',
      at: '4:9-4:20',
      severity: 0,
    },
  ]);
});

test('no-verb-in-path: a bare standard verb after a collection points at the collection', () => {
  assert.deepEqual(verbs(openapi(item('/apps/secrets/delete', 'post'))), [
    {
      message: '"/apps/secrets/delete": segment "delete" starts with the verb "delete"; name the resource ("/apps/secrets") and let the HTTP method carry the action',
      at: '4:17-4:23',
      severity: 0,
    },
  ]);
});

test('no-verb-in-path: an action on an item suggests an AIP-136 custom method', () => {
  assert.deepEqual(verbs(openapi(item('/orders/{orderId}/cancel', 'post'))), [
    {
      message:
        '"/orders/{orderId}/cancel": segment "cancel" is the verb "cancel"; name the resource and let the HTTP method carry the action, or make the action a custom method ("/orders/{orderId}:cancel")',
      at: '4:21-4:27',
      severity: 0,
    },
  ]);
});

test('no-verb-in-path: no suggestion when a preposition follows the verb', () => {
  assert.deepEqual(verbs(openapi(item('/pet/findByStatus', 'get'))), [
    {
      message: '"/pet/findByStatus": segment "findByStatus" starts with the verb "find"; name the resource and let the HTTP method carry the action',
      at: '4:8-4:20',
      severity: 0,
    },
  ]);
});

test('no-verb-in-path: an object that repeats the parent points at the parent', () => {
  assert.deepEqual(verbs(openapi(item('/account/password/change-password', 'post'))), [
    {
      message:
        '"/account/password/change-password": segment "change-password" starts with the verb "change"; name the resource ("/account/password") and let the HTTP method carry the action',
      at: '4:21-4:36',
      severity: 0,
    },
  ]);
});

test('no-verb-in-path: Slack-style method names after a "." are actions too', () => {
  assert.deepEqual(verbs(openapi(item('/users.list', 'get') + item('/conversations.setTopic', 'post') + item('/chat.postMessage', 'post'))), [
    {
      message: '"/users.list": segment "users.list" names the action "list"; name the resource ("/users") and let the HTTP method carry the action',
      at: '4:4-4:14',
      severity: 0,
    },
    {
      message:
        '"/conversations.setTopic": segment "conversations.setTopic" names the action "set"; name the resource ("/conversations/topic") and let the HTTP method carry the action',
      at: '8:4-8:26',
      severity: 0,
    },
  ]);
});

test('no-verb-in-path: a tier 2 word is reported as the verb of a verb+object compound, as a warning', () => {
  const doc = openapi(item('/searchUsers', 'get') + item('/export-orders', 'post') + item('/users', 'get'));
  assert.deepEqual(verbs(doc), [
    {
      message: '"/searchUsers": segment "searchUsers" starts with the verb "search"; name the resource ("/users") and let the HTTP method carry the action',
      at: '4:4-4:15',
      severity: 1,
    },
    {
      message: '"/export-orders": segment "export-orders" starts with the verb "export"; name the resource ("/orders") and let the HTTP method carry the action',
      at: '8:4-8:17',
      severity: 1,
    },
  ]);
});

test('no-verb-in-path: GET contradicts a lone logout, but not a lone search, login or export', () => {
  const doc = openapi(item('/user/logout', 'get') + item('/session/logout', 'post') + item('/search', 'get') + item('/login', 'get') + item('/export', 'get'));
  assert.deepEqual(verbs(doc), [
    {
      message:
        '"/user/logout": segment "logout" is the verb "logout"; name the resource and let the HTTP method carry the action, or make the action a custom method ("/user:logout")',
      at: '4:9-4:15',
      severity: 0,
    },
  ]);
});

test('no-verb-in-path: words are matched whole, never as substrings', () => {
  const doc = openapi(
    ['/posters', '/budgets', '/targets', '/widgets', '/posts', '/options', '/settings', '/addresses', '/newsletters', '/listings', '/findings', '/readme', '/docs'].map((path) => item(path, 'get')).join(''),
  );
  assert.deepEqual(verbs(doc), []);
});

test('no-verb-in-path: singletons and uncountables are not verbs (health, news, me, status, settings)', () => {
  const doc = openapi(['/health', '/news', '/me', '/status', '/users/{id}/settings', '/v1/charges', '/repos/{owner}/{repo}/pulls'].map((path) => item(path, 'get')).join(''));
  assert.deepEqual(verbs(doc), []);
});

test('no-verb-in-path: tier 2 words used as nouns pass (noun phrases, collections, alone)', () => {
  const doc = openapi(
    item('/repos/{owner}/{repo}/check-runs', 'post') +
      item('/app/installations/{id}/access_tokens', 'post') +
      item('/accounts/{account}/login_links', 'post') +
      item('/agent_runners/upload_url', 'post') +
      item('/orders/{orderId}/orderItems', 'get') +
      item('/reporting/report_runs', 'get', 'post') +
      item('/reporting/report_runs/{id}', 'get') +
      item('/account/transfer', 'get') +
      item('/repos/{owner}/{repo}/import', 'get', 'put'),
  );
  assert.deepEqual(verbs(doc), []);
});

test('no-verb-in-path: tier 1 words that are also nouns pass unless the segment is a POST action', () => {
  const doc = openapi(
    item('/issues/{number}/lock', 'put', 'delete') +
      item('/change_events', 'get', 'post') +
      item('/devices/availabilities/changeHistory', 'get') +
      item('/load_balancers', 'get', 'post') +
      item('/metrics/droplet/load_1', 'get') +
      item('/browse/new-releases', 'get') +
      item('/codespaces/new', 'get') +
      item('/databases/{id}/do_settings', 'get', 'put') +
      item('/branch/{id}/compute/settings', 'put') +
      item('/add-ons', 'get') +
      item('/devices/lock', 'post'),
  );
  assert.deepEqual(verbs(doc), [
    {
      message:
        '"/devices/lock": segment "lock" is the verb "lock"; name the resource and let the HTTP method carry the action, or make the action a custom method ("/devices:lock")',
      at: '56:12-56:16',
      severity: 0,
    },
  ]);
});

test('no-verb-in-path: custom methods (AIP-136) and fragments are not segments to check', () => {
  const doc = openapi(item('/orders/{orderId}:cancel', 'post') + item('/orders:batchCreate', 'post') + item('/oauth2/token#refresh', 'post') + item('/files/{id}#get_shared_link', 'get'));
  assert.deepEqual(verbs(doc), []);
});

test('no-verb-in-path: a 3.x server base path, inside the url value', () => {
  const doc = openapi(item('/users', 'get'), `servers:\n  - url: 'https://x.example.com/getApi/v1'\n`);
  assert.deepEqual(verbs(doc), [
    {
      message: '"/getApi/v1": segment "getApi" starts with the verb "get"; name the resource ("/api/v1") and let the HTTP method carry the action',
      at: '4:33-4:39',
      severity: 0,
    },
  ]);
});

test('no-verb-in-path: a Swagger 2.0 basePath', () => {
  const doc = `swagger: '2.0'\ninfo: { title: Test, version: '1' }\nbasePath: /rpc/createInvoice\npaths:\n${item('/lines', 'get')}`;
  assert.deepEqual(verbs(doc), [
    {
      message: '"/rpc/createInvoice": segment "createInvoice" starts with the verb "create"; name the resource ("/rpc/invoices") and let the HTTP method carry the action',
      at: '3:16-3:29',
      severity: 0,
    },
  ]);
});

test('no-verb-in-path: allowVerbs and extraVerbs', () => {
  const doc = openapi(item('/orders/{id}/cancel', 'post') + item('/change/enqueue', 'post'));
  const config = `rules:\n  no-verb-in-path: [error, { allowVerbs: [cancel], extraVerbs: [Enqueue] }]\n`;
  assert.deepEqual(verbs(doc, config), [
    {
      message:
        '"/change/enqueue": segment "enqueue" is the verb "enqueue"; name the resource and let the HTTP method carry the action, or make the action a custom method ("/change:enqueue")',
      at: '8:11-8:18',
      severity: 0,
    },
  ]);
});

test('no-verb-in-path: options are validated', () => {
  assert.throws(() => lintText(openapi(item('/users', 'get')), { config: `rules:\n  no-verb-in-path: [error, { allowVerbs: cancel }]\n` }), ConfigError);
  assert.throws(() => lintText(openapi(item('/users', 'get')), { config: `rules:\n  no-verb-in-path: [error, { verbs: [cancel] }]\n` }), ConfigError);
});

test('no-verb-in-path: the warning cap on tier 2 compounds never raises a severity a user lowered', () => {
  const doc = openapi(item('/searchUsers', 'get') + item('/getUsers', 'get'));
  const severities = (config: string) => findingsOf(lintText(doc, { config }), 'no-verb-in-path').map((finding) => finding.severity);
  assert.deepEqual(severities('rules:\n  no-verb-in-path: info\n'), [2, 2]);
  assert.deepEqual(severities('rules:\n  no-verb-in-path: error\n'), [1, 0]);
});
