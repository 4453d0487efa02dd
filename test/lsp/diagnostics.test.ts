// The language server over real JSON-RPC on stdio (node dist/cli.js lsp --stdio): initialize,
// diagnostics on open and on change (exact ranges, severities, codes, links), documents that are
// not OpenAPI, broken and half-typed YAML, restlint/status, and shutdown/exit.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidChangeTextDocumentNotification, HoverRequest, type Diagnostic, type DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { FIXTURES, makeTempDir, removeDir } from '../helpers/cli';
import { LspClient } from '../helpers/lsp-client';

const DOCS = 'https://github.com/restlint/restlint/blob/main/rules/';

// Four rules at the four severities, nothing else: every published diagnostic is asserted.
const CONFIG = `extends: []
rules:
  no-trailing-slash: error
  no-verb-in-path: warn
  path-kebab-case: info
  no-empty-segment: hint
`;

const SPEC = `openapi: 3.0.3
info:
  title: Shop
  version: '1'
paths:
  /users/:
    get:
      responses:
        '200':
          description: ok
  /orders:
    get:
      responses:
        '200':
          description: ok
`;

const range = (line: number, start: number, end: number, endLine = line) => ({ start: { line, character: start }, end: { line: endLine, character: end } });

function diagnostic(code: string, severity: DiagnosticSeverity, r: Diagnostic['range'], message: string): Diagnostic {
  return { range: r, severity, code, source: 'restlint', message, codeDescription: { href: `${DOCS}${code}.md` } };
}

const TRAILING = diagnostic('no-trailing-slash', 1, range(5, 8, 9), '"/users/" ends with "/"; remove it: "/users"');
const VERB = diagnostic(
  'no-verb-in-path',
  2,
  range(10, 3, 11),
  '"/getUsers": segment "getUsers" starts with the verb "get"; name the resource ("/users") and let the HTTP method carry the action',
);

const sortDiagnostics = (list: Diagnostic[]) =>
  [...list].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || String(a.code).localeCompare(String(b.code)));

