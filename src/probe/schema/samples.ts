/**
 * Values built from a schema of the document, for request bodies: a value the schema
 * accepts (`sampleValue`) and one it rejects (`invalidValue`). Both read the schema as
 * written (OpenAPI keywords, `$ref`s followed with the validator's SchemaRefs) and can take
 * the validator as a check: generation is a best effort (patterns, oneOf), the check makes
 * the result exact by trying a few candidates.
 */
import type { SourceFile } from '../../engine/source/source-file';
import type { LiveSchema } from '../../engine/live/types';
import type { Direction, SchemaVersion } from '../../engine/schema/convert';
import { hasFlag } from '../../engine/schema/convert';
import { isObject } from '../../engine/model/json';
import { locationKey, type SchemaRefs } from '../../engine/schema/refs';

export interface SampleOptions {
  version?: SchemaVersion;
  /** `request` (default) leaves readOnly properties out; `response` leaves writeOnly ones out. */
  direction?: Direction;
  /** How deep objects and arrays nest before the generator stops adding optional parts (default 6). */
  maxDepth?: number;
  /**
   * Whether the schema accepts a value (`(v) => !validator.validate(schema, v, direction)`).
   * With it, sampleValue returns the first candidate accepted (documented examples first) and
   * invalidValue the first one rejected.
   */
  accepts?: (value: unknown) => boolean;
}

/** Objects with at most this many properties get all of them, not only the required ones. */
const SMALL_OBJECT = 8;

interface Run {
  refs: SchemaRefs;
  version: SchemaVersion;
  direction: Direction;
  maxDepth: number;
  /** Use documented `example`/`examples`/`default` values. */
  examples: boolean;
  /** Which oneOf/anyOf option to take (clamped to the options there are). */
  choice: number;
  /** Include every property, not only the required ones (else: only on small objects). */
  allProperties: boolean;
}

/** A value `schema` accepts; undefined only for a schema nothing satisfies (`false`). */
export function sampleValue(schema: LiveSchema, refs: SchemaRefs, options: SampleOptions = {}): unknown {
  const first = generate(schema.value, schema.loc.file, run(refs, options, VARIANTS[0]), 0, new Set());
  if (!options.accepts || options.accepts(first)) return first;
  // Documented examples are often wrong, and the first oneOf option may match two options:
  // with a check, generated alternatives are tried one by one (they can be large: lazily).
  for (const variant of VARIANTS.slice(1)) {
    const value = generate(schema.value, schema.loc.file, run(refs, options, variant), 0, new Set());
    if (options.accepts(value)) return value;
  }
  return first;
}

const VARIANTS: Pick<Run, 'examples' | 'choice' | 'allProperties'>[] = [
  { examples: true, choice: 0, allProperties: false },
  { examples: false, choice: 0, allProperties: false },
  { examples: false, choice: 1, allProperties: false },
  { examples: false, choice: 2, allProperties: false },
  { examples: false, choice: 0, allProperties: true },
];

/**
 * A JSON value `schema` rejects: for an object, its sample without a required property or
 * with a property of the wrong type; else a value of the wrong type. Undefined when the
 * schema accepts everything (`{}`), or, given `accepts`, when no candidate is rejected.
 */
export function invalidValue(schema: LiveSchema, refs: SchemaRefs, options: SampleOptions = {}): unknown {
  const base = run(refs, options, { examples: false, choice: 0, allProperties: false });
  const sample = generate(schema.value, schema.loc.file, base, 0, new Set());
  const candidates: unknown[] = [];
  const types = explicitTypes(schema.value, schema.loc.file, base, 0);
  if (isObject(sample)) {
    for (const name of requiredNames(schema.value, schema.loc.file, base, 0)) {
      if (name in sample) {
        const { [name]: _removed, ...rest } = sample;
        candidates.push(rest);
        break;
      }
    }
    // A property of a type its schema does not allow (only where the schema says a type).
    for (const property of propertySchemas(schema.value, schema.loc.file, base, 0)) {
      if (!(property.name in sample)) continue;
      const wrong = explicitTypes(property.schema, property.file, base, 0);
      if (wrong) candidates.push({ ...sample, [property.name]: wrongTypes(wrong)[0] });
    }
  }
  if (types) candidates.push(...wrongTypes(types));
  if (options.accepts) {
    // Without a declared type the wrong-type guesses are worth trying only with a check.
    if (!types) candidates.push(12345, 'restlint-invalid', true, [], {}, null);
    return candidates.find((value) => !options.accepts!(value));
  }
  return candidates[0];
}

