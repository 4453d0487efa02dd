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
import type { SourceFile } from '../../src/engine/source/source-file';

type Json = Record<string, unknown>;

/** One object or array met by the scan: enough to build its pointer, which is done only when asked. */
interface ScanNode {
  parent: ScanNode | undefined;
  key: string;
}

interface Pending extends ScanNode {
  value: object;
  region: readonly string[];
  depth: number;
  literal: boolean;
}

/** Where a site is written; `region` is the first (up to) three keys of its pointer: `components/schemas/Pet`, `paths//users`. */
interface Site {
  node: ScanNode;
  region: readonly string[];
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

/** The pointer (unescaped segments) of a site. */
export function sitePointer(site: Site): string[] {
  const keys: string[] = [];
  for (let node: ScanNode | undefined = site.node; node?.parent; node = node.parent) keys.push(node.key);
  return keys.reverse();
}

export function siteLocation(file: SourceFile, site: Site): NodeLocation {
  return { file, pointer: sitePointer(site) };
}

/**
 * One iterative pass over a parsed file (each object once, by identity: YAML aliases and
 * shared objects cost nothing more), remembered for the file.
 */
export function scanFile(file: SourceFile): FileScan {
  const known = scans.get(file);
  if (known) return known;
  const scan: FileScan = { file, refs: [], mappings: [], security: [] };
  // JSON parses to a tree; only YAML (aliases) shares objects, and only there is identity tracked.
  const seen = file.format === 'yaml' ? new Set<object>() : undefined;
  const stack: Pending[] = [];
  if (file.data !== null && typeof file.data === 'object') {
    stack.push({ value: file.data, parent: undefined, key: '', region: [], depth: 0, literal: false });
  }
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { value, region, literal } = node;
    const parentKey = node.key;
    const isKeyword = !NAME_MAPS.has(parentKey);
    const depth = node.depth + 1;
    if (Array.isArray(value)) {
      for (let index = value.length - 1; index >= 0; index--) {
        const child: unknown = value[index];
        if (child === null || typeof child !== 'object' || seen?.has(child)) continue;
        seen?.add(child);
        const key = String(index);
        stack.push({ value: child, parent: node, key, region: depth <= 3 ? [...region, key] : region, depth, literal });
      }
      continue;
    }
    const object = value as Json;
    if (typeof object.$ref === 'string') scan.refs.push({ node, region, holder: object, ref: object.$ref, literal, parentKey });
    if (!literal && isKeyword) {
      const discriminator = object.discriminator;
      if (isObject(discriminator) && isObject(discriminator.mapping)) {
        for (const target of Object.values(discriminator.mapping)) {
          if (typeof target === 'string') scan.mappings.push({ node, region, value: target });
        }
      }
      const security = object.security;
      if (Array.isArray(security)) {
        for (const requirement of security) {
          if (isObject(requirement)) for (const name of Object.keys(requirement)) scan.security.push({ node, region, name });
        }
      }
    }
    const keys = Object.keys(object);
    for (let index = keys.length - 1; index >= 0; index--) {
      const key = keys[index];
      const child = object[key];
      if (child === null || typeof child !== 'object' || seen?.has(child)) continue;
      seen?.add(child);
      const childLiteral =
        literal ||
        (isKeyword && (LITERAL_KEYS.has(key) || key.startsWith('x-') || (key === 'examples' && Array.isArray(child)))) ||
        (key === 'value' && node.parent?.key === 'examples');
      stack.push({ value: child, parent: node, key, region: depth <= 3 ? [...region, key] : region, depth, literal: childLiteral });
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
      const found = context.resolve(site.holder, siteLocation(scan.file, site));
      if (!found) continue;
      add(found.loc.file);
      reached.add(found.loc.file.path);
    }
  }
  const refs: DocumentRefs = { entry: files[0], files };
  perLint.set(context.resolve, refs);
  return refs;
}