describe('lsp: diagnostics over stdio', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = makeTempDir('restlint-lsp-diag-');
    writeFileSync(join(dir, '.restlint.yaml'), CONFIG);
    client = await LspClient.start({ root: dir });
  });
  after(async () => {
    await client?.stop();
    removeDir(dir);
  });

  it('initialize: incremental sync, quickfix code actions, hover, the three commands, serverInfo', async () => {
    assert.equal(client.capabilities.textDocumentSync, 2);
    assert.deepEqual(client.capabilities.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.equal(client.capabilities.hoverProvider, true);
    assert.deepEqual([...(client.capabilities.executeCommandProvider?.commands ?? [])].sort(), ['restlint.lintWorkspace', 'restlint.probe', 'restlint.showRuleDoc']);
    assert.equal(client.serverInfo?.name, 'restlint');
  });

  it('open: exact diagnostics (range, severity, code, source, codeDescription); edits add and remove findings by version', async () => {
    const spec = join(dir, 'edits.yaml');
    const version = client.open(spec, SPEC);
    assert.deepEqual(await client.diagnosticsOfVersion(spec, version), [TRAILING]);

    // Adds a violation: /orders → /getUsers (a verb): warn at the key (path-kebab-case, at info, leaves a segment no-verb-in-path reports to it).
    const added = SPEC.replace('/orders:', '/getUsers:');
    const v2 = client.change(spec, added);
    assert.deepEqual(sortDiagnostics(await client.diagnosticsOfVersion(spec, v2)), [TRAILING, VERB]);

    // An empty segment at hint severity (4), on the `//`.
    const v3 = client.change(spec, added.replace('/users/:', '/a//b:'));
    assert.deepEqual(sortDiagnostics(await client.diagnosticsOfVersion(spec, v3)), [
      diagnostic('no-empty-segment', 4, range(5, 4, 6), '"/a//b" has an empty segment ("//"); remove the extra slash'),
      VERB,
    ]);

    // A camelCase noun, which no other rule reports: path-kebab-case at info (3).
    const camel = client.change(spec, SPEC.replace('/orders:', '/orderItems:'));
    assert.deepEqual(sortDiagnostics(await client.diagnosticsOfVersion(spec, camel)), [
      TRAILING,
      diagnostic('path-kebab-case', 3, range(10, 3, 13), '"/orderItems": segment "orderItems" is not kebab-case; use "order-items"'),
    ]);

    // Removes them all.
    const v4 = client.change(spec, SPEC.replace('/users/:', '/users:'));
    assert.deepEqual(await client.diagnosticsOfVersion(spec, v4), []);

    // And back.
    const v5 = client.change(spec, SPEC);
    assert.deepEqual(await client.diagnosticsOfVersion(spec, v5), [TRAILING]);
    client.close(spec);
    assert.deepEqual(await client.diagnostics(spec), []);
  });

  it('incremental changes (ranges, as the server asks for) are applied to the right text', async () => {
    const spec = join(dir, 'incremental.yaml');
    const uri = client.uri(spec);
    const v1 = client.open(spec, SPEC);
    assert.deepEqual(await client.diagnosticsOfVersion(spec, v1), [TRAILING]);
    // Two edits in one notification: "/orders" → "/getUsers" (line 10), then delete the slash of "/users/" (line 5).
    void client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [
        { range: range(10, 3, 9), text: 'getUsers' },
        { range: range(5, 8, 9), text: '' },
      ],
    });
    assert.deepEqual(sortDiagnostics(await client.diagnosticsOfVersion(spec, 2)), [VERB]);
    // An insertion: the slash back.
    void client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 3 }, contentChanges: [{ range: range(5, 8, 8), text: '/' }] });
    assert.deepEqual(sortDiagnostics(await client.diagnosticsOfVersion(spec, 3)), [TRAILING, VERB]);
    client.close(spec);
  });

  it('a burst of edits: the last version is published last, with its own findings', async () => {
    const spec = join(dir, 'burst.yaml');
    client.open(spec, SPEC);
    let last = 1;
    const texts = [SPEC.replace('/users/:', '/users:'), SPEC, SPEC.replace('/orders:', '/getUsers:'), SPEC.replace('/users/:', '/users:')];
    for (let i = 0; i < 20; i++) last = client.change(spec, texts[i % texts.length]);
    // The 20th text (index 19 % 4 = 3): no trailing slash, no verb.
    assert.deepEqual(await client.diagnosticsOfVersion(spec, last), []);
    // Once the server is idle, everything it will publish for these edits has arrived.
    await client.idle();
    const mine = client.published.filter((params) => params.uri === client.uri(spec));
    assert.equal(mine.at(-1)?.version, last, JSON.stringify(mine.map((params) => params.version)));
    // Versions only go up.
    const versions = mine.map((params) => params.version ?? 0);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b));
    client.close(spec);
  });

  it('documents that are not OpenAPI (YAML and JSON) never get findings', async () => {
    const files: [string, string][] = [
      ['docker-compose.yaml', readFileSync(join(FIXTURES, 'not-openapi', 'docker-compose.yaml'), 'utf8')],
      ['asyncapi.yaml', readFileSync(join(FIXTURES, 'not-openapi', 'asyncapi.yaml'), 'utf8')],
      ['list.yaml', readFileSync(join(FIXTURES, 'not-openapi', 'list.yaml'), 'utf8')],
      ['package.json', '{\n  "name": "x",\n  "paths": { "/users/": {} }\n}\n'],
      ['tsconfig.json', '{ "compilerOptions": { "strict": true } }\n'],
    ];
    for (const [name, text] of files) client.open(join(dir, name), text);
    // An OpenAPI document opened after them gets its findings; once the server is idle, everything published for the others has arrived.
    const marker = join(dir, 'marker.yaml');
    const version = client.open(marker, SPEC);
    assert.deepEqual(await client.diagnosticsOfVersion(marker, version), [TRAILING]);
    await client.idle();
    for (const [name] of files) {
      const uri = client.uri(join(dir, name));
      for (const params of client.published.filter((item) => item.uri === uri)) assert.deepEqual(params.diagnostics, [], `${name} got findings`);
    }
    // A YAML document that stops being OpenAPI loses its findings.
    const v2 = client.change(marker, SPEC.replace('openapi: 3.0.3', 'kind: Deployment'));
    assert.deepEqual(await client.diagnostics(marker, (params) => params.version === v2 || params.diagnostics.length === 0), []);
    for (const [name] of files) client.close(join(dir, name));
    client.close(marker);
  });

  it('broken YAML: one parse-error at its place, the last good findings kept; fixing it restores a normal result; the server still answers', async () => {
    const spec = join(dir, 'broken.yaml');
    const good = SPEC.replace('/orders:', '/getUsers:');
    const v1 = client.open(spec, good);
    assert.deepEqual(sortDiagnostics(await client.diagnosticsOfVersion(spec, v1)), [TRAILING, VERB]);

    // An unclosed flow sequence on line 12 (the "responses" of /getUsers).
    const broken = good.replace("    get:\n      responses:\n        '200':\n          description: ok\n", '') + '    tags: [a, b\n';
    const v2 = client.change(spec, broken);
    const got = await client.diagnosticsOfVersion(spec, v2);
    const errors = got.filter((item) => item.code === 'parse-error');
    assert.equal(errors.length, 1, JSON.stringify(got));
    const error = errors[0];
    assert.equal(error.severity, 1);
    assert.equal(error.source, 'restlint');
    assert.equal(error.codeDescription, undefined);
    // Where and what `restlint lint` says: "13:1: invalid YAML: unexpected end of the stream within a flow collection".
    assert.equal(error.message, 'invalid YAML: unexpected end of the stream within a flow collection');
    assert.deepEqual(error.range.start, { line: 12, character: 0 });
    // The rest: the findings of version 1 before the edited region (it runs from line 6 to the
    // end), where they were; those inside it are hidden (test/lsp/kept-findings.test.ts).
    assert.deepEqual(sortDiagnostics(got.filter((item) => item.code !== 'parse-error')), [TRAILING]);

    // Fixed (with /getUsers removed): a normal result, no parse error.
    const v3 = client.change(spec, SPEC);
    assert.deepEqual(await client.diagnosticsOfVersion(spec, v3), [TRAILING]);
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: client.uri(spec) }, position: { line: 5, character: 8 } });
    assert.match(JSON.stringify(hover), /no-trailing-slash/);
    client.close(spec);
  });

  it('JSON with a syntax error: one parse-error diagnostic at the error', async () => {
    const spec = join(dir, 'broken.json');
    const text = '{\n  "openapi": "3.0.3",\n  "info": { "title": "x", "version": "1" },\n  "paths": { "/users/": {} }\n}\n';
    const v1 = client.open(spec, text);
    const trailing = await client.diagnosticsOfVersion(spec, v1);
    assert.deepEqual(trailing, [diagnostic('no-trailing-slash', 1, range(3, 20, 21), '"/users/" ends with "/"; remove it: "/users"')]);
    const v2 = client.change(spec, text.replace('"info"', '"info" "x"'));
    const got = await client.diagnosticsOfVersion(spec, v2);
    const errors = got.filter((item) => item.code === 'parse-error');
    assert.equal(errors.length, 1, JSON.stringify(got));
    // `restlint lint`: "3:10: invalid JSON: Unexpected string".
    assert.equal(errors[0].message, 'invalid JSON: Unexpected string');
    assert.deepEqual(errors[0].range.start, { line: 2, character: 9 });
    assert.deepEqual(got.filter((item) => item.code !== 'parse-error'), trailing);
    client.close(spec);
  });

  it('a half-typed document (cut in the middle of lines) gets a publish for every version and never crashes the server', async () => {
    const spec = join(dir, 'typing.yaml');
    const full = SPEC.replace('/orders:', '/getUsers:\n    parameters: [{ name: q, in: query, schema: { type: string } }]\n  /orders:');
    const v1 = client.open(spec, full);
    await client.diagnosticsOfVersion(spec, v1);
    const lines = full.split('\n');
    const cuts: number[] = [];
    // From the second line on: the document stays OpenAPI (its first line is whole).
    let offset = lines[0].length + 1;
    for (const line of lines.slice(1)) {
      // The middle of every non-empty line, and one character into it.
      if (line.length > 2) cuts.push(offset + Math.floor(line.length / 2), offset + 1);
      offset += line.length + 1;
    }
    for (const cut of cuts) {
      const version = client.change(spec, full.slice(0, cut));
      await client.idle();
      const published = client.published.filter((params) => params.uri === client.uri(spec)).at(-1);
      assert.equal(published?.version, version, `cut at ${cut} (${JSON.stringify(full.slice(Math.max(0, cut - 20), cut))}): no publish for version ${version}\n${client.stderr}`);
      const got = published.diagnostics;
      assert.ok(got.filter((item) => item.code === 'parse-error').length <= 1, JSON.stringify(got));
      assert.equal(client.process.exitCode, null);
    }
    const last = client.change(spec, SPEC);
    assert.deepEqual(await client.diagnosticsOfVersion(spec, last), [TRAILING]);
    assert.match(client.stderr, /^$/, 'the server wrote to stderr');
    client.close(spec);
  });

  it('restlint/status carries the totals of what is published', async () => {
    const a = join(dir, 'status-a.yaml');
    const b = join(dir, 'status-b.yaml');
    const status = () => client.lastNotification<{ findings: number; files: number }>('restlint/status');
    client.open(a, SPEC);
    await client.idle();
    assert.deepEqual(status(), { findings: 1, files: 1 });
    client.open(b, SPEC.replace('/orders:', '/getUsers:'));
    await client.idle();
    assert.deepEqual(status(), { findings: 3, files: 2 });
    client.close(a);
    client.close(b);
    await client.idle();
    assert.deepEqual(status(), { findings: 0, files: 0 });
  });
});

describe('lsp: shutdown and exit', () => {
  it('exits with code 0 after shutdown + exit', async () => {
    const dir = makeTempDir('restlint-lsp-exit-');
    const client = await LspClient.start({ root: dir });
    try {
      // A document open and linted: the shutdown does not wait for anything.
      const spec = join(dir, 'openapi.yaml');
      await client.diagnosticsOfVersion(spec, client.open(spec, SPEC));
      const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
      assert.equal(await client.connection.sendRequest('shutdown'), null);
      await client.connection.sendNotification('exit');
      assert.equal(await exited, 0);
    } finally {
      client.connection.dispose();
      removeDir(dir);
    }
  });

  it('exit without shutdown: exit code 1 (as the protocol says)', async () => {
    const dir = makeTempDir('restlint-lsp-exit-');
    const client = await LspClient.start({ root: dir });
    try {
      const exited = new Promise<number | null>((resolve) => client.process.once('exit', (code) => resolve(code)));
      await client.connection.sendNotification('exit');
      assert.equal(await exited, 1);
    } finally {
      client.connection.dispose();
      removeDir(dir);
    }
  });
});