function run(refs: SchemaRefs, options: SampleOptions, rest: Pick<Run, 'examples' | 'choice' | 'allProperties'>): Run {
  return { refs, version: options.version ?? '3.0', direction: options.direction ?? 'request', maxDepth: options.maxDepth ?? 6, ...rest };
}

/** The schema a `$ref` names (one hop), with its file; `{}` for remote or broken references. */
function deref(node: Record<string, unknown>, file: SourceFile, r: Run): { node: unknown; file: SourceFile; key?: string } {
  const target = r.refs.follow(node.$ref, file);
  if (target.kind !== 'found') return { node: {}, file };
  return { node: target.value, file: target.loc.file, key: locationKey(target.loc) };
}

/** `stack` holds the `$ref` targets being generated: a reference back into one stops there. */
function generate(node: unknown, file: SourceFile, r: Run, depth: number, stack: Set<string>): unknown {
  if (node === true) return {};
  if (!isObject(node)) return undefined;
  if ('$ref' in node) {
    const target = deref(node, file, r);
    // A reference back into itself: nothing, so an optional property or array item is left
    // out; a required property gets a value of the right type (sampleObject).
    if (target.key && stack.has(target.key)) return undefined;
    const inner = new Set(stack);
    if (target.key) inner.add(target.key);
    const value = generate(target.node, target.file, r, depth, inner);
    if (r.version !== '3.1') return value;
    const { $ref: _ref, ...siblings } = node;
    return hasConstraints(siblings) ? merge(value, generate(siblings, file, r, depth, stack)) : value;
  }
  if (r.examples) {
    // 3.1 schemas keep 2020-12's `examples` and the deprecated `example`; 3.0's have `example` only.
    if (Array.isArray(node.examples) && node.examples.length > 0) return node.examples[0];
    if ('example' in node) return node.example;
    if ('default' in node) return node.default;
  }
  if ('const' in node) return node.const;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum.find((value) => value !== null) ?? node.enum[0];
  // allOf, oneOf, anyOf: inline parts (`{ required: [state] }` beside `properties`) are merged
  // into the schema itself; referenced ones are generated on their own and merged as values.
  if (Array.isArray(node.allOf)) {
    const { inline, others } = flattenAllOf(node, file, r, 0);
    const own = inline.reduce<Record<string, unknown>>((merged, part) => mergeSchemas(merged, part), {});
    let value: unknown;
    for (const part of others) value = merge(value, generate(part.node, part.file, r, depth, stack));
    // The merged inline keywords last: they usually narrow what the other parts allow.
    return hasConstraints(own) ? merge(value, generate(own, file, r, depth, stack)) : value;
  }
  for (const key of ['oneOf', 'anyOf'] as const) {
    const options = node[key];
    if (Array.isArray(options) && options.length > 0) {
      const { [key]: _options, ...rest } = node;
      const option = options[Math.min(r.choice, options.length - 1)];
      if (isObject(option) && !('$ref' in option) && !hasCombinator(option)) return generate(mergeSchemas(rest, option), file, r, depth, stack);
      const value = generate(option, file, r, depth, stack);
      return hasConstraints(rest) ? merge(generate(rest, file, r, depth, stack), value) : value;
    }
  }
  switch (typeOf(node)) {
    case 'object':
      return sampleObject(node, file, r, depth, stack);
    case 'array':
      return sampleArray(node, file, r, depth, stack);
    case 'string':
      return sampleString(node);
    case 'integer':
    case 'number':
      return sampleNumber(node, typeOf(node) === 'integer');
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return {};
  }
}

function sampleObject(node: Record<string, unknown>, file: SourceFile, r: Run, depth: number, stack: Set<string>): Record<string, unknown> {
  const properties = isObject(node.properties) ? node.properties : {};
  const required = Array.isArray(node.required) ? node.required.filter((name): name is string => typeof name === 'string') : [];
  const skip = r.direction === 'request' ? 'readOnly' : 'writeOnly';
  const names = new Set(required);
  // Optional properties only while shallow: they are where cycles and odd constraints live.
  if ((r.allProperties || Object.keys(properties).length <= SMALL_OBJECT) && depth < r.maxDepth) for (const name of Object.keys(properties)) names.add(name);
  const out: Record<string, unknown> = {};
  for (const name of names) {
    if (!required.includes(name) && hasFlag(properties[name], skip, file, r)) continue;
    const schema = name in properties ? properties[name] : isObject(node.additionalProperties) ? node.additionalProperties : true;
    let value = depth < r.maxDepth || required.includes(name) ? generate(schema, file, r, depth + 1, stack) : undefined;
    if (value === undefined && required.includes(name)) value = minimal(schema, file, r);
    if (value !== undefined) out[name] = value;
  }
  return out;
}

