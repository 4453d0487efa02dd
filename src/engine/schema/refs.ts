/**
 * `$ref` lookup for the schema validator and the sample generator (both follow references
 * the same way). Unlike the engine's RefResolver, which follows a whole chain and records
 * problems for the linter, this follows one hop at a time (3.1 schemas may carry keywords
 * beside `$ref`) and tells a remote reference (treated as `{}`, never fetched) from one that
 * cannot be resolved (the schema is then not checked at all).
 */
import { dirname, resolve as resolvePath } from 'node:path';
import { decodePointer, encodePointer, type NodeLocation } from '../model/location';
import { walkPointer } from '../resolve/refs';
import type { SourceFile } from '../source/source-file';

export type LoadFile = (path: string) => SourceFile;

export type RefTarget =
  | { kind: 'found'; value: unknown; loc: NodeLocation }
  /** http(s) or any other scheme: never fetched, stands for the always-valid schema `{}`. */
  | { kind: 'remote' }
  /** A file that is missing, unreadable, outside the project, or a pointer to nothing. */
  | { kind: 'missing' };

/** A cache of loaded files and followed references, shared by the validator and the samples. */
export class SchemaRefs {
  private readonly files = new Map<string, SourceFile | undefined>();

  constructor(private readonly load: LoadFile) {}

  /** Follows one `$ref` written in `from` (relative file parts resolve against its folder). */
  follow(ref: unknown, from: SourceFile): RefTarget {
    if (typeof ref !== 'string') return { kind: 'missing' };
    const hash = ref.indexOf('#');
    const target = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    // Same test as the engine's resolver: a scheme, but not a Windows drive letter.
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) return { kind: 'remote' };
    const file = target === '' ? from : this.file(resolvePath(dirname(from.path), decodeSafe(target)));
    if (!file) return { kind: 'missing' };
    const pointer = decodePointer(fragment);
    if (!pointer) return { kind: 'missing' };
    const found = walkPointer(file.data, pointer);
    return 'missing' in found ? { kind: 'missing' } : { kind: 'found', value: found.value, loc: { file, pointer } };
  }

  /** `load` enforces the project's policy by throwing: any throw means "cannot be resolved". */
  private file(path: string): SourceFile | undefined {
    if (!this.files.has(path)) {
      let file: SourceFile | undefined;
      try {
        file = this.load(path);
      } catch {
        file = undefined;
      }
      this.files.set(path, file);
    }
    return this.files.get(path);
  }
}

/** A stable key for a location: `/abs/file.yaml#/components/schemas/User`. */
export function locationKey(loc: NodeLocation): string {
  return `${loc.file.path}#${encodePointer(loc.pointer)}`;
}

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
