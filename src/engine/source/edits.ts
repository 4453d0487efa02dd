import type { Range } from './line-index';
import type { SourceFile } from './source-file';
import type { Span } from './span';

/** An edit of one source text, LSP-style (the shape of rule.ts's TextEdit). */
export interface SourceEdit {
  range: Range;
  newText: string;
}

/**
 * Structural edits of a YAML or JSON text that keep its formatting: each writes in the
 * style of the text around it (YAML block or flow, JSON), touches nothing else, and is
 * undefined when the text is in a form it cannot edit exactly.
 */

/** Adds `entries` (`[key, value]` pairs, in order) in front of the members of the mapping at `pointer`. */
export function insertEntries(file: SourceFile, pointer: readonly string[], entries: readonly (readonly [string, unknown])[]): SourceEdit | undefined {
  const mapping = mappingAt(file, pointer);
  const span = file.spanOf(pointer);
  if (!mapping || !span) return undefined;
  const json = file.format === 'json';
  const keys = Object.keys(mapping);
  if (keys.length === 0) {
    // `{}` (a YAML flow mapping or JSON): the entry becomes its only member.
    if (file.text.slice(span.start, span.end).replace(/\s/g, '') !== '{}') return undefined;
    return { range: file.lines.range(span.start, span.end), newText: `{ ${entries.map(([key, value]) => flowEntry(key, value, json)).join(', ')} }` };
  }
  const first = firstKeySpan(file, pointer, keys);
  if (!first) return undefined;
  const at = file.lines.range(first.start, first.start).start;
  const indent = ' '.repeat(at.character);
  const flow = json || file.text[span.start] === '{';
  if (!flow) {
    const step = blockStep(file, pointer, at.character);
    return { range: { start: at, end: at }, newText: entries.map(([key, value]) => `${blockEntry(key, value, indent, step)}\n${indent}`).join('') };
  }
  // A flow mapping written a member per line: each entry gets its own line; inline: they go in front of the first member.
  const separator = startsLine(file.text, first.start) ? `,\n${indent}` : ', ';
  return { range: { start: at, end: at }, newText: entries.map(([key, value]) => `${flowEntry(key, value, json)}${separator}`).join('') };
}

/** Removes the mapping member at `pointer`, its key and value (and, in block YAML, its lines). */
export function removeEntry(file: SourceFile, pointer: readonly string[]): SourceEdit | undefined {
  const parentPointer = pointer.slice(0, -1);
  const mapping = mappingAt(file, parentPointer);
  const parentSpan = file.spanOf(parentPointer);
  const key = file.spanOf(pointer, 'key');
  const value = file.spanOf(pointer);
  if (!mapping || !parentSpan || !key || !value) return undefined;
  const { text } = file;
  const members = Object.keys(mapping)
    .map((name) => ({ key: file.spanOf([...parentPointer, name], 'key'), value: file.spanOf([...parentPointer, name]) }))
    .filter((member): member is { key: Span; value: Span } => member.key !== undefined && member.value !== undefined)
    .sort((a, b) => a.key.start - b.key.start);
  const index = members.findIndex((member) => member.key.start === key.start);
  if (index === -1 || members.length !== Object.keys(mapping).length) return undefined;
  const edit = (start: number, end: number, newText = '') => ({ range: file.lines.range(start, end), newText });
  if (members.length === 1) return edit(parentSpan.start, parentSpan.end, '{}');
  const next = members[index + 1];
  const flow = file.format === 'json' || text[parentSpan.start] === '{';
  if (flow) return next ? edit(key.start, next.key.start) : edit(members[index - 1].value.end, value.end);
  if (startsLine(text, key.start)) {
    const lineEnd = text.indexOf('\n', value.end);
    return edit(text.lastIndexOf('\n', key.start - 1) + 1, lineEnd === -1 ? text.length : lineEnd + 1);
  }
  // `- content: …` (the first member of a sequence item): the next member moves up behind the dash.
  return next ? edit(key.start, next.key.start) : undefined;
}

