/**
 * Where a change found in the old document (a removal) is shown when only the new document
 * can be shown: the editor's `restlint.diff.base` and the CLI's annotation formats (SARIF,
 * GitHub, GitLab), whose viewers place a result on a file of the checkout, never on
 * `main:openapi.yaml` or a file that is gone.
 */
import { dirname, relative } from 'node:path';
import type { OpenDocument } from '../document';
import { jsonPath, type Finding } from '../finding';
import type { Range } from '../source/line-index';
import type { SourceFile } from '../source/source-file';
import type { DiffFinding } from './findings';

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export interface PlacementOptions {
  /** The old side: its files are matched with the new side's by their path relative to the entry's folder. */
  oldDocument: OpenDocument;
  newDocument: OpenDocument;
  /** How the old place is named in the message: `main:openapi.yaml:7`, `old.yaml:7`. */
  oldPlace(file: string, line: number): string;
  /** The git ref the old side was read at, when it was (`removed since main`). */
  since?: string;
}

/**
 * The finding of a change, placed in the new document: a change located there as it is; a
 * change located in the old one at the deepest node of its old place that the new document
 * still has (objects only: an array index names another element now), in the new side's file
 * at the same path relative to the entry when the new document reads one, else at its
 * operation's path item (or `paths`) in the new entry. The message says where it was.
 */
export function placeInNew({ finding, change }: DiffFinding, options: PlacementOptions): Finding {
  if (change.side === 'new') return finding;
  const { oldDocument, newDocument } = options;
  const relativePath = relative(dirname(oldDocument.entry.path), change.at.file.path);
  const same = newDocument.files().find((file) => relative(dirname(newDocument.entry.path), file.path) === relativePath);
  let file: SourceFile;
  let pointer: string[];
  if (same) {
    file = same;
    pointer = surviving(same.data, change.at.pointer);
  } else {
    file = newDocument.entry;
    const path = change.operation?.slice(change.operation.indexOf(' ') + 1);
    pointer = surviving(file.data, path === undefined ? ['paths'] : ['paths', path]);
  }
  const since = options.since === undefined ? '' : ` since ${options.since}`;
  return {
    ...finding,
    message: `${change.message} (removed${since}; it was at ${options.oldPlace(change.at.file.path, change.range.start.line + 1)})`,
    source: file.path,
    path: jsonPath(file.data, pointer),
    range: pointer.length === 0 ? START : file.rangeOf(pointer, 'key'),
    document: 'new',
  };
}

/** The longest prefix of `pointer` that names an object member in `data` (a path template matches one with other parameter names). */
function surviving(data: unknown, pointer: readonly string[]): string[] {
  const kept: string[] = [];
  let node = data;
  for (const segment of pointer) {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) break;
    const object = node as Record<string, unknown>;
    let key: string | undefined = Object.hasOwn(object, segment) ? segment : undefined;
    if (key === undefined && kept.length === 1 && kept[0] === 'paths') key = Object.keys(object).find((path) => template(path) === template(segment));
    if (key === undefined) break;
    kept.push(key);
    node = object[key];
  }
  return kept;
}

function template(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '') || '/';
}
