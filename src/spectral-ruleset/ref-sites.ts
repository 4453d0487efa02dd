import { dirname, resolve } from 'node:path';
import { decodePointer } from '../engine/model/location';
import type { SourceFile } from '../engine/source/source-file';

/** One `$ref` in a loaded file: where it is, and the file and pointer it names. */
interface RefSite {
  from: SourceFile;
  /** Pointer to the object holding `$ref`. */
  pointer: string[];
  target: string;
  targetPointer: string[];
}

/**
 * Spectral reports every result in the document it lints, so a restlint finding inside a
 * referenced file is shown at the `$ref` in the entry that leads to it (following chains of
 * references through other files). Undefined when no chain of `$ref`s from the entry reaches it.
 */
export function refSiteInEntry(entry: SourceFile, files: Iterable<SourceFile>, file: string, pointer: readonly string[]): string[] | undefined {
  const sites: RefSite[] = [];
  for (const source of files) collectRefs(source, source.data, [], sites);
  const visited = new Set<string>();
  const find = (target: string, at: readonly string[]): string[] | undefined => {
    if (target === entry.path) return [...at];
    const key = `${target}#${at.join('/')}`;
    if (visited.has(key)) return undefined;
    visited.add(key);
    // The reference naming the closest enclosing node first; any reference into the file after.
    const candidates = sites
      .filter((site) => site.target === target)
      .map((site) => ({ site, score: startsWith(at, site.targetPointer) ? site.targetPointer.length : -1 }))
      .sort((a, b) => b.score - a.score);
    for (const { site } of candidates) {
      const found = find(site.from.path, [...site.pointer, '$ref']);
      if (found) return found;
    }
    return undefined;
  };
  return find(file, pointer);
}

function collectRefs(from: SourceFile, node: unknown, pointer: string[], sites: RefSite[]): void {
  if (node === null || typeof node !== 'object') return;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const targetPointer = decodePointer(hash === -1 ? '' : ref.slice(hash + 1));
    // URLs are never read by restlint, so nothing is found behind them.
    if (targetPointer && !/^[a-z][a-z0-9+.-]*:\/\//i.test(filePart)) {
      const target = filePart === '' ? from.path : resolve(dirname(from.path), decodeURIComponentSafe(filePart));
      sites.push({ from, pointer, target, targetPointer });
    }
  }
  for (const [key, child] of Object.entries(node)) collectRefs(from, child, [...pointer, key], sites);
}

function startsWith(pointer: readonly string[], prefix: readonly string[]): boolean {
  return prefix.length <= pointer.length && prefix.every((segment, index) => pointer[index] === segment);
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
