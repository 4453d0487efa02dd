import { dirname, isAbsolute, relative, resolve as resolvePath, sep } from 'node:path';
import { decodePointer, type NodeLocation } from '../model/location';
import { SourceError, type SourceFile } from '../source/source-file';

export type RefProblemKind = 'invalid-ref' | 'unresolved-ref';

/** A `$ref` that could not be followed: broken (`invalid-ref`) or not followed by policy (`unresolved-ref`). */
export interface RefProblem {
  kind: RefProblemKind;
  message: string;
  /** Where the `$ref` is written. */
  at: NodeLocation;
  /** Set when the `$ref` names a file that does not parse: lint reports it as a parse error at the `$ref`, whatever rules are on. */
  unparsable?: SourceError;
}

export interface Resolved {
  value: unknown;
  loc: NodeLocation;
}

export interface RefResolverOptions {
  /** Reads and parses a file (cached by the caller). Throws SourceError. */
  load(path: string): SourceFile;
  /** Files outside this folder are never read. */
  root: string;
  /**
   * What a referenced file that does not parse (or is not text) does: `throw` its SourceError,
   * which fails the whole document (diff and probe need every file), or `report` it: the `$ref`
   * is a problem that says so (with `unparsable` set), the file's error is kept in `unparsable`,
   * and the rest of the document is read as if the `$ref` named nothing (lint: findings, never a failure).
   */
  unparsable?: 'throw' | 'report';
}

const MAX_CHAIN = 64;

/**
 * Follows `$ref`s: local (`#/components/…`) and relative files (`schemas.yaml#/Pet`), each file
 * read and parsed once. Remote references are never fetched, files outside the project root
 * are never read, and a chain of references that loops is reported instead of followed.
 */
export class RefResolver {
  readonly problems: RefProblem[] = [];
  /** Referenced files that do not parse, by path, with their error (`unparsable: 'report'`). */
  readonly unparsable = new Map<string, SourceError>();
  private readonly reported = new Set<string>();

  constructor(private readonly options: RefResolverOptions) {}

  /**
   * If `value` is a reference object, follows it (and any chain of references behind it)
   * to the node it names. Returns undefined, after recording a problem, when it cannot.
   */
  resolve(value: unknown, loc: NodeLocation): Resolved | undefined {
    let current: Resolved = { value, loc };
    const seen: string[] = [];
    while (isRef(current.value)) {
      const ref = current.value.$ref;
      const at: NodeLocation = { file: current.loc.file, pointer: [...current.loc.pointer, '$ref'] };
      const key = `${current.loc.file.path}#${current.loc.pointer.join('/')}`;
      if (seen.includes(key)) {
        this.problem('invalid-ref', `$ref "${ref}" is part of a cycle of references that never reaches a value`, at);
        return undefined;
      }
      if (seen.length >= MAX_CHAIN) {
        this.problem('invalid-ref', `$ref "${ref}" starts a chain of more than ${MAX_CHAIN} references to references; point it at the value`, at);
        return undefined;
      }
      seen.push(key);
      const next = this.follow(ref, at);
      if (!next) return undefined;
      current = next;
    }
    return current;
  }

  /** Successful lookups by referring file and `$ref` text: the same reference resolves the same way. */
  private readonly followed = new Map<string, Resolved>();

  private follow(ref: string, at: NodeLocation): Resolved | undefined {
    const key = typeof ref === 'string' ? `${at.file.path}\0${ref}` : '';
    const known = this.followed.get(key);
    if (known) return known;
    const found = this.lookUp(ref, at);
    if (found && key) this.followed.set(key, found);
    return found;
  }

