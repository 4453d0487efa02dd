/**
 * A quick, interpreted "is this value valid?" over the validator's converted schemas, so the
 * common case (a valid example, a conforming response) costs a walk of the value instead of
 * compiling the schema and everything it references with ajv (about a second on GitHub's
 * description, whose examples reach most of its 900 component schemas).
 *
 * It only ever answers `true` for sure: ajv stays the judge of every failure and of every
 * schema this does not fully understand. `quickCheck` returns where it found a failure (the
 * innermost subschema that fails by its own keywords, and the member of the value there), so
 * ajv need compile only that subschema to say what is wrong; it throws Unsure when a keyword,
 * a value or a depth is beyond it, and the caller then asks ajv about the whole value. So a finding can only differ from ajv's if this says `true` where ajv would not:
 * each keyword below reads the value exactly as ajv's generated code does (the same property
 * access, number tests, regexp flags, string length and format functions), and where in doubt
 * it is stricter, never looser. test/schema-quick-check.test.ts compares the two verdicts.
 */
import { isObject } from '../model/json';

/** Beyond what this checks: ask ajv. */
export class Unsure extends Error {}

export interface QuickContext {
  /** The converted schema a registered id names (`{ $ref: id }`), if any. */
  schemaFor(id: string): unknown;
  /** The format checks ajv holds: a RegExp, a function, `true`, or `{ type, validate }`. */
  formats: Readonly<Record<string, unknown>>;
  /** The names DIRECTIONAL_REQUIRED lists for the running direction. */
  directionalKeyword: string;
  direction: 'request' | 'response';
  /** 2020-12 (`prefixItems`, `items` after them) or draft-07 (`items` as an array, `additionalItems`). */
  draft2020: boolean;
}

/** Keywords ajv validates that this does not: their presence means "ask ajv". */
const NOT_HANDLED = new Set([
  'unevaluatedProperties', 'unevaluatedItems', 'minContains', 'maxContains', '$dynamicRef', '$recursiveRef',
  'formatMinimum', 'formatMaximum', 'formatExclusiveMinimum', 'formatExclusiveMaximum', 'discriminator', 'nullable', '$async', '$data',
]);
const MAX_DEPTH = 256;
const COMBINERS = ['allOf', 'anyOf', 'oneOf'] as const;
/** Schemas already known to hold no keyword of NOT_HANDLED (converted schemas are never changed). */
const screened = new WeakSet<object>();
const TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null', 'array', 'object']);

/** Where a value fails: the converted subschema, the member of the value it judges, and that member's path in the value. */
export interface QuickFailure {
  schema: unknown;
  value: unknown;
  path: string[];
  /** True when one of the subschema's own keywords failed (`type`, `required`, …); false for a composition (anyOf, oneOf, not, contains, propertyNames). */
  own: boolean;
  /** A `oneOf` the value passes more than one branch of. */
  several?: true;
}

function isNullBranch(failure: QuickFailure): boolean {
  return isObject(failure.schema) && failure.schema.type === 'null' && Object.keys(failure.schema).length === 1;
}

