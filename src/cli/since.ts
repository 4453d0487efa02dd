import { copyFileSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import type { ConfigFinder } from '../engine/config/config';
import type { Finding } from '../engine/finding';
import { git, GitError, real, repoPath, repositoryOf, resolveCommit, writeTreeAt } from '../engine/source/git-tree';
import { UsageError } from './files';
import { countKeys, keyFindings, newFindings } from './fingerprint';
import type { LintTask } from './lint-worker';
import { addSpectralPass, configsFor } from './lint-worker';
import { lintFiles } from './pool';

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
  const label = `--since ${ref}`;
  const repositoryFor = (file: string) => tops.get(dirname(file)) ?? tops.set(dirname(file), asUsage(label, () => repositoryOf(dirname(file)))).get(dirname(file))!;
  const top = repositoryFor(entries[0]);
  for (const entry of entries) {
    if (repositoryFor(entry) !== top) throw new UsageError(`--since ${ref}: ${entry} is not in the repository at ${top}; lint one repository at a time`);
  }
  // The commit's id from here on: the ref is resolved once, and never parsed again by git.
  const commit = asUsage(label, () => resolveCommit(top, ref));

  const renamedFrom = asUsage(label, () => renames(top, commit)); // new path → old path
  const renamedTo = new Map([...renamedFrom].map(([now, old]) => [old, now]));
  const temp = realpathSync(mkdtempSync(join(tmpdir(), 'restlint-since-')));
  try {
    const oldPaths = asUsage(label, () => writeTreeAt(top, commit, temp));
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

/**
 * The git-tree helpers (src/engine/source/git-tree.ts) with their failures as usage errors
 * worded for `--since` or a `ref:path` side of `restlint diff` (`label`: the flag or the side).
 */
export function asUsage<T>(label: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (!(error instanceof GitError)) throw error;
    const since = label.startsWith('--since');
    switch (error.kind) {
      case 'no-git':
        throw new UsageError(`--since ${error.message}`);
      case 'not-a-repository':
        throw new UsageError(`${label}: ${error.dir} is not in a git repository; ${since ? '--since' : 'a git-ref:path side'} compares with a git ref, so run it in a clone${since ? ' (or use --baseline)' : ''}`);
      case 'unknown-ref':
        throw new UsageError(since ? `${label}: unknown git ref in ${error.dir}; name a branch, tag or commit that exists (for a remote branch, fetch it first: git fetch origin)` : `${label}: ${error.message}; name a branch, tag or commit that exists (for a remote branch, fetch it first: git fetch origin)`);
    }
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
