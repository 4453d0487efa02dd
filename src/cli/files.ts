import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

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
