// Multi-file specs in the language server: findings in a $ref'd file are published on that
// file's URI, editing the referenced file (open buffer or on disk) re-lints its entries, and
// closing an entry clears what only it had found in the referenced file.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, DidChangeWatchedFilesNotification, FileChangeType, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { makeTempDir, removeDir } from '../helpers/cli';
import { LspClient } from '../helpers/lsp-client';

const CONFIG = `extends: []
rules:
  no-trailing-slash: error
  query-param-casing: [warn, { case: camel }]
`;

const ENTRY = `openapi: 3.0.3
info:
  title: Shop
  version: '1'
paths:
  /users/:
    get:
      parameters:
        - $ref: './components.yaml#/parameters/Sort'
      responses:
        '200':
          description: ok
`;

// A second entry that uses the same parameter.
const OTHER = ENTRY.replace('/users/:', '/orders:');

const COMPONENTS = `parameters:
  Sort:
    name: sort_order
    in: query
    schema:
      type: string
`;

const TRAILING: Diagnostic = {
  range: { start: { line: 5, character: 8 }, end: { line: 5, character: 9 } },
  severity: 1,
  code: 'no-trailing-slash',
  source: 'restlint',
  message: '"/users/" ends with "/"; remove it: "/users"',
  codeDescription: { href: 'https://github.com/restlint/restlint/blob/main/rules/no-trailing-slash.md' },
};