/** Appends an item, written as `item` (already in the file's syntax), to the list at `pointer`: a flow list `[a]` or a YAML block list. */
export function appendItem(file: SourceFile, pointer: readonly string[], item: string): SourceEdit | undefined {
  const span = file.spanOf(pointer);
  const list = walk(file.data, pointer);
  if (!span || !Array.isArray(list)) return undefined;
  const text = file.text.slice(span.start, span.end);
  if (text.startsWith('[')) {
    const close = span.start + text.lastIndexOf(']');
    const at = file.lines.range(close, close).start;
    return { range: { start: at, end: at }, newText: list.length === 0 ? item : `, ${item}` };
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

/**
 * A scalar as the file writes it: JSON strings are quoted; YAML ones only when plain text would
 * read as something else, and then in single quotes (which escape nothing but `'`) where they can.
 */
export function scalarText(value: string | number | boolean | null, json: boolean): string {
  if (typeof value !== 'string' || json) return JSON.stringify(value);
  if (PLAIN.test(value) && !RESERVED.test(value)) return value;
  // eslint-disable-next-line no-control-regex -- a control character cannot appear in a plain YAML scalar
  return /[\x00-\x1f]/.test(value) ? JSON.stringify(value) : `'${value.replace(/'/g, "''")}'`;
}

/** Strings YAML reads back unchanged without quotes, in block and flow context alike. */
const PLAIN = /^[A-Za-z_/][\w ./()-]*[\w./()-]$|^[A-Za-z_]$/;
const RESERVED = /^(true|false|null|yes|no|on|off|y|n)$/i;

function flowEntry(key: string, value: unknown, json: boolean): string {
  return `${scalarText(key, json)}: ${flowValue(value, json)}`;
}

function flowValue(value: unknown, json: boolean): string {
  if (Array.isArray(value)) return `[${value.map((item) => flowValue(item, json)).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).map(([key, member]) => flowEntry(key, member, json));
    if (members.length === 0) return '{}';
    return json ? `{${members.join(', ')}}` : `{ ${members.join(', ')} }`;
  }
  return scalarText(value as string | number | boolean | null, json);
}

/** A block YAML entry: a mapping that holds mappings on lines of its own, `step` deeper; other values inline (`schema: { type: string }`). */
function blockEntry(key: string, value: unknown, indent: string, step: number): string {
  const head = `${scalarText(key, false)}:`;
  const isMapping = (member: unknown): member is Record<string, unknown> => member !== null && typeof member === 'object' && !Array.isArray(member);
  if (!isMapping(value) || !Object.values(value).some(isMapping)) return `${head} ${flowValue(value, false)}`;
  const inner = indent + ' '.repeat(step);
  return [head, ...Object.entries(value).map(([name, member]) => inner + blockEntry(name, member, inner, step))].join('\n');
}

/** How much deeper the document indents a mapping's members than the mapping's own key (2 when it cannot tell). */
function blockStep(file: SourceFile, pointer: readonly string[], memberColumn: number): number {
  const ownKey = pointer.length > 0 ? file.spanOf(pointer, 'key') : undefined;
  if (!ownKey || !startsLine(file.text, ownKey.start)) return 2;
  const step = memberColumn - file.lines.range(ownKey.start, ownKey.start).start.character;
  return step > 0 ? step : 2;
}

function firstKeySpan(file: SourceFile, pointer: readonly string[], keys: string[]): Span | undefined {
  const spans = keys.map((key) => file.spanOf([...pointer, key], 'key'));
  if (spans.some((span) => span === undefined)) return undefined;
  return (spans as Span[]).reduce((first, span) => (span.start < first.start ? span : first));
}

/** Whether only blanks stand between the start of the line and `offset`. */
function startsLine(text: string, offset: number): boolean {
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset).trim() === '';
}

function mappingAt(file: SourceFile, pointer: readonly string[]): Record<string, unknown> | undefined {
  const value = walk(file.data, pointer);
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function walk(data: unknown, pointer: readonly string[]): unknown {
  let node = data;
  for (const segment of pointer) {
    if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, segment)) return undefined;
    node = (node as Record<string, unknown>)[segment];
  }
  return node;
}
