// Neovim as an independent LSP client of the language server (`node dist/cli.js lsp --stdio`):
// Neovim's own client (test/editor/nvim-client.lua, 0.7 API) opens a copy of a fixture with
// known findings, and what Neovim ends up holding must be exactly what `restlint lint
// --format json` reports for that file: same rule codes, ranges, severities and messages.
// Then an edit in the buffer removes one violation and its diagnostic must go away.
// Skipped when `nvim` is not on PATH (CI installs Debian's neovim: see .ci/run).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CLI, FIXTURES, HANG_GUARD_MS, makeTempDir, parseFindings, removeDir, REPO_ROOT, runCli, type JsonFinding } from '../helpers/cli';

const CLIENT = join(REPO_ROOT, 'test', 'editor', 'nvim-client.lua');
const FIXTURE = join(FIXTURES, 'petstore-bad', 'openapi.yaml');
// Both bounds guard against a hang (Neovim or the server stuck), not a speed: generous, for a
// busy machine. The time to the first diagnostics and after the edit is in the client's result
// (first_ms, edit_ms) for a look, never asserted; `npm run bench:lsp` measures it.
/** Each wait inside Neovim (first diagnostics, diagnostics after the edit). */
const WAIT_MS = 2 * 60_000;
/** Neovim is killed (with its process group, so the server too) after this long. */
const KILL_MS = HANG_GUARD_MS;

function nvimVersion(): string | null {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8', timeout: WAIT_MS });
  return r.status === 0 ? r.stdout.split('\n')[0] : null;
}
const NVIM = nvimVersion();
const skip = NVIM ? false : 'nvim is not on PATH (apt-get install neovim; .ci/run installs it)';

/** A diagnostic as the Lua client writes it: Neovim's vim.diagnostic fields. */
interface NvimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  /** vim.diagnostic.severity: 1 error … 4 hint, as LSP. */
  severity: number;
  message: string;
  source?: string;
  code?: string;
  href?: string;
}

interface ClientResult {
  ok: boolean;
  error?: string;
  uri?: string;
  filetype?: string;
  first_ms?: number;
  edit_ms?: number;
  edit_version?: number;
  published: { version?: number | null; count: number; tick: number }[];
  initial?: NvimDiagnostic[];
  after?: NvimDiagnostic[];
  text?: string;
}

interface NvimRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  result: ClientResult | null;
  lspLog: string;
}

/** Comparable form: one line per diagnostic, sorted. */
type Flat = { code: string; severity: number; range: string; message: string };
const flatKey = (d: Flat) => `${d.range} ${d.code} ${d.severity} ${d.message}`;
const sortFlat = (list: Flat[]) => [...list].sort((a, b) => (flatKey(a) < flatKey(b) ? -1 : flatKey(a) > flatKey(b) ? 1 : 0));

// The fixture is ASCII, so Neovim's byte columns equal the server's UTF-16 characters.
function fromNvim(list: NvimDiagnostic[]): Flat[] {
  return sortFlat(list.map((d) => ({ code: String(d.code), severity: d.severity, range: `${d.lnum}:${d.col}-${d.end_lnum}:${d.end_col}`, message: d.message })));
}

// --format json has Spectral's severities (0 error … 3 hint); LSP's are one more.
function fromLint(list: JsonFinding[]): Flat[] {
  return sortFlat(list.map((f) => ({
    code: f.code,
    severity: f.severity + 1,
    range: `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`,
    message: f.message,
  })));
}

function describeNvim(run: NvimRun): string {
  const cut = (text: string, n = 4000) => (text.length > n ? `…${text.slice(-n)}` : text);
  const result = run.result ? { ...run.result, initial: run.result.initial?.length, after: run.result.after?.length, text: undefined } : null;
  return [
    `nvim exit ${run.code}${run.signal ? ` signal ${run.signal}` : ''}${run.timedOut ? ` (killed after ${KILL_MS} ms)` : ''}`,
    `client result: ${JSON.stringify(result)}`,
    `--- nvim stdout\n${cut(run.stdout)}`,
    `--- nvim stderr\n${cut(run.stderr)}`,
    `--- lsp.log (server stderr and Neovim's LSP errors)\n${cut(run.lspLog)}`,
  ].join('\n');
}