export function quickCheck(schema: unknown, value: unknown, ctx: QuickContext): true | QuickFailure {
  const path: string[] = [];
  let failure: QuickFailure | undefined;
  /** Records the innermost failure (the first one recorded, as failures propagate outwards). */
  const fail = (node: unknown, data: unknown, own = true): false => {
    failure ??= { schema: node, value: data, path: [...path], own };
    return false;
  };
  /** A subschema judged for the answer only (a branch of anyOf/oneOf, `not`, `if`): its failures are not the value's. */
  const tries = (node: unknown, data: unknown, depth: number): boolean => {
    const saved = failure;
    const ok = valid(node, data, depth);
    failure = saved;
    return ok;
  };
  /** How many of `members` the value passes, and where it failed each of the others. */
  const branches = (members: unknown[], data: unknown, depth: number): { passed: number; failures: QuickFailure[] } => {
    const saved = failure;
    const failures: QuickFailure[] = [];
    let passed = 0;
    for (const part of members) {
      failure = undefined;
      if (valid(part, data, depth)) passed++;
      else failures.push(failure ?? { schema: part, value: data, path: [...path], own: false });
    }
    failure = saved;
    return { passed, failures };
  };
  /** A member of the value, judged at its path. */
  const member = (node: unknown, data: unknown, key: string, depth: number): boolean => {
    path.push(key);
    const ok = valid(node, data, depth);
    path.pop();
    return ok;
  };
  const patterns = new Map<string, RegExp>();
  const pattern = (source: unknown): RegExp => {
    if (typeof source !== 'string') throw new Unsure();
    let regexp = patterns.get(source);
    if (!regexp) {
      try {
        regexp = new RegExp(source, 'u'); // ajv's unicodeRegExp default
      } catch {
        throw new Unsure();
      }
      patterns.set(source, regexp);
    }
    return regexp;
  };

  const valid = (node: unknown, data: unknown, depth: number): boolean => {
    if (node === true) return true;
    if (node === false) return fail(node, data);
    if (!isObject(node) || depth > MAX_DEPTH) throw new Unsure();
    const type = kindOf(data);
    if (!screened.has(node)) {
      for (const key of Object.keys(node)) if (NOT_HANDLED.has(key)) throw new Unsure();
      screened.add(node);
    }

    if (node.$ref !== undefined) {
      if (typeof node.$ref !== 'string') throw new Unsure();
      const target = ctx.schemaFor(node.$ref);
      if (target === undefined) throw new Unsure();
      if (!valid(target, data, depth + 1)) return false;
    }
    if (node.type !== undefined && !typeMatches(node.type, data, type)) return fail(node, data);
    if (node.enum !== undefined) {
      if (!Array.isArray(node.enum)) throw new Unsure();
      if (!node.enum.some((entry) => equal(entry, data))) return fail(node, data);
    }
    if ('const' in node && !equal(node.const, data)) return fail(node, data);

    for (const key of COMBINERS) {
      if (node[key] === undefined) continue;
      const members = node[key];
      if (!Array.isArray(members)) throw new Unsure();
      if (key === 'allOf' && !members.every((part) => valid(part, data, depth + 1))) return false;
      if (key === 'anyOf' || key === 'oneOf') {
        const { passed, failures } = branches(members, data, depth + 1);
        if (passed === 1 || (passed > 1 && key === 'anyOf')) continue;
        if (passed > 1) {
          failure ??= { schema: node, value: data, path: [...path], own: false, several: true };
          return false;
        }
        // None passed: the likeliest cause is the failure deepest in the value (never the `type: null` branch `nullable` adds).
        const likeliest = failures.filter((branch) => !isNullBranch(branch)).reduce<QuickFailure | undefined>((best, branch) => (!best || branch.path.length > best.path.length ? branch : best), undefined);
        if (likeliest) {
          failure ??= likeliest;
          return false;
        }
        return fail(node, data, false);
      }
    }
    if (node.not !== undefined && tries(node.not, data, depth + 1)) return fail(node, data, false);
    if (node.if !== undefined) {
      const branch = tries(node.if, data, depth + 1) ? node.then : node.else;
      if (branch !== undefined && !valid(branch, data, depth + 1)) return false;
    }

    switch (type) {
      case 'number':
        return numberValid(node, data as number);
      case 'string':
        return stringValid(node, data as string);
      case 'array':
        return arrayValid(node, data as unknown[], depth);
      case 'object':
        return objectValid(node, data as Record<string, unknown>, depth);
      default:
        return true;
    }
  };

  const format = (node: Record<string, unknown>, data: unknown, type: 'string' | 'number'): boolean => {
    if (node.format === undefined) return true;
    if (typeof node.format !== 'string') throw new Unsure();
    const definition = Object.prototype.hasOwnProperty.call(ctx.formats, node.format) ? ctx.formats[node.format] : undefined;
    if (definition === undefined || definition === true) return true; // unknown formats are annotations (strict: false)
    let check: unknown = definition;
    let appliesTo = 'string';
    if (isObject(definition) && !(definition instanceof RegExp)) {
      if (definition.async) throw new Unsure();
      check = definition.validate;
      appliesTo = typeof definition.type === 'string' ? definition.type : 'string';
    }
    if (appliesTo !== type) return true;
    if (check instanceof RegExp) return check.test(data as string) || fail(node, data);
    if (typeof check === 'function') return Boolean(check(data)) || fail(node, data);
    throw new Unsure();
  };

  const numberValid = (node: Record<string, unknown>, data: number): boolean => {
    const limit = (key: string): number | undefined => {
      const bound = node[key];
      if (bound === undefined) return undefined;
      if (typeof bound !== 'number') throw new Unsure();
      return bound;
    };
    const minimum = limit('minimum');
    const maximum = limit('maximum');
    const exclusiveMinimum = limit('exclusiveMinimum');
    const exclusiveMaximum = limit('exclusiveMaximum');
    const multipleOf = limit('multipleOf');
    if (minimum !== undefined && data < minimum) return fail(node, data);
    if (maximum !== undefined && data > maximum) return fail(node, data);
    if (exclusiveMinimum !== undefined && data <= exclusiveMinimum) return fail(node, data);
    if (exclusiveMaximum !== undefined && data >= exclusiveMaximum) return fail(node, data);
    if (multipleOf !== undefined) {
      const ratio = data / multipleOf;
      if (ratio !== parseInt(ratio as unknown as string)) return fail(node, data); // ajv's test, large and tiny ratios included
    }
    return format(node, data, 'number');
  };

  const stringValid = (node: Record<string, unknown>, data: string): boolean => {
    if (node.minLength !== undefined || node.maxLength !== undefined) {
      if ((node.minLength !== undefined && typeof node.minLength !== 'number') || (node.maxLength !== undefined && typeof node.maxLength !== 'number')) throw new Unsure();
      const length = ucs2length(data);
      if (typeof node.minLength === 'number' && length < node.minLength) return fail(node, data);
      if (typeof node.maxLength === 'number' && length > node.maxLength) return fail(node, data);
    }
    if (node.pattern !== undefined && !pattern(node.pattern).test(data)) return fail(node, data);
    return format(node, data, 'string');
  };

  const arrayValid = (node: Record<string, unknown>, data: unknown[], depth: number): boolean => {
    const count = (key: string): number | undefined => {
      if (node[key] === undefined) return undefined;
      if (typeof node[key] !== 'number') throw new Unsure();
      return node[key] as number;
    };
    const minItems = count('minItems');
    const maxItems = count('maxItems');
    if (minItems !== undefined && data.length < minItems) return fail(node, data);
    if (maxItems !== undefined && data.length > maxItems) return fail(node, data);
    let first = 0; // items before this index were checked by a tuple form
    const tuple = ctx.draft2020 ? node.prefixItems : Array.isArray(node.items) ? node.items : undefined;
    if (tuple !== undefined) {
      if (!Array.isArray(tuple)) throw new Unsure();
      for (let index = 0; index < Math.min(tuple.length, data.length); index++) if (!member(tuple[index], data[index], String(index), depth + 1)) return false;
      first = tuple.length;
    }
    const rest = ctx.draft2020 ? node.items : Array.isArray(node.items) ? node.additionalItems : node.items;
    if (rest !== undefined) {
      for (let index = first; index < data.length; index++) if (!member(rest, data[index], String(index), depth + 1)) return false;
    }
    if (node.contains !== undefined && !data.some((item) => tries(node.contains, item, depth + 1))) return fail(node, data, false);
    if (node.uniqueItems === true) {
      for (let i = 0; i < data.length; i++) for (let j = i + 1; j < data.length; j++) if (equal(data[i], data[j])) return fail(node, data);
    } else if (node.uniqueItems !== undefined && node.uniqueItems !== false) throw new Unsure();
    return true;
  };

  const objectValid = (node: Record<string, unknown>, data: Record<string, unknown>, depth: number): boolean => {
    // ajv reads members as `data[name]` (ownProperties: false), so do we.
    const own = (name: string): unknown => data[name];
    if (node.required !== undefined) {
      if (!Array.isArray(node.required)) throw new Unsure();
      for (const name of node.required) if (typeof name !== 'string' || own(name) === undefined) return fail(node, data);
    }
    const directional = node[ctx.directionalKeyword];
    if (directional !== undefined) {
      const names = isObject(directional) ? directional[ctx.direction] : undefined;
      if (names !== undefined && !Array.isArray(names)) throw new Unsure();
      for (const name of (names as unknown[] | undefined) ?? []) if (!Object.prototype.hasOwnProperty.call(data, name as string)) return fail(node, data);
    }
    const keys = Object.keys(data);
    if (node.minProperties !== undefined || node.maxProperties !== undefined) {
      if ((node.minProperties !== undefined && typeof node.minProperties !== 'number') || (node.maxProperties !== undefined && typeof node.maxProperties !== 'number')) throw new Unsure();
      if (typeof node.minProperties === 'number' && keys.length < node.minProperties) return fail(node, data);
      if (typeof node.maxProperties === 'number' && keys.length > node.maxProperties) return fail(node, data);
    }
    const properties = node.properties;
    if (properties !== undefined) {
      if (!isObject(properties)) throw new Unsure();
      for (const name of Object.keys(properties)) {
        const value = own(name);
        if (value !== undefined && !member(properties[name], value, name, depth + 1)) return false;
      }
    }
    const patternProperties = node.patternProperties;
    if (patternProperties !== undefined && !isObject(patternProperties)) throw new Unsure();
    const patternKeys = patternProperties ? Object.keys(patternProperties) : [];
    for (const source of patternKeys) {
      const regexp = pattern(source);
      for (const key of keys) if (regexp.test(key) && !member(patternProperties![source], data[key], key, depth + 1)) return false;
    }
    const additional = node.additionalProperties;
    if (additional !== undefined && additional !== true) {
      for (const key of keys) {
        const declared = properties !== undefined && Object.prototype.hasOwnProperty.call(properties, key);
        if (declared || patternKeys.some((source) => pattern(source).test(key))) continue;
        if (additional === false) return fail(node, data);
        if (!member(additional, data[key], key, depth + 1)) return false;
      }
    }
    if (node.propertyNames !== undefined) for (const key of keys) if (!tries(node.propertyNames, key, depth + 1)) return fail(node, data, false);
    for (const keyword of ['dependencies', 'dependentRequired', 'dependentSchemas']) {
      const dependencies = node[keyword];
      if (dependencies === undefined) continue;
      if (!isObject(dependencies)) throw new Unsure();
      for (const name of Object.keys(dependencies)) {
        if (own(name) === undefined) continue;
        const dependency = dependencies[name];
        if (Array.isArray(dependency)) {
          if (dependency.some((other) => typeof other !== 'string' || own(other) === undefined)) return fail(node, data);
        } else if (!valid(dependency, data, depth + 1)) return false;
      }
    }
    return true;
  };

  if (valid(schema, value, 0)) return true;
  return failure ?? { schema, value, path: [], own: false };
}

