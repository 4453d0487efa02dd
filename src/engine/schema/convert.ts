/**
 * OpenAPI schema → JSON Schema, as each OpenAPI version reads it: 2.0 and 3.0 become
 * draft-07 (ajv's default), 3.1 stays 2020-12. The conversion is keyword-aware (it knows
 * which keywords hold subschemas), so a property *named* `nullable` or `example` is left alone.
 * Every `$ref` is handed to `ref`, which returns what to put in its place.
 */
import type { SourceFile } from '../source/source-file';
import { isObject } from '../model/json';
import { SchemaRefs } from './refs';

export type SchemaVersion = '2.0' | '3.0' | '3.1';
/** A response may hold readOnly properties and lack writeOnly ones; a request the other way round. */
export type Direction = 'request' | 'response';

/** Thrown when a `$ref` cannot be resolved: the schema is then not checked at all. */
export class UnresolvableSchema extends Error {}

export interface ConvertContext {
  version: SchemaVersion;
  refs: SchemaRefs;
  /** The JSON Schema that replaces `{ $ref }` written in `file` (throws UnresolvableSchema). */
  ref(ref: unknown, file: SourceFile): unknown;
  /**
   * 3.0 `nullable: true` beside `enum`: `lenient` (the default, for live values) admits null
   * anyway; `spec` admits it only when the enum lists null, as OpenAPI 3.0.3 clarifies
   * ("other Schema Object constraints retain their defined behavior"), for the linter.
   */
  nullableEnum?: 'lenient' | 'spec';
  /**
   * An inline `allOf` member with `additionalProperties: false`: `strict` (the default) reads
   * it as JSON Schema does, rejecting the properties the other members declare, so no value
   * can pass; `siblings` lets those through (what the author meant), for the linter, which
   * judges examples against the schema and would otherwise blame every example.
   */
  allOfClosed?: 'strict' | 'siblings';
}

const SUBSCHEMA = ['items', 'additionalItems', 'additionalProperties', 'not', 'contains', 'propertyNames', 'if', 'then', 'else', 'unevaluatedItems', 'unevaluatedProperties', 'contentSchema'];
const SUBSCHEMA_ARRAY = ['allOf', 'anyOf', 'oneOf', 'prefixItems'];
const SUBSCHEMA_MAP = ['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'dependencies'];
/**
 * Annotations, identifiers and OpenAPI-only keywords: dropped, so they can neither fail ajv's
 * check of the schema itself (draft-07 wants `examples` to be an array, 3.0 documents write a
 * map) nor change the base URI of references (`$id`), and compiled code stays small.
 */
const DROPPED = new Set([
  '$schema', '$id', 'id', '$anchor', '$dynamicAnchor', '$recursiveAnchor', '$comment',
  'title', 'description', 'example', 'examples', 'default', 'deprecated', 'readOnly', 'writeOnly',
  'xml', 'externalDocs', 'discriminator', 'nullable', 'x-nullable',
]);
const MAX_DEPTH = 200;
/** The custom ajv keyword for properties required in requests or in responses only. */
export const DIRECTIONAL_REQUIRED = 'restlintRequiredIn';

/** Converts one schema written in `file`. Objects are converted once (YAML aliases stay linear). */
export function convertSchema(schema: unknown, file: SourceFile, ctx: ConvertContext): unknown {
  const memo = new Map<object, unknown>();
  const convert = (node: unknown, depth: number): unknown => {
    if (typeof node === 'boolean') return node;
    if (!isObject(node)) return node; // not a schema: ajv's own check of the schema rejects it
    if (depth > MAX_DEPTH) throw new UnresolvableSchema('schema nested too deeply');
    const known = memo.get(node);
    if (known !== undefined) return known;
    const out = convertObject(node, depth);
    memo.set(node, out);
    return out;
  };

  const convertObject = (node: Record<string, unknown>, depth: number): unknown => {
    // 2.0 and 3.0: a Reference Object's siblings are ignored (nullable aside, which authors
    // write beside `$ref` and mean). 3.1: `$ref` is a keyword like any other.
    if ('$ref' in node && ctx.version !== '3.1') return nullable(node, ctx.ref(node.$ref, file));
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (DROPPED.has(key) || key.startsWith('x-')) continue;
      if (key === '$ref') out.$ref = ctx.ref(value, file);
      else if (key === '$dynamicRef' || key === '$recursiveRef') continue; // not followed: unconstrained
      else if (SUBSCHEMA.includes(key)) out[key] = Array.isArray(value) ? value.map((item) => convert(item, depth + 1)) : convert(value, depth + 1);
      else if (SUBSCHEMA_ARRAY.includes(key)) {
        out[key] = Array.isArray(value) ? value.map((item) => convert(item, depth + 1)) : value;
        if (key === 'allOf' && ctx.allOfClosed === 'siblings' && Array.isArray(value)) out[key] = openToSiblings(value, out[key] as unknown[], file, ctx);
      }
      else if (SUBSCHEMA_MAP.includes(key) && isObject(value)) {
        const map: Record<string, unknown> = {};
        for (const [name, sub] of Object.entries(value)) map[name] = Array.isArray(sub) ? sub : convert(sub, depth + 1);
        out[key] = map;
      } else out[key] = value;
    }
    // A 3.1 `$ref` with siblings: ajv 2020 applies both, as the spec says. `ref` gave
    // `{ $ref: id }` for a registered schema, `true` for a remote one, `false` for `false`.
    if ('$ref' in out) {
      const target = out.$ref;
      delete out.$ref;
      if (target === false) return false;
      if (isObject(target) && typeof target.$ref === 'string') out.$ref = target.$ref;
    }
    fixKeywords(out, node, file, ctx);
    return nullable(node, out);
  };

  const nullable = (node: Record<string, unknown>, out: unknown): unknown => {
    const allowsNull = (ctx.version === '3.0' && node.nullable === true) || (ctx.version === '2.0' && node['x-nullable'] === true);
    if (!allowsNull || out === true) return out;
    if (out === false) return { type: 'null' };
    const schema = out as Record<string, unknown>;
    // Keywords that combine other schemas each reject null on their own: allow null beside them.
    if (['$ref', 'allOf', 'anyOf', 'oneOf', 'not', 'if'].some((key) => key in schema)) return { anyOf: [{ type: 'null' }, schema] };
    const copy = { ...schema };
    if (typeof copy.type === 'string') copy.type = copy.type === 'null' ? 'null' : [copy.type, 'null'];
    else if (Array.isArray(copy.type) && !copy.type.includes('null')) copy.type = [...copy.type, 'null'];
    if (Array.isArray(copy.enum) && !copy.enum.includes(null) && !(ctx.nullableEnum === 'spec' && ctx.version === '3.0')) copy.enum = [...copy.enum, null];
    return copy;
  };

  return convert(schema, 0);
}

