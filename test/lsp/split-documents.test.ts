// Split documents in the language server, over stdio: opening an entry that references many
// files publishes diagnostics only for the files that have some (and the open entry), and the
// server asks the client to watch every file a lint read (when the client can register
// watchers), so edits made outside the editor are seen.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidChangeWatchedFilesNotification, FileChangeType } from 'vscode-languageserver-protocol';
import { makeTempDir, removeDir } from '../helpers/cli';
import { LspClient } from '../helpers/lsp-client';

const CONFIG = `extends: []
rules:
  query-param-casing: [warn, { case: camel }]
`;

const FILES = 30;
const parameter = (name: string) => `name: ${name}\nin: query\nschema:\n  type: string\n`;

/** An entry whose one operation uses FILES parameters, each in a file of its own; p7 is snake_case. */
function writeProject(dir: string): { entry: string; text: string; params: string[] } {
  mkdirSync(join(dir, 'params'), { recursive: true });
  const params = Array.from({ length: FILES }, (_, i) => join(dir, 'params', `p${i}.yaml`));
  params.forEach((file, i) => writeFileSync(file, parameter(i === 7 ? 'sort_order' : `sort${i}`)));
  const refs = params.map((_, i) => `        - $ref: './params/p${i}.yaml'\n`).join('');
  const entry = join(dir, 'openapi.yaml');
  const text = `openapi: 3.0.3\ninfo:\n  title: Shop\n  version: '1'\npaths:\n  /users:\n    get:\n      parameters:\n${refs}      responses:\n        '200':\n          description: ok\n`;
  writeFileSync(entry, text);
  return { entry, text, params };
}

const watcherGlobs = (client: LspClient) =>
  client.registrations
    .filter((item) => item.method === DidChangeWatchedFilesNotification.method)
    .flatMap((item) => (item.registerOptions as { watchers: { globPattern: string }[] }).watchers.map((watcher) => watcher.globPattern));

describe('lsp: split documents', () => {
  let dir: string;
  let client: LspClient | undefined;

  before(() => {
    dir = makeTempDir('restlint-lsp-split-');
    writeFileSync(join(dir, '.restlint.yaml'), CONFIG);
  });
  after(async () => {
    await client?.stop();
    removeDir(dir);
  });

  it('opening the entry publishes for it and for the one referenced file with a finding, not for the 29 clean ones; no watchers without dynamic registration', async () => {
    const { entry, text, params } = writeProject(join(dir, 'a'));
    client = await LspClient.start({ root: dir });
    client.open(entry, text);
    await client.idle();
    assert.deepEqual([...new Set(client.published.map((params) => params.uri))].sort(), [client.uri(entry), client.uri(params[7])].sort());
    assert.deepEqual(client.lastDiagnostics(params[7])?.map((item) => item.code), ['query-param-casing']);
    assert.deepEqual(watcherGlobs(client), []);
    await client.stop();
    client = undefined;
  });

  it('the server registers watchers for every file the lint read; a file changed on disk is linted again', async () => {
    const { entry, text, params } = writeProject(join(dir, 'b'));
    client = await LspClient.start({ root: dir, capabilities: { workspace: { configuration: false, didChangeWatchedFiles: { dynamicRegistration: true } } } });
    client.open(entry, text);
    await client.idle();
    assert.deepEqual(new Set(watcherGlobs(client)), new Set([entry, ...params]));
    // An edit made outside the editor, reported by the client's watcher.
    writeFileSync(params[3], parameter('page_size'));
    const changed = client.diagnostics(params[3]);
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: client.uri(params[3]), type: FileChangeType.Changed }] });
    assert.deepEqual((await changed).map((item) => item.code), ['query-param-casing']);
  });
});
