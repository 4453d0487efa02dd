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
  const walk = new Walk(ctx);
  if (walk.valid(schema, value, 0)) return true;
  return walk.failure ?? { schema, value, path: [], own: false };
}

/** One walk of a value. A class, not closures: a walk runs for every example and every response. */
class Walk {
  /** The member of the value being judged, from the root. */
  private readonly path: string[] = [];
  failure: QuickFailure | undefined;
  private readonly patterns = new Map<string, RegExp>();

  constructor(private readonly ctx: QuickContext) {}

  /** Records the innermost failure (the first one recorded, as failures propagate outwards). */
  private fail(node: unknown, data: unknown, own = true): false {
    this.failure ??= { schema: node, value: data, path: [...this.path], own };
    return false;
  }
  /** A subschema judged for the answer only (a branch of anyOf/oneOf, `not`, `if`): its failures are not the value's. */
  private tries(node: unknown, data: unknown, depth: number): boolean {
    const saved = this.failure;
    const ok = this.valid(node, data, depth);
    this.failure = saved;
    return ok;
  }
  /** How many of `members` the value passes, and where it failed each of the others. */
  private branches(members: unknown[], data: unknown, depth: number): { passed: number; failures: QuickFailure[] } {
    const saved = this.failure;
    const failures: QuickFailure[] = [];
    let passed = 0;
    for (const part of members) {
      this.failure = undefined;
      if (this.valid(part, data, depth)) passed++;
      else failures.push(this.failure ?? { schema: part, value: data, path: [...this.path], own: false });
    }
    this.failure = saved;
    return { passed, failures };
  }
  /** A member of the value, judged at its path. */
  private member(node: unknown, data: unknown, key: string, depth: number): boolean {
    this.path.push(key);
    const ok = this.valid(node, data, depth);
    this.path.pop();
    return ok;
  }
  private pattern(source: unknown): RegExp {
    if (typeof source !== 'string') throw new Unsure();
    let regexp = this.patterns.get(source);
    if (!regexp) {
      try {
        regexp = new RegExp(source, 'u'); // ajv's unicodeRegExp default
      } catch {
        throw new Unsure();
      }
      this.patterns.set(source, regexp);
    }
    return regexp;
  }

  valid(node: unknown, data: unknown, depth: number): boolean {
    if (node === true) return true;
    if (node === false) return this.fail(node, data);
    if (!isObject(node) || depth > MAX_DEPTH) throw new Unsure();
    const type = kindOf(data);
    if (!screened.has(node)) {
      for (const key of Object.keys(node)) if (NOT_HANDLED.has(key)) throw new Unsure();
      screened.add(node);
    }

    if (node.$ref !== undefined) {
      if (typeof node.$ref !== 'string') throw new Unsure();
      const target = this.ctx.schemaFor(node.$ref);
      if (target === undefined) throw new Unsure();
      if (!this.valid(target, data, depth + 1)) return false;
    }
    if (node.type !== undefined && !typeMatches(node.type, data, type)) return this.fail(node, data);
    if (node.enum !== undefined) {
      if (!Array.isArray(node.enum)) throw new Unsure();
      if (!node.enum.some((entry) => equal(entry, data))) return this.fail(node, data);
    }
    if ('const' in node && !equal(node.const, data)) return this.fail(node, data);

    for (const key of COMBINERS) {
      if (node[key] === undefined) continue;
      const members = node[key];
      if (!Array.isArray(members)) throw new Unsure();
      if (key === 'allOf' && !members.every((part) => this.valid(part, data, depth + 1))) return false;
      if (key === 'anyOf' || key === 'oneOf') {
        const { passed, failures } = this.branches(members, data, depth + 1);
        if (passed === 1 || (passed > 1 && key === 'anyOf')) continue;
        if (passed > 1) {
          this.failure ??= { schema: node, value: data, path: [...this.path], own: false, several: true };
          return false;
        }
        // None passed: the likeliest cause is the this.failure deepest in the value (never the `type: null` branch `nullable` adds).
        const likeliest = failures.filter((branch) => !isNullBranch(branch)).reduce<QuickFailure | undefined>((best, branch) => (!best || branch.path.length > best.path.length ? branch : best), undefined);
        if (likeliest) {
          this.failure ??= likeliest;
          return false;
        }
        return this.fail(node, data, false);
      }
    }
    if (node.not !== undefined && this.tries(node.not, data, depth + 1)) return this.fail(node, data, false);
    if (node.if !== undefined) {
      const branch = this.tries(node.if, data, depth + 1) ? node.then : node.else;
      if (branch !== undefined && !this.valid(branch, data, depth + 1)) return false;
    }

    switch (type) {
      case 'number':
        return this.numberValid(node, data as number);
      case 'string':
        return this.stringValid(node, data as string);
      case 'array':
        return this.arrayValid(node, data as unknown[], depth);
      case 'object':
        return this.objectValid(node, data as Record<string, unknown>, depth);
      default:
        return true;
    }
  }

