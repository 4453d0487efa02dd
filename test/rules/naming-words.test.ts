import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const fixture = (name: string) => readFileSync(join(__dirname, '..', '..', 'fixtures', 'naming', name), 'utf8');

test('naming words: nothing on the document of traps (nouns that look like verbs, uncountables, singletons)', () => {
  const findings = lintText(fixture('traps.yaml'));
  assert.deepEqual(findingsOf(findings, 'no-verb-in-path'), []);
  assert.deepEqual(findingsOf(findings, 'plural-collections'), []);
});

test('naming words: every action segment of real APIs is reported, with its verb', () => {
  const text = fixture('actions.yaml');
  const expected = /x-expected-verbs: \[([^\]]*)\]/.exec(text)?.[1].split(', ') ?? [];
  const verbs = findingsOf(lintText(text), 'no-verb-in-path').map(({ message }) => /(?:verb|action) "([^"]+)"/.exec(message)?.[1]);
  assert.equal(expected.length, 32);
  assert.deepEqual(verbs, expected);
});

const ok = (method: string, extra = '') => `    ${method}:\n${extra}      responses:\n        '200': { description: ok }\n`;

test('naming words: the document\'s own words make a segment an action, and its uses make one a noun', () => {
  const doc = openapi(
    `  /freezers/{id}/defrost:\n${ok('post', '      summary: Defrost a freezer\n')}` +
      `  /freezers/{id}/thaw:\n${ok('post')}` +
      `  /things/{id}/archive:\n${ok('post')}` +
      `  /archive/{id}:\n${ok('get')}`,
  );
  assert.deepEqual(findingsOf(lintText(doc), 'no-verb-in-path'), [
    {
      message:
        '"/freezers/{id}/defrost": segment "defrost" is the verb "defrost"; name the resource and let the HTTP method carry the action, or make the action a custom method ("/freezers/{id}:defrost")',
      at: '4:18-4:25',
      severity: 0,
    },
  ]);
});

test('naming words: a compound whose verb comes later is a custom method named verb first', () => {
  const doc = openapi(`  /reports/{id}/report-run:\n${ok('post')}  /invoices/{id}/bulk-delete:\n${ok('post')}`);
  assert.deepEqual(findingsOf(lintText(doc), 'no-verb-in-path'), [
    {
      message:
        '"/reports/{id}/report-run": segment "report-run" names the action "run"; name the resource and let the HTTP method carry the action, or make the action a custom method ("/reports/{id}:runReport")',
      at: '4:17-4:27',
      severity: 1,
    },
    {
      message:
        '"/invoices/{id}/bulk-delete": segment "bulk-delete" names the action "delete"; name the resource and let the HTTP method carry the action, or make the action a custom method ("/invoices/{id}:bulkDelete")',
      at: '8:18-8:29',
      severity: 0,
    },
  ]);
});

test('naming advice: a verb segment gets one finding, whose suggestion is in the configured case', () => {
  const doc = openapi(`  /getPets:\n${ok('get')}  /get_todo_items:\n${ok('get')}`);
  const kebab = lintText(doc);
  assert.deepEqual(findingsOf(kebab, 'path-kebab-case'), []);
  assert.deepEqual(findingsOf(kebab, 'path-no-underscore'), []);
  assert.deepEqual(
    findingsOf(kebab, 'no-verb-in-path').map(({ message }) => message),
    [
      '"/getPets": segment "getPets" starts with the verb "get"; name the resource ("/pets") and let the HTTP method carry the action',
      '"/get_todo_items": segment "get_todo_items" starts with the verb "get"; name the resource ("/todo-items") and let the HTTP method carry the action',
    ],
  );
  const camel = lintText(doc, { config: 'rules:\n  path-kebab-case: [error, { case: camel }]\n' });
  assert.deepEqual(findingsOf(camel, 'path-kebab-case'), []);
  assert.deepEqual(findingsOf(camel, 'path-no-underscore'), []);
  assert.deepEqual(findingsOf(camel, 'no-verb-in-path')[1].message, '"/get_todo_items": segment "get_todo_items" starts with the verb "get"; name the resource ("/todoItems") and let the HTTP method carry the action');
});

test('naming advice: with no-verb-in-path off, the case rules report the verb segment as they would any other', () => {
  const doc = openapi(`  /getPets:\n${ok('get')}`);
  const findings = lintText(doc, { config: 'rules:\n  no-verb-in-path: off\n' });
  assert.deepEqual(findingsOf(findings, 'path-kebab-case'), [{ message: '"/getPets": segment "getPets" is not kebab-case; use "get-pets"', at: '4:4-4:11', severity: 0 }]);
});

test('naming advice: path-no-underscore follows the configured case; under snake_case it reports nothing', () => {
  const doc = openapi(`  /todo_items:\n${ok('get')}`);
  const camel = lintText(doc, { config: 'rules:\n  path-kebab-case: [error, { case: camel }]\n' });
  assert.deepEqual(findingsOf(camel, 'path-kebab-case'), []);
  assert.deepEqual(findingsOf(camel, 'path-no-underscore'), [
    { message: '"/todo_items": segment "todo_items" joins words with "_"; write it in camelCase: "todoItems"', at: '4:4-4:14', severity: 0 },
  ]);
  const snake = lintText(doc, { config: 'rules:\n  path-kebab-case: [error, { case: snake }]\n' });
  assert.deepEqual(findingsOf(snake, 'path-no-underscore'), []);
  assert.deepEqual(findingsOf(snake, 'path-kebab-case'), []);
});

test('naming words: the last part of an RPC-style name and a clearly verbal tier 2 word alone are actions on a POST/PUT-only path', () => {
  const doc = openapi(`  /conversations.archive:\n${ok('post')}  /admin.inviteRequests.approve:\n${ok('post')}  /workflows/{name}/stop:\n${ok('put')}  /conversations.history:\n${ok('post')}`);
  assert.deepEqual(
    findingsOf(lintText(doc), 'no-verb-in-path').map(({ message }) => message),
    [
      '"/conversations.archive": segment "conversations.archive" names the action "archive"; name the resource ("/conversations") and let the HTTP method carry the action',
      '"/admin.inviteRequests.approve": segment "admin.inviteRequests.approve" names the action "approve"; name the resource ("/admin/invite-requests") and let the HTTP method carry the action',
      '"/workflows/{name}/stop": segment "stop" is the verb "stop"; name the resource and let the HTTP method carry the action, or make the action a custom method ("/workflows/{name}:stop")',
    ],
  );
});