describe('lsp: multi-file specs', () => {
  let dir: string;
  let client: LspClient;
  let entry: string;
  let other: string;
  let components: string;
  let casing: Diagnostic;

  before(async () => {
    dir = makeTempDir('restlint-lsp-multi-');
    writeFileSync(join(dir, '.restlint.yaml'), CONFIG);
    entry = join(dir, 'openapi.yaml');
    other = join(dir, 'other.yaml');
    components = join(dir, 'components.yaml');
    writeFileSync(entry, ENTRY);
    writeFileSync(other, OTHER);
    writeFileSync(components, COMPONENTS);
    client = await LspClient.start({ root: dir });
  });
  after(async () => {
    await client?.stop();
    removeDir(dir);
  });

  it('a finding inside the referenced file is published on that file, not on the entry', async () => {
    const inComponents = client.diagnostics(components);
    const version = client.open(entry, ENTRY);
    assert.deepEqual(await client.diagnosticsOfVersion(entry, version), [TRAILING]);
    const found = await inComponents;
    assert.equal(found.length, 1, JSON.stringify(found));
    casing = found[0];
    // The `name` value "sort_order" (line 2, after `    name: `).
    assert.deepEqual(casing.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 20 } });
    assert.equal(casing.code, 'query-param-casing');
    assert.equal(casing.severity, 2);
    assert.equal(casing.source, 'restlint');
    assert.equal(casing.message, 'query parameter "sort_order" is not camelCase; use "sortOrder"');
    assert.deepEqual(casing.codeDescription, { href: 'https://github.com/restlint/restlint/blob/main/rules/query-param-casing.md' });
  });

  it('editing the referenced file (its open buffer) re-lints the entry: the finding goes and comes back', async () => {
    const v1 = client.open(components, COMPONENTS);
    assert.deepEqual(await client.diagnosticsOfVersion(components, v1), [casing]);
    const v2 = client.change(components, COMPONENTS.replace('sort_order', 'sortOrder'));
    assert.deepEqual(await client.diagnosticsOfVersion(components, v2), []);
    // The entry's own diagnostics did not change meanwhile.
    assert.deepEqual(client.lastDiagnostics(entry), [TRAILING]);
    const v3 = client.change(components, COMPONENTS);
    assert.deepEqual(await client.diagnosticsOfVersion(components, v3), [casing]);
  });

  it('a syntax error in the referenced file is a parse-error on that file; the entry keeps its findings and marks the $ref', async () => {
    const marked = client.diagnostics(entry, (params) => params.diagnostics.some((item) => item.code === 'parse-error'));
    const v4 = client.change(components, COMPONENTS.replace('    in: query\n', '    in: [query\n'));
    const got = await client.diagnosticsOfVersion(components, v4);
    const errors = got.filter((item) => item.code === 'parse-error');
    assert.equal(errors.length, 1, JSON.stringify(got));
    assert.equal(errors[0].severity, 1);
    // `restlint lint` on the same files: "components.yaml:5:5: invalid YAML: missed comma between flow collection entries".
    assert.equal(errors[0].message, 'invalid YAML: missed comma between flow collection entries');
    assert.deepEqual(errors[0].range.start, { line: 4, character: 4 });
    // The entry: its own finding, and the `$ref` into the broken file marked.
    const onEntry = await marked;
    assert.deepEqual(onEntry.map((item) => item.code).sort(), ['no-trailing-slash', 'parse-error']);
    assert.equal(
      onEntry.find((item) => item.code === 'parse-error')?.message,
      '$ref "./components.yaml#/parameters/Sort": a referenced file does not parse: components.yaml:5:5: invalid YAML: missed comma between flow collection entries',
    );
    const unmarked = client.diagnostics(entry, (params) => params.diagnostics.length === 1);
    const v5 = client.change(components, COMPONENTS);
    assert.deepEqual(await client.diagnosticsOfVersion(components, v5), [casing]);
    assert.deepEqual(await unmarked, [TRAILING]);
  });

  it('closing the referenced file lints its entries against the file on disk', async () => {
    const v6 = client.change(components, COMPONENTS.replace('sort_order', 'sortOrder'));
    assert.deepEqual(await client.diagnosticsOfVersion(components, v6), []);
    // The disk still says sort_order.
    const back = client.diagnostics(components, (params) => params.diagnostics.length === 1);
    client.close(components);
    assert.deepEqual(await back, [casing]);
  });

  it('a change on disk (workspace/didChangeWatchedFiles) re-lints the entries that read the file', async () => {
    writeFileSync(components, COMPONENTS.replace('sort_order', 'sortOrder'));
    const cleared = client.diagnostics(components);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri(components), type: FileChangeType.Changed }] });
    assert.deepEqual(await cleared, []);
    writeFileSync(components, COMPONENTS);
    const again = client.diagnostics(components);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri(components), type: FileChangeType.Changed }] });
    assert.deepEqual(await again, [casing]);
  });

  it('closing an entry clears what only it found in the referenced file; another entry keeps it', async () => {
    const v1 = client.open(other, OTHER);
    assert.deepEqual(await client.diagnosticsOfVersion(other, v1), []);
    // Both entries find the same problem in components.yaml: it is shown once.
    const components1 = client.published.filter((params) => params.uri === client.uri(components)).at(-1);
    assert.deepEqual(components1?.diagnostics, [casing]);

    const clearedEntry = client.diagnostics(entry);
    client.close(entry);
    assert.deepEqual(await clearedEntry, []);
    // Once the server is idle, anything published because of the close has arrived.
    await client.idle();
    assert.deepEqual(client.lastDiagnostics(components), [casing]);

    const cleared = client.diagnostics(components);
    client.close(other);
    assert.deepEqual(await cleared, []);
  });

  it('code actions on a finding in the referenced file edit that file; the ignore, applied, silences it', async () => {
    const inComponents = client.diagnostics(components, (params) => params.diagnostics.length > 0);
    client.open(entry, ENTRY);
    assert.deepEqual(await inComponents, [casing]);
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: client.uri(components) },
      range: casing.range,
      context: { diagnostics: [casing] },
    })) as CodeAction[];
    assert.deepEqual(
      actions.map((action) => action.title),
      ['Fix: query-param-casing (changes the API contract: for unpublished documents)', 'Ignore query-param-casing here (x-restlint-ignore)', 'Show documentation for query-param-casing'],
    );
    const edits = actions[1].edit?.changes?.[client.uri(components)];
    assert.ok(edits, JSON.stringify(actions[1].edit));
    const ignored = TextDocument.applyEdits(TextDocument.create(client.uri(components), 'yaml', 1, COMPONENTS), edits);
    assert.equal(ignored, COMPONENTS.replace('    name: sort_order\n', '    x-restlint-ignore: [query-param-casing]\n    name: sort_order\n'));
    client.open(components, COMPONENTS);
    const version = client.change(components, ignored);
    assert.deepEqual(await client.diagnosticsOfVersion(components, version), []);
    client.close(components);
    client.close(entry);
  });

  it(
    'a referenced file created on disk after the entry was linted (a $ref that was "not found"): the entry is linted again',
    async () => {
      const missing = join(dir, 'later.yaml');
      const text = ENTRY.replace('./components.yaml', './later.yaml');
      const version = client.open(entry, text);
      const before = await client.diagnosticsOfVersion(entry, version);
      assert.deepEqual(before, [TRAILING]);
      // Every publish of the first lint (an empty one for the missing file, maybe) has arrived before the file is created.
      await client.idle();
      writeFileSync(missing, COMPONENTS);
      const found = client.diagnostics(missing, (params) => params.diagnostics.length > 0);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri(missing), type: FileChangeType.Created }] });
      try {
        assert.deepEqual(await found, [casing]);
      } finally {
        client.close(entry);
      }
    },
  );
});