  private format(node: Record<string, unknown>, data: unknown, type: 'string' | 'number'): boolean {
    if (node.format === undefined) return true;
    if (typeof node.format !== 'string') throw new Unsure();
    const definition = Object.prototype.hasOwnProperty.call(this.ctx.formats, node.format) ? this.ctx.formats[node.format] : undefined;
    if (definition === undefined || definition === true) return true; // unknown formats are annotations (strict: false)
    let check: unknown = definition;
    let appliesTo = 'string';
    if (isObject(definition) && !(definition instanceof RegExp)) {
      if (definition.async) throw new Unsure();
      check = definition.validate;
      appliesTo = typeof definition.type === 'string' ? definition.type : 'string';
    }
    if (appliesTo !== type) return true;
    if (check instanceof RegExp) return check.test(data as string) || this.fail(node, data);
    if (typeof check === 'function') return Boolean(check(data)) || this.fail(node, data);
    throw new Unsure();
  }

  private numberValid(node: Record<string, unknown>, data: number): boolean {
    const minimum = numberKeyword(node, 'minimum');
    const maximum = numberKeyword(node, 'maximum');
    const exclusiveMinimum = numberKeyword(node, 'exclusiveMinimum');
    const exclusiveMaximum = numberKeyword(node, 'exclusiveMaximum');
    const multipleOf = numberKeyword(node, 'multipleOf');
    if (minimum !== undefined && data < minimum) return this.fail(node, data);
    if (maximum !== undefined && data > maximum) return this.fail(node, data);
    if (exclusiveMinimum !== undefined && data <= exclusiveMinimum) return this.fail(node, data);
    if (exclusiveMaximum !== undefined && data >= exclusiveMaximum) return this.fail(node, data);
    if (multipleOf !== undefined) {
      const ratio = data / multipleOf;
      if (ratio !== parseInt(ratio as unknown as string)) return this.fail(node, data); // ajv's test, large and tiny ratios included
    }
    return this.format(node, data, 'number');
  }

  private stringValid(node: Record<string, unknown>, data: string): boolean {
    if (node.minLength !== undefined || node.maxLength !== undefined) {
      if ((node.minLength !== undefined && typeof node.minLength !== 'number') || (node.maxLength !== undefined && typeof node.maxLength !== 'number')) throw new Unsure();
      const length = ucs2length(data);
      if (typeof node.minLength === 'number' && length < node.minLength) return this.fail(node, data);
      if (typeof node.maxLength === 'number' && length > node.maxLength) return this.fail(node, data);
    }
    if (node.pattern !== undefined && !this.pattern(node.pattern).test(data)) return this.fail(node, data);
    return this.format(node, data, 'string');
  }

  private arrayValid(node: Record<string, unknown>, data: unknown[], depth: number): boolean {
    const minItems = numberKeyword(node, 'minItems');
    const maxItems = numberKeyword(node, 'maxItems');
    if (minItems !== undefined && data.length < minItems) return this.fail(node, data);
    if (maxItems !== undefined && data.length > maxItems) return this.fail(node, data);
    let first = 0; // items before this index were checked by a tuple form
    const tuple = this.ctx.draft2020 ? node.prefixItems : Array.isArray(node.items) ? node.items : undefined;
    if (tuple !== undefined) {
      if (!Array.isArray(tuple)) throw new Unsure();
      for (let index = 0; index < Math.min(tuple.length, data.length); index++) if (!this.member(tuple[index], data[index], String(index), depth + 1)) return false;
      first = tuple.length;
    }
    const rest = this.ctx.draft2020 ? node.items : Array.isArray(node.items) ? node.additionalItems : node.items;
    if (rest !== undefined) {
      for (let index = first; index < data.length; index++) if (!this.member(rest, data[index], String(index), depth + 1)) return false;
    }
    if (node.contains !== undefined && !data.some((item) => this.tries(node.contains, item, depth + 1))) return this.fail(node, data, false);
    if (node.uniqueItems === true) {
      for (let i = 0; i < data.length; i++) for (let j = i + 1; j < data.length; j++) if (equal(data[i], data[j])) return this.fail(node, data);
    } else if (node.uniqueItems !== undefined && node.uniqueItems !== false) throw new Unsure();
    return true;
  }

