import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { displayPath } from '../report/stylish';

export const DEFAULT_FILE_NAMES = ['openapi.yaml', 'openapi.yml', 'openapi.json', 'swagger.yaml', 'swagger.yml', 'swagger.json'];

/** Marks a UsageError whichever bundle made it (see isUsageError). */
const USAGE = Symbol.for('restlint.UsageError');

/** A usage problem: printed with the way out, exit code 2. */
export class UsageError extends Error {
  readonly [USAGE] = true;
}

/**
 * Whether an error is a UsageError: by its mark, not instanceof, because the commands that are
 * bundles of their own (dist/probe-command.js, dist/bundle-command.js) each have their own copy
 * of the class, and their usage errors reach the CLI bundle's reportFailure.
 */
export function isUsageError(error: unknown): error is UsageError {
  return typeof error === 'object' && error !== null && (error as { [USAGE]?: unknown })[USAGE] === true;
}

/** `--max-file-size <MB>` in bytes: a positive number (a fraction is fine: 0.5 is 512 KB). */
export function maxBytesOf(megabytes: unknown): number {
  const value = typeof megabytes === 'number' ? megabytes : Number.NaN;
  if (!Number.isFinite(value) || value <= 0 || Math.round(value * 1024 * 1024) < 1) {
    const given = Number.isNaN(value) ? ': not a number;' : ` ${String(megabytes)}:`;
    throw new UsageError(`--max-file-size${given} give the largest file to read in MB, a number above 0, e.g. --max-file-size 200`);
  }
  return Math.round(value * 1024 * 1024);
}

/**
 * Turns the command line's files and globs into absolute paths, in the order given.
 * With none, the conventional names in the current folder.
 */
export async function collectFiles(patterns: readonly string[], cwd: string): Promise<string[]> {
  return (await collectFileList(patterns, cwd)).files;
}

/**
 * collectFiles, and which of the files were named on the command line (or found by their
 * conventional name) rather than matched by a glob: a glob may match files that are not
 * OpenAPI documents (the `$ref` fragments of a split document), a file named may not be one.
 */
export async function collectFileList(patterns: readonly string[], cwd: string): Promise<{ files: string[]; named: Set<string> }> {
  const named = new Set<string>();
  const files = await collect(patterns, cwd, named);
  return { files, named };
}

async function collect(patterns: readonly string[], cwd: string, named: Set<string>): Promise<string[]> {
  if (patterns.length === 0) {
    const found = DEFAULT_FILE_NAMES.map((name) => join(cwd, name)).filter((path) => existsSync(path));
    if (found.length === 0) {
      throw new UsageError(`no file given, and none of ${DEFAULT_FILE_NAMES.join(', ')} in ${cwd}; pass the files to lint: restlint lint <file or glob>…`);
    }
    for (const path of found) named.add(path);
    return found;
  }
  const files: string[] = [];
  for (const pattern of patterns) {
    const path = resolve(cwd, pattern);
    if (existsSync(path)) {
      if (statSync(path).isDirectory()) {
        throw new UsageError(`${pattern} is a folder; pass the OpenAPI files in it, e.g. "${join(pattern, '*.yaml')}"`);
      }
      files.push(path);
      named.add(path);
      continue;
    }
    if (!/[*?[\]{}]/.test(pattern)) {
      named.add(path);
      files.push(path); // reported as "file not found" with the other per-file errors
      continue;
    }
    const { glob } = await import('tinyglobby');
    const matches = await glob(pattern, { cwd, absolute: true, ignore: ['**/node_modules/**'], onlyFiles: true });
    if (matches.length === 0) throw new UsageError(`no file matches "${pattern}"`);
    files.push(...matches.sort());
  }
  return [...new Set(files)];
}

/**
 * The absolute path to write `given` (the value of `flag`) to, its folder made ready: missing
 * folders are created only under the working folder (a typo must not scatter folders over the
 * disk); elsewhere the folder must exist. A usage error names the path when a folder is missing
 * outside the working folder, or when a part of the path that must be a folder is a file.
 * `check` only checks, creating nothing (before a long lint, so it does not end in this error).
 */
export function outputPath(given: string, flag: string, cwd: string, check = false): string {
  const path = resolve(cwd, given);
  let folder = dirname(path);
  const missing: string[] = [];
  for (;;) {
    let isFolder: boolean | undefined;
    try {
      isFolder = statSync(folder).isDirectory();
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOTDIR: a part above is a file; the loop finds which.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new UsageError(`${flag} ${given}: cannot use ${folder}: ${(error as Error).message}`);
    }
    if (isFolder === true) break;
    if (isFolder === false) throw new UsageError(`${flag} ${given}: ${displayPath(folder, cwd)} is a file, not a folder`);
    missing.push(folder);
    if (dirname(folder) === folder) break;
    folder = dirname(folder);
  }
  try {
    if (statSync(path).isDirectory()) throw new UsageError(`${flag} ${given}: ${displayPath(path, cwd)} is a folder; give a file name`);
  } catch (error) {
    if (isUsageError(error)) throw error;
  }
  if (missing.length === 0) return path;
  const outermost = missing[missing.length - 1];
  const rel = relative(cwd, outermost);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new UsageError(`${flag} ${given}: the folder ${dirname(path)} does not exist, and restlint creates missing folders only inside the current folder; create it first`);
  }
  if (!check) mkdirSync(dirname(path), { recursive: true });
  return path;
}
