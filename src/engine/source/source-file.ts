import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { load } from 'js-yaml';
import { JsonLocator } from './json-text';
import { LineIndex, type Range } from './line-index';
import type { Locator, Part, Span } from './span';
import { parseYaml, YAMLException } from './yaml-text';

export type Format = 'json' | 'yaml';

/**
 * Why a file cannot be linted, as shells tell them apart: `missing` (no such file),
 * `unreadable` (a folder, no permission), `too-large` (over --max-file-size), `not-text` (binary, not UTF-8), `parse`
 * (empty, invalid YAML or JSON), `not-openapi` (some other document), `unsupported-version`
 * (an OpenAPI or Swagger version restlint does not read).
 */
export type SourceErrorKind = 'missing' | 'unreadable' | 'too-large' | 'not-text' | 'parse' | 'not-openapi' | 'unsupported-version';

/**
 * Why a file could not be read or parsed. It always names the file, and where the parser
 * knows it, the line: the CLI prints it and exits 2, the language server shows it.
 */
export class SourceError extends Error {
  constructor(
    readonly kind: SourceErrorKind,
    readonly file: string,
    message: string,
    readonly range?: Range,
    readonly hint?: string,
    /** `not-openapi`: what the document is instead, when restlint can tell (`asyncapi`). */
    readonly documentType?: 'asyncapi',
  ) {
    super(message);
  }
}

/** One parsed file: its text, its data, and where in the text each node sits. */
export class SourceFile {
  private currentText: string;
  private lineIndex: LineIndex;
  private locator: Locator;
  /** How many patches the locator has stacked up (each one is a shift on every later lookup). */
  private patches = 0;

  constructor(
    readonly path: string,
    text: string,
    readonly format: Format,
    readonly data: unknown,
    locator: Locator,
    /** YAML only: every mapping with a `$ref` member, recorded by the parser (JSON files scan their text instead). */
    readonly refHolders?: readonly Record<string, unknown>[],
    /** Whether one collection stands in several places of the data (YAML aliases); JSON data is always a tree. */
    readonly sharesNodes = false,
    /** YAML only: how many nodes the data has with every alias written out, and how many the text writes (yaml-text.ts). */
    readonly aliasExpansion?: { expandedNodes: number; writtenNodes: number },
  ) {
    this.currentText = text;
    this.lineIndex = new LineIndex(text);
    this.locator = locator;
  }

  /** The file's text (after any patchScalar). */
  get text(): string {
    return this.currentText;
  }

  get lines(): LineIndex {
    return this.lineIndex;
  }

  /**
   * Applies an edit of the text, `[start, end)` replaced by `newText`, without re-parsing, when
   * it stays inside one string scalar of a free-text key (PATCHABLE_KEYS) and cannot change the
   * document's structure or the scalar's style: the value is patched in the data, the text
   * replaced, and every later offset shifted. Returns false, changing nothing, otherwise: the
   * caller then parses the new text.
   */
  patchScalar(start: number, end: number, newText: string): boolean {
    if (this.patches >= MAX_PATCHES) return false;
    const plan = planScalarPatch(this, start, end, newText);
    if (!plan) return false;
    this.patches++;
    plan.parent[plan.key] = plan.value;
    this.currentText = this.currentText.slice(0, start) + newText + this.currentText.slice(end);
    this.lineIndex = new LineIndex(this.currentText);
    this.locator = shiftedLocator(this.locator, start, end, newText.length - (end - start));
    return true;
  }

  /**
   * The range of the node at `pointer` (its key, or its value). `within`, an offset span
   * inside the key or value's own text, narrows the range to part of it (one path segment
   * of a path key), when the source spells that text exactly as the data does.
   */
  rangeOf(pointer: readonly string[], part: Part = 'value', within?: { text: string; start: number; end: number }): Range {
    return this.locate(pointer, part, within).range;
  }

  /**
   * The range an edit replaces: like rangeOf, but undefined unless the node exists and
   * `within` (if given) could be narrowed exactly, so an edit never lands on the wrong text.
   */
  editRangeOf(pointer: readonly string[], part: Part = 'value', within?: { text: string; start: number; end: number }): Range | undefined {
    const { range, exact } = this.locate(pointer, part, within);
    return exact ? range : undefined;
  }