  private objectValid(node: Record<string, unknown>, data: Record<string, unknown>, depth: number): boolean {
    // ajv reads members as `data[name]` (ownProperties: false), so do we.
    if (node.required !== undefined) {
      if (!Array.isArray(node.required)) throw new Unsure();
      for (const name of node.required) if (typeof name !== 'string' || data[name] === undefined) return this.fail(node, data);
    }
    const directional = node[this.ctx.directionalKeyword];
    if (directional !== undefined) {
      const names = isObject(directional) ? directional[this.ctx.direction] : undefined;
      if (names !== undefined && !Array.isArray(names)) throw new Unsure();
      for (const name of (names as unknown[] | undefined) ?? []) if (!Object.prototype.hasOwnProperty.call(data, name as string)) return this.fail(node, data);
    }
    const keys = Object.keys(data);
    if (node.minProperties !== undefined || node.maxProperties !== undefined) {
      if ((node.minProperties !== undefined && typeof node.minProperties !== 'number') || (node.maxProperties !== undefined && typeof node.maxProperties !== 'number')) throw new Unsure();
      if (typeof node.minProperties === 'number' && keys.length < node.minProperties) return this.fail(node, data);
      if (typeof node.maxProperties === 'number' && keys.length > node.maxProperties) return this.fail(node, data);
    }
    const properties = node.properties;
    if (properties !== undefined) {
      if (!isObject(properties)) throw new Unsure();
      for (const name of Object.keys(properties)) {
        const value = data[name];
        if (value !== undefined && !this.member(properties[name], value, name, depth + 1)) return false;
      }
    }
    const patternProperties = node.patternProperties;
    if (patternProperties !== undefined && !isObject(patternProperties)) throw new Unsure();
    const patternKeys = patternProperties ? Object.keys(patternProperties) : [];
    for (const source of patternKeys) {
      const regexp = this.pattern(source);
      for (const key of keys) if (regexp.test(key) && !this.member(patternProperties![source], data[key], key, depth + 1)) return false;
    }
    const additional = node.additionalProperties;
    if (additional !== undefined && additional !== true) {
      for (const key of keys) {
        const declared = properties !== undefined && Object.prototype.hasOwnProperty.call(properties, key);
        if (declared || patternKeys.some((source) => this.pattern(source).test(key))) continue;
        if (additional === false) return this.fail(node, data);
        if (!this.member(additional, data[key], key, depth + 1)) return false;
      }
    }
    if (node.propertyNames !== undefined) for (const key of keys) if (!this.tries(node.propertyNames, key, depth + 1)) return this.fail(node, data, false);
    for (const keyword of ['dependencies', 'dependentRequired', 'dependentSchemas']) {
      const dependencies = node[keyword];
      if (dependencies === undefined) continue;
      if (!isObject(dependencies)) throw new Unsure();
      for (const name of Object.keys(dependencies)) {
        if (data[name] === undefined) continue;
        const dependency = dependencies[name];
        if (Array.isArray(dependency)) {
          if (dependency.some((other) => typeof other !== 'string' || data[other] === undefined)) return this.fail(node, data);
        } else if (!this.valid(dependency, data, depth + 1)) return false;
      }
    }
    return true;
  }

}

/** The JSON type of a parsed value; anything a JSON or YAML value is not (a Date, a function, a Buffer) is beyond this. */
/** A numeric keyword's value; Unsure when it is not a number. */
function numberKeyword(node: Record<string, unknown>, key: string): number | undefined {
  const bound = node[key];
  if (bound === undefined) return undefined;
  if (typeof bound !== 'number') throw new Unsure();
  return bound;
}

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