/** Runs Neovim headless on `file` with the Lua client; `edit` makes it edit the buffer too. */
function runNvim(dir: string, file: string, name: string, edit?: { line: number; text: string; gone: string }): Promise<NvimRun> {
  const xdg = join(dir, `xdg-${name}`);
  const out = join(dir, `${name}.result.json`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Neovim's config, data, state (its LSP log) and cache stay in the temp folder.
    XDG_CONFIG_HOME: join(xdg, 'config'),
    XDG_DATA_HOME: join(xdg, 'data'),
    XDG_STATE_HOME: join(xdg, 'state'),
    XDG_CACHE_HOME: join(xdg, 'cache'),
    RESTLINT_LSP_CMD: JSON.stringify([process.execPath, CLI, 'lsp', '--stdio']),
    RESTLINT_NVIM_OUT: out,
    RESTLINT_NVIM_EDIT: edit ? JSON.stringify(edit) : '',
    RESTLINT_NVIM_TIMEOUT_MS: String(WAIT_MS),
  };
  // node --test passes its own context to children; the server must not see it.
  delete env.NODE_OPTIONS;
  delete env.NODE_TEST_CONTEXT;
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return new Promise((resolve, reject) => {
    // Its own process group, so that a timeout kills Neovim and the server it started.
    const child = spawn('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${CLIENT}`, '--', file], {
      cwd: dir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const killGroup = () => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup();
    }, KILL_MS);
    timer.unref();
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // The server should exit with Neovim (shutdown/exit, or its stdin closing); make sure.
      killGroup();
      let result: ClientResult | null = null;
      try {
        result = JSON.parse(readFileSync(out, 'utf8')) as ClientResult;
      } catch {
        // no result file: Neovim died before writing it; describeNvim shows its output
      }
      const logFile = [join(xdg, 'cache', 'nvim', 'lsp.log'), join(xdg, 'state', 'nvim', 'lsp.log')].find((f) => existsSync(f));
      resolve({
        code,
        signal,
        timedOut,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        result,
        lspLog: logFile ? readFileSync(logFile, 'utf8') : '(no lsp.log)',
      });
    });
  });
}

/** What `restlint lint --format json` reports for `file` itself (not for files it $refs). */
async function lintFile(dir: string, file: string): Promise<JsonFinding[]> {
  const run = await runCli(['lint', '--format', 'json', file], { cwd: dir });
  assert.equal(run.code, 1, `lint should find problems in ${file}: exit ${run.code}\n${run.stderr}`);
  return parseFindings(run.stdout).filter((f) => f.source === file);
}

function assertRunOk(run: NvimRun): ClientResult {
  assert.ok(run.result?.ok && run.code === 0, `Neovim's client did not finish\n${describeNvim(run)}`);
  return run.result!;
}

// In CI (.ci/run installs neovim) a missing nvim is a failure, never a quiet skip.
if (skip && process.env.CI === 'true') test('Neovim as an LSP client', () => assert.fail(`CI=true but ${skip}`));
describe(`Neovim${NVIM ? ` (${NVIM})` : ''} as an LSP client`, { skip }, () => {
  let dir: string;
  let file: string;
  let text: string;
  let expected: JsonFinding[];

  before(async () => {
    dir = makeTempDir('restlint-nvim-');
    mkdirSync(join(dir, 'spec'));
    file = join(dir, 'spec', 'openapi.yaml');
    copyFileSync(FIXTURE, file);
    text = readFileSync(file, 'utf8');
    expected = await lintFile(dir, file);
    assert.ok(expected.length > 0, 'the fixture should have findings');
  });
  after(() => removeDir(dir));

  test('shows the same diagnostics as restlint lint --format json', async () => {
    const run = await runNvim(dir, file, 'open');
    const result = assertRunOk(run);
    const initial = result.initial ?? [];
    assert.deepEqual(fromNvim(initial), fromLint(expected), `Neovim's diagnostics differ from the CLI's\n${describeNvim(run)}`);
    for (const d of initial) {
      assert.equal(d.source, 'restlint', `source of ${d.code}`);
      assert.equal(d.href, `https://github.com/restlint/restlint/blob/main/rules/${d.code}.md`, `codeDescription.href of ${d.code}`);
    }
  });

  test('drops a diagnostic when an edit in the buffer removes its violation', async () => {
    // A rule broken exactly once in the fixture: `/store/order_items` (path-no-underscore).
    const gone = 'path-no-underscore';
    assert.equal(expected.filter((f) => f.code === gone).length, 1, `the fixture should break ${gone} once`);
    const lines = text.split('\n');
    const line = lines.findIndex((l) => l === '  /store/order_items:');
    assert.ok(line >= 0, 'the fixture should have the path /store/order_items');
    const edit = { line, text: '  /store/order-items:', gone };
    const run = await runNvim(dir, file, 'edit', edit);
    const result = assertRunOk(run);

    // The same edit on disk, linted by the CLI, is what the buffer must show now.
    const editedText = [...lines.slice(0, line), edit.text, ...lines.slice(line + 1)].join('\n');
    assert.equal(result.text, editedText, 'the buffer should hold the edited text');
    mkdirSync(join(dir, 'edited'));
    const editedFile = join(dir, 'edited', 'openapi.yaml');
    writeFileSync(editedFile, editedText);
    const expectedAfter = await lintFile(dir, editedFile);
    assert.equal(expectedAfter.length, expected.length - 1, 'the edit should remove exactly one finding');
    assert.deepEqual(fromNvim(result.after ?? []), fromLint(expectedAfter), `Neovim's diagnostics after the edit differ from the CLI's\n${describeNvim(run)}`);

    // When the server versions its publishes, the last one is for the edited version.
    const versions = result.published.map((p) => p.version).filter((v): v is number => typeof v === 'number');
    if (versions.length > 0) assert.ok(versions.includes(result.edit_version!), `no publishDiagnostics for version ${result.edit_version}: ${JSON.stringify(result.published)}`);
  });
});
