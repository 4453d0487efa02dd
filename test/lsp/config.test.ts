// Config files and settings in the language server over stdio: a .restlint.yaml edited in the
// editor, saved, or changed on disk re-lints without a restart; an invalid one is a parse-error
// on the config file while the spec keeps its last results; the `restlint` settings (enable,
// minimumSeverity, configPath) pulled with workspace/configuration and on didChangeConfiguration.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DidSaveTextDocumentNotification,
  FileChangeType,
  type Diagnostic,
} from 'vscode-languageserver-protocol';
import { makeTempDir, removeDir } from '../helpers/cli';
import { LspClient } from '../helpers/lsp-client';

const BOTH = `extends: []
rules:
  no-trailing-slash: error
  path-kebab-case: warn
`;
const NO_KEBAB = BOTH.replace('path-kebab-case: warn', 'path-kebab-case: off');

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
  /userAccounts:
    get:
      responses:
        '200':
          description: ok
`;

const DOCS = 'https://github.com/restlint/restlint/blob/main/rules/';
const TRAILING: Diagnostic = {
  range: { start: { line: 5, character: 8 }, end: { line: 5, character: 9 } },
  severity: 1,
  code: 'no-trailing-slash',
  source: 'restlint',
  message: '"/users/" ends with "/"; remove it: "/users"',
  codeDescription: { href: `${DOCS}no-trailing-slash.md` },
};
const KEBAB: Diagnostic = {
  range: { start: { line: 10, character: 3 }, end: { line: 10, character: 15 } },
  severity: 2,
  code: 'path-kebab-case',
  source: 'restlint',
  message: '"/userAccounts": segment "userAccounts" is not kebab-case; use "user-accounts"',
  codeDescription: { href: `${DOCS}path-kebab-case.md` },
};


describe('lsp: config files reload without a restart', () => {
  let dir: string;
  let client: LspClient;
  let spec: string;
  let config: string;

  before(async () => {
    dir = makeTempDir('restlint-lsp-config-');
    spec = join(dir, 'openapi.yaml');
    config = join(dir, '.restlint.yaml');
    writeFileSync(config, BOTH);
    client = await LspClient.start({ root: dir });
    const version = client.open(spec, SPEC);
    assert.deepEqual(await client.diagnosticsOfVersion(spec, version), [TRAILING, KEBAB]);
  });
  after(async () => {
    await client?.stop();
    removeDir(dir);
  });

  it('the config edited in the editor and saved: the spec is re-published without the rule', async () => {
    client.open(config, BOTH);
    const without = client.diagnostics(spec);
    writeFileSync(config, NO_KEBAB);
    client.change(config, NO_KEBAB);
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: client.uri(config) } });
    assert.deepEqual(await without, [TRAILING]);
    // And back.
    const withIt = client.diagnostics(spec);
    writeFileSync(config, BOTH);
    client.change(config, BOTH);
    await client.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri: client.uri(config) } });
    assert.deepEqual(await withIt, [TRAILING, KEBAB]);
    client.close(config);
    await client.idle();
  });

  it('the config buffer edited, not saved: the spec is re-published without the rule; closed unsaved, the file on disk applies again', async () => {
    client.open(config, BOTH);
    const without = client.diagnostics(spec);
    client.change(config, NO_KEBAB);
    assert.deepEqual(await without, [TRAILING]);
    // A broken buffer: the problem is shown on the config, the spec keeps its results.
    const onConfig = client.diagnostics(config);
    client.change(config, `${NO_KEBAB}  [\n`);
    const problems = await onConfig;
    assert.deepEqual(
      problems.map((item) => [item.code, item.severity]),
      [['parse-error', 1]],
    );
    assert.match(String(problems[0].message), /^invalid config: invalid YAML: /);
    const cleared = client.diagnostics(config);
    client.change(config, NO_KEBAB);
    assert.deepEqual(await cleared, []);
    assert.deepEqual(client.lastDiagnostics(spec), [TRAILING]);
    // Closed without saving: the disk still has the rule on.
    const withIt = client.diagnostics(spec);
    client.close(config);
    assert.deepEqual(await withIt, [TRAILING, KEBAB]);
  });

  it('the config written on disk and reported by workspace/didChangeWatchedFiles', async () => {
    const without = client.diagnostics(spec);
    writeFileSync(config, NO_KEBAB);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri(config), type: FileChangeType.Changed }] });
    assert.deepEqual(await without, [TRAILING]);
    const withIt = client.diagnostics(spec);
    writeFileSync(config, BOTH);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri(config), type: FileChangeType.Changed }] });
    assert.deepEqual(await withIt, [TRAILING, KEBAB]);
  });

  it('an invalid config: a parse-error on the config file, the spec keeps its last results; fixed, all is back', async () => {
    assert.deepEqual(client.lastDiagnostics(spec), [TRAILING, KEBAB]);
    const onConfig = client.diagnostics(config);
    writeFileSync(config, BOTH.replace('path-kebab-case: warn', 'path-kebab-case: fatal'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri(config), type: FileChangeType.Changed }] });
    // `restlint lint` says: ".restlint.yaml:4:20: invalid config: severity "fatal" for path-kebab-case: expected off, error, warn, info or hint (or, as in Spectral, 0 error, 1 warn, 2 info, 3 hint)".
    assert.deepEqual(await onConfig, [
      {
        range: { start: { line: 3, character: 19 }, end: { line: 3, character: 24 } },
        severity: 1,
        code: 'parse-error',
        source: 'restlint',
        message: 'invalid config: severity "fatal" for path-kebab-case: expected off, error, warn, info or hint (or, as in Spectral, 0 error, 1 warn, 2 info, 3 hint)',
      },
    ]);
    await client.idle();
    assert.deepEqual(client.lastDiagnostics(spec), [TRAILING, KEBAB]);

    // An edit of the spec while the config is broken: still its last good results, less the one
    // the edit touched (the slash it removes), and nothing else published for it.
    const from = client.published.length;
    const v = client.change(spec, SPEC.replace('/users/:', '/users:'));
    await client.idle();
    for (const params of client.published.slice(from).filter((item) => item.uri === client.uri(spec))) assert.deepEqual(params.diagnostics, [KEBAB], `version ${v}`);
    assert.deepEqual(client.lastDiagnostics(spec), [KEBAB], `version ${v}`);

    const cleared = client.diagnostics(config);
    const fresh = client.diagnostics(spec);
    writeFileSync(config, NO_KEBAB);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri(config), type: FileChangeType.Changed }] });
    assert.deepEqual(await cleared, []);
    assert.deepEqual(await fresh, []);
  });
});

describe('lsp: settings', () => {
  let dir: string;
  let spec: string;

  before(() => {
    dir = makeTempDir('restlint-lsp-settings-');
    spec = join(dir, 'openapi.yaml');
    writeFileSync(join(dir, '.restlint.yaml'), BOTH);
    writeFileSync(spec, SPEC);
  });
  after(() => removeDir(dir));

  it('minimumSeverity error shows errors only; didChangeConfiguration enable:false clears everything, true brings it back', async () => {
    const client = await LspClient.start({ root: dir, settings: { enable: true, minimumSeverity: 'error' } });
    try {
      const version = client.open(spec, SPEC);
      assert.deepEqual(await client.diagnosticsOfVersion(spec, version), [TRAILING]);
      // Every publish of the spec so far: never the warning.
      for (const params of client.published) assert.ok(!params.diagnostics.some((item) => item.code === 'path-kebab-case'), JSON.stringify(params));

      const other = join(dir, 'other.yaml');
      const v2 = client.open(other, SPEC);
      assert.deepEqual(await client.diagnosticsOfVersion(other, v2), [TRAILING]);

      client.settings = { enable: true, minimumSeverity: 'warn' };
      const both = [client.diagnostics(spec), client.diagnostics(other)];
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { restlint: client.settings } });
      assert.deepEqual(await Promise.all(both), [
        [TRAILING, KEBAB],
        [TRAILING, KEBAB],
      ]);

      client.settings = { enable: false, minimumSeverity: 'warn' };
      const cleared = [client.diagnostics(spec), client.diagnostics(other)];
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { restlint: client.settings } });
      assert.deepEqual(await Promise.all(cleared), [[], []]);
      // Edits while disabled publish nothing with findings.
      const from = client.published.length;
      client.change(spec, SPEC.replace('/userAccounts', '/getUsers'));
      await client.idle();
      for (const params of client.published.slice(from)) assert.deepEqual(params.diagnostics, [], JSON.stringify(params));
      assert.deepEqual(client.lastDiagnostics(spec), []);

      client.settings = { enable: true };
      const back = client.diagnostics(spec, (params) => params.diagnostics.length > 0);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { restlint: client.settings } });
      // The text edited while disabled: /getUsers (kebab-case: "get-users"), default minimumSeverity (hint).
      assert.deepEqual(await back, [
        TRAILING,
        { ...KEBAB, range: { start: { line: 10, character: 3 }, end: { line: 10, character: 11 } }, message: '"/getUsers": segment "getUsers" is not kebab-case; use "get-users"' },
      ]);
    } finally {
      await client.stop();
    }
  });

  it('configPath: a config elsewhere in the workspace is used instead of the one found next to the spec', async () => {
    mkdirSync(join(dir, 'conf'), { recursive: true });
    writeFileSync(join(dir, 'conf', 'lint.yaml'), 'extends: []\nrules:\n  path-kebab-case: error\n');
    const client = await LspClient.start({ root: dir, settings: { enable: true, configPath: 'conf/lint.yaml' } });
    try {
      const version = client.open(spec, SPEC);
      assert.deepEqual(await client.diagnosticsOfVersion(spec, version), [{ ...KEBAB, severity: 1 }]);
      // Back to discovery: the .restlint.yaml next to the spec.
      client.settings = { enable: true, configPath: '' };
      const discovered = client.diagnostics(spec);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { restlint: client.settings } });
      assert.deepEqual(await discovered, [TRAILING, KEBAB]);
    } finally {
      await client.stop();
    }
  });

  it('a client that cannot be asked (no workspace/configuration): the settings pushed with didChangeConfiguration apply', async () => {
    const client = await LspClient.start({ root: dir });
    try {
      const version = client.open(spec, SPEC);
      assert.deepEqual(await client.diagnosticsOfVersion(spec, version), [TRAILING, KEBAB]);
      const errorsOnly = client.diagnostics(spec);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { restlint: { minimumSeverity: 'error' } } });
      assert.deepEqual(await errorsOnly, [TRAILING]);
      const cleared = client.diagnostics(spec);
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { restlint: { enable: false } } });
      assert.deepEqual(await cleared, []);
    } finally {
      await client.stop();
    }
  });
});
