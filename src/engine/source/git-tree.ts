/**
 * Reading a repository as it was at a git ref: `restlint lint --since`, `restlint diff ref:path`
 * and the editor's `restlint.diff.base` open old versions of documents this one way. The tree's
 * YAML and JSON files at a commit are written to a temporary folder that mirrors the repository,
 * so relative `$ref`s between files resolve as they did; a file there is named `ref:path`.
 *
 * Failures are typed (GitError); each shell words them for its own setting or flag.
 */
import { mkdirSync, mkdtempSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, sep } from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/config';
import { openDocument, type OpenDocument, type OpenOptions } from '../document';
import { SourceError } from './source-file';

/** Files restlint may read as a document or a $ref target; the rest of the tree is not needed. */
const SPEC_FILE = /\.(ya?ml|json)$/i;

/**
 * Why git could not give what was asked: `no-git` (not installed, or it could not run; the
 * message, `needs git, which …`, says which), `not-a-repository` (`dir` is in no repository),
 * `unknown-ref` (the ref names no commit in the repository at `dir`).
 */
export class GitError extends Error {
  constructor(
    readonly kind: 'no-git' | 'not-a-repository' | 'unknown-ref',
    message: string,
    readonly dir: string,
  ) {
    super(message);
  }
}

/** Runs git in `cwd` (the result, whatever its status); throws GitError `no-git` when git cannot run. */
export function git(cwd: string, args: string[], input?: string) {
  // Required here: loading child_process is a noticeable part of a small lint's start-up, and
  // only the commands that compare with a git ref run git.
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const result = spawnSync('git', args, { cwd, input: input === undefined ? undefined : Buffer.from(input), maxBuffer: 1024 * 1024 * 1024 });
  if (result.error) {
    const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new GitError('no-git', `needs git${missing ? ', which is not installed or not on PATH' : `: ${result.error.message}`}`, cwd);
  }
  return result;
}

/** The top folder of the repository holding `dir`, as a real path; GitError `not-a-repository` when there is none. */
export function repositoryOf(dir: string): string {
  const result = git(dir, ['rev-parse', '--show-toplevel']);
  if (result.status !== 0) throw new GitError('not-a-repository', `${dir} is not in a git repository`, dir);
  return realpathSync(result.stdout.toString('utf8').trim());
}

/** The commit a ref names in the repository at `top` (its full id); GitError `unknown-ref` when it names none. */
export function resolveCommit(top: string, ref: string): string {
  const verify = git(top, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  if (verify.status !== 0) throw new GitError('unknown-ref', `unknown git ref "${ref}" in ${top}`, top);
  return verify.stdout.toString('utf8').trim();
}

/** A file's path inside the repository, with "/". */
export function repoPath(top: string, file: string): string {
  return relative(top, real(file)).split(sep).join('/');
}

/** The real path; a file that does not exist keeps its name. */
export function real(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The nearest folder that exists at or above `dir` (a file at a ref may be gone from the working tree). */
export function nearestFolder(dir: string): string {
  for (let at = dir; ; at = dirname(at)) {
    try {
      if (statSync(at).isDirectory()) return at;
    } catch {
      // not there: one level up
    }
    if (dirname(at) === at) return at;
  }
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

/** A repository's YAML and JSON files at a commit, written to a temporary folder that mirrors it. */
export interface TreeAt {
  /** The repository's top folder (real path). */
  top: string;
  /** The ref as given (files are named `ref:path` with it). */
  ref: string;
  commit: string;
  /** The temporary folder. */
  dir: string;
  /** The files written, as paths inside the repository ("/"). */
  files: Set<string>;
  /** The copy of a file of the repository (a path inside it, "/"). */
  pathOf(inRepo: string): string;
  /** `ref:path` for a file of the copy; any other file keeps its name. */
  nameOf(file: string): string;
  /** The file's path inside the repository ("/") for a file of the copy, else undefined. */
  repoPathOf(file: string): string | undefined;
  /** Removes the temporary folder. */
  dispose(): void;
}

/** Writes the tree at `commit` (which `ref` resolved to) to a new temporary folder. */
export function treeAt(top: string, ref: string, commit: string, prefix = 'restlint-tree-'): TreeAt {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
  let files: Set<string>;
  try {
    files = writeTreeAt(top, commit, dir);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const repoPathOf = (file: string) => {
    const rel = relative(dir, file);
    return rel.startsWith('..') || rel === '' ? undefined : rel.split(sep).join('/');
  };
  return {
    top,
    ref,
    commit,
    dir,
    files,
    pathOf: (inRepo) => join(dir, ...inRepo.split('/')),
    nameOf: (file) => {
      const inRepo = repoPathOf(file);
      return inRepo === undefined ? file : `${ref}:${inRepo}`;
    },
    repoPathOf,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * Opens the document `file` (a path in the working tree) as it was in `tree`: its $refs read
 * the tree's files. `root` inside the repository maps to the same folder of the copy; otherwise
 * the copy's top is the root. Throws SourceError (`missing` when the file is not in the tree),
 * its file named `ref:path`.
 */
export function openDocumentAt(tree: TreeAt, file: string, options: Omit<OpenOptions, 'overlay'> = {}): OpenDocument {
  const inRepo = repoPath(tree.top, file);
  if (!tree.files.has(inRepo)) throw new SourceError('missing', `${tree.ref}:${inRepo}`, `file not found at ${tree.ref}`);
  const rootInside = options.root === undefined ? undefined : relative(tree.top, options.root);
  const root = rootInside !== undefined && !rootInside.startsWith('..') ? join(tree.dir, rootInside) : tree.dir;
  try {
    return openDocument(tree.pathOf(inRepo), { ...options, root });
  } catch (error) {
    if (error instanceof SourceError) throw new SourceError(error.kind, tree.nameOf(error.file), error.message, error.range, error.hint, error.documentType);
    throw error;
  }
}
