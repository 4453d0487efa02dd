import type { TextEdit } from 'vscode-languageserver';
import { isObject } from '../engine/model/json';
import { walkPointer } from '../engine/resolve/refs';
import type { SourceFile } from '../engine/source/source-file';
import { IGNORE_KEY } from '../engine/ignores';

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

  const keys = Object.keys(object.value);
  const objectSpan = file.spanOf(target);
  if (!objectSpan) return undefined;
  const entry = json ? `"${IGNORE_KEY}": ["${ruleId}"]` : `${IGNORE_KEY}: [${ruleId}]`;
  if (keys.length === 0) {
    // `{}` (a YAML flow mapping or JSON): the list becomes its only member.
    if (file.text.slice(objectSpan.start, objectSpan.end).replace(/\s/g, '') !== '{}') return undefined;
    return { range: file.lines.range(objectSpan.start, objectSpan.end), newText: `{ ${entry} }` };
  }
  const first = file.spanOf([...target, keys[0]], 'key');
  if (!first) return undefined;
  const at = file.lines.range(first.start, first.start).start;
  const flow = json || file.text[objectSpan.start] === '{';
  const ownLine = file.text.slice(file.text.lastIndexOf('\n', first.start - 1) + 1, first.start).trim() === '';
  // A block mapping, or a flow one written a member per line: the entry gets its own line,
  // indented like the first key; inline flow: it goes in front of the first member.
  const separator = flow ? ',' : '';
  const newText = ownLine || !flow ? `${entry}${separator}\n${' '.repeat(at.character)}` : `${entry}${separator} `;
  return { range: { start: at, end: at }, newText };
}

/** Adds the rule to an `x-restlint-ignore` that exists: a flow list `[a]`, a YAML block list, or a block map. */
function extendIgnore(file: SourceFile, pointer: string[], existing: unknown, ruleId: string, json: boolean): TextEdit | undefined {
  const span = file.spanOf(pointer);
  if (!span) return undefined;
  if (Array.isArray(existing)) {
    if (existing.includes(ruleId)) return undefined;
    const text = file.text.slice(span.start, span.end);
    const item = json ? `"${ruleId}"` : ruleId;
    if (text.startsWith('[')) {
      const close = span.start + text.lastIndexOf(']');
      const at = file.lines.range(close, close).start;
      return { range: { start: at, end: at }, newText: existing.length === 0 ? item : `, ${item}` };
    }
    // A YAML block list: one more `- item` line, indented like the first.
    const firstItem = file.spanOf([...pointer, '0']);
    if (!firstItem) return undefined;
    const lineStart = file.text.lastIndexOf('\n', firstItem.start - 1) + 1;
    const prefix = file.text.slice(lineStart, firstItem.start);
    if (!/^\s*-\s+$/.test(prefix)) return undefined;
    const end = file.lines.range(span.end, span.end).end;
    return { range: { start: end, end }, newText: `\n${prefix}${item}` };
  }
  if (isObject(existing) && !json && !(ruleId in existing)) {
    const keys = Object.keys(existing);
    const first = keys.length > 0 ? file.spanOf([...pointer, keys[0]], 'key') : undefined;
    if (!first || file.text[span.start] === '{') return undefined;
    const at = file.lines.range(first.start, first.start).start;
    return { range: { start: at, end: at }, newText: `${ruleId}: ignored from the editor\n${' '.repeat(at.character)}` };
  }
  return undefined;
}
