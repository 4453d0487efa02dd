import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The repository root (this file is test/helpers/cli.ts). */
export const REPO_ROOT = join(__dirname, '..', '..');
export const CLI = join(REPO_ROOT, 'dist', 'cli.js');
export const FIXTURES = join(REPO_ROOT, 'fixtures');

/**
 * How long a process or a wait may take before a test fails: a guard against a hang, not a
 * speed requirement, so it is generous for a busy machine. No test measures speed; the
 * benches do (bench/).
 */
export const HANG_GUARD_MS = 5 * 60_000;

export interface RunOptions {
  /** Working folder of the process; default: the repository root. */
  cwd?: string;
  /**
   * Extra environment. The child gets this process's environment without the colour
   * switches (FORCE_COLOR, NO_COLOR), so a CI that sets them does not change the output;
   * pass them here to test them.
   */
  env?: Record<string, string | undefined>;
  /** Kill the process after this long (default HANG_GUARD_MS); the result then has `timedOut`. */
  timeoutMs?: number;
  /** `node --max-old-space-size=<MB>`: a heap limit for hostile input. */
  maxOldSpaceMb?: number;
  /** More node flags, before the script (e.g. `--require` a probe). */
  nodeArgs?: string[];
  /** Another bin to run than the repository's dist/cli.js (e.g. a copy installed elsewhere). */
  bin?: string;
  /** Run the process as this user and group (this process must be allowed to: root). */
  uid?: number;
  gid?: number;
}

export interface RunResult {
  /** Exit code; null when the process was killed (timeout) or died of a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall-clock time from spawn to exit: for messages and timing logs, never for an assertion. */
  ms: number;
  timedOut: boolean;
}

/**
 * Runs the built binary (dist/cli.js) as a user would: `node dist/cli.js <args>`, stdin
 * closed, stdout and stderr piped (so never a TTY), and resolves when it exits.
 */
export function runCli(args: string[], options: RunOptions = {}): Promise<RunResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first with \`node scripts/build.mjs\``);
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  // node --test passes its own flags to children through NODE_OPTIONS in some setups.
  delete env.NODE_OPTIONS;
  delete env.NODE_TEST_CONTEXT;
  for (const [key, value] of Object.entries(options.env ?? {})) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  const nodeArgs = [...(options.nodeArgs ?? [])];
  if (options.maxOldSpaceMb !== undefined) nodeArgs.push(`--max-old-space-size=${options.maxOldSpaceMb}`);
  return runProcess(process.execPath, [...nodeArgs, options.bin ?? CLI, ...args], { cwd: options.cwd ?? REPO_ROOT, env, timeoutMs: options.timeoutMs, uid: options.uid, gid: options.gid });
}

/** The spectral-cli binary from the dev dependencies. */
export const SPECTRAL = join(REPO_ROOT, 'node_modules', '.bin', 'spectral');

/** Runs spectral-cli as a user would; resolves with its exit code and output. */
export function runSpectral(args: string[], cwd: string): Promise<RunResult> {
  return runProcess(SPECTRAL, args, { cwd, env: process.env });
}

/** Spawns a program with stdin closed and output piped; kills it after `timeoutMs`. */
function runProcess(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number; uid?: number; gid?: number }): Promise<RunResult> {
  const timeoutMs = options.timeoutMs ?? HANG_GUARD_MS;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], uid: options.uid, gid: options.gid });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: Buffer.concat(stderr).toString('utf8'),
        ms: Math.round(performance.now() - started),
        timedOut,
      });
    });
  });
}

/** A finding as `--format json` prints it (Spectral's result shape). */
export interface JsonFinding {
  code: string;
  message: string;
  path: (string | number)[];
  severity: number;
  source: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** Parses `--format json` stdout, failing with the output when it is not a JSON array. */
export function parseFindings(stdout: string): JsonFinding[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(stdout);
  } catch (error) {
    throw new Error(`stdout is not JSON (${(error as Error).message}):\n${stdout.slice(0, 2000)}`, { cause: error });
  }
  if (!Array.isArray(parsed)) throw new Error(`stdout is JSON but not an array:\n${stdout.slice(0, 2000)}`);
  return parsed as JsonFinding[];
}

/** What to print when an assertion on a run fails: the whole run. */
export function describeRun(result: RunResult): string {
  const cut = (text: string) => (text.length > 4000 ? `${text.slice(0, 4000)}… (${text.length} chars)` : text);
  return `exit ${result.code}${result.signal ? ` signal ${result.signal}` : ''}${result.timedOut ? ' (timed out)' : ''} in ${result.ms} ms\n--- stdout\n${cut(result.stdout)}\n--- stderr\n${cut(result.stderr)}`;
}

/** A fresh folder under the OS temp folder (real path, so it compares equal to what the CLI prints). */
export function makeTempDir(prefix = 'restlint-test-'): string {
  return realpathSync(mkdtempSync(join(tmpdir(), prefix)));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/** One-based line (as editors show it) of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string, from = 0): number {
  const index = text.indexOf(needle, from);
  if (index === -1) throw new Error(`"${needle}" is not in the text`);
  return text.slice(0, index).split('\n').length;
}

/** Zero-based { line, character } of the first occurrence of `needle`, as the JSON output gives. */
export function positionOf(text: string, needle: string, from = 0): { line: number; character: number } {
  const index = text.indexOf(needle, from);
  if (index === -1) throw new Error(`"${needle}" is not in the text`);
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  return { line, character: index - (before.lastIndexOf('\n') + 1) };
}
