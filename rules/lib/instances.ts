/**
 * Checking values the document writes (examples, defaults, enum entries) against the schema
 * they belong to, through the engine's validator (RuleContext.validate), and saying what
 * failed in words and where: at the failing member inside the value when the source has it.
 */
import { isObject } from '../../src/engine/model/json';
import { childLocation, decodePointer, type NodeLocation } from '../../src/engine/model/location';
import type { SchemaFailure } from '../../src/engine/live/types';
import type { Part } from '../../src/engine/source/span';
import type { AnyRuleContext } from '../../src/engine/rule';

/** `request`/`response` for a value that travels one way; `either` for a schema's own values (a schema may serve both). */
export type ValueDirection = 'request' | 'response' | 'either';

/** Keywords whose failure is worth showing the value for: `must be integer (found "5")`. */
const SHOWS_VALUE = new Set([
  'type', 'enum', 'const', 'format', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minLength', 'maxLength',
]);
const MAX_SHOWN = 40;

export interface ValueProblem {
  failure: SchemaFailure;
  /** `at /name, must be string (found 5)`, or without `at …` for the value itself. */
  text: string;
  /** The failing member inside the value, when the source has it; else the value. */
  at: NodeLocation;
  part?: Part;
}

/**
 * The first failure of `value` (written at `valueAt`) against `schema` (written at `schemaAt`),
 * or undefined when it is valid, the schema cannot be checked, or the only complaint is that
 * a value matches several `oneOf` branches (or an `anyOf`, alone): ajv noise for discriminated
 * unions whose branches overlap, never a finding. `either` accepts a value valid in one of
 * the two directions.
 */
export function checkValue(
  context: AnyRuleContext,
  schema: unknown,
  schemaAt: NodeLocation,
  value: unknown,
  valueAt: NodeLocation,
  direction: ValueDirection,
  /** The value's strings may be serialized forms (a form body's members): a string where the schema wants another type is not judged. */
  serialized = false,
): ValueProblem | undefined {
  if (hasDate(value, 0)) value = withoutTimestamps(value, valueAt);
  let failure = context.validate(schema, schemaAt, value, direction === 'either' ? 'response' : direction);
  if (failure && direction === 'either' && !context.validate(schema, schemaAt, value, 'request')) failure = undefined;
  if (!failure || failure.keyword === 'oneOf' || failure.keyword === 'anyOf') return undefined;
  const segments = decodePointer(failure.pointer) ?? [];
  const found = memberAt(value, segments);
  if (serialized && failure.keyword === 'type' && typeof found.value === 'string') return undefined;
  let text = failure.message;
  if (context.version === '3.0' && failure.keyword === 'enum' && found.present && found.value === null) {
    // The type admitted null (nullable: true), the enum did not: the 3.0.3 clarification, which surprises.
    text += ' (found null: with nullable: true, OpenAPI 3.0.3 admits null beside an enum only when the enum lists null)';
  } else if (SHOWS_VALUE.has(failure.keyword) && found.present) {
    const shown = show(found.value, failure.keyword === 'type');
    if (shown) text += ` (found ${shown})`;
  }
  if (segments.length > 0) text = `at ${failure.pointer}, ${text}`;
  const place = locate(valueAt, segments, failure.property);
  return { failure, text, ...place };
}

/**
 * The value with every YAML 1.1 timestamp the parser made a Date (`created_at: 2020-07-28T18:00:00Z`
 * unquoted) back as the text written, which is what it is in YAML 1.2 and JSON: a string.
 * The same object when there is none.
 */
export function withoutTimestamps(value: unknown, at: NodeLocation, depth = 0): unknown {
  if (value instanceof Date) {
    const span = at.file.spanOf(at.pointer);
    const text = span ? at.file.text.slice(span.start, span.end).replace(/^(['"])(.*)\1$/, '$2') : undefined;
    return text ?? (Number.isNaN(value.getTime()) ? String(value) : value.toISOString());
  }
  if (depth > 64 || typeof value !== 'object' || value === null) return value;
  let copy: unknown[] | Record<string, unknown> | undefined;
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  for (const [key, member] of entries) {
    const plain = withoutTimestamps(member, childLocation(at, key), depth + 1);
    if (plain === member) continue;
    copy ??= Array.isArray(value) ? [...value] : { ...(value as Record<string, unknown>) };
    if (Array.isArray(copy)) copy[Number(key)] = plain;
    else copy[key] = plain;
  }
  return copy ?? value;
}

function hasDate(value: unknown, depth: number): boolean {
  if (value instanceof Date) return true;
  if (depth > 64 || typeof value !== 'object' || value === null) return false;
  for (const member of Array.isArray(value) ? value : Object.values(value)) if (hasDate(member, depth + 1)) return true;
  return false;
}

/** The member at `segments` inside `value`. */
function memberAt(value: unknown, segments: readonly string[]): { present: boolean; value?: unknown } {
  let node = value;
  for (const segment of segments) {
    if (Array.isArray(node) && /^\d+$/.test(segment) && Number(segment) < node.length) node = node[Number(segment)];
    else if (isObject(node) && Object.prototype.hasOwnProperty.call(node, segment)) node = node[segment];
    else return { present: false };
  }
  return { present: true, value: node };
}

/** A short rendering of a value for a message: scalars as JSON (long strings cut), containers by kind. */
export function show(value: unknown, kinds: boolean): string | undefined {
  if (Array.isArray(value)) return kinds ? 'an array' : undefined;
  if (isObject(value)) return kinds ? 'an object' : undefined;
  const text = JSON.stringify(value);
  if (text === undefined) return undefined;
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 2)}…"` : text;
}

/** The deepest place the source spells out: the failing member, its key for a member that is not allowed, or the value. */
function locate(valueAt: NodeLocation, segments: readonly string[], property: string | undefined): { at: NodeLocation; part?: Part } {
  const file = valueAt.file;
  if (property !== undefined) {
    const at = childLocation(valueAt, ...segments, property);
    if (file.spanOf(at.pointer, 'key')) return { at, part: 'key' };
  }
  for (let length = segments.length; length > 0; length--) {
    const at = childLocation(valueAt, ...segments.slice(0, length));
    if (file.spanOf(at.pointer)) return { at };
  }
  return { at: valueAt };
}

/** Keywords that do not constrain a value (or, `enum`/`default`, are what is checked): a schema of only these and `type` is "simple". */
const NOT_CONSTRAINING = new Set(['type', 'enum', 'default', 'nullable', 'x-nullable', 'description', 'title', 'example', 'examples', 'deprecated', 'readOnly', 'writeOnly', 'xml', 'externalDocs', 'name', 'in', 'required', 'allowEmptyValue', 'collectionFormat']);

/** The JSON types a schema of only `type` (and annotations) admits; undefined when it constrains more. */
export function simpleTypes(schema: Record<string, unknown>, version: string): Set<string> | undefined {
  for (const key of Object.keys(schema)) if (!NOT_CONSTRAINING.has(key) && !key.startsWith('x-')) return undefined;
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type.map(String) : undefined;
  if (!types) return undefined;
  const admitted = new Set(types);
  if (admitted.has('number')) admitted.add('integer');
  if ((version === '3.0' && schema.nullable === true) || (version === '2.0' && schema['x-nullable'] === true)) admitted.add('null');
  return admitted;
}

export function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value === 'object' ? 'object' : typeof value;
}