/** The JSON type of a parsed value; anything a JSON or YAML value is not (a Date, a function, a Buffer) is beyond this. */
function kindOf(data: unknown): 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object' {
  if (data === null) return 'null';
  switch (typeof data) {
    case 'boolean':
    case 'number':
    case 'string':
      return typeof data as 'boolean' | 'number' | 'string';
    case 'object':
      if (Array.isArray(data)) return 'array';
      if (Object.getPrototypeOf(data) === Object.prototype || Object.getPrototypeOf(data) === null) return 'object';
      throw new Unsure();
    default:
      throw new Unsure();
  }
}

function typeMatches(type: unknown, data: unknown, kind: string): boolean {
  const names = typeof type === 'string' ? [type] : Array.isArray(type) ? type : undefined;
  if (!names || names.length === 0 || !names.every((name) => typeof name === 'string' && TYPES.has(name))) throw new Unsure();
  return names.some((name) => {
    if (name === 'integer') return typeof data === 'number' && !((data as number) % 1) && !Number.isNaN(data);
    return name === kind;
  });
}

/** Deep equality of JSON values, as ajv's (fast-deep-equal) reads them. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => equal(item, other[index]));
  }
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) throw new Unsure(); // Dates, Buffers: not JSON
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

/** String length in code points, as ajv counts it (a surrogate pair is one). */
function ucs2length(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    length++;
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) index++;
  }
  return length;
}