  /** The offsets of the node's key or value in `text`, when the node is there. */
  spanOf(pointer: readonly string[], part: Part = 'value'): { start: number; end: number } | undefined {
    const span = this.locator.locate(pointer, part);
    return span?.exact ? { start: span.start, end: span.end } : undefined;
  }

  private locate(pointer: readonly string[], part: Part, within?: { text: string; start: number; end: number }): { range: Range; exact: boolean } {
    const span = this.locator.locate(pointer, part) ?? { start: 0, end: 0, exact: false };
    if (within && span.exact) {
      const raw = this.text.slice(span.start, span.end);
      const quoted = raw.length === within.text.length + 2 && (raw[0] === '"' || raw[0] === "'");
      if (raw === within.text || (quoted && raw.slice(1, -1) === within.text)) {
        const base = span.start + (quoted ? 1 : 0);
        return { range: this.lines.range(base + within.start, base + within.end), exact: true };
      }
      return { range: this.lines.range(span.start, span.end), exact: false };
    }
    return { range: this.lines.range(span.start, span.end), exact: span.exact };
  }
}

/** After this many patches a file is parsed again: each patch adds a step to every span lookup. */
const MAX_PATCHES = 1000;
/** Keys whose string values are free text that no scan caches (not `$ref`s, mappings or security names): the ones patchScalar edits. */
const PATCHABLE_KEYS = new Set(['description', 'summary', 'title', 'name', 'operationId']);
/** Whether an edit may never insert or delete this text: control characters (line ends, tabs), line and paragraph separators, a BOM. */
function neverPatched(text: string): boolean {
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029 || code === 0xfeff) return true;
  }
  return false;
}

interface ScalarPatch {
  parent: Record<string, unknown>;
  key: string;
  value: string;
}

