import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_FILE_NAMES, type TextOverlay } from './config/config';
import { isInside } from './resolve/refs';
import { checkTextSize, DEFAULT_MAX_BYTES, parseSourceText, readSourceFile, SourceError, type SourceFile } from './source/source-file';
import type { OpenApiVersion } from './walk/nodes';

export interface OpenOptions {
  /** Folder outside which no referenced file is read; default: see projectRoot(). */
  root?: string;
  maxBytes?: number;
  /**
   * Texts to read instead of what is on disk, by absolute path: `--fix` lints its edits before
   * writing them, an editor lints its unsaved buffers. Undefined for a file: read it from disk.
   */
  overlay?: TextOverlay;
}

/**
 * An OpenAPI document opened for reading: its parsed entry file, its version, and the reader
 * every file it references goes through (once each, through the overlay, within the size limit).
 * `lint` and `probe` open documents this one way.
 */
export interface OpenDocument {
  /** The entry file, absolute. */
  file: string;
  entry: SourceFile;
  version: OpenApiVersion;
  /** The folder referenced files must stay inside. */
  root: string;
  /** Reads and parses a file of the document (cached). Throws SourceError. */
  read(path: string): SourceFile;
  /** Like read, but refuses a file outside the root, as `$ref`s are refused (the prober's schema reader). */
  readInside(path: string): SourceFile;
  /** Every file parsed so far, the entry first. */
  files(): SourceFile[];
  /** Every file read or tried so far (a missing referenced file too), the entry first. */
  tried(): string[];
}

/**
 * Opens an OpenAPI document. Throws SourceError when the entry cannot be read or parsed or is
 * not OpenAPI; the `tried` files are then on the error's file only.
 */
export function openDocument(path: string, options: OpenOptions = {}): OpenDocument {
  const file = resolve(path);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const cache = new Map<string, SourceFile>();
  const tried = new Set<string>([file]);
  const read = (target: string): SourceFile => {
    tried.add(target);
    let source = cache.get(target);
    if (!source) {
      const text = options.overlay?.get(target);
      if (text !== undefined) checkTextSize(target, text, { maxBytes });
      source = text === undefined ? readSourceFile(target, { maxBytes }) : parseSourceText(target, text);
      cache.set(target, source);
    }
    return source;
  };
  const entry = read(file);
  const version = openApiVersion(entry);
  const root = options.root ?? projectRoot(file);
  return {
    file,
    entry,
    version,
    root,
    read,
    readInside(target) {
      if (!isInside(root, target)) throw new Error(`${target} is outside the project root (${root}); pass --root to allow it`);
      return read(target);
    },
    files: () => [...cache.values()],
    tried: () => [...tried],
  };
}

/** The OpenAPI version of a parsed file, or a SourceError saying what the file is instead. */
export function openApiVersion(source: SourceFile): OpenApiVersion {
  const data = source.data as Record<string, unknown> | null;
  const notOpenApi = (what: string, documentType?: 'asyncapi') =>
    new SourceError('not-openapi', source.path, `not an OpenAPI document: ${what}`, undefined, 'restlint lints OpenAPI 2.0 (swagger: "2.0"), 3.0 and 3.1 documents', documentType);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) throw notOpenApi(`the top level is ${describe(data)}, not a mapping`);
  if (typeof data.openapi === 'string') {
    if (/^3\.0(\.|$)/.test(data.openapi)) return '3.0';
    if (/^3\.[1-9](\.|$)/.test(data.openapi)) return '3.1';
    const hint = /^2(\.|$)/.test(data.openapi)
      ? 'OpenAPI 2.0 documents say `swagger: "2.0"`, not `openapi: 2.0`'
      : 'restlint reads OpenAPI 3.0 and 3.1 (`openapi: 3.x.y`) and Swagger 2.0 (`swagger: "2.0"`)';
    throw new SourceError('unsupported-version', source.path, `unsupported OpenAPI version "${data.openapi}"`, source.rangeOf(['openapi']), hint);
  }
  if (data.swagger !== undefined) {
    if (String(data.swagger) === '2.0' || data.swagger === 2) return '2.0';
    throw new SourceError('unsupported-version', source.path, `unsupported Swagger version "${String(data.swagger)}"`, source.rangeOf(['swagger']), 'restlint reads Swagger 2.0');
  }
  if (data.asyncapi !== undefined) throw notOpenApi(`it is an AsyncAPI ${String(data.asyncapi)} document`, 'asyncapi');
  throw notOpenApi('it has no `openapi` or `swagger` field at the top level');
}

/**
 * The folder referenced files must stay inside: the nearest folder above the entry that
 * holds a .git, package.json or restlint config, else the entry's own folder.
 */
export function projectRoot(file: string): string {
  const markers = ['.git', 'package.json', ...CONFIG_FILE_NAMES];
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (markers.some((marker) => existsSync(join(dir, marker)))) return dir;
    if (dirname(dir) === dir) return dirname(file);
  }
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}
