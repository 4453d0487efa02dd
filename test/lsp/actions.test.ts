// Code actions and hovers of the language server over stdio: "Fix: <id>" (applied by the test
// and sent back: the finding goes), the warning on path renames, "Ignore <id> here
// (x-restlint-ignore)" in YAML block and flow mappings, JSON and an existing list, "Show
// documentation", and rule-doc hovers.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, HoverRequest, type CodeAction, type Diagnostic, type MarkupContent, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { docSection, readRuleDoc } from '../../src/engine/rule-docs';
import { makeTempDir, REPO_ROOT, removeDir } from '../helpers/cli';
import { LspClient } from '../helpers/lsp-client';

const CONFIG = `extends: []
rules:
  no-trailing-slash: error
  path-kebab-case: warn
`;

const ok = "    get:\n      responses:\n        '200':\n          description: ok\n";
const HEAD = "openapi: 3.0.3\ninfo:\n  title: Shop\n  version: '1'\npaths:\n";

/** Applies an action's edit (one file: `uri`) to `text`, as an editor would. */
function applyAction(action: CodeAction, uri: string, text: string): string {
  const changes = action.edit?.changes ?? {};
  assert.deepEqual(Object.keys(changes), [uri], `the edit of "${action.title}" is for ${Object.keys(changes).join(', ')}`);
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), changes[uri] as TextEdit[]);
}

