// The editor and the CLI agree: for each fixture, `restlint lint --format json <file>` and the
// language server with the same file open publish the same findings per file (code, range,
// message, severity 0→1 … 3→4), the files the entry references included; a file that cannot be
// parsed is the same error at the same place.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { describeRun, FIXTURES, parseFindings, REPO_ROOT, runCli } from '../helpers/cli';
import { LspClient } from '../helpers/lsp-client';

const ENTRIES = [
  'petstore-bad/openapi.yaml',
  'petstore-good/openapi.yaml',
  'swagger2/swagger.json',
  'multi-file/openapi.yaml',
  'refs/openapi.yaml',
  'fix/openapi.yaml',
  'fix/openapi.json',
  // Configs found by walking up, overrides, pointers.
  'config/discovery/specs/openapi.yaml',
  'config/overrides/legacy/openapi.yaml',
  'config/overrides/current/openapi.yaml',
  'config/pointer/openapi.yaml',
];

type Comparable = { code: string; severity: number; range: Diagnostic['range']; message: string };

const key = (item: Comparable) => JSON.stringify([item.range.start.line, item.range.start.character, item.range.end.line, item.range.end.character, item.code, item.message, item.severity]);
const sorted = (list: Comparable[]) => [...list].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const comparable = (item: Diagnostic): Comparable => ({ code: String(item.code), severity: item.severity!, range: item.range, message: typeof item.message === 'string' ? item.message : item.message.value });

describe('lsp: parity with `restlint lint --format json`', () => {
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ root: REPO_ROOT });
  });
  after(async () => {
    await client?.stop();
  });

  for (const entry of ENTRIES) {
    it(entry, async () => {
      const file = join(FIXTURES, entry);
      const cli = await runCli(['lint', '--format', 'json', file]);
      assert.ok(cli.code === 0 || cli.code === 1, describeRun(cli));
      const expected = new Map<string, Comparable[]>([[file, []]]);
      for (const finding of parseFindings(cli.stdout)) {
        expected.set(finding.source, [...(expected.get(finding.source) ?? []), { code: finding.code, severity: finding.severity + 1, range: finding.range, message: finding.message }]);
      }

      const from = client.published.length;
      const version = client.open(file, readFileSync(file, 'utf8'));
      await client.diagnosticsOfVersion(file, version);
      // Once the server is idle, everything published for this document has arrived.
      await client.idle();
      const got = new Map<string, Comparable[]>();
      for (const params of client.published.slice(from)) got.set(params.uri, params.diagnostics.map(comparable));

      for (const [source, findings] of expected) {
        assert.deepEqual(sorted(got.get(client.uri(source)) ?? []), sorted(findings), `${source}: the server and the CLI disagree`);
      }
      // Nothing published with findings on files the CLI reports nothing for (other than the entry's empty list).
      for (const [uri, diagnostics] of got) {
        if (![...expected.keys()].some((source) => client.uri(source) === uri)) assert.deepEqual(diagnostics, [], `${uri} has findings the CLI does not report`);
      }
      assert.ok(got.size >= 1);

      const cleared = [...got].filter(([, diagnostics]) => diagnostics.length > 0).map(([uri]) => client.diagnostics(fileURLToPath(uri), (params) => params.diagnostics.length === 0));
      client.close(file);
      await Promise.all(cleared);
    });
  }

  for (const broken of ['broken/bad-indent.yaml', 'broken/missing-comma.json']) {
    it(`${broken}: the same parse error at the same place`, async () => {
      const file = join(FIXTURES, broken);
      const cli = await runCli(['lint', '--format', 'json', file]);
      // "error fixtures/<file>:<line>:<column>: <message>" on stderr.
      const match = new RegExp(`^error (?:fixtures/)?${broken.replace(/\./g, '\\.')}:(\\d+):(\\d+): (.*)$`, 'm').exec(cli.stderr);
      assert.ok(match, describeRun(cli));
      const version = client.open(file, readFileSync(file, 'utf8'));
      const got = await client.diagnosticsOfVersion(file, version);
      assert.equal(got.length, 1, JSON.stringify(got));
      assert.equal(got[0].code, 'parse-error');
      assert.equal(got[0].severity, 1);
      assert.equal(got[0].message, match[3]);
      assert.deepEqual(got[0].range.start, { line: Number(match[1]) - 1, character: Number(match[2]) - 1 });
      const cleared = client.diagnostics(file);
      client.close(file);
      assert.deepEqual(await cleared, []);
    });
  }
});
