import { copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { CONFIG_FILE_NAMES, type ConfigFinder } from '../engine/config/config';
import type { Finding } from '../engine/finding';
import { UsageError } from './files';
import { countKeys, keyFindings, newFindings } from './fingerprint';
import type { LintTask } from './lint-worker';
import { addSpectralPass, configsFor } from './lint-worker';
import { lintFiles } from './pool';

/** Files restlint may read as a document or a $ref target; the rest of the tree is not needed. */
const SPEC_FILE = /\.(ya?ml|json)$/i;

/**
 * `--since <ref>`: the findings that the files did not have at the git ref. The same entry
 * files are linted as they were at the ref (a renamed file under its old name; an added file
 * has no old version, so all its findings are new), with the config each file uses today,
 * and findings are matched by fingerprint (./fingerprint.ts), as a baseline is.
 *
 * The old files are written to a temporary folder that mirrors the repository, so relative
 * $refs between files resolve as they did; only YAML and JSON files are written.
 */
export async function findingsNewSince(findings: Finding[], given: readonly string[], ref: string, task: LintTask): Promise<Finding[]> {
  // A file that is missing was reported as an error already; it has nothing to compare.
  const entries = given.filter((file) => existsSync(file));
  if (entries.length === 0) return findings;
  if (ref.startsWith('-')) throw new UsageError(`--since ${ref}: not a git ref; name a branch, tag or commit, e.g. --since origin/main`);
  const tops = new Map<string, string>(); // folder → repository: one git call per folder
  const repositoryFor = (file: string) => tops.get(dirname(file)) ?? tops.set(dirname(file), repositoryOf(dirname(file), ref)).get(dirname(file))!;
  const top = repositoryFor(entries[0]);
  for (const entry of entries) {
    if (repositoryFor(entry) !== top) throw new UsageError(`--since ${ref}: ${entry} is not in the repository at ${top}; lint one repository at a time`);
  }
  const verify = git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (verify.status !== 0) {
    throw new UsageError(`--since ${ref}: unknown git ref in ${top}; name a branch, tag or commit that exists (for a remote branch, fetch it first: git fetch origin)`);
  }
  // The commit's id from here on: the ref is resolved once, and never parsed again by git.
  const commit = verify.stdout.toString('utf8').trim();

  const renamedFrom = renames(top, commit); // new path → old path
  const renamedTo = new Map([...renamedFrom].map(([now, old]) => [old, now]));
  const temp = realpathSync(mkdtempSync(join(tmpdir(), 'restlint-since-')));
  try {
    const oldPaths = writeTreeAt(top, commit, temp);
    // Each old file is linted with the config its file uses today ("the same rules").
    const configs = configsFor(task);
    const groups = new Map<string | undefined, string[]>();
    for (const entry of entries) {
      const now = repoPath(top, entry);
      const old = renamedFrom.get(now) ?? now;
      if (!oldPaths.has(old)) continue;
      const config = inTemp(top, temp, configOf(configs, entry));
      groups.set(config, [...(groups.get(config) ?? []), join(temp, ...old.split('/'))]);
    }
    // --root inside the repository maps to the same folder in the copy; otherwise the copy's top.
    const rootInside = task.root === undefined ? undefined : relative(top, real(task.root));
    const root = rootInside !== undefined && !rootInside.startsWith('..') && !isAbsolute(rootInside) ? join(temp, rootInside) : temp;
    const oldFindings: Finding[] = [];
    for (const [configPath, files] of groups) {
      const oldTask = { ...task, configPath, root };
      // The same rules as today's run, Spectral rulesets included.
      const outcomes = await addSpectralPass(await lintFiles(files, oldTask, () => {}), oldTask);
      // An old version that cannot be linted has no findings: everything in it today is new.
      oldFindings.push(...outcomes.flatMap((outcome) => outcome.findings));
    }
    const oldKeys = keyFindings(dedupe(oldFindings), (source) => {
      const old = relative(temp, source).split(sep).join('/');
      return renamedTo.get(old) ?? old;
    });
    return newFindings(findings, keyFindings(findings, (source) => repoPath(top, source)), countKeys(oldKeys));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

export function git(cwd: string, args: string[], input?: string) {
  // Required here: loading child_process is a noticeable part of a small lint's start-up, and
  // only --since runs git.
   
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const result = spawnSync('git', args, { cwd, input: input === undefined ? undefined : Buffer.from(input), maxBuffer: 1024 * 1024 * 1024 });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(`--since needs git${missing ? ', which is not installed or not on PATH' : `: ${result.error.message}`}`);
  }
  return result;
}

/** The top folder of the repository holding `dir`, as a real path. */
export function repositoryOf(dir: string, ref: string, label = `--since ${ref}`): string {
  const result = git(dir, ['rev-parse', '--show-toplevel']);
  if (result.status !== 0) {
    throw new UsageError(`${label}: ${dir} is not in a git repository; ${label.startsWith('--since') ? '--since' : 'a git-ref:path side'} compares with a git ref, so run it in a clone${label.startsWith('--since') ? ' (or use --baseline)' : ''}`);
  }
  return realpathSync(result.stdout.toString('utf8').trim());
}

/** A file's path inside the repository, with "/". */
export function repoPath(top: string, file: string): string {
  return relative(top, real(file)).split(sep).join('/');
}

/** The real path; a file that does not exist keeps its name. */
function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Files renamed between the ref and the working tree: new path → old path. */
function renames(top: string, commit: string): Map<string, string> {
  const result = git(top, ['diff', '--name-status', '-M', '-z', commit, '--']);
  const fields = result.stdout.toString('utf8').split('\0');
  const map = new Map<string, string>();
  for (let index = 0; index < fields.length - 1; ) {
    const status = fields[index];
    if (status.startsWith('R') || status.startsWith('C')) {
      if (status.startsWith('R')) map.set(fields[index + 2], fields[index + 1]);
      index += 3;
    } else {
      index += 2;
    }
  }
  return map;
}

/**
 * Writes the tree's YAML and JSON files at `commit` under `dir` (one `git cat-file --batch` for
 * all of them) and returns their paths. Config files are left out: the old files are linted
 * with today's config.
 */
export function writeTreeAt(top: string, commit: string, dir: string): Set<string> {
  const listed = git(top, ['ls-tree', '-r', '-z', '--full-tree', '--name-only', commit]).stdout.toString('utf8').split('\0');
  const paths = listed.filter((path) => SPEC_FILE.test(path) && !path.includes('\n') && !CONFIG_FILE_NAMES.includes(basename(path)));
  if (paths.length === 0) return new Set();
  const output = git(top, ['cat-file', '--batch'], paths.map((path) => `${commit}:${path}\n`).join('')).stdout;
  const written = new Set<string>();
  let at = 0;
  for (const path of paths) {
    const headerEnd = output.indexOf(0x0a, at);
    const header = output.subarray(at, headerEnd).toString('utf8');
    at = headerEnd + 1;
    const match = /^\S+ (\w+) (\d+)$/.exec(header);
    if (!match) continue; // "<name> missing" (a submodule): no content follows
    const size = Number(match[2]);
    if (match[1] !== 'blob') {
      at += size + 1;
      continue;
    }
    const target = join(dir, ...path.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output.subarray(at, at + size));
    written.add(path);
    at += size + 1;
  }
  return written;
}

/**
 * A config inside the repository is copied to the same place in the temporary folder: its
 * overrides match files by their path relative to the config, so it must sit beside the old
 * files as it sits beside today's. (A config it extends by relative path is read at the ref.)
 */
function inTemp(top: string, temp: string, config: string | undefined): string | undefined {
  if (config === undefined) return undefined;
  const inside = relative(top, real(config));
  if (inside.startsWith('..') || isAbsolute(inside) || !existsSync(config)) return config;
  const copy = join(temp, inside);
  mkdirSync(dirname(copy), { recursive: true });
  copyFileSync(config, copy);
  return copy;
}

/** The path of the config a file is linted with today (given or discovered); undefined for the defaults. */
function configOf(configs: ConfigFinder, file: string): string | undefined {
  try {
    return configs.configFor(file).path;
  } catch {
    return undefined; // a broken config fails the run anyway; linting the old files with defaults is harmless
  }
}

/** As the lint command does: two entries sharing a referenced file report its findings once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.source}\0${finding.code}\0${finding.path.join('\0')}\0${finding.message}`;
    return !seen.has(key) && seen.add(key);
  });
}
