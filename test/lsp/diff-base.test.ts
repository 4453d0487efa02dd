// `restlint.diff.base` in the language server over stdio: with a git ref set, each open
// document's breaking changes against the same file at that ref are published as diagnostics
// (source `restlint diff`) with its lint results, on the editor's texts (a $ref'd file's open
// buffer too); a removal is shown at the path item that remains; a ref git does not know gives
// one window/showMessage warning and the lint diagnostics still come.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidChangeConfigurationNotification, DidSaveTextDocumentNotification, type Diagnostic } from 'vscode-languageserver-protocol';
import { makeTempDir, removeDir } from '../helpers/cli';
import { LspClient } from '../helpers/lsp-client';
import { git } from '../helpers/git';

const CONFIG = `extends: []
rules:
  no-trailing-slash: error
`;

const SPEC = `openapi: 3.0.3
info:
  title: Shop
  version: '1'
paths:
  /users:
    get:
      responses:
        '200':
          description: ok
    post:
      requestBody:
        content:
          application/json:
            schema:
              $ref: './schemas/user.yaml#/User'
      responses:
        '201':
          description: created
  /orders/:
    get:
      responses:
        '200':
          description: ok
`;

const USER = `User:
  type: object
  properties:
    name:
      type: string
    email:
      type: string
  required:
    - name
`;

const DOCS = 'https://github.com/restlint/restlint/blob/main/';
const TRAILING: Diagnostic = {
  range: { start: { line: 19, character: 9 }, end: { line: 19, character: 10 } },
  severity: 1,
  code: 'no-trailing-slash',
  source: 'restlint',
  message: '"/orders/" ends with "/"; remove it: "/orders"',
  codeDescription: { href: `${DOCS}rules/no-trailing-slash.md` },
};

const fromDiff = (diagnostics: Diagnostic[]) => diagnostics.filter((item) => item.source === 'restlint diff');

