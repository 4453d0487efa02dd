/**
 * Reading the properties of a (possibly referenced, possibly composed) schema: the members
 * of `properties`, through `$ref`s and `allOf` (and `oneOf`/`anyOf` when the body may take
 * any of them). Error, status and security rules all ask this of the same few shared
 * component schemas, once per response that uses them, so answers are remembered per schema.
 */
import { isObject } from '../../src/engine/model/json';
import type { NodeLocation } from '../../src/engine/model/location';
import type { RuleContext } from '../../src/engine/rule';

type Json = Record<string, unknown>;
type Resolve = RuleContext<unknown>['resolve'];

export interface SchemaProperty {
  name: string;
  /** `name`, or `prefix + name` for nested reads (`error.stack`). */
  path: string;
  /** Where the property is declared (its key under `properties`). */
  at: NodeLocation;
  /** The property's schema, `$ref` followed; undefined when it is not an object. */
  value: Json | undefined;
  valueLoc: NodeLocation | undefined;
}

export interface PropertyOptions {
  /** Also `oneOf`/`anyOf` members, not only `allOf`. */
  alternatives: boolean;
  prefix?: string;
  /** How many levels of composition to follow. */
  maxDepth: number;
}

const remembered = new WeakMap<object, Map<string, SchemaProperty[]>>();

/** The properties of `schema` (first declaration wins), in declaration order. */
export function schemaProperties(schema: unknown, at: NodeLocation, resolve: Resolve, options: PropertyOptions): SchemaProperty[] {
  const root = resolve(schema, at);
  if (!root || !isObject(root.value)) return [];
  const key = `${options.alternatives}\0${options.prefix ?? ''}\0${options.maxDepth}`;
  let byOptions = remembered.get(root.value);
  if (!byOptions) remembered.set(root.value, (byOptions = new Map()));
  let found = byOptions.get(key);
  if (!found) byOptions.set(key, (found = collect(root.value, root.loc, resolve, options)));
  return found.slice();
}

function collect(rootValue: Json, rootLoc: NodeLocation, resolve: Resolve, options: PropertyOptions): SchemaProperty[] {
  const found = new Map<string, SchemaProperty>();
  const seen = new Set<object>();
  const keywords = options.alternatives ? ['allOf', 'oneOf', 'anyOf'] : ['allOf'];
  const visit = (value: Json, loc: NodeLocation, depth: number) => {
    if (depth > options.maxDepth || seen.has(value)) return;
    seen.add(value);
    if (isObject(value.properties)) {
      for (const [name, property] of Object.entries(value.properties)) {
        if (found.has(name)) continue;
        const declared = { file: loc.file, pointer: [...loc.pointer, 'properties', name] };
        const target = resolve(property, declared);
        const targetValue = target && isObject(target.value) ? target.value : undefined;
        found.set(name, { name, path: (options.prefix ?? '') + name, at: declared, value: targetValue, valueLoc: targetValue ? target!.loc : undefined });
      }
    }
    for (const keyword of keywords) {
      const members = value[keyword];
      if (!Array.isArray(members)) continue;
      members.forEach((member, index) => {
        const resolved = resolve(member, { file: loc.file, pointer: [...loc.pointer, keyword, String(index)] });
        if (resolved && isObject(resolved.value)) visit(resolved.value, resolved.loc, depth + 1);
      });
    }
  };
  visit(rootValue, rootLoc, 0);
  return [...found.values()];
}

/** The schema's `type` as a list: `string` → [string]; OpenAPI 3.1's `[string, 'null']` as is; none → []. */
export function schemaTypes(schema: Json | undefined): string[] {
  if (!schema) return [];
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.type)) return schema.type.filter((entry): entry is string => typeof entry === 'string');
  return [];
}

/** The property names a schema declares and requires, with those of its composition members. */
export interface SchemaShape {
  properties: Set<string>;
  required: Set<string>;
  /** `patternProperties` keys: names matching one are declared too. */
  patterns: string[];
  /** False when a member could not be followed (a broken or remote `$ref`) or is `true` (3.1): what it declares is unknown. */
  complete: boolean;
}

const MAX_SHAPE_DEPTH = 16;

/**
 * What `schema` and the members of its `keywords` (allOf, or also oneOf/anyOf), followed
 * through `$ref`s and nested composition, declare: `properties` keys, `required` names and
 * `patternProperties`. Names only, so no property schema is resolved.
 */
export function schemaShape(schema: Json, loc: NodeLocation, resolve: Resolve, keywords: readonly string[]): SchemaShape {
  const shape: SchemaShape = { properties: new Set(), required: new Set(), patterns: [], complete: true };
  const seen = new Set<object>();
  const stack: { value: Json; loc: NodeLocation; depth: number }[] = [{ value: schema, loc, depth: 0 }];
  while (stack.length > 0) {
    const { value, loc: at, depth } = stack.pop()!;
    if (seen.has(value)) continue;
    seen.add(value);
    if (isObject(value.properties)) for (const name of Object.keys(value.properties)) shape.properties.add(name);
    if (isObject(value.patternProperties)) shape.patterns.push(...Object.keys(value.patternProperties));
    if (Array.isArray(value.required)) for (const name of value.required) if (typeof name === 'string') shape.required.add(name);
    for (const keyword of keywords) {
      const members = value[keyword];
      if (!Array.isArray(members)) continue;
      members.forEach((member, index) => {
        const resolved = resolve(member, { file: at.file, pointer: [...at.pointer, keyword, String(index)] });
        if (!resolved || depth >= MAX_SHAPE_DEPTH) shape.complete = false;
        else if (isObject(resolved.value)) stack.push({ value: resolved.value, loc: resolved.loc, depth: depth + 1 });
        else if (resolved.value !== false) shape.complete = false;
      });
    }
  }
  return shape;
}

/** Whether `shape` declares a property called `name`: among its properties, or matching a pattern. */
export function declaresProperty(shape: SchemaShape, name: string): boolean {
  if (shape.properties.has(name)) return true;
  return shape.patterns.some((pattern) => {
    try {
      return new RegExp(pattern, 'u').test(name);
    } catch {
      return true;
    }
  });
}