/** Per-version keyword fixes on a converted schema object (`source` is the schema as written). */
function fixKeywords(out: Record<string, unknown>, source: Record<string, unknown>, file: SourceFile, ctx: ConvertContext): void {
  if (ctx.version !== '3.1') {
    // draft-04 booleans: `minimum: 5, exclusiveMinimum: true` is draft-07's `exclusiveMinimum: 5`.
    for (const [bound, exclusive] of [['minimum', 'exclusiveMinimum'], ['maximum', 'exclusiveMaximum']] as const) {
      if (typeof out[exclusive] !== 'boolean') continue;
      if (out[exclusive] === true && typeof out[bound] === 'number') {
        out[exclusive] = out[bound];
        delete out[bound];
      } else delete out[exclusive];
    }
    if (ctx.version === '2.0' && out.type === 'file') delete out.type;
  }
  // A 2.0 parameter says `required: true`; only a list of names constrains anything here.
  if ('required' in out && !(Array.isArray(out.required) && out.required.every((name) => typeof name === 'string'))) delete out.required;
  // readOnly/writeOnly: a response may lack writeOnly properties, a request readOnly ones.
  // Names required in one direction only go to DIRECTIONAL_REQUIRED, which the validator
  // checks against the direction of the call: one compiled schema serves both.
  if (Array.isArray(out.required) && isObject(source.properties)) {
    const properties = source.properties;
    const both: string[] = [];
    const only: Record<Direction, string[]> = { request: [], response: [] };
    for (const name of out.required as string[]) {
      const readOnly = hasFlag(properties[name], 'readOnly', file, ctx);
      const writeOnly = hasFlag(properties[name], 'writeOnly', file, ctx);
      if (!readOnly && !writeOnly) both.push(name);
      else if (!readOnly) only.request.push(name);
      else if (!writeOnly) only.response.push(name);
    }
    if (both.length > 0) out.required = both;
    else delete out.required;
    if (only.request.length > 0 || only.response.length > 0) out[DIRECTIONAL_REQUIRED] = only;
  }
  // Patterns real documents write that JavaScript cannot compile (`[\w-.]` under /u): drop
  // the pattern rather than give up checking the whole schema.
  if (typeof out.pattern === 'string' && !compiles(out.pattern)) delete out.pattern;
  if (isObject(out.patternProperties)) {
    for (const key of Object.keys(out.patternProperties)) if (!compiles(key)) delete out.patternProperties[key];
  }
}

/** Converted `allOf` members, each closed inline one (`additionalProperties: false`) admitting the properties its siblings declare. */
function openToSiblings(members: unknown[], converted: unknown[], file: SourceFile, ctx: ConvertContext): unknown[] {
  const closed = converted.some((member, index) => isObject(member) && member.additionalProperties === false && isObject(members[index]) && !('$ref' in (members[index] as object)));
  if (!closed) return converted;
  const names = new Set<string>();
  for (const member of members) {
    let schema = member;
    if (isObject(schema) && '$ref' in schema) {
      const target = ctx.refs.follow(schema.$ref, file);
      schema = target.kind === 'found' ? target.value : undefined;
    }
    if (isObject(schema) && isObject(schema.properties)) for (const name of Object.keys(schema.properties)) names.add(name);
  }
  return converted.map((member, index) => {
    if (!isObject(member) || member.additionalProperties !== false || !isObject(members[index]) || '$ref' in (members[index] as object)) return member;
    const own = isObject(member.properties) ? member.properties : {};
    const properties: Record<string, unknown> = {};
    for (const name of names) if (!(name in own)) properties[name] = true;
    return { ...member, properties: { ...properties, ...own } };
  });
}

/** Whether a property schema (or the schema its `$ref` names) sets `readOnly`/`writeOnly`. */
export function hasFlag(schema: unknown, flag: 'readOnly' | 'writeOnly', file: SourceFile, ctx: { refs: SchemaRefs }): boolean {
  for (let hops = 0; isObject(schema) && hops < 8; hops++) {
    if (schema[flag] === true) return true;
    if (!('$ref' in schema)) return false;
    const target = ctx.refs.follow(schema.$ref, file);
    if (target.kind !== 'found') return false;
    schema = target.value;
    file = target.loc.file;
  }
  return false;
}

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}
