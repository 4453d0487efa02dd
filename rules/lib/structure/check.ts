/**
 * Checks a document against a structure table (./oas2.ts, ./oas3.ts): every object against
 * the fields its type allows, following `$ref`s into the files they name. One finding per
 * wrong node: where the specification offers alternatives (a Reference Object or the object
 * itself; a Parameter by `in`; a Security Scheme by `type`), the value's own keys say which
 * alternative it is, and only that one is checked, so a typo yields one message and not the
 * dozen a JSON Schema validator would give for a failed `oneOf`.
 */
import type { NodeLocation } from '../../../src/engine/model/location';
import { isObject } from '../../../src/engine/model/json';
import type { Part } from '../../../src/engine/source/span';
import type { SourceFile } from '../../../src/engine/source/source-file';
import { closest } from '../../../src/engine/suggest';
import { NO_PROBLEMS, type Kind, type ObjectType, type StructureTable } from './kinds';

const NO_FIELDS: readonly string[] = [];

type Json = Record<string, unknown>;

/** Deeper than this, nothing is checked: a guard against pathological nesting, not a limit real documents reach. */
const MAX_DEPTH = 256;

export type StructureMessage = 'missing' | 'unknown' | 'wrongType' | 'badValue' | 'badKey' | 'refKind' | 'invalid';

export interface StructureProblem {
  messageId: StructureMessage;
  data: Record<string, string>;
  at: NodeLocation;
  part?: Part;
  /** Set for what the specification allows but the author cannot have meant (a typo of a 3.1 schema keyword, which JSON Schema ignores). */
  severity?: 'warn';
}

export interface StructureOptions {
  table: StructureTable;
  /** Whether `true`/`false` are schemas (OpenAPI 3.1). */
  booleanSchemas: boolean;
  /** The specification's name, for messages ("OpenAPI 3.0"). */
  spec: string;
  resolve(value: unknown, at: NodeLocation): { value: unknown; loc: NodeLocation } | undefined;
  report(problem: StructureProblem): void;
}

/**
 * Where a value is, built only when a finding needs it: most nodes are fine, and a pointer
 * per node of a 13 MB document would cost more than the check.
 */
class Place {
  constructor(
    readonly file: SourceFile,
    private readonly parent: Place | undefined,
    readonly key: string,
    /** The pointer of a place with no parent (the root, a `$ref`'s target). */
    private readonly base: readonly string[] | undefined,
    /** How the value hangs from its parent: a fixed field, an entry of a map, an item of a list. */
    private readonly role: 'root' | 'field' | 'entry' | 'item',
    /** Whether this is a `$ref`'s target, which other references may reach again. */
    readonly viaRef = false,
  ) {}

  /** The document's root. */
  static root(loc: NodeLocation): Place {
    return new Place(loc.file, undefined, '', loc.pointer, 'root');
  }

  /** The target of a `$ref` made at `from`: named in messages as the place that refers to it, when it is a whole file. */
  static target(loc: NodeLocation, from: Place): Place {
    const last = loc.pointer[loc.pointer.length - 1];
    return last === undefined ? new Place(loc.file, undefined, from.key, loc.pointer, from.role, true) : new Place(loc.file, undefined, last, loc.pointer, 'entry', true);
  }

  child(key: string, role: 'field' | 'entry' | 'item' = 'field'): Place {
    return new Place(this.file, this, key, undefined, role);
  }

  loc(): NodeLocation {
    return { file: this.file, pointer: this.pointer() };
  }

  private pointer(): string[] {
    return this.parent ? [...this.parent.pointer(), this.key] : [...(this.base ?? [])];
  }

  /** How a message names the field here: `"title"`, or `item 2 of "tags"` in a list. */
  fieldLabel(): string {
    return this.role === 'item' && this.parent ? `item ${Number(this.key) + 1} of "${this.parent.key}"` : `"${this.key}"`;
  }

  /** How a message names an object of type `name` here: `the Info Object`, `Response Object "200"`, `Parameter Object "id"`. */
  subject(name: string, value: Json): string {
    if (this.role === 'root') return 'the document';
    if (typeof value.name === 'string' && value.name !== '' && this.role !== 'field') return `${name} "${value.name}"`;
    if (this.role === 'item' && this.parent) return `${name} #${Number(this.key) + 1} of "${this.parent.key}"`;
    if (this.role === 'entry') return `${name} "${this.key}"`;
    return `the ${name}`;
  }
}