  private lookUp(ref: string, at: NodeLocation): Resolved | undefined {
    if (typeof ref !== 'string') {
      this.problem('invalid-ref', '$ref must be a string', at);
      return undefined;
    }
    const { fragment, path } = splitRef(ref, at.file.path);
    if (path === null) {
      this.problem('unresolved-ref', `$ref "${ref}" is remote and was not fetched: restlint never fetches remote references`, at);
      return undefined;
    }
    let file = at.file;
    if (path !== undefined) {
      if (!isInside(this.options.root, path)) {
        this.problem(
          'unresolved-ref',
          `$ref "${ref}" points outside the project root (${this.options.root}) and was not read; pass --root to allow it`,
          at,
        );
        return undefined;
      }
      const known = this.unparsable.get(path);
      if (known) {
        // Parsed once: every other `$ref` to it is marked without parsing it again.
        this.problem('invalid-ref', unparsableMessage(ref, at, known), at, known);
        return undefined;
      }
      try {
        file = this.options.load(path);
      } catch (error) {
        if (error instanceof SourceError && this.options.unparsable === 'report' && (error.kind === 'parse' || error.kind === 'not-text')) {
          this.unparsable.set(path, error);
          this.problem('invalid-ref', unparsableMessage(ref, at, error), at, error);
          return undefined;
        }
        // Otherwise a referenced file that cannot be read or parsed is as fatal as an entry file that cannot.
        // The entry-file hint ("an OpenAPI document starts with…") does not fit a fragment:
        // say which reference brought the file in instead.
        if (error instanceof SourceError && error.kind !== 'missing') {
          const line = at.file.rangeOf(at.pointer).start.line + 1;
          throw new SourceError(error.kind, error.file, error.message, error.range, `referenced by $ref "${ref}" at ${at.file.path}:${line}`);
        }
        this.problem('invalid-ref', `$ref "${ref}": file ${relative(dirname(at.file.path), path) || path} not found`, at);
        return undefined;
      }
    }
    const pointer = decodePointer(fragment);
    if (!pointer) {
      this.problem('invalid-ref', `$ref "${ref}" has a fragment that is not a JSON pointer`, at);
      return undefined;
    }
    const found = walkPointer(file.data, pointer);
    if ('missing' in found) {
      this.problem('invalid-ref', `$ref "${ref}" points to nothing: "${found.missing}" not found`, at);
      return undefined;
    }
    return { value: found.value, loc: { file, pointer } };
  }

  private problem(kind: RefProblemKind, message: string, at: NodeLocation, unparsable?: SourceError): void {
    const key = `${at.file.path}#${at.pointer.join('/')}`;
    if (this.reported.has(key)) return;
    this.reported.add(key);
    this.problems.push(unparsable ? { kind, message, at, unparsable } : { kind, message, at });
  }
}

/** `$ref "schemas.json#/User": a referenced file does not parse: schemas.json:3:1: invalid JSON: …`. */
function unparsableMessage(ref: string, at: NodeLocation, error: SourceError): string {
  const where = error.range ? `:${error.range.start.line + 1}:${error.range.start.character + 1}` : '';
  return `$ref "${ref}": a referenced file does not parse: ${relative(dirname(at.file.path), error.file) || error.file}${where}: ${error.message}`;
}

/**
 * A `$ref` written in the file at `fromPath`, taken apart: its file part (`target`), its
 * fragment (undecoded), and the file it names: an absolute path, undefined for the same
 * file (`#/…`), null for a remote reference (never fetched).
 */
export function splitRef(ref: string, fromPath: string): { target: string; fragment: string; path: string | null | undefined } {
  const hash = ref.indexOf('#');
  const target = hash === -1 ? ref : ref.slice(0, hash);
  const fragment = hash === -1 ? '' : ref.slice(hash + 1);
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) return { target, fragment, path: null };
  if (target === '') return { target, fragment, path: undefined };
  return { target, fragment, path: resolvePath(dirname(fromPath), decodeURIComponentSafe(target)) };
}

export function isRef(value: unknown): value is { $ref: string } {
  return value !== null && typeof value === 'object' && '$ref' in value;
}

