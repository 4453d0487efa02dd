import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigFinder } from '../../src/engine/config/config';
import { lintEntry, openEntry } from '../../src/engine/entry';
import { allRules } from '../../rules';
import { formatRange } from '../helpers/lint-text';

// In-memory files under a folder that does not exist: the overlay serves them, as an editor's
// buffers are served; no config is found on the way up, so the defaults apply.
const ROOT = '/virtual-entry';
const ENTRY = `${ROOT}/openapi.yaml`;
const CONFIG = `${ROOT}/.restlint.yaml`;

function lint(files: Record<string, string>, configPath?: string) {
  const overlay = { get: (path: string) => files[path.slice(ROOT.length + 1)] };
  return lintEntry(ENTRY, { rules: allRules, configs: new ConfigFinder(allRules, { configPath, overlay }), root: ROOT, overlay });
}

const usersRef = (ref: string) => `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /users:\n    get:\n      responses:\n        '200':\n          $ref: '${ref}'\n`;

test('lintEntry: findings and the files read, for a document that lints', () => {
  const outcome = lint({ 'openapi.yaml': usersRef('responses.yaml#/Users'), 'responses.yaml': 'Users:\n  description: the users\n' });
  assert.equal(outcome.failure, undefined);
  assert.deepEqual(outcome.files, [ENTRY, `${ROOT}/responses.yaml`]);
  assert.ok(outcome.findings.length > 0);
});

test('lintEntry: each reason a document cannot be linted is a typed failure naming the file', () => {
  const cases: [Record<string, string>, string, string, string][] = [
    [{}, 'missing', ENTRY, 'file not found'],
    [{ 'openapi.yaml': '  \n' }, 'parse', ENTRY, 'file is empty'],
    [{ 'openapi.yaml': 'openapi: 3.0.3\npaths: [\n' }, 'parse', ENTRY, 'invalid YAML: unexpected end of the stream within a flow collection'],
    [{ 'openapi.yaml': 'asyncapi: 2.6.0\n' }, 'not-openapi', ENTRY, 'not an OpenAPI document: it is an AsyncAPI 2.6.0 document'],
    [{ 'openapi.yaml': 'name: a package\n' }, 'not-openapi', ENTRY, 'not an OpenAPI document: it has no `openapi` or `swagger` field at the top level'],
    [{ 'openapi.yaml': 'openapi: 4.0.0\n' }, 'unsupported-version', ENTRY, 'unsupported OpenAPI version "4.0.0"'],
  ];
  for (const [files, kind, file, message] of cases) {
    const { failure, findings } = lint(files);
    assert.deepEqual({ kind: failure?.kind, file: failure?.file, message: failure?.message }, { kind, file, message }, JSON.stringify(files));
    assert.deepEqual(findings, []);
  }
  assert.equal(lint({ 'openapi.yaml': 'asyncapi: 2.6.0\n' }).failure?.documentType, 'asyncapi');
});

const RESPONSES_JSON = `${ROOT}/responses.json`;

test('lintEntry: a referenced file that does not parse is a parse-error finding at its place and one at the $ref (whatever rules are on), not a failure', () => {
  // Every rule off: the parse errors are no rule's, so they are reported all the same.
  const outcome = lint({ 'openapi.yaml': usersRef('responses.json#/Users'), 'responses.json': '{ "Users":\n  { "description": "the users" ', '.restlint.yaml': 'extends: []\n' }, CONFIG);
  assert.equal(outcome.failure, undefined);
  assert.ok(outcome.files.includes(RESPONSES_JSON), 'the broken file is among the files read: an editor publishes on it');
  assert.deepEqual(
    outcome.findings.map((finding) => ({ code: finding.code, source: finding.source, message: finding.message, severity: finding.severity, range: formatRange(finding.range) })),
    [
      {
        code: 'parse-error',
        source: ENTRY,
        message: "$ref \"responses.json#/Users\": a referenced file does not parse: responses.json:2:32: invalid JSON: Expected ',' or '}' after property value",
        severity: 0,
        range: '8:17-8:40',
      },
      { code: 'parse-error', source: RESPONSES_JSON, message: "invalid JSON: Expected ',' or '}' after property value", severity: 0, range: '2:32-2:32' },
    ],
  );
});

test('lintEntry: with every rule on, a broken or empty referenced file read by rules (not only the walker) is findings, never a failure or a crash', () => {
  // paginate-collections, get-no-body and the schema rules read the response schema and the request body through resolve().
  const doc = `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /users:\n    get:\n      requestBody: { $ref: 'body.json' }\n      parameters:\n        - $ref: 'params.yaml#/Q'\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: 'schemas.json#/Users' }\n`;
  const files = { 'openapi.yaml': doc, 'schemas.json': '', 'body.json': '{"content": {', 'params.yaml': 'Q: [\n', '.restlint.yaml': 'extends: [restlint:all]\n' };
  const outcome = lint(files, CONFIG);
  assert.equal(outcome.failure, undefined, JSON.stringify(outcome.failure));
  const parseErrors = outcome.findings.filter((finding) => finding.code === 'parse-error' && finding.source !== ENTRY).map((finding) => `${finding.source.slice(ROOT.length + 1)} ${formatRange(finding.range)} ${finding.message}`);
  assert.deepEqual(parseErrors, [
    "body.json 1:14-1:14 invalid JSON: Expected property name or '}'",
    'params.yaml 2:1-2:1 invalid YAML: unexpected end of the stream within a flow collection',
    'schemas.json 1:1-1:1 file is empty',
  ]);
  const marks = outcome.findings.filter((finding) => finding.code === 'parse-error' && finding.source === ENTRY).map((finding) => `${formatRange(finding.range)} ${finding.message.replace(/: a referenced file does not parse: .*/, '')}`);
  assert.deepEqual(marks, ['6:28-6:39 $ref "body.json"', '8:17-8:33 $ref "params.yaml#/Q"', '14:31-14:52 $ref "schemas.json#/Users"']);
});

test('lintEntry: a broken config is a `config` failure on the config file, with its line', () => {
  const { failure } = lint({ 'openapi.yaml': usersRef('#/x'), '.restlint.yaml': 'rules:\n  no-such-rule: error\n' }, CONFIG);
  assert.equal(failure?.kind, 'config');
  assert.equal(failure?.file, CONFIG);
  assert.equal(failure?.message, 'invalid config: unknown rule "no-such-rule"; `restlint rules` lists them');
  assert.deepEqual(failure?.range?.start, { line: 1, character: 2 });
});

test('openEntry: the config comes from the overlay too (an unsaved config buffer), given or discovered', () => {
  const files: Record<string, string> = { 'openapi.yaml': usersRef('#/x'), '.restlint.yaml': 'rules:\n  invalid-ref: off\n' };
  const overlay = { get: (path: string) => files[path.slice(ROOT.length + 1)] };
  const opened = openEntry(ENTRY, { configs: new ConfigFinder(allRules, { configPath: CONFIG, overlay }), root: ROOT, overlay });
  assert.equal(opened.config?.path, CONFIG);
  assert.equal(opened.config?.settingsFor(ENTRY).get('invalid-ref')?.severity, 'off');
  assert.equal(opened.document?.version, '3.0');
});