export function checkStructure(root: unknown, at: NodeLocation, options: StructureOptions): void {
  new Checker(options, at.file).kind(root, { type: 'Document' }, Place.root(at), undefined, 0);
}

class Checker {
  /**
   * The type (or types) each object that can be reached twice (a `$ref`'s target, a node of a
   * YAML file with aliases) was checked as: it is checked once. Almost always one type: a string, not a set.
   */
  private readonly checked = new Map<object, string | Set<string>>();
  private readonly targets = new Map<SourceFile, Map<string, { value: unknown; loc: NodeLocation } | undefined>>();

  constructor(
    private readonly options: StructureOptions,
    /** The file checked from its root: a `$ref` into it is not followed, as its target is checked where it is written. */
    private readonly entry: SourceFile,
  ) {}

  /** Checks `value`, found at `place` as field `field` of an object of type `owner`, against `kind`. */
  kind(value: unknown, kind: Kind, place: Place, owner: ObjectType | undefined, depth: number): void {
    if (depth > MAX_DEPTH || kind === 'any') return;
    // A `$ref` where the specification allows no Reference Object (a description, a map of
    // properties) is replaced by its target, as bundlers do: the target is what is checked.
    if (isObject(value) && typeof value.$ref === 'string' && !this.takesReference(kind)) {
      const target = this.resolve(value as Json & { $ref: string }, place);
      if (target && this.follows(target, value)) this.kind(target.value, kind, Place.target(target.loc, place), owner, depth + 1);
      return;
    }
    if (typeof kind === 'string') {
      if (!fitsPrimitive(value, kind)) this.wrongType(value, describeKind(kind), place, owner);
      return;
    }
    if ('enum' in kind) {
      if (typeof value !== 'string') this.wrongType(value, 'a string', place, owner);
      else if (!kind.enum.includes(value)) this.badValue(value, kind, place, owner);
      return;
    }
    if ('type' in kind) {
      if (kind.type === 'Schema' && this.options.booleanSchemas && typeof value === 'boolean') return;
      this.object(value, kind.type, place, owner, depth);
      return;
    }
    if ('map' in kind) {
      if (!isObject(value)) return this.wrongType(value, 'a mapping', place, owner);
      for (const key of Object.keys(value)) {
        if (kind.keys && !kind.keys.test(key)) this.options.report({ messageId: 'badKey', data: { text: kind.keys.explain(key) }, at: place.child(key).loc(), part: 'key' });
        else this.kind(value[key], kind.map, place.child(key, 'entry'), undefined, depth + 1);
      }
      return;
    }
    if ('list' in kind) {
      if (!Array.isArray(value)) return this.wrongType(value, 'a list', place, owner);
      value.forEach((item, index) => this.kind(item, kind.list, place.child(String(index), 'item'), undefined, depth + 1));
      return;
    }
    const alternative = kind.either.find((candidate) => fitsJsonType(value, candidate));
    if (alternative) this.kind(value, alternative, place, owner, depth);
    else this.wrongType(value, kind.either.map(describeKind).join(' or '), place, owner);
  }

  private object(value: unknown, typeName: string, place: Place, owner: ObjectType | undefined, depth: number): void {
    const { table } = this.options;
    let type = table[typeName];
    if (!isObject(value)) return this.wrongType(value, `a mapping (${article(type.name)})`, place, owner);
    if (typeof value.$ref === 'string' && type.ref !== undefined) {
      if (!this.referenceOfKind(value.$ref, type, place)) return;
      const target = this.resolve(value as Json & { $ref: string }, place);
      // A broken reference is invalid-ref's to report; a reference to a reference is followed by resolve().
      if (target && this.follows(target, value)) this.kind(target.value, { type: typeName }, Place.target(target.loc, place), owner, depth + 1);
      if (!type.refIsKeyword) return;
    }
    // Only a value that can be met twice is remembered (a Map entry per object was most of this check's cost).
    if ((place.viaRef || place.file.sharesNodes) && this.seen(value, typeName)) return;

