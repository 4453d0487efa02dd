// workspace/executeCommand over stdio: restlint.lintWorkspace, restlint.showRuleDoc (with
// window/showDocument) and restlint.probe against a real fixture server on 127.0.0.1.
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { ExecuteCommandRequest, ResponseError, type Diagnostic } from 'vscode-languageserver-protocol';
import { FIXTURES, makeTempDir, parseFindings, REPO_ROOT, removeDir, runCli } from '../helpers/cli';
import { LspClient } from '../helpers/lsp-client';
import { listen, SHOP_SPEC, startShop } from '../helpers/servers';

const CONFIG = 'extends: []\nrules:\n  no-trailing-slash: error\n';
const spec = (paths: string[]) =>
  `openapi: 3.0.3\ninfo:\n  title: Shop\n  version: '1'\npaths:\n${paths.map((path) => `  ${path}:\n    get:\n      responses:\n        '200':\n          description: ok\n`).join('')}`;

/** A diagnostic's message as text (LSP 3.18 allows markup). */
const messageOf = (item: Diagnostic) => (typeof item.message === 'string' ? item.message : item.message.value);

function execute(client: LspClient, command: string, args: unknown[] = []): Promise<unknown> {
  return client.connection.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
}

async function rejection(promise: Promise<unknown>): Promise<ResponseError<unknown>> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof ResponseError, `not a ResponseError: ${error}`);
    return error;
  }
  assert.fail('the request succeeded');
}