function sampleArray(node: Record<string, unknown>, file: SourceFile, r: Run, depth: number, stack: Set<string>): unknown[] {
  const tuple = Array.isArray(node.prefixItems) ? node.prefixItems : Array.isArray(node.items) ? node.items : undefined;
  if (tuple) return tuple.map((item) => generate(item, file, r, depth + 1, stack) ?? null);
  const count = typeof node.maxItems === 'number' && node.maxItems < 1 ? 0 : Math.max(1, Math.min(typeof node.minItems === 'number' ? node.minItems : 1, 5));
  if (count === 0 || (depth >= r.maxDepth && !(typeof node.minItems === 'number' && node.minItems > 0))) return [];
  const item = generate(node.items ?? {}, file, r, depth + 1, stack);
  if (item === undefined) return [];
  // uniqueItems with minItems > 1: distinct numbers or strings where the items are such.
  return Array.from({ length: count }, (_, index) => (index === 0 ? item : typeof item === 'number' ? item + index : typeof item === 'string' ? item + index : item));
}

const FORMATS: Record<string, string> = {
  'date-time': '2024-01-01T00:00:00Z',
  date: '2024-01-01',
  time: '12:00:00Z',
  email: 'user@example.com',
  'idn-email': 'user@example.com',
  uuid: '123e4567-e89b-12d3-a456-426614174000',
  uri: 'https://example.com/',
  url: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  iri: 'https://example.com/',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  byte: 'c2FtcGxl',
  duration: 'P1D',
  int64: '1',
  int32: '1',
};
/** Strings tried against a `pattern` when nothing better is known. */
const PATTERN_GUESSES = ['sample', 'a', 'A', 'abc', 'ABC', '1', '123', 'abc123', 'a-b', 'a_b', 'US', 'USD', 'en', 'en-US', '1.0.0', '+15555550100', '#ffffff'];

function sampleString(node: Record<string, unknown>): string {
  const format = typeof node.format === 'string' ? FORMATS[node.format] : undefined;
  let value = format ?? 'sample';
  if (typeof node.pattern === 'string') {
    const pattern = safeRegExp(node.pattern);
    if (pattern && !pattern.test(value)) value = [fromPattern(node.pattern), ...PATTERN_GUESSES].find((guess) => guess !== undefined && pattern.test(guess)) ?? value;
  }
  if (typeof node.minLength === 'number' && value.length < node.minLength) value = value.padEnd(Math.min(node.minLength, 10_000), 'x');
  if (typeof node.maxLength === 'number' && value.length > node.maxLength) value = value.slice(0, Math.max(0, node.maxLength));
  return value;
}

function sampleNumber(node: Record<string, unknown>, integer: boolean): number {
  const step = integer ? 1 : 0.5;
  // draft-04 (2.0/3.0) writes exclusive bounds as booleans beside minimum/maximum, 3.1 as numbers.
  let low = typeof node.minimum === 'number' ? node.minimum + (node.exclusiveMinimum === true ? step : 0) : undefined;
  if (typeof node.exclusiveMinimum === 'number') low = Math.max(low ?? -Infinity, node.exclusiveMinimum + step);
  let high = typeof node.maximum === 'number' ? node.maximum - (node.exclusiveMaximum === true ? step : 0) : undefined;
  if (typeof node.exclusiveMaximum === 'number') high = Math.min(high ?? Infinity, node.exclusiveMaximum - step);
  let value = low ?? (high !== undefined ? Math.min(high, 1) : 1);
  if (integer) value = Math.ceil(value);
  if (typeof node.multipleOf === 'number' && node.multipleOf > 0) value = Math.ceil(value / node.multipleOf) * node.multipleOf;
  if (high !== undefined && value > high) value = high;
  return value;
}

/** A value that only has to be of the schema's type (used where a reference loops back). */
function minimal(node: unknown, file: SourceFile, r: Run): unknown {
  const types = explicitTypes(node, file, r, 0);
  switch (types?.[0]) {
    case 'array':
      return [];
    case 'string':
      return 'sample';
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return {};
  }
}

/** The schema's type, declared or implied by its keywords. */
function typeOf(node: Record<string, unknown>): string | undefined {
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') ?? node.type[0] : node.type;
  if (typeof type === 'string') return type === 'file' ? 'string' : type;
  if ('properties' in node || 'required' in node || 'additionalProperties' in node) return 'object';
  if ('items' in node || 'prefixItems' in node) return 'array';
  if ('pattern' in node || 'minLength' in node || 'format' in node) return 'string';
  if ('minimum' in node || 'maximum' in node) return 'number';
  return undefined;
}