    const specific = type.pick?.(value);
    if (specific) type = table[specific];
    for (const field of type.required ?? NO_FIELDS) {
      if (value[field] === undefined) this.missing(field, type, value, place);
    }
    for (const key of Object.keys(value)) {
      const field = fieldsOf(type).get(key);
      if (field !== undefined) {
        const child = value[key];
        // Most values are strings and booleans where strings and booleans belong: checked here,
        // without a Place for each (the cost of this rule on a large document is its node count).
        if (typeof field === 'string' && typeof child !== 'object') {
          if (!fitsPrimitive(child, field)) this.wrongType(child, describeKind(field), place.child(key), type);
        } else {
          this.kind(child, field, place.child(key), type, depth + 1);
        }
        continue;
      }
      if (key.startsWith('x-') && type.extensions !== false) continue;
      if (type.patterned) {
        if (type.patterned.keys.test(key)) this.kind(value[key], type.patterned.kind, place.child(key, 'entry'), undefined, depth + 1);
        else this.options.report({ messageId: 'badKey', data: { text: type.patterned.keys.explain(key) }, at: place.child(key).loc(), part: 'key' });
        continue;
      }
      this.unknown(key, type, place);
    }
    for (const problem of type.extra?.(value) ?? NO_PROBLEMS) {
      this.options.report({ messageId: 'invalid', data: { text: problem.text }, at: problem.key ? place.child(problem.key).loc() : place.loc(), part: 'key' });
    }
  }

  /** Whether `value` was checked as `typeName` already; remembers it if not. */
  private seen(value: object, typeName: string): boolean {
    const seen = this.checked.get(value);
    if (seen === undefined) this.checked.set(value, typeName);
    else if (seen === typeName || (typeof seen !== 'string' && seen.has(typeName))) return true;
    else if (typeof seen === 'string') this.checked.set(value, new Set([seen, typeName]));
    else seen.add(typeName);
    return false;
  }

  /**
   * Whether to check a `$ref`'s target from here: not when it is in the entry, which is checked
   * from its root (the target is checked where it is written, once), nor a reference to itself.
   */
  private follows(target: { value: unknown; loc: NodeLocation }, from: unknown): boolean {
    return target.value !== from && target.loc.file !== this.entry;
  }

  /**
   * The target of a `$ref` (a chain followed to its end), or undefined when it is broken. The
   * same text in the same file names the same target: resolved once, as a large document
   * repeats the same few hundred references thousands of times.
   */
  private resolve(value: Json & { $ref: string }, place: Place): { value: unknown; loc: NodeLocation } | undefined {
    let inFile = this.targets.get(place.file);
    if (!inFile) this.targets.set(place.file, (inFile = new Map()));
    if (inFile.has(value.$ref)) return inFile.get(value.$ref);
    const target = this.options.resolve(value, place.loc());
    inFile.set(value.$ref, target);
    return target;
  }

  /** Whether a value of this kind may be a Reference Object, which object() then checks. */
  private takesReference(kind: Kind): boolean {
    return typeof kind === 'object' && 'type' in kind && this.options.table[kind.type].ref !== undefined;
  }

  /** Whether a `$ref` names a component of the kind that belongs here; reports it when not. */
  private referenceOfKind(ref: string, type: ObjectType, place: Place): boolean {
    const section = componentSection(ref);
    if (section === undefined || type.ref === '*' || section === type.ref) return true;
    const found = SECTION_OBJECTS[section];
    if (!found) return true;
    this.options.report({ messageId: 'refKind', data: { ref, found: article(found), expected: article(type.name) }, at: place.child('$ref').loc() });
    return false;
  }

  private missing(field: string, type: ObjectType, value: Json, place: Place): void {
    const subject = place.subject(type.name, value);
    this.options.report({ messageId: 'missing', data: { subject, field: quoted(field) }, at: place.loc(), part: 'key' });
  }

  private unknown(key: string, type: ObjectType, place: Place): void {
    const advice = type.misplaced?.[key];
    const suggestion = advice === undefined ? closest(key, Object.keys(type.fields)) : undefined;
    if (type.unknown === 'near-miss' && advice === undefined && suggestion === undefined) return;
    const hint = advice !== undefined ? `: ${advice}` : suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : `; ${this.options.spec} allows ${allowedKeys(type)}`;
    const severity = type.unknown === 'near-miss' ? 'warn' : undefined;
    this.options.report({ messageId: 'unknown', data: { key, type: article(type.name), hint }, at: place.child(key).loc(), part: 'key', severity });
  }

  private wrongType(value: unknown, expected: string, place: Place, owner: ObjectType | undefined): void {
    let hint = owner?.wrongType?.[place.key] ? `: ${owner.wrongType[place.key]}` : '';
    if (!hint && expected === 'a string' && (typeof value === 'number' || typeof value === 'boolean') && place.file.format === 'yaml') {
      const span = place.file.spanOf(place.loc().pointer);
      const text = span ? place.file.text.slice(span.start, span.end) : String(value);
      hint = ` (in YAML, quote it: "${text}")`;
    }
    const where = owner ? ` in ${article(owner.name)}` : '';
    this.options.report({ messageId: 'wrongType', data: { key: place.fieldLabel(), where, expected, actual: describeValue(value), hint }, at: place.loc() });
  }