export function isInside(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..' + sep) && rel !== '..' && !isAbsolute(rel));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

interface Pending {
  value: object;
  /** The parent entry and the key under it: pointers are built only for reported refs. */
  parent: Pending | undefined;
  key: string;
  file: NodeLocation['file'];
  base: readonly string[];
}

/**
 * Resolves every `$ref` in the entry document and in whatever other files its references
 * reach, so broken references are reported even where no rule looks. Each object is visited
 * once (by identity), which also keeps YAML alias bombs linear.
 */
export function resolveAllRefs(resolver: RefResolver, entry: NodeLocation): void {
  if (allLocalRefsResolve(entry)) return;
  const seen = new Set<object>();
  const stack: Pending[] = [];
  const push = (value: unknown, parent: Pending | undefined, key: string, file: NodeLocation['file'], base: readonly string[]) => {
    if (value !== null && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      stack.push({ value, parent, key, file, base });
    }
  };
  // The same `$ref` text in the same file resolves the same way: follow it once, and again
  // only where it failed, so each failing place is reported.
  const healthy = new Set<string>();
  push(entry.file.data, undefined, '', entry.file, entry.pointer);
  while (stack.length > 0) {
    const item = stack.pop()!;
    const value = item.value as Record<string, unknown>;
    if (typeof value.$ref === 'string') {
      const key = `${item.file.path}\0${value.$ref}`;
      if (!healthy.has(key)) {
        const problemsBefore = resolver.problems.length;
        const target = resolver.resolve(value, { file: item.file, pointer: pointerOf(item) });
        if (target && resolver.problems.length === problemsBefore) healthy.add(key);
        // Targets in the same file are walked as part of it; other files only where referenced.
        if (target && target.loc.file !== item.file) push(target.value, undefined, '', target.loc.file, target.loc.pointer);
      }
    }
    for (const key of Object.keys(value)) push(value[key], item, key, item.file, item.base);
  }
}

function pointerOf(item: Pending): string[] {
  const keys: string[] = [];
  let at: Pending = item;
  while (at.parent) {
    keys.push(at.key);
    at = at.parent;
  }
  return [...at.base, ...keys.reverse()];
}

const JSON_REF = /"\$ref"\s*:\s*"((?:[^"\\]|\\.)*)"/g;

const MAX_LOCAL_CHAIN = 64;

/**
 * The fast path for the common big case (GitHub's 13 MB JSON description, Stripe's 4 MB
 * YAML one, linted again on every keystroke in an editor): an entry whose references are
 * all local. Each distinct `$ref` text is found by a scan of the text and followed once,
 * without walking a million objects. Any reference that is not local, written in a way the
 * scan does not read, or that does not resolve, returns false: the full walk then finds and
 * reports each place exactly.
 */
function allLocalRefsResolve(entry: NodeLocation): boolean {
  const file = entry.file;
  if (entry.pointer.length > 0) return false;
  const checked = new Set<string>();
  const check = (ref: unknown) => {
    if (typeof ref !== 'string') return false;
    if (checked.has(ref)) return true;
    checked.add(ref);
    return localTargetExists(file.data, ref);
  };
  // YAML: the parser recorded every mapping with a `$ref` member.
  if (file.refHolders) return file.refHolders.every((holder) => check(holder.$ref));
  if (file.format !== 'json') return false;
  let matched = 0;
  for (const match of file.text.matchAll(JSON_REF)) {
    matched++;
    if (!check(match[1].includes('\\') ? JSON.parse(`"${match[1]}"`) : match[1])) return false;
  }
  // A "$ref" key the pattern did not match (a non-string value, a property named $ref)
  // is left to the full walk.
  return matched === countOccurrences(file.text, '"$ref"');
}

function countOccurrences(text: string, needle: string): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** Follows a local `#/…` reference, and any chain of local references behind it, to a value. */
function localTargetExists(data: unknown, ref: string): boolean {
  const seen = new Set<string>();
  let current = ref;
  for (let hops = 0; hops < MAX_LOCAL_CHAIN; hops++) {
    if (!current.startsWith('#') || seen.has(current)) return false;
    seen.add(current);
    const pointer = decodePointer(current.slice(1));
    if (!pointer) return false;
    const found = walkPointer(data, pointer);
    if ('missing' in found) return false;
    const value = found.value;
    if (!isRef(value)) return true;
    if (typeof value.$ref !== 'string') return false;
    current = value.$ref;
  }
  return false;
}

/** The value a decoded JSON pointer names in `data`, or the first segment that is not there. */
export function walkPointer(data: unknown, pointer: readonly string[]): { value: unknown } | { missing: string } {
  let value = data;
  for (const segment of pointer) {
    if (value === null || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, segment)) return { missing: segment };
    value = (value as Record<string, unknown>)[segment];
  }
  return { value };
}
