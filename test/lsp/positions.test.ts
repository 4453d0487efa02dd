// Positions are always true, over stdio (node dist/cli.js lsp --stdio): a JSON document whose
// `openapi` key comes late is linted and found by "Lint workspace"; a referenced JSON file that
// does not parse shows its error at its place and marks the entry at the `$ref`; a parse error at
// the end of a document without a final newline, and a NUL byte, are placed inside the text.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExecuteCommandRequest, type Diagnostic } from 'vscode-languageserver-protocol';
import { makeTempDir, removeDir } from '../helpers/cli';
import { LspClient } from '../helpers/lsp-client';

// One rule, so every diagnostic is asserted (parse errors are no rule's: they show whatever the config).
const CONFIG = `extends: []
rules:
  no-trailing-slash: error
`;

const range = (line: number, start: number, end: number, endLine = line) => ({ start: { line, character: start }, end: { line: endLine, character: end } });

/** Every range inside the text: a line that exists, a character no further than its line's end. */
function assertInside(diagnostics: Diagnostic[], text: string): void {
  const lines = text.split(/\r\n|\r|\n/);
  for (const { range: r, message } of diagnostics) {
    for (const at of [r.start, r.end]) {
      assert.ok(at.line < lines.length && at.character <= lines[at.line].length, `${message}: ${JSON.stringify(r)} is outside the text (${lines.length} lines)`);
    }
  }
}

const summary = (list: Diagnostic[]) => list.map((item) => ({ code: item.code, message: item.message, range: item.range, severity: item.severity })).sort((a, b) => String(a.code).localeCompare(String(b.code)));

describe('lsp: positions over stdio', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = makeTempDir('restlint-lsp-positions-');
    writeFileSync(join(dir, '.restlint.yaml'), CONFIG);
    client = await LspClient.start({ root: dir });
  });
  after(async () => {
    await client?.stop();
    removeDir(dir);
  });

  // 6,000 characters of description before `"openapi"`: past what the detection used to read.
  const late = `{\n  "info": { "title": "t", "version": "1", "description": "${'x'.repeat(6000)}" },\n  "paths": { "/users/": { "get": { "responses": { "200": { "description": "ok" } } } } },\n  "openapi": "3.0.3"\n}\n`;

  it('a JSON document whose `openapi` key comes after its first 4,000 characters is linted', async () => {
    const spec = join(dir, 'late.json');
    writeFileSync(spec, late);
    const version = client.open(spec, late);
    const got = await client.diagnosticsOfVersion(spec, version);
    assert.deepEqual(summary(got), [{ code: 'no-trailing-slash', message: '"/users/" ends with "/"; remove it: "/users"', range: range(2, 20, 21), severity: 1 }]);
    client.close(spec);
    await client.idle();
  });

  it('"Lint workspace" finds it among the files on disk', async () => {
    const result = (await client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'restlint.lintWorkspace', arguments: [] })) as { files: number };
    assert.equal(result.files, 1, JSON.stringify(result));
    assert.equal(client.lastDiagnostics(join(dir, 'late.json'))?.[0]?.code, 'no-trailing-slash');
  });

  it('a referenced JSON file that does not parse: a parse-error at its place in that file, and one at the $ref in the entry', async () => {
    const sub = join(dir, 'split');
    const entry = join(sub, 'openapi.yaml');
    const fragment = join(sub, 'responses.json');
    const entryText = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /users:\n    get:\n      responses:\n        '200':\n          $ref: 'responses.json#/Users'\n";
    const fragmentText = '{\n  "Users": {\n    "description": "ok"\n    "content": {}\n  }\n}\n';
    // Written into a folder of its own, with the config found above it.
    mkdirSync(sub);
    writeFileSync(entry, entryText);
    writeFileSync(fragment, fragmentText);
    const onFragment = client.diagnostics(fragment, (params) => params.diagnostics.length > 0);
    const version = client.open(entry, entryText);
    const onEntry = await client.diagnosticsOfVersion(entry, version);
    const message = "invalid JSON: Expected ',' or '}' after property value";
    assert.deepEqual(summary(onEntry), [
      { code: 'parse-error', message: `$ref "responses.json#/Users": a referenced file does not parse: responses.json:4:5: ${message}`, range: range(7, 16, 39), severity: 1 },
    ]);
    assert.deepEqual(summary(await onFragment), [{ code: 'parse-error', message, range: range(3, 4, 4), severity: 1 }]);
    assert.equal(client.stderr.includes('failed'), false, client.stderr);
    // Fixed on disk and opened: the marks go.
    const fixed = fragmentText.replace('"ok"\n', '"ok",\n');
    const cleared = client.diagnostics(entry, (params) => params.diagnostics.length === 0);
    const fragmentVersion = client.open(fragment, fixed);
    assert.deepEqual(await client.diagnosticsOfVersion(fragment, fragmentVersion), []);
    await cleared;
    client.close(fragment);
    client.close(entry);
    await client.idle();
  });

  it('a YAML parse error at the end of a document without a final newline is on its last line', async () => {
    const spec = join(dir, 'no-newline.yaml');
    const text = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /users: [";
    writeFileSync(spec, 'openapi: 3.0.3\n');
    const version = client.open(spec, text);
    const got = await client.diagnosticsOfVersion(spec, version);
    assert.deepEqual(summary(got), [{ code: 'parse-error', message: 'invalid YAML: unexpected end of the stream within a flow collection', range: range(3, 11, 11), severity: 1 }]);
    assertInside(got, text);
    client.close(spec);
    await client.idle();
  });

  it('a NUL byte is reported on its own line and column', async () => {
    const spec = join(dir, 'nul.yaml');
    const text = "openapi: 3.0.3\ninfo:\n  title: a\u0000b\n  version: '1'\npaths: {}\n";
    writeFileSync(spec, 'openapi: 3.0.3\n');
    const version = client.open(spec, text);
    const got = await client.diagnosticsOfVersion(spec, version);
    assert.deepEqual(summary(got), [{ code: 'parse-error', message: 'invalid YAML: null byte is not allowed in input', range: range(2, 10, 10), severity: 1 }]);
    client.close(spec);
    await client.idle();
  });
});