  private badValue(value: string, kind: Extract<Kind, { enum: readonly string[] }>, place: Place, owner: ObjectType | undefined): void {
    const advice = kind.hints?.[value];
    const suggestion = advice === undefined ? closest(value, kind.enum) : undefined;
    const hint = advice !== undefined ? ` (${advice})` : suggestion !== undefined ? ` (did you mean "${suggestion}"?)` : '';
    const what = kind.what ?? `a valid "${place.key}"${owner ? ` in ${article(owner.name)}` : ''}`;
    this.options.report({ messageId: 'badValue', data: { value, what, values: kind.enum.join(', '), hint }, at: place.loc() });
  }
}

const fieldMaps = new WeakMap<ObjectType, Map<string, Kind>>();

/** A type's fields as a Map: looked up once per key of every object, faster than a keyed property load. */
function fieldsOf(type: ObjectType): Map<string, Kind> {
  let fields = fieldMaps.get(type);
  if (!fields) fieldMaps.set(type, (fields = new Map(Object.entries(type.fields))));
  return fields;
}

/** The component section a `$ref` points into (`schemas`, or 2.0's `definitions`), if it points into one. */
function componentSection(ref: string): string | undefined {
  const hash = ref.indexOf('#');
  if (hash < 0) return undefined;
  const match = /^\/(?:components\/([^/]+)|(definitions|parameters|responses))\/[^/]+$/.exec(ref.slice(hash + 1));
  return match ? (match[1] ?? match[2]) : undefined;
}

const SECTION_OBJECTS: Record<string, string> = {
  schemas: 'Schema Object',
  definitions: 'Schema Object',
  responses: 'Response Object',
  parameters: 'Parameter Object',
  examples: 'Example Object',
  requestBodies: 'Request Body Object',
  headers: 'Header Object',
  securitySchemes: 'Security Scheme Object',
  links: 'Link Object',
  callbacks: 'Callback Object',
  pathItems: 'Path Item Object',
  mediaTypes: 'Media Type Object',
};

function fitsPrimitive(value: unknown, kind: 'string' | 'boolean' | 'integer' | 'count' | 'number' | 'any'): boolean {
  switch (kind) {
    case 'string':
    case 'boolean':
    case 'number':
      return typeof value === kind;
    case 'integer':
      return Number.isInteger(value);
    case 'count':
      return Number.isInteger(value) && (value as number) >= 0;
    case 'any':
      return true;
  }
}

/** Whether `value` has the JSON type `kind` takes (to pick among alternatives; the chosen one then checks the rest). */
function fitsJsonType(value: unknown, kind: Kind): boolean {
  if (typeof kind === 'string') return kind === 'count' || kind === 'integer' ? typeof value === 'number' : fitsPrimitive(value, kind);
  if ('enum' in kind) return typeof value === 'string';
  if ('list' in kind) return Array.isArray(value);
  if ('type' in kind || 'map' in kind) return isObject(value);
  return kind.either.some((candidate) => fitsJsonType(value, candidate));
}

function describeKind(kind: Kind): string {
  if (typeof kind === 'string') return { string: 'a string', boolean: 'a boolean', integer: 'an integer', count: 'a whole number (0 or more)', number: 'a number', any: 'a value' }[kind];
  if ('enum' in kind) return 'a string';
  if ('list' in kind) return 'a list';
  if ('map' in kind) return 'a mapping';
  if ('type' in kind) return kind.type === 'Schema' ? 'a schema' : 'a mapping';
  return kind.either.map(describeKind).join(' or ');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (isObject(value)) return 'a mapping';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  if (typeof value === 'number') return Number.isInteger(value) && value < 0 ? `${value} (negative)` : `the number ${value}`;
  return `${typeof value} ${String(value)}`;
}

function allowedKeys(type: ObjectType): string {
  const fields = Object.keys(type.fields);
  return fields.length === 0 ? 'only x- extensions here' : `${fields.join(', ')} and x- extensions here`;
}

function article(name: string): string {
  return `${/^[aeiouAEIOU]/.test(name) ? 'an' : 'a'} ${name}`;
}

/** `a "version"`, `an "info"`: the article goes by how the field name sounds. */
function quoted(field: string): string {
  return `${/^[aeiouAEIOU]/.test(field) ? 'an' : 'a'} "${field}"`;
}