/** Types a schema declares with `type` (through `$ref`, allOf, oneOf/anyOf); undefined when it does not restrict them. */
function explicitTypes(node: unknown, file: SourceFile, r: Run, hops: number): string[] | undefined {
  if (!isObject(node) || hops > 16) return undefined;
  if ('$ref' in node) {
    const target = deref(node, file, r);
    return explicitTypes(target.node, target.file, r, hops + 1);
  }
  let types: string[] | undefined = typeof node.type === 'string' ? [node.type] : Array.isArray(node.type) ? node.type.filter((t): t is string => typeof t === 'string') : undefined;
  if (types?.includes('file')) return undefined;
  if (types?.includes('number')) types.push('integer');
  if (Array.isArray(node.allOf)) {
    for (const part of node.allOf) {
      const partTypes = explicitTypes(part, file, r, hops + 1);
      if (partTypes) types = types ? types.filter((t) => partTypes.includes(t)) : partTypes;
    }
  }
  for (const key of ['oneOf', 'anyOf']) {
    const options = node[key];
    if (!Array.isArray(options) || options.length === 0) continue;
    const all = options.map((option) => explicitTypes(option, file, r, hops + 1));
    if (all.some((t) => t === undefined)) continue;
    const union = [...new Set(all.flat() as string[])];
    types = types ? types.filter((t) => union.includes(t)) : union;
  }
  if (types && ((r.version === '3.0' && node.nullable === true) || (r.version === '2.0' && node['x-nullable'] === true))) types = [...types, 'null'];
  return types;
}

/** Names the schema requires (its own, through `$ref` and allOf). */
function requiredNames(node: unknown, file: SourceFile, r: Run, hops: number): string[] {
  if (!isObject(node) || hops > 16) return [];
  if ('$ref' in node) {
    const target = deref(node, file, r);
    return requiredNames(target.node, target.file, r, hops + 1);
  }
  const own = Array.isArray(node.required) ? node.required.filter((name): name is string => typeof name === 'string') : [];
  const parts = Array.isArray(node.allOf) ? node.allOf.flatMap((part) => requiredNames(part, file, r, hops + 1)) : [];
  const properties = isObject(node.properties) ? node.properties : {};
  const skip = r.direction === 'request' ? 'readOnly' : 'writeOnly';
  return [...own.filter((name) => !hasFlag(properties[name], skip, file, r)), ...parts];
}

/** The property schemas of an object schema (its own, through `$ref` and allOf), each with its file. */
function propertySchemas(node: unknown, file: SourceFile, r: Run, hops: number): { name: string; schema: unknown; file: SourceFile }[] {
  if (!isObject(node) || hops > 16) return [];
  if ('$ref' in node) {
    const target = deref(node, file, r);
    return propertySchemas(target.node, target.file, r, hops + 1);
  }
  const own = isObject(node.properties) ? Object.entries(node.properties).map(([name, schema]) => ({ name, schema, file })) : [];
  const parts = Array.isArray(node.allOf) ? node.allOf.flatMap((part) => propertySchemas(part, file, r, hops + 1)) : [];
  return [...own, ...parts];
}

/** Values of none of `types` (null last: a nullable schema accepts it). */
function wrongTypes(types: string[]): unknown[] {
  const out: unknown[] = [];
  if (!types.includes('integer') && !types.includes('number')) out.push(12345);
  if (!types.includes('string')) out.push('restlint-invalid');
  if (!types.includes('boolean')) out.push(true);
  if (!types.includes('object')) out.push({ restlint: 'invalid' });
  if (!types.includes('array')) out.push([]);
  if (!types.includes('null')) out.push(null);
  return out;
}

/**
 * The parts of an allOf that can be merged as schemas (inline ones, and `$ref`s into the
 * same file, whose nested references still resolve from it), and the rest (other files,
 * oneOf/anyOf), which are generated on their own and merged as values.
 */