describe('lsp: commands', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = makeTempDir('restlint-lsp-commands-');
    writeFileSync(join(dir, '.restlint.yaml'), CONFIG);
    writeFileSync(join(dir, 'a.yaml'), spec(['/users/', '/orders']));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'b.json'), JSON.stringify({ openapi: '3.0.3', info: { title: 'B', version: '1' }, paths: { '/b/': {}, '/c/': {} } }, null, 2));
    writeFileSync(join(dir, 'docker-compose.yaml'), readFileSync(join(FIXTURES, 'not-openapi', 'docker-compose.yaml')));
    // Not linted: under node_modules.
    mkdirSync(join(dir, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(dir, 'node_modules', 'dep', 'openapi.yaml'), spec(['/x/']));
    client = await LspClient.start({ root: dir, capabilities: { window: { showDocument: { support: true } } } });
  });
  after(async () => {
    await client?.stop();
    removeDir(dir);
  });

  it('restlint.lintWorkspace lints the OpenAPI files of the workspace without opening them, and returns the totals', async () => {
    const a = client.diagnostics(join(dir, 'a.yaml'));
    const b = client.diagnostics(join(dir, 'sub', 'b.json'));
    assert.deepEqual(await execute(client, 'restlint.lintWorkspace'), { files: 2, findings: 3 });
    const trailing = (line: number, start: number, path: string): Diagnostic => ({
      range: { start: { line, character: start }, end: { line, character: start + 1 } },
      severity: 1,
      code: 'no-trailing-slash',
      source: 'restlint',
      message: `"${path}" ends with "/"; remove it: "${path.slice(0, -1)}"`,
      codeDescription: { href: 'https://github.com/restlint/restlint/blob/main/rules/no-trailing-slash.md' },
    });
    assert.deepEqual(await a, [trailing(5, 8, '/users/')]);
    assert.deepEqual(await b, [trailing(7, 7, '/b/'), trailing(8, 7, '/c/')]);
    const uris = new Set(client.published.map((params) => params.uri));
    assert.ok(!uris.has(client.uri(join(dir, 'docker-compose.yaml'))));
    assert.ok(!uris.has(client.uri(join(dir, 'node_modules', 'dep', 'openapi.yaml'))));
    // They were not opened: published without a version.
    for (const params of client.published) assert.equal(params.version, undefined);
  });

  it('restlint.showRuleDoc asks the client to show rules/<id>.md and returns its URI; an unknown rule is a ResponseError', async () => {
    const uri = pathToFileURL(join(REPO_ROOT, 'rules', 'no-trailing-slash.md')).href;
    assert.equal(await execute(client, 'restlint.showRuleDoc', ['no-trailing-slash']), uri);
    assert.deepEqual(client.shownDocuments, [uri]);
    const error = await rejection(execute(client, 'restlint.showRuleDoc', ['no-such-rule']));
    assert.match(error.message, /no-such-rule/);
    assert.deepEqual(client.shownDocuments, [uri]);
  });

  it('an unknown command is a ResponseError', async () => {
    const error = await rejection(execute(client, 'restlint.nope'));
    assert.match(error.message, /restlint\.nope/);
  });

  it('restlint.probe publishes what the running API breaks on the spec (source "restlint probe"), as `restlint probe` finds it', async () => {
    const shop = await startShop({ noCacheHeaders: true });
    try {
      const version = client.open(SHOP_SPEC, readFileSync(SHOP_SPEC, 'utf8'));
      const lint = await client.diagnosticsOfVersion(SHOP_SPEC, version);
      assert.ok(lint.every((item) => item.source === 'restlint'));
      const probed = client.diagnostics(SHOP_SPEC, (params) => params.diagnostics.some((item) => item.source === 'restlint probe'));
      const result = (await execute(client, 'restlint.probe', [{ uri: client.uri(SHOP_SPEC), baseUrl: shop.url }])) as { findings: number; sent: number };
      const diagnostics = await probed;
      // The lint diagnostics stay, the probe's are added.
      assert.deepEqual(
        diagnostics.filter((item) => item.source === 'restlint'),
        lint,
      );
      const probe = diagnostics.filter((item) => item.source === 'restlint probe');
      assert.equal(result.findings, probe.length);
      assert.ok(result.sent > 0 && result.sent === shop.requests.length, JSON.stringify(result));
      // Only safe methods without allowMutations (TRACE is one, RFC 9110 §9.2.1: the wrong-method probe of a GET path).
      assert.deepEqual([...new Set(shop.requests.map((request) => request.method))].filter((method) => !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method)), []);

      // The same probe from the CLI: the same findings (the editor adds the evidence line to the message).
      const cli = await runCli(['probe', '-s', SHOP_SPEC, '-u', shop.url, '--format', 'json', '--rate', '0']);
      const expected = parseFindings(cli.stdout).filter((finding) => finding.source === SHOP_SPEC);
      assert.ok(expected.some((finding) => finding.code === 'cacheability-stated'));
      assert.deepEqual(
        probe.map((item) => [item.code, item.severity, item.range, messageOf(item).split('\n')[0]]),
        expected.map((finding) => [finding.code, finding.severity + 1, finding.range, finding.message]),
      );
      for (const item of probe) {
        assert.equal(item.codeDescription?.href, `https://github.com/restlint/restlint/blob/main/rules/${item.code}.md`);
        assert.match(messageOf(item), /\n(GET|HEAD) \S+ → 200 /);
      }
      const cache = probe.filter((item) => item.code === 'cacheability-stated');
      assert.deepEqual(
        cache.map((item) => messageOf(item).split('\n')[0].split(' answers')[0]),
        ['GET /v1/users', 'GET /v1/users/{userId}', 'GET /v1/health'],
      );
      assert.deepEqual(cache[0].range, { start: { line: 11, character: 4 }, end: { line: 11, character: 7 } });
      assert.equal(cache[0].severity, 2);
    } finally {
      await shop.close();
    }
    // Closing the spec takes the probe's findings with it.
    const cleared = client.diagnostics(SHOP_SPEC);
    client.close(SHOP_SPEC);
    assert.deepEqual(await cleared, []);
  });

  it('restlint.probe at a base URL where nothing listens: a ResponseError naming it', async () => {
    const closed = await listen(() => {});
    await closed.close();
    const error = await rejection(execute(client, 'restlint.probe', [{ uri: client.uri(SHOP_SPEC), baseUrl: closed.url }]));
    assert.match(error.message, new RegExp(closed.url.replace(/\./g, '\\.')));
    assert.match(error.message, /refused/);
  });

  it('restlint.probe without a URL, or with one that is not a URL: a ResponseError saying so', async () => {
    assert.match((await rejection(execute(client, 'restlint.probe', [{ uri: client.uri(SHOP_SPEC) }]))).message, /baseUrl/);
    assert.match((await rejection(execute(client, 'restlint.probe', [{ uri: client.uri(SHOP_SPEC), baseUrl: 'not a url' }]))).message, /not a URL/);
  });
});

describe('lsp: showRuleDoc without window/showDocument support', () => {
  it('returns the URI and asks nothing', async () => {
    const dir = makeTempDir('restlint-lsp-showdoc-');
    const client = await LspClient.start({ root: dir });
    try {
      assert.equal(await execute(client, 'restlint.showRuleDoc', ['path-kebab-case']), pathToFileURL(join(REPO_ROOT, 'rules', 'path-kebab-case.md')).href);
      assert.deepEqual(client.shownDocuments, []);
    } finally {
      await client.stop();
      removeDir(dir);
    }
  });
});
