/**
 * The vocabulary the structure tables (./oas2.ts, ./oas3.ts) are written in: what each field
 * of each OpenAPI object may hold. A table is data the checker (./check.ts) reads, so the
 * specification's objects read here as they read in the specification.
 */
type Json = Record<string, unknown>;

export type Kind =
  | 'string'
  | 'boolean'
  | 'integer'
  /** A whole number ≥ 0 (minLength, maxItems, …). */
  | 'count'
  | 'number'
  | 'any'
  /** One of these strings. `what` names the value in messages ("a JSON Schema type"); `hints` advise on common wrong values. */
  | { enum: readonly string[]; what?: string; hints?: Readonly<Record<string, string>> }
  /** An object of a named type of the table. */
  | { type: string }
  /** A mapping from names to values of one kind; `keys` when names must follow a pattern. */
  | { map: Kind; keys?: KeyRule }
  | { list: Kind }
  /** One of several kinds, told apart by the value's JSON type (a boolean or a schema, say). */
  | { either: readonly Kind[] };

/** Which names a patterned field takes, and what to say about a name it does not. */
export interface KeyRule {
  test(key: string): boolean;
  /** Why `key` is wrong here and what to write instead. */
  explain(key: string): string;
}

export interface ObjectType {
  /** As the specification names it: "Info Object". */
  name: string;
  fields: Readonly<Record<string, Kind>>;
  required?: readonly string[];
  /** Names beyond the fixed fields: paths, status codes, callback expressions. */
  patterned?: { kind: Kind; keys: KeyRule };
  /**
   * What a key that is neither a field, nor patterned, nor `x-…` is: an error (`strict`, the
   * default: the specification allows no other), or a finding only when it is a typo of a
   * field (`near-miss`: a 3.1 Schema Object, where unknown keywords are annotations).
   */
  unknown?: 'strict' | 'near-miss';
  /** Whether `x-…` keys are extensions here (default true). */
  extensions?: boolean;
  /**
   * Whether a Reference Object may stand here, and the component section its target should
   * be in (`schemas`, `parameters`; `*` for any): undefined where the specification allows none.
   */
  ref?: string;
  /** Whether `$ref` is one keyword among the others (a 3.1 Schema Object) rather than a Reference Object. */
  refIsKeyword?: boolean;
  /** The name of a more specific type for this value: a Parameter by `in`, a Security Scheme by `type`. */
  pick?(value: Json): string | undefined;
  /** Advice for keys that belong in another object or another version, by key. */
  misplaced?: Readonly<Record<string, string>>;
  /** Advice when a field holds the wrong JSON type, by field. */
  wrongType?: Readonly<Record<string, string>>;
  /** Checks across fields, as sentences (`parameter "id" has both "schema" and "content"; keep one`). */
  extra?(value: Json): readonly { key?: string; text: string }[];
}

export type StructureTable = Readonly<Record<string, ObjectType>>;

export const STRING: Kind = 'string';
export const BOOLEAN: Kind = 'boolean';
export const ANY: Kind = 'any';
export const STRINGS: Kind = { list: 'string' };
export const of = (type: string): Kind => ({ type });
export const mapOf = (kind: Kind, keys?: KeyRule): Kind => ({ map: kind, keys });
export const listOf = (kind: Kind): Kind => ({ list: kind });
export const oneOf = (values: readonly string[], what?: string, hints?: Record<string, string>): Kind => ({ enum: values, what, hints });

/** Component names: OpenAPI 3.x "MUST use keys that match the regular expression ^[a-zA-Z0-9.\-_]+$". */
export const COMPONENT_NAME: KeyRule = {
  test: (key) => /^[a-zA-Z0-9.\-_]+$/.test(key),
  explain: (key) => `component name "${key}" may hold only letters, digits, ".", "-" and "_" (OpenAPI 3.x components keys match ^[a-zA-Z0-9.\\-_]+$)`,
};

export const PATH_KEY: KeyRule = {
  test: (key) => key.startsWith('/') && !key.includes('?'),
  explain: (key) =>
    key.startsWith('/')
      ? `path "${key}" has a query string; a path is only the part before "?": declare the query as in: query parameters`
      : `"${key}" is not a path: a key of paths begins with "/" (write "/${key.replace(/^\/*/, '')}")`,
};

/** What an `extra` check returns when all is well: one shared empty list (it runs for every schema). */
export const NO_PROBLEMS: readonly { key?: string; text: string }[] = Object.freeze([]);

/** JSON Schema: enum "elements in the array MUST be unique" (draft 4; SHOULD in 2020-12, but a repeated value is always a mistake). */
export function duplicateEnumValues(value: Record<string, unknown>): readonly { key?: string; text: string }[] {
  if (!Array.isArray(value.enum) || value.enum.length < 2) return NO_PROBLEMS;
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const entry of value.enum) {
    const text = JSON.stringify(entry) ?? 'undefined';
    if (seen.has(text)) repeated.add(text);
    seen.add(text);
  }
  return repeated.size === 0 ? NO_PROBLEMS : [{ key: 'enum', text: `"enum" lists ${[...repeated].join(', ')} more than once; each value once is enough` }];
}

/** "Each tag name in the list MUST be unique." */
export function duplicateTagNames(value: Record<string, unknown>): { key?: string; text: string }[] {
  if (!Array.isArray(value.tags)) return [];
  const names = value.tags.map((tag: unknown) => (tag !== null && typeof tag === 'object' ? (tag as Record<string, unknown>).name : undefined)).filter((name): name is string => typeof name === 'string');
  const repeated = [...new Set(names.filter((name, index) => names.indexOf(name) !== index))];
  return repeated.map((name) => ({ key: 'tags', text: `tag "${name}" is listed more than once in "tags"; tag names must be unique` }));
}

/**
 * JSON Schema's validation keywords for numbers, strings and arrays, as every OpenAPI version
 * takes them (draft 4's; 3.1 makes exclusiveMaximum/exclusiveMinimum numbers): shared by Schema
 * Objects and by Swagger 2.0's typed parameters, headers and items.
 */
export function validationKeywords(exclusive: Kind): Record<string, Kind> {
  return {
    multipleOf: 'number',
    maximum: 'number',
    exclusiveMaximum: exclusive,
    minimum: 'number',
    exclusiveMinimum: exclusive,
    maxLength: 'count',
    minLength: 'count',
    pattern: STRING,
    maxItems: 'count',
    minItems: 'count',
    uniqueItems: BOOLEAN,
    enum: listOf(ANY),
  };
}
