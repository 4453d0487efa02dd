// Positions stay true while a document is broken, over stdio: the kept last-good findings move
// with an edit before them (or are hidden where it touched them), a code action asked for a
// diagnostic of an older text offers nothing, and an emptied or no-longer-OpenAPI buffer keeps
// no old finding.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { makeTempDir, removeDir } from '../helpers/cli';
import { LspClient } from '../helpers/lsp-client';

const CONFIG = `extends: []
rules:
  no-trailing-slash: error
  path-kebab-case: warn
`;

const ok = "    get:\n      responses:\n        '200':\n          description: ok\n";
const HEAD = "openapi: 3.0.3\ninfo:\n  title: Shop\n  version: '1'\npaths:\n";
const SPEC = `${HEAD}  /users/:\n${ok}  /userAccounts:\n${ok}`;

const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });
const brief = (list: Diagnostic[]) => list.map((item) => ({ code: item.code, range: item.range })).sort((a, b) => a.range.start.line - b.range.start.line);

describe('lsp: kept findings, stale code actions, emptied buffers', () => {
  let dir: string;
  let client: LspClient;
  let count = 0;

  before(async () => {
    dir = makeTempDir('restlint-lsp-kept-');
    writeFileSync(join(dir, '.restlint.yaml'), CONFIG);
    client = await LspClient.start({ root: dir });
  });
  after(async () => {
    await client?.stop();
    removeDir(dir);
  });

  async function openSpec(text: string): Promise<string> {
    const path = join(dir, `spec-${++count}.yaml`);
    const version = client.open(path, text);
    assert.deepEqual(brief(await client.diagnosticsOfVersion(path, version)), [
      { code: 'no-trailing-slash', range: range(5, 8, 9) },
      { code: 'path-kebab-case', range: range(10, 3, 15) },
    ]);
    return path;
  }

  it('a line inserted above them while the document is broken: every kept finding moves one line down', async () => {
    const path = await openSpec(SPEC);
    const version = client.change(path, `x: [\n${SPEC}`);
    const diagnostics = await client.diagnosticsOfVersion(path, version);
    assert.deepEqual(brief(diagnostics.filter((item) => item.code !== 'parse-error')), [
      { code: 'no-trailing-slash', range: range(6, 8, 9) },
      { code: 'path-kebab-case', range: range(11, 3, 15) },
    ]);
    assert.equal(diagnostics.filter((item) => item.code === 'parse-error').length, 1);
  });

  it('a broken edit over a finding hides it; the findings after it stay where their text is', async () => {
    const path = await openSpec(SPEC);
    // The slash of "/users/" becomes ": [" (an unclosed flow sequence).
    const version = client.change(path, SPEC.replace('/users/:', '/users: [:'));
    const diagnostics = await client.diagnosticsOfVersion(path, version);
    assert.deepEqual(brief(diagnostics.filter((item) => item.code !== 'parse-error')), [{ code: 'path-kebab-case', range: range(10, 3, 15) }]);
  });

  it('a broken edit on a finding\'s line, before it, moves it by the columns it added', async () => {
    const text = `${HEAD}  /users/:\n${ok}  /userAccounts: {}\n`;
    const path = join(dir, `spec-${++count}.yaml`);
    const v1 = client.open(path, text);
    assert.deepEqual(brief(await client.diagnosticsOfVersion(path, v1)), [
      { code: 'no-trailing-slash', range: range(5, 8, 9) },
      { code: 'path-kebab-case', range: range(10, 3, 15) },
    ]);
    const version = client.change(path, text.replace('  /userAccounts', '  [[ /userAccounts'));
    const diagnostics = await client.diagnosticsOfVersion(path, version);
    assert.deepEqual(brief(diagnostics.filter((item) => item.code !== 'parse-error')), [
      { code: 'no-trailing-slash', range: range(5, 8, 9) },
      { code: 'path-kebab-case', range: range(10, 6, 18) },
    ]);
  });

  it('a code action for a diagnostic of an older text offers nothing; on the new diagnostics, the fix edits the new text', async () => {
    const path = await openSpec(SPEC);
    const uri = client.uri(path);
    const old = client.lastDiagnostics(path)!.find((item) => item.code === 'path-kebab-case')!;
    const actionsFor = (diagnostic: Diagnostic) =>
      client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] } }) as Promise<CodeAction[]>;
    const text = `# a comment\n${SPEC}`;
    const version = client.change(path, text);
    // Waited for from now on: the publish may arrive before the answer to the code action below.
    const published = client.diagnosticsOfVersion(path, version);
    // Sent before the new text's diagnostics are published: the server has version 2, the diagnostic is of version 1.
    assert.deepEqual(await actionsFor(old), []);
    const fresh = (await published).find((item) => item.code === 'path-kebab-case')!;
    assert.deepEqual(fresh.range, range(11, 3, 15));
    const fix = (await actionsFor(fresh)).find((action) => action.title.startsWith('Fix: path-kebab-case'))!;
    const edits = fix.edit!.changes![uri] as TextEdit[];
    assert.equal(TextDocument.applyEdits(TextDocument.create(uri, 'yaml', version, text), edits), text.replace('/userAccounts:', '/user-accounts:'));
  });

  for (const [name, text] of [
    ['empty', ''],
    ['whitespace only', '  \n\n   \n'],
  ]) {
    it(`an ${name} buffer shows "file is empty" and no old finding`, async () => {
      const path = await openSpec(SPEC);
      const version = client.change(path, text);
      assert.deepEqual(
        (await client.diagnosticsOfVersion(path, version)).map((item) => [item.code, item.message]),
        [['parse-error', 'file is empty']],
      );
    });
  }

  it('a buffer that stops being OpenAPI clears every finding', async () => {
    const path = await openSpec(SPEC);
    client.change(path, 'name: not an api\nitems: [1, 2]\n');
    assert.deepEqual(await client.diagnostics(path), []);
  });
});