function flattenAllOf(node: Record<string, unknown>, file: SourceFile, r: Run, hops: number): { inline: Record<string, unknown>[]; others: { node: unknown; file: SourceFile }[] } {
  const inline: Record<string, unknown>[] = [];
  const others: { node: unknown; file: SourceFile }[] = [];
  const { allOf, ...rest } = node;
  inline.push(rest);
  for (let part of Array.isArray(allOf) ? allOf : []) {
    let partFile = file;
    if (isObject(part) && '$ref' in part && hops < 16) {
      const target = deref(part, file, r);
      if (target.file === file && isObject(target.node) && (r.version !== '3.1' || Object.keys(part).length === 1)) part = target.node;
      partFile = target.file;
      if (target.file !== file) part = target.node;
    }
    // A part with a documented example keeps it: generated on its own, merged as a value.
    const documented = r.examples && isObject(part) && ('example' in part || 'examples' in part || 'default' in part);
    if (!isObject(part) || partFile !== file || documented || 'oneOf' in part || 'anyOf' in part || ('$ref' in part && hops >= 16)) others.push({ node: part, file: partFile });
    else if ('allOf' in part || '$ref' in part) {
      const nested = 'allOf' in part ? flattenAllOf(part, file, r, hops + 1) : flattenAllOf({ allOf: [part] }, file, r, hops + 1);
      inline.push(...nested.inline);
      others.push(...nested.others);
    } else inline.push(part);
  }
  return { inline, others };
}

function hasCombinator(node: Record<string, unknown>): boolean {
  return 'allOf' in node || 'oneOf' in node || 'anyOf' in node;
}

/** Whether a schema says anything a sample must follow (not only title/description). */
function hasConstraints(node: Record<string, unknown>): boolean {
  return Object.keys(node).some((key) => !['title', 'description', 'discriminator', 'externalDocs', 'xml'].includes(key) && !key.startsWith('x-'));
}

/** Two inline schemas as one: properties and required lists joined, other keywords from `b`. */
function mergeSchemas(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a, ...b };
  if (isObject(a.properties) || isObject(b.properties)) out.properties = { ...(a.properties as object), ...(b.properties as object) };
  if (Array.isArray(a.required) || Array.isArray(b.required)) out.required = [...new Set([...((a.required as unknown[]) ?? []), ...((b.required as unknown[]) ?? [])])];
  return out;
}

function merge(a: unknown, b: unknown): unknown {
  if (a === undefined) return b;
  if (b === undefined) return a;
  if (isObject(a) && isObject(b)) {
    const out: Record<string, unknown> = { ...a };
    for (const [key, value] of Object.entries(b)) out[key] = key in out ? merge(out[key], value) : value;
    return out;
  }
  return b;
}

/**
 * A string for the simple patterns documents write (`^/v1/prices`, `^sha256:[a-f0-9]{64}$`,
 * `^[A-Z]{3}$`): literals, escapes, classes (their first member), quantifiers (their least
 * count, at least one for `+`), groups (their first alternative). Undefined for anything else;
 * the caller tests the result against the real pattern anyway.
 */
export function fromPattern(pattern: string): string | undefined {
  let at = 0;
  const CLASS: Record<string, string> = { d: '1', w: 'a', s: ' ', D: 'a', W: '-', S: 'a' };
  const sequence = (): string | undefined => {
    let out = '';
    while (at < pattern.length && pattern[at] !== ')' && pattern[at] !== '|') {
      let atom: string | undefined;
      const char = pattern[at++];
      if (char === '^' || char === '$') continue;
      if (char === '\\') {
        const next = pattern[at++];
        atom = CLASS[next] ?? next;
      } else if (char === '[') {
        const end = pattern.indexOf(']', at + 1);
        if (end === -1) return undefined;
        let body = pattern.slice(at, end);
        at = end + 1;
        // A negated class: the first of a few characters it does not name.
        if (body.startsWith('^')) body = ['a', '1', '-', '_'].find((candidate) => !body.includes(candidate)) ?? '';
        if (body.startsWith('\\')) body = CLASS[body[1]] ?? body[1];
        atom = body[0];
      } else if (char === '(') {
        if (pattern.startsWith('?:', at)) at += 2;
        else if (pattern[at] === '?') return undefined;
        atom = sequence();
        while (pattern[at] === '|') {
          at++;
          sequence();
        }
        if (pattern[at++] !== ')') return undefined;
      } else if (char === '.') atom = 'a';
      else if ('*+?{'.includes(char)) return undefined;
      else atom = char;
      if (atom === undefined) return undefined;
      let count = 1;
      const quantifier = /^(?:([*?])|(\+)|\{(\d+)(?:,\d*)?\})\??/.exec(pattern.slice(at));
      if (quantifier) {
        at += quantifier[0].length;
        count = quantifier[1] ? 0 : quantifier[2] ? 1 : Math.min(Number(quantifier[3]), 1000);
      }
      out += atom.repeat(count);
    }
    return out;
  };
  const result = sequence();
  while (result !== undefined && pattern[at] === '|') {
    at++;
    sequence();
  }
  return at === pattern.length ? result : undefined;
}

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    try {
      return new RegExp(pattern);
    } catch {
      return undefined;
    }
  }
}
