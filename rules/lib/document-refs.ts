/**
 * Every `$ref` of a document, in every file of it, found by one pass over each file: what
 * no-unused-components and no-ref-siblings read, as the walker visits only what operations
 * reach. A file's scan is kept per parsed file (a WeakMap keyed by the SourceFile, so an
 * edited buffer is scanned again and a dropped one is forgotten); the files of one lint are
 * gathered once per lint (keyed by the lint's `resolve`, which every rule of a lint shares).
 */
import { isObject } from '../../src/engine/model/json';
import { decodePointer, type NodeLocation } from '../../src/engine/model/location';
import type { AnyRuleContext } from '../../src/engine/rule';
import { splitRef } from '../../src/engine/resolve/refs';
import { SourceError, type SourceFile } from '../../src/engine/source/source-file';

type Json = Record<string, unknown>;

/** Where a site is written: the pointer of the object that holds it (its first keys say which component it is in). */
interface Site {
  pointer: readonly string[];
}

export interface RefSite extends Site {
  /** The object with the `$ref` member. */
  holder: Json;
  ref: string;
  /** Inside literal data (an `example`, `default`, `enum`, `const`, an example's `value`, an `x-` extension): not a Reference Object. */
  literal: boolean;
  /** The key the holder is written under (`schema`, `items`, `0` in a list, a property name). */
  parentKey: string;
}

/** A discriminator `mapping` value: a schema name or a reference. */
export interface MappingSite extends Site {
  value: string;
}

/** A scheme named by a security requirement (`security: [{ name: [] }]`). */
export interface SecurityUse extends Site {
  name: string;
}

export interface FileScan {
  file: SourceFile;
  refs: RefSite[];
  mappings: MappingSite[];
  security: SecurityUse[];
}

/** What a `$ref` text names: a file (absolute path; the referring file's own for `#/…`) and a decoded pointer in it. */
export interface RefTarget {
  path: string;
  pointer: readonly string[];
}

const targets = new WeakMap<FileScan, Map<string, RefTarget | null>>();

/**
 * Where a `$ref` text written in the scanned file points, taken apart once per distinct text
 * and file (big documents repeat a few thousand texts tens of thousands of times). Null for a
 * remote reference or a fragment that is not a JSON pointer.
 */
export function refTarget(scan: FileScan, ref: string): RefTarget | null {
  let known = targets.get(scan);
  if (!known) targets.set(scan, (known = new Map()));
  let target = known.get(ref);
  if (target === undefined) {
    const { fragment, path } = splitRef(ref, scan.file.path);
    const pointer = path === null ? undefined : decodePointer(fragment);
    target = pointer ? { path: path ?? scan.file.path, pointer } : null;
    known.set(ref, target);
  }
  return target;
}

/** Keywords whose value is data, not OpenAPI or JSON Schema objects. */
const LITERAL_KEYS = new Set(['example', 'default', 'enum', 'const']);
/**
 * Maps whose keys are names (a property called `example`, the `default` response, a schema
 * called `enum`), not keywords: under them no key means literal data.
 */
const NAME_MAPS = new Set([
  'properties',
  'patternProperties',
  'dependentSchemas',
  '$defs',
  'definitions',
  'schemas',
  'responses',
  'parameters',
  'examples',
  'requestBodies',
  'headers',
  'securitySchemes',
  'securityDefinitions',
  'links',
  'callbacks',
  'pathItems',
  'paths',
  'webhooks',
  'content',
  'encoding',
  'variables',
  'mapping',
  'scopes',
]);

const scans = new WeakMap<SourceFile, FileScan>();

export function siteLocation(file: SourceFile, site: Site): NodeLocation {
  return { file, pointer: site.pointer };
}

/**
 * One pass over a parsed file, remembered for the file. Iterative, depth first in document
 * order, and without an allocation per object: the stack is four parallel arrays and the pointer
 * of the current object one array, copied only for the objects that hold a site. Each object
 * is met once by identity in YAML (aliases share objects); JSON parses to a tree.
 */