describe('lsp: code actions and hovers', () => {
  let dir: string;
  let client: LspClient;
  let count = 0;

  before(async () => {
    dir = makeTempDir('restlint-lsp-actions-');
    writeFileSync(join(dir, '.restlint.yaml'), CONFIG);
    client = await LspClient.start({ root: dir });
  });
  after(async () => {
    await client?.stop();
    removeDir(dir);
  });

  /** Opens `text` as a new file; resolves with the file and its diagnostics. */
  async function openSpec(text: string, extension = 'yaml'): Promise<{ path: string; uri: string; diagnostics: Diagnostic[] }> {
    const path = join(dir, `spec-${++count}.${extension}`);
    const version = client.open(path, text);
    return { path, uri: client.uri(path), diagnostics: await client.diagnosticsOfVersion(path, version) };
  }

  function actionsFor(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostic.range,
      context: { diagnostics: [diagnostic], only: ['quickfix'] },
    }) as Promise<CodeAction[]>;
  }

  it('Fix: no-trailing-slash removes the slash; sent back, the finding is gone', async () => {
    const text = `${HEAD}  /users/:\n${ok}  /orders:\n${ok}`;
    const { path, uri, diagnostics } = await openSpec(text);
    assert.equal(diagnostics.length, 1);
    const actions = await actionsFor(uri, diagnostics[0]);
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Fix: no-trailing-slash', 'Ignore no-trailing-slash here (x-restlint-ignore)', 'Show documentation for no-trailing-slash'],
    );
    const fix = actions[0];
    assert.equal(fix.kind, 'quickfix');
    assert.equal(fix.isPreferred, true);
    assert.deepEqual(fix.diagnostics, [diagnostics[0]]);
    assert.deepEqual(fix.edit?.changes?.[uri], [{ range: { start: { line: 5, character: 8 }, end: { line: 5, character: 9 } }, newText: '' }]);
    const fixed = applyAction(fix, uri, text);
    assert.equal(fixed, text.replace('/users/:', '/users:'));
    const version = client.change(path, fixed);
    assert.deepEqual(await client.diagnosticsOfVersion(path, version), []);

    const show = actions[2];
    assert.equal(show.kind, 'quickfix');
    assert.equal(show.edit, undefined);
    assert.deepEqual(show.command, { title: 'Show documentation for no-trailing-slash', command: 'restlint.showRuleDoc', arguments: ['no-trailing-slash'] });
    client.close(path);
  });

  it('the fix of path-kebab-case warns that it changes the API contract', async () => {
    const text = `${HEAD}  /userAccounts:\n${ok}`;
    const { path, uri, diagnostics } = await openSpec(text);
    assert.deepEqual(
      diagnostics.map((item) => [item.code, item.message]),
      [['path-kebab-case', '"/userAccounts": segment "userAccounts" is not kebab-case; use "user-accounts"']],
    );
    const actions = await actionsFor(uri, diagnostics[0]);
    assert.deepEqual(
      actions.map((action) => action.title),
      [
        'Fix: path-kebab-case (changes the API contract: for unpublished documents)',
        'Ignore path-kebab-case here (x-restlint-ignore)',
        'Show documentation for path-kebab-case',
      ],
    );
    assert.notEqual(actions[0].isPreferred, true);
    const fixed = applyAction(actions[0], uri, text);
    assert.equal(fixed, text.replace('/userAccounts:', '/user-accounts:'));
    const version = client.change(path, fixed);
    assert.deepEqual(await client.diagnosticsOfVersion(path, version), []);
    client.close(path);
  });

  it('no actions for a diagnostic the server did not publish', async () => {
    const { path, uri, diagnostics } = await openSpec(`${HEAD}  /users/:\n${ok}`);
    const actions = await actionsFor(uri, { ...diagnostics[0], message: 'something else' });
    assert.deepEqual(actions, []);
    client.close(path);
  });

  // Each case: the text, and what it must become once the ignore of /users/'s trailing slash is applied.
  const ignoreCases: { name: string; extension: string; text: string; expected: string }[] = [
    {
      name: 'YAML block mapping',
      extension: 'yaml',
      text: `${HEAD}  /users/:\n${ok}  /orders/:\n${ok}`,
      expected: `${HEAD}  /users/:\n    x-restlint-ignore: [no-trailing-slash]\n${ok}  /orders/:\n${ok}`,
    },
    {
      name: 'YAML flow mapping',
      extension: 'yaml',
      text: `${HEAD}  /users/: { get: { responses: { '200': { description: ok } } } }\n  /orders/: { get: { responses: { '200': { description: ok } } } }\n`,
      expected: `${HEAD}  /users/: { x-restlint-ignore: [no-trailing-slash], get: { responses: { '200': { description: ok } } } }\n  /orders/: { get: { responses: { '200': { description: ok } } } }\n`,
    },
    {
      name: 'JSON',
      extension: 'json',
      text: '{\n  "openapi": "3.0.3",\n  "info": { "title": "Shop", "version": "1" },\n  "paths": {\n    "/users/": {\n      "get": { "responses": { "200": { "description": "ok" } } }\n    },\n    "/orders/": { "get": { "responses": { "200": { "description": "ok" } } } }\n  }\n}\n',
      expected:
        '{\n  "openapi": "3.0.3",\n  "info": { "title": "Shop", "version": "1" },\n  "paths": {\n    "/users/": {\n      "x-restlint-ignore": ["no-trailing-slash"],\n      "get": { "responses": { "200": { "description": "ok" } } }\n    },\n    "/orders/": { "get": { "responses": { "200": { "description": "ok" } } } }\n  }\n}\n',
    },
    {
      name: 'an existing x-restlint-ignore: [other-rule]',
      extension: 'yaml',
      text: `${HEAD}  /myUsers/:\n    x-restlint-ignore: [path-kebab-case]\n${ok}  /orders/:\n${ok}`,
      expected: `${HEAD}  /myUsers/:\n    x-restlint-ignore: [path-kebab-case, no-trailing-slash]\n${ok}  /orders/:\n${ok}`,
    },
  ];

  for (const { name, extension, text, expected } of ignoreCases) {
    it(`Ignore no-trailing-slash here: ${name}; applied, it silences exactly that finding`, async () => {
      const { path, uri, diagnostics } = await openSpec(text, extension);
      assert.deepEqual(
        diagnostics.map((item) => [item.code, item.range.start.line]),
        [
          ['no-trailing-slash', extension === 'json' ? 4 : 5],
          ['no-trailing-slash', extension === 'json' ? 7 : name === 'YAML flow mapping' ? 6 : 10 + (name.startsWith('an existing') ? 1 : 0)],
        ],
      );
      const actions = await actionsFor(uri, diagnostics[0]);
      const ignore = actions.find((action) => action.title === 'Ignore no-trailing-slash here (x-restlint-ignore)');
      assert.ok(ignore, JSON.stringify(actions.map((action) => action.title)));
      assert.equal(ignore.kind, 'quickfix');
      assert.deepEqual(ignore.diagnostics, [diagnostics[0]]);
      const ignored = applyAction(ignore, uri, text);
      assert.equal(ignored, expected);
      const version = client.change(path, ignored);
      // What is left: the other path's trailing slash, unchanged but for the lines the edit added.
      const added = ignored.split('\n').length - text.split('\n').length;
      const left = diagnostics[1];
      assert.deepEqual(await client.diagnosticsOfVersion(path, version), [
        { ...left, range: { start: { ...left.range.start, line: left.range.start.line + added }, end: { ...left.range.end, line: left.range.end.line + added } } },
      ]);
      client.close(path);
    });
  }

  it('hover on a finding: the rule id, "What it does" and a "Use instead" example; elsewhere: null', async () => {
    const { path, uri, diagnostics } = await openSpec(`${HEAD}  /users/:\n${ok}`);
    const { start, end } = diagnostics[0].range;
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: start });
    assert.ok(hover);
    assert.deepEqual(hover.range, diagnostics[0].range);
    const contents = hover.contents as MarkupContent;
    assert.equal(contents.kind, 'markdown');
    assert.match(contents.value, /^\*\*restlint: `no-trailing-slash`\*\* \(error\) /);
    const doc = readRuleDoc(join(REPO_ROOT, 'rules'), 'no-trailing-slash');
    const what = docSection(doc.markdown, 'What it does');
    assert.ok(what && contents.value.includes(what), 'the hover lacks the "What it does" text');
    const passing = doc.examples.find((example) => example.expect === 'passes');
    assert.ok(passing);
    assert.ok(contents.value.includes(`**Use instead**\n\n\`\`\`yaml\n${passing.code.trimEnd()}\n\`\`\``), contents.value);
    // The end of the range is on it too.
    const atEnd = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: end });
    assert.deepEqual(atEnd, hover);
    // Off the finding: before it on the same line, and on another line.
    for (const position of [{ line: 5, character: 3 }, { line: 0, character: 0 }, { line: 6, character: 6 }]) {
      assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position }), null, JSON.stringify(position));
    }
    client.close(path);
  });
});