/** What patchScalar would change, or undefined when the edit is not one it can apply. */
function planScalarPatch(file: SourceFile, start: number, end: number, newText: string): ScalarPatch | undefined {
  const text = file.text;
  if (start < 0 || end < start || end > text.length || (start === end && newText === '')) return undefined;
  const removed = text.slice(start, end);
  if (neverPatched(newText) || neverPatched(removed)) return undefined;
  // A YAML merge key copies values: the copy would not be patched.
  if (file.format === 'yaml' && /<<\s*:/.test(text)) return undefined;
  const found = scalarAt(file, start, end);
  if (!found) return undefined;
  const { parent, key, span } = found;
  const old = parent[key];
  if (!PATCHABLE_KEYS.has(key) || typeof old !== 'string') return undefined;
  const raw = text.slice(span.start, span.end);
  if (raw.includes('\n')) return undefined;
  const newRaw = raw.slice(0, start - span.start) + newText + raw.slice(end - span.start);
  const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : undefined;
  let value: unknown;
  if (quote) {
    // Strictly inside the quotes, and no quote or backslash typed or deleted (an escape or the end of the string).
    if (raw.length < 2 || raw[raw.length - 1] !== quote || start <= span.start || end >= span.end || /["'\\]/.test(newText + removed)) return undefined;
    try {
      value = file.format === 'json' ? JSON.parse(newRaw) : load(newRaw);
    } catch {
      return undefined;
    }
  } else {
    // A plain scalar must read back as exactly its text (no comment, mapping, tag, anchor, number
    // or date made by the edit), with no blank at either end.
    if (file.format === 'json' || newRaw !== newRaw.trim()) return undefined;
    try {
      value = load(newRaw);
    } catch {
      return undefined;
    }
    if (value !== newRaw) return undefined;
  }
  return typeof value === 'string' ? { parent, key, value } : undefined;
}

/** The scalar whose value span holds `[start, end)`: a walk down the data, each level's child found by its span. */
function scalarAt(file: SourceFile, start: number, end: number): { parent: Record<string, unknown>; key: string; span: Span } | undefined {
  let node: unknown = file.data;
  const pointer: string[] = [];
  for (;;) {
    if (node === null || typeof node !== 'object') return undefined;
    const keys = Array.isArray(node) ? node.map((_, index) => String(index)) : Object.keys(node);
    const spanOf = (key: string) => file.spanOf([...pointer, key]);
    const holds = (span: { start: number; end: number } | undefined) => span !== undefined && span.start <= start && end <= span.end;
    // Keys are in source order (but for integer-like keys and duplicates): a binary search, then a scan.
    let found: string | undefined;
    for (let low = 0, high = keys.length - 1; low <= high; ) {
      const mid = (low + high) >> 1;
      const span = spanOf(keys[mid]);
      if (!span) break;
      if (holds(span)) {
        found = keys[mid];
        break;
      }
      if (span.end <= start) low = mid + 1;
      else high = mid - 1;
    }
    found ??= keys.find((key) => holds(spanOf(key)));
    if (found === undefined) return undefined;
    const child = (node as Record<string, unknown>)[found];
    if (child === null || typeof child !== 'object') {
      // Not in the key's own text.
      const keySpan = Array.isArray(node) ? undefined : file.spanOf([...pointer, found], 'key');
      if (keySpan && keySpan.end > start) return undefined;
      return Array.isArray(node) ? undefined : { parent: node as Record<string, unknown>, key: found, span: spanOf(found)! };
    }
    pointer.push(found);
    node = child;
  }
}

/**
 * A locator over a text in which `[from, to)` was replaced, `delta` characters longer: offsets
 * from `to` on move, but for the start of the patched scalar itself when text was inserted right
 * before its first character (no other span starts there: the spans are trimmed of blanks).
 */
function shiftedLocator(inner: Locator, from: number, to: number, delta: number): Locator {
  if (delta === 0) return inner;
  const moveStart = (offset: number) => (offset >= to && !(from === to && offset === from) ? offset + delta : offset);
  const moveEnd = (offset: number) => (offset >= to ? offset + delta : offset);
  return {
    locate(pointer, part) {
      const span = inner.locate(pointer, part);
      return span && { start: moveStart(span.start), end: moveEnd(span.end), exact: span.exact };
    },
  };
}

export interface ReadLimits {
  /** Largest file, in bytes, that is read at all. */
  maxBytes: number;
}

/**
 * 100 MB: the largest real descriptions (Microsoft Graph) are about 50 MB and lint in about
 * 500 MB of memory; the limit is for what would exhaust it.
 */
export const DEFAULT_MAX_BYTES = 100 * 1024 * 1024;

/** A size for a message: `1.5 MB`, or in KB below 1 MB (`--max-file-size 0.001` is `1.0 KB`, not `0.0 MB`). */
export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function tooBig(path: string, limits: ReadLimits, what: string): SourceError {
  return new SourceError('too-large', path, `${what} over the ${sizeText(limits.maxBytes)} limit`, undefined, 'raise the limit with --max-file-size <MB> if this is really an API description');
}

/** The size check readSourceFile makes, for a text already in memory (an editor buffer). */
export function checkTextSize(path: string, text: string, limits: ReadLimits = { maxBytes: DEFAULT_MAX_BYTES }): void {
  // UTF-8 takes at most 3 bytes per UTF-16 unit: only a text near the limit needs its exact byte count.
  if (text.length * 3 <= limits.maxBytes) return;
  const size = Buffer.byteLength(text, 'utf8');
  if (size > limits.maxBytes) throw tooBig(path, limits, `file is ${sizeText(size)},`);
}

export function readSourceFile(path: string, limits: ReadLimits = { maxBytes: DEFAULT_MAX_BYTES }): SourceFile {
  let size: number;
  let regular: boolean;
  try {
    const stats = statSync(path);
    size = stats.size;
    regular = stats.isFile();
  } catch (error) {
    throw fsError(path, error);
  }
  if (size > limits.maxBytes) throw tooBig(path, limits, `file is ${sizeText(size)},`);
  let bytes: Buffer;
  try {
    // A device or pipe (/dev/zero, <(…)) has no size and may never end: read at most the limit.
    bytes = regular ? readFileSync(path) : readAtMost(path, limits.maxBytes + 1);
  } catch (error) {
    throw fsError(path, error);
  }
  if (bytes.length > limits.maxBytes) throw tooBig(path, limits, 'file is');
  return parseSourceText(path, decodeText(path, bytes));
}

/** Parses text already in memory (an editor buffer, a test). */
export function parseSourceText(path: string, text: string): SourceFile {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new SourceError('parse', path, 'file is empty', undefined, 'an OpenAPI document starts with `openapi: 3.x` or `swagger: "2.0"`');
  const first = text.charCodeAt(skipLeadingBlanks(text));
  // JSON is YAML too, but JSON.parse is several times faster than any YAML parser.
  if (first === 0x7b /* { */ || first === 0x5b /* [ */) {
    try {
      return new SourceFile(path, text, 'json', JSON.parse(text), new JsonLocator(text));
    } catch (error) {
      // Not strict JSON (comments, trailing commas, or YAML flow style): let YAML decide,
      // and if YAML fails too, report JSON's error, which is the one the author expects.
      try {
        return parseYamlSource(path, text);
      } catch {
        throw jsonError(path, text, error as Error);
      }
    }
  }
  return parseYamlSource(path, text);
}

function parseYamlSource(path: string, text: string): SourceFile {
  try {
    const { data, locator, refHolders, sharesNodes, expandedNodes, writtenNodes } = parseYaml(text, path);
    return new SourceFile(path, text, 'yaml', data, locator, refHolders, sharesNodes, { expandedNodes, writtenNodes });
  } catch (error) {
    if (error instanceof YAMLException) {
      // js-yaml's offset, not its line and column: it counts a NUL byte's column from the start of
      // the text, and places an error at the end of a text without a final newline on the line
      // after it (it adds the newline). The line index places the offset within the text.
      const mark = error.mark as { position?: number } | undefined;
      const at = typeof mark?.position === 'number' ? new LineIndex(text).position(mark.position) : undefined;
      throwYaml(path, error.reason ?? error.message, at);
    }
    if (error instanceof RangeError) {
      throw new SourceError('parse', path, 'nesting is too deep to parse', undefined, 'check the file for runaway nesting');
    }
    throw error;
  }
}

function throwYaml(path: string, reason: string, position?: { line: number; character: number }): never {
  throw new SourceError('parse', path, `invalid YAML: ${reason}`, position && { start: position, end: position });
}

function jsonError(path: string, text: string, error: Error): SourceError {
  const at = /position (\d+)/.exec(error.message);
  // "Unexpected end of JSON input" gives no position: it is at the end of the text.
  const offset = at ? Number(at[1]) : /end of JSON input/.test(error.message) ? text.length : undefined;
  const message = error.message.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, '');
  const range = offset === undefined ? undefined : new LineIndex(text).range(offset, offset);
  return new SourceError('parse', path, `invalid JSON: ${message}`, range);
}

function readAtMost(path: string, maxBytes: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total < maxBytes) {
      const chunk = Buffer.allocUnsafe(Math.min(1024 * 1024, maxBytes - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

function decodeText(path: string, bytes: Buffer): string {
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new SourceError('not-text', path, 'binary file, not an OpenAPI document', undefined, 'lint a .yaml, .yml or .json file');
  }
  // isUtf8 is a native check, several times faster than a fatal TextDecoder on big files.
  if (!isUtf8(bytes)) throw new SourceError('not-text', path, 'file is not valid UTF-8 text', undefined, 'save the file as UTF-8');
  return bytes.toString('utf8');
}

function skipLeadingBlanks(text: string): number {
  let at = 0;
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}

function fsError(path: string, error: unknown): SourceError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new SourceError('missing', path, 'file not found');
  if (code === 'EACCES') return new SourceError('unreadable', path, 'permission denied');
  if (code === 'EISDIR') return new SourceError('unreadable', path, 'is a folder, not a file');
  return new SourceError('unreadable', path, `cannot read file: ${(error as Error).message}`);
}