export function scanFile(file: SourceFile): FileScan {
  const known = scans.get(file);
  if (known) return known;
  const scan: FileScan = { file, refs: [], mappings: [], security: [] };
  const seen = file.format === 'yaml' ? new Set<object>() : undefined;
  const values: object[] = [];
  const keys: string[] = [];
  const depths: number[] = [];
  const literals: boolean[] = [];
  /** The pointer of the object being looked at: `path[0..depth)`. */
  const path: string[] = [];
  const push = (child: object, key: string, depth: number, literal: boolean) => {
    values.push(child);
    keys.push(key);
    depths.push(depth);
    literals.push(literal);
  };
  if (file.data !== null && typeof file.data === 'object') push(file.data, '', 0, false);
  while (values.length > 0) {
    const value = values.pop()!;
    const ownKey = keys.pop()!;
    const depth = depths.pop()!;
    const literal = literals.pop()!;
    if (depth > 0) {
      path.length = depth - 1;
      path.push(ownKey);
    }
    // The object's own keys are keywords unless it is a map of names (`properties`, `responses`, …).
    const isKeyword = !NAME_MAPS.has(ownKey);
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        const child: unknown = value[index];
        if (child === null || typeof child !== 'object' || seen?.has(child)) continue;
        seen?.add(child);
        push(child, String(index), depth + 1, literal);
      }
      continue;
    }
    const object = value as Json;
    if (typeof object.$ref === 'string') scan.refs.push({ pointer: path.slice(0, depth), holder: object, ref: object.$ref, literal, parentKey: ownKey });
    if (!literal && isKeyword) {
      const discriminator = object.discriminator;
      if (isObject(discriminator) && isObject(discriminator.mapping)) {
        for (const target of Object.values(discriminator.mapping)) {
          if (typeof target === 'string') scan.mappings.push({ pointer: path.slice(0, depth), value: target });
        }
      }
      const security = object.security;
      if (Array.isArray(security)) {
        for (const requirement of security) {
          if (isObject(requirement)) for (const name of Object.keys(requirement)) scan.security.push({ pointer: path.slice(0, depth), name });
        }
      }
    }
    const names = Object.keys(object);
    // An Example Object's `value` is data: the object is an entry of an `examples` map.
    const isExample = depth >= 2 && path[depth - 2] === 'examples';
    for (let index = names.length - 1; index >= 0; index--) {
      const key = names[index];
      const child = object[key];
      if (child === null || typeof child !== 'object' || seen?.has(child)) continue;
      seen?.add(child);
      const childLiteral =
        literal ||
        (isKeyword && (LITERAL_KEYS.has(key) || key.startsWith('x-') || (key === 'examples' && Array.isArray(child)))) ||
        (key === 'value' && isExample);
      push(child, key, depth + 1, childLiteral);
    }
  }
  scans.set(file, scan);
  return scan;
}

export interface DocumentRefs {
  entry: FileScan;
  /** The entry first, then every other file its references reach, each once. */
  files: FileScan[];
}

const perLint = new WeakMap<AnyRuleContext['resolve'], DocumentRefs>();

/**
 * The scans of every file of the document whose entry is `entry`: the entry, and each file a
 * reference reaches (from the entry or from a file reached). Gathered once per lint.
 */
export function documentRefs(entry: SourceFile, context: AnyRuleContext): DocumentRefs {
  const known = perLint.get(context.resolve);
  if (known && known.entry.file === entry) return known;
  const files: FileScan[] = [];
  const byFile = new Set<SourceFile>();
  const add = (file: SourceFile) => {
    if (byFile.has(file)) return;
    byFile.add(file);
    files.push(scanFile(file));
  };
  add(entry);
  // One reference into each file is enough to reach it: the others are not followed again.
  const reached = new Set<string>([entry.path]);
  for (let index = 0; index < files.length; index++) {
    const scan = files[index];
    for (const site of scan.refs) {
      const target = refTarget(scan, site.ref);
      if (!target || reached.has(target.path)) continue;
      // The reference itself, from where it is written: a broken one is recorded as invalid-ref would record it.
      let found: ReturnType<AnyRuleContext['resolve']>;
      try {
        found = context.resolve(site.holder, siteLocation(scan.file, site));
      } catch (error) {
        // A referenced file that does not parse fails the lint where the walk or invalid-ref meets it, not because these rules looked.
        if (error instanceof SourceError) continue;
        throw error;
      }
      if (!found) continue;
      add(found.loc.file);
      reached.add(found.loc.file.path);
    }
  }
  const refs: DocumentRefs = { entry: files[0], files };
  perLint.set(context.resolve, refs);
  return refs;
}