describe('lsp: restlint.diff.base', () => {
  let dir: string;
  let spec: string;
  let user: string;
  let commit: string;

  before(() => {
    dir = makeTempDir('restlint-lsp-diff-base-');
    spec = join(dir, 'openapi.yaml');
    user = join(dir, 'schemas', 'user.yaml');
    mkdirSync(join(dir, 'schemas'));
    writeFileSync(join(dir, '.restlint.yaml'), CONFIG);
    writeFileSync(spec, SPEC);
    writeFileSync(user, USER);
    git(dir, 'init', '--quiet');
    git(dir, 'add', '.restlint.yaml', 'openapi.yaml', 'schemas/user.yaml');
    git(dir, 'commit', '--quiet', '-m', 'the published API');
    commit = git(dir, 'rev-parse', 'HEAD');
  });
  after(() => removeDir(dir));

  describe('set to a branch', () => {
    let client: LspClient;
    before(async () => {
      client = await LspClient.start({ root: dir, settings: { enable: true, diff: { base: 'main' } } });
    });
    after(async () => {
      await client?.stop();
    });

    it('the unchanged document: its lint diagnostics, no restlint diff one', async () => {
      const version = client.open(spec, SPEC);
      assert.deepEqual(await client.diagnosticsOfVersion(spec, version), [TRAILING]);
    });

    it("a request property made required in the $ref'd file's open buffer: request-property-became-required there; undone, it goes", async () => {
      // The rules do not read the schema file here (no rule looks into it); the diff does.
      client.open(user, USER);
      await client.idle();
      assert.deepEqual(client.lastDiagnostics(user) ?? [], []);
      const v2 = client.change(user, USER.replace('    - name\n', '    - name\n    - email\n'));
      assert.deepEqual(await client.diagnosticsOfVersion(user, v2), [
        {
          range: { start: { line: 9, character: 6 }, end: { line: 9, character: 11 } },
          severity: 1,
          code: 'request-property-became-required',
          source: 'restlint diff',
          message: 'POST /users: request property "email" is now required; clients that omit it will get a 4xx',
          codeDescription: { href: `${DOCS}rules/changes/request-property-became-required.md` },
        },
      ]);
      // Published with the entry's lint results: the entry has only its own.
      assert.deepEqual(client.lastDiagnostics(spec), [TRAILING]);
      const v3 = client.change(user, USER);
      assert.deepEqual(await client.diagnosticsOfVersion(user, v3), []);
      client.close(user);
      await client.idle();
    });

    it('an operation removed: method-removed at its path item, saying where it was at the ref; one publish holds it and the lint diagnostics', async () => {
      const v = client.change(spec, SPEC.replace("    get:\n      responses:\n        '200':\n          description: ok\n    post:", '    post:'));
      const got = await client.diagnosticsOfVersion(spec, v);
      assert.deepEqual(got, [
        { ...TRAILING, range: { start: { line: 15, character: 9 }, end: { line: 15, character: 10 } } },
        {
          range: { start: { line: 5, character: 2 }, end: { line: 5, character: 8 } },
          severity: 1,
          code: 'method-removed',
          source: 'restlint diff',
          message: 'GET /users: the operation was removed; clients that call it will get a 404 (removed since main; it was at main:openapi.yaml:7)',
          codeDescription: { href: `${DOCS}rules/changes/method-removed.md` },
        },
      ]);
      const back = client.change(spec, SPEC);
      assert.deepEqual(await client.diagnosticsOfVersion(spec, back), [TRAILING]);
    });

    it('a whole path removed: endpoint-removed at `paths`', async () => {
      const v = client.change(spec, SPEC.replace(/ {2}\/orders\/:[\s\S]*$/, ''));
      assert.deepEqual(
        fromDiff(await client.diagnosticsOfVersion(spec, v)).map((item) => [item.code, item.range.start, item.message]),
        [['endpoint-removed', { line: 4, character: 0 }, '/orders/: the endpoint was removed, with GET; clients that call it will get a 404 (removed since main; it was at main:openapi.yaml:20)']],
      );
      const back = client.change(spec, SPEC);
      assert.deepEqual(await client.diagnosticsOfVersion(spec, back), [TRAILING]);
    });

    it('a commit that makes the edit the base: after a save, the ref is resolved again and the change is gone', async () => {
      const edited = SPEC.replace("    get:\n      responses:\n        '200':\n          description: ok\n    post:", '    post:');
      const v = client.change(spec, edited);
      assert.equal(fromDiff(await client.diagnosticsOfVersion(spec, v)).length, 1);
      writeFileSync(spec, edited);
      git(dir, 'commit', '--quiet', '-am', 'GET /users goes');
      const cleared = client.diagnostics(spec, (params) => fromDiff(params.diagnostics).length === 0);
      await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: client.uri(spec) } });
      assert.deepEqual(fromDiff(await cleared), []);
      // Back to the first commit, on disk and in git.
      writeFileSync(spec, SPEC);
      git(dir, 'reset', '--quiet', '--hard', commit);
      const v2 = client.change(spec, SPEC);
      await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: client.uri(spec) } });
      assert.deepEqual(await client.diagnosticsOfVersion(spec, v2), [TRAILING]);
      await client.idle();
      assert.deepEqual(client.lastDiagnostics(spec), [TRAILING]);
    });
  });

  it('set to a commit id: the same changes', async () => {
    const client = await LspClient.start({ root: dir, settings: { enable: true, diff: { base: commit } } });
    try {
      const v = client.open(spec, SPEC.replace("    get:\n      responses:\n        '200':\n          description: ok\n    post:", '    post:'));
      assert.deepEqual(
        fromDiff(await client.diagnosticsOfVersion(spec, v)).map((item) => [item.code, item.message]),
        [['method-removed', `GET /users: the operation was removed; clients that call it will get a 404 (removed since ${commit}; it was at ${commit}:openapi.yaml:7)`]],
      );
    } finally {
      await client.stop();
    }
  });

  it('an unknown ref: one showMessage warning naming it and the fix, however many edits; the lint diagnostics still come; a good ref then works', async () => {
    const client = await LspClient.start({ root: dir, settings: { enable: true, diff: { base: 'nosuch' } } });
    try {
      const v1 = client.open(spec, SPEC);
      assert.deepEqual(await client.diagnosticsOfVersion(spec, v1), [TRAILING]);
      const v2 = client.change(spec, SPEC.replace('/orders/:', '/orders/: '));
      assert.deepEqual(await client.diagnosticsOfVersion(spec, v2), [TRAILING]);
      await client.idle();
      const warnings = client.notifications.filter((item) => item.method === 'window/showMessage');
      assert.deepEqual(warnings, [
        {
          method: 'window/showMessage',
          params: {
            type: 2,
            message: `restlint.diff.base "nosuch": unknown git ref "nosuch" in ${dir}; set it to a branch, tag or commit that exists (for a remote branch, fetch it first: git fetch origin), or clear the setting`,
          },
        },
      ]);
      assert.equal(client.process.exitCode, null);

      // Fixed in the settings: the diff runs, with no further warning.
      client.settings = { enable: true, diff: { base: 'main' } };
      const removed = client.diagnostics(spec, (params) => fromDiff(params.diagnostics).length > 0);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { restlint: client.settings } });
      client.change(spec, SPEC.replace("    get:\n      responses:\n        '200':\n          description: ok\n    post:", '    post:'));
      assert.deepEqual(fromDiff(await removed).map((item) => item.code), ['method-removed']);
      await client.idle();
      assert.equal(client.notifications.filter((item) => item.method === 'window/showMessage').length, 1);
    } finally {
      await client.stop();
    }
  });

  it('a document outside any git repository: one warning, the lint diagnostics', async () => {
    const outside = makeTempDir('restlint-lsp-no-git-');
    try {
      writeFileSync(join(outside, '.restlint.yaml'), CONFIG);
      const file = join(outside, 'openapi.yaml');
      writeFileSync(file, SPEC);
      const client = await LspClient.start({ root: outside, settings: { enable: true, diff: { base: 'main' } } });
      try {
        const v = client.open(file, SPEC);
        assert.deepEqual(await client.diagnosticsOfVersion(file, v), [TRAILING]);
        await client.idle();
        const warnings = client.notifications.filter((item) => item.method === 'window/showMessage').map((item) => item.params);
        assert.deepEqual(warnings, [{ type: 2, message: `restlint.diff.base "main": ${file} is not in a git repository, so it has no version at a git ref; open a clone, or clear the setting` }]);
      } finally {
        await client.stop();
      }
    } finally {
      removeDir(outside);
    }
  });
});
