import type { TextEdit } from 'vscode-languageserver';
import { isObject } from '../engine/model/json';
import { walkPointer } from '../engine/resolve/refs';
import type { SourceFile } from '../engine/source/source-file';
import { IGNORE_KEY } from '../engine/ignores';
import { appendItem, insertEntries, scalarText } from '../engine/source/edits';

/**
 * The edit that silences `ruleId` on the object holding a finding: adds the rule to that
 * object's `x-restlint-ignore` list, or writes the list as its first member, in the file's own
 * style (YAML block or flow, JSON). Undefined when no object holds the finding or the existing
 * ignore is written in a form this cannot extend safely.
 */
export function ignoreEdit(file: SourceFile, path: readonly (string | number)[], ruleId: string): TextEdit | undefined {
  const pointer = path.map(String);
  let target: string[] | undefined;
  for (let length = pointer.length; length >= 0; length--) {
    const found = walkPointer(file.data, pointer.slice(0, length));
    if ('value' in found && isObject(found.value)) {
      target = pointer.slice(0, length);
      break;
    }
  }
  if (!target) return undefined;
  const object = walkPointer(file.data, target) as { value: Record<string, unknown> };
  const json = file.format === 'json';
  const existing = object.value[IGNORE_KEY];
  if (existing !== undefined) return extendIgnore(file, [...target, IGNORE_KEY], existing, ruleId, json);
  return insertEntries(file, target, [[IGNORE_KEY, [ruleId]]]);
}

/** Adds the rule to an `x-restlint-ignore` that exists: a flow list `[a]`, a YAML block list, or a block map. */
function extendIgnore(file: SourceFile, pointer: string[], existing: unknown, ruleId: string, json: boolean): TextEdit | undefined {
  if (Array.isArray(existing)) {
    if (existing.includes(ruleId)) return undefined;
    return appendItem(file, pointer, scalarText(ruleId, json));
  }
  // A block map of reasons: one more member (a flow one is left as written).
  if (isObject(existing) && !json && !(ruleId in existing) && file.text[file.spanOf(pointer)?.start ?? 0] !== '{') {
    return insertEntries(file, pointer, [[ruleId, 'ignored from the editor']]);
  }
  return undefined;
}
