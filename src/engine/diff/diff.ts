/**
 * `restlint diff`'s engine: the changes between two versions of an OpenAPI document, by
 * meaning, not text. Both sides are opened documents; every `$ref` is followed (across files,
 * cycle-safe) with the engine's resolver, so a renamed but equal component, a change inside a
 * referenced file and YAML/JSON formatting are seen as clients see them.
 *
 * Operations are matched by method and path template, path parameters by position
 * (`/users/{id}` ≡ `/users/{userId}`); parameters by name and location wherever they are
 * declared (path item or operation); schemas by their effective meaning (`allOf` merged) and in
 * the direction the data travels: a request narrowed breaks clients, a response widened does.
 */
import type { OpenDocument } from '../document';
import type { NodeLocation } from '../model/location';
import { isRef, RefResolver } from '../resolve/refs';
import type { Range } from '../source/line-index';
import { HTTP_METHODS } from '../walk/nodes';
import { CHANGE_BY_ID, type ChangeId, type ChangeLevel } from './changes';

/** One change between the two documents. */
export interface Change {
  id: ChangeId;
  level: ChangeLevel;
  /** `POST /users` (the new document's path template), or null for a document-wide change. */
  operation: string | null;
  message: string;
  /** Where the change is: in the new document, or for a removal, in the old one (`side: 'old'`). */
  at: NodeLocation;
  side: 'old' | 'new';
  range: Range;
}

export interface DiffOptions {
  /** What "now" is for sunset dates (tests pass a fixed one); default: the current time. */
  now?: Date;
}

type Json = Record<string, unknown>;

interface Node {
  value: unknown;
  loc: NodeLocation;
}

interface Side {
  doc: OpenDocument;
  resolver: RefResolver;
  root: Json;
  swagger: boolean;
}

/** The changes from `oldDoc` to `newDoc`, in the new document's order of operations. */
export function diffDocuments(oldDoc: OpenDocument, newDoc: OpenDocument, options: DiffOptions = {}): Change[] {
  const differ = new Differ(side(oldDoc), side(newDoc), options.now ?? new Date());
  differ.run();
  return differ.changes;
}

function side(doc: OpenDocument): Side {
  return { doc, resolver: new RefResolver({ load: doc.read, root: doc.root }), root: asObject(doc.entry.data) ?? {}, swagger: doc.version === '2.0' };
}

function asObject(value: unknown): Json | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function child(node: Node, ...keys: string[]): Node {
  let value = node.value;
  for (const key of keys) value = asObject(value)?.[key] ?? (Array.isArray(value) ? value[Number(key)] : undefined);
  return { value, loc: { file: node.loc.file, pointer: [...node.loc.pointer, ...keys] } };
}

/** The path template with its parameter names taken out: `/users/{}`. */
function templateKey(path: string): string {
  return path.replace(/\{[^}]*\}/g, '{}').replace(/\/+$/, '') || '/';
}

function pathParamNames(path: string): string[] {
  return [...path.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]);
}

interface Operation {
  method: string;
  path: string;
  node: Node;
  pathItem: Node;
  label: string;
}

interface Param {
  key: string;
  name: string;
  in: string;
  node: Node;
  required: boolean;
}

/** A schema as clients see it: `$ref`s followed, `allOf` merged. */
interface Effective {
  loc: NodeLocation;
  types: Set<string> | undefined;
  nullable: boolean;
  properties: Map<string, Node>;
  required: Set<string>;
  enum: unknown[] | undefined;
  items: Node | undefined;
  alternatives: Node[];
  readOnly: boolean;
  writeOnly: boolean;
  /** additionalProperties (or unevaluatedProperties) is false: a property it does not name is refused. */
  closed: boolean;
  constraints: Json;
  /** The resolved nodes merged into this one (for cycle keys). */
  key: string;
}

type Direction = 'request' | 'response';

/** Who is told what when a schema changes, per place: the ids and the words of the message. */
interface SchemaContext {
  direction: Direction;
  operation: string;
  /** `request property "email"`, `parameter "limit" (query)`, `200 response body`. */
  what: string;
  /** `request`, `parameter`: which family of ids. */
  family: 'request' | 'parameter' | 'response';
  /** Property path below the body, for messages. */
  path: string[];
  /** Where the body or parameter is, for properties' labels. */
  prefix: string;
}

const SUCCESS = /^2(\d\d|XX)$/i;

class Differ {
  readonly changes: Change[] = [];
  private readonly seen = new Set<string>();
  private readonly compared = new Set<string>();
  /** Pairs of old and new nodes judged by `same`. */
  private readonly equal = new Map<string, boolean>();
  /** `effective` of each resolved schema, per side. */
  private readonly effectives = [new Map<string, Effective>(), new Map<string, Effective>()];

  constructor(
    private readonly old: Side,
    private readonly now: Side,
    private readonly clock: Date,
  ) {}

  run(): void {
    const oldOps = this.operations(this.old);
    const newOps = this.operations(this.now);
    const newPaths = new Set([...newOps.values()].map((op) => templateKey(op.path)));
    const removedPaths = new Map<string, Operation[]>();
    for (const [key, op] of oldOps) {
      if (newOps.has(key)) continue;
      if (!newPaths.has(templateKey(op.path))) removedPaths.set(op.path, [...(removedPaths.get(op.path) ?? []), op]);
      else this.removed('method-removed', [op], `${op.label}: the operation was removed`);
    }
    for (const [path, ops] of removedPaths) this.removed('endpoint-removed', ops, `${path}: the endpoint was removed, with ${ops.map((op) => op.method.toUpperCase()).join(', ')}`);
    for (const [key, op] of newOps) {
      const before = oldOps.get(key);
      if (!before) {
        this.add('endpoint-added', op.label, `${op.label}: the operation was added`, op.node.loc, 'new', 'key');
        continue;
      }
      this.operation(before, op);
    }
  }

  private operations(side: Side): Map<string, Operation> {
    const ops = new Map<string, Operation>();
    const paths = child({ value: side.root, loc: { file: side.doc.entry, pointer: [] } }, 'paths');
    for (const path of Object.keys(asObject(paths.value) ?? {})) {
      const item = this.resolve(side, child(paths, path));
      if (!item || !asObject(item.value)) continue;
      for (const method of HTTP_METHODS) {
        const op = this.resolve(side, child(item, method));
        if (!op || !asObject(op.value)) continue;
        ops.set(`${method} ${templateKey(path)}`, { method, path, node: op, pathItem: item, label: `${method.toUpperCase()} ${path}` });
      }
    }
    return ops;
  }

  private resolve(side: Side, node: Node): Node | undefined {
    if (node.value === undefined) return undefined;
    if (!isRef(node.value)) return node;
    const found = side.resolver.resolve(node.value, node.loc);
    return found ? { value: found.value, loc: found.loc } : undefined;
  }

  private removed(id: 'endpoint-removed' | 'method-removed', ops: Operation[], message: string): void {
    const policy = ops.map((op) => this.sunsetPolicy(op));
    const level: ChangeLevel = policy.every((each) => each === 'past') ? 'info' : policy.every((each) => each !== 'none') ? 'warn' : 'error';
    const why =
      level === 'info'
        ? '; it was deprecated and its sunset date has passed'
        : level === 'warn'
          ? '; it was deprecated, but clients that still call it will get a 404'
          : '; clients that call it will get a 404';
    const at = id === 'endpoint-removed' ? ops[0].pathItem.loc : ops[0].node.loc;
    this.add(id, id === 'method-removed' ? ops[0].label : null, message + why, at, 'old', 'key', level);
  }

  /** `past`: deprecated, and its sunset (x-sunset, or a Sunset response header's example/default) has passed; `deprecated`: deprecated only. */
  private sunsetPolicy(op: Operation): 'none' | 'deprecated' | 'past' {
    const value = op.node.value as Json;
    if (value.deprecated !== true) return 'none';
    const dates: unknown[] = [value['x-sunset']];
    for (const response of Object.values(asObject(value.responses) ?? {})) {
      for (const [name, header] of Object.entries(asObject(asObject(response)?.headers) ?? {})) {
        if (name.toLowerCase() !== 'sunset') continue;
        const h = asObject(header) ?? {};
        const schema = asObject(h.schema) ?? h;
        dates.push(h.example, schema.example, schema.default, schema.enum && Array.isArray(schema.enum) ? schema.enum[0] : undefined);
      }
    }
    for (const date of dates) {
      if (typeof date !== 'string' && !(date instanceof Date)) continue;
      const time = new Date(date).getTime();
      if (Number.isFinite(time) && time <= this.clock.getTime()) return 'past';
    }
    return 'deprecated';
  }

  private add(id: ChangeId, operation: string | null, message: string, at: NodeLocation, side: 'old' | 'new', part: 'key' | 'value' = 'key', level?: ChangeLevel): void {
    const key = `${id}\0${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const range = at.pointer.length === 0 ? at.file.rangeOf([], 'value') : at.file.rangeOf(at.pointer, part);
    this.changes.push({ id, level: level ?? CHANGE_BY_ID.get(id)!.level, operation, message, at, side, range });
  }

  private operation(before: Operation, after: Operation): void {
    const label = after.label;
    const oldOp = before.node.value as Json;
    const newOp = after.node.value as Json;
    if (newOp.deprecated === true && oldOp.deprecated !== true) this.add('operation-deprecated', label, `${label}: the operation is now deprecated; clients keep working`, child(after.node, 'deprecated').loc, 'new');
    this.parameters(before, after);
    this.requestBody(before, after);
    this.responses(before, after);
    this.security(before, after);
  }

  // Parameters ----------------------------------------------------------------------------

  private params(side: Side, op: Operation): Map<string, Param> {
    const params = new Map<string, Param>();
    const names = pathParamNames(op.path);
    for (const holder of [op.pathItem, op.node]) {
      const list = child(holder, 'parameters');
      if (!Array.isArray(list.value)) continue;
      list.value.forEach((_, index) => {
        const node = this.resolve(side, child(list, String(index)));
        const value = asObject(node?.value);
        if (!node || !value || typeof value.name !== 'string' || typeof value.in !== 'string') return;
        if (value.in === 'body' || value.in === 'formData') return; // Swagger 2.0: the request body
        const position = value.in === 'path' ? names.indexOf(value.name) : -1;
        const key = value.in === 'path' ? `path#${position === -1 ? value.name : position}` : `${value.in}:${value.in === 'header' ? value.name.toLowerCase() : value.name}`;
        params.set(key, { key, name: value.name, in: value.in, node, required: value.required === true || value.in === 'path' });
      });
    }
    return params;
  }

  private parameters(before: Operation, after: Operation): void {
    const label = after.label;
    const oldParams = this.params(this.old, before);
    const newParams = this.params(this.now, after);
    const moved = new Set<string>();
    for (const [key, param] of newParams) {
      const was = oldParams.get(key);
      if (was) {
        if (param.required && !was.required) this.add('parameter-became-required', label, `${label}: ${param.in} parameter "${param.name}" is now required; clients that omit it will get a 4xx`, child(param.node, 'required').loc, 'new');
        this.schema(this.paramSchema(this.old, was), this.paramSchema(this.now, param), {
          direction: 'request',
          operation: label,
          what: `${param.in} parameter "${param.name}"`,
          family: 'parameter',
          path: [],
          prefix: `${param.in} parameter "${param.name}"`,
        });
        continue;
      }
      const other = [...oldParams.values()].find((each) => each.name === param.name && each.in !== param.in && !newParams.has(each.key));
      if (other && param.in !== 'path') {
        moved.add(other.key);
        this.add('parameter-location-changed', label, `${label}: parameter "${param.name}" moved from ${other.in} to ${param.in}; clients that send it in the ${other.in} will not be understood`, child(param.node, 'in').loc, 'new');
        continue;
      }
      if (param.in === 'path') continue; // a new path segment: the operation is another one
      if (param.required) this.add('required-parameter-added', label, `${label}: required ${param.in} parameter "${param.name}" was added; clients that do not send it will get a 4xx`, param.node.loc, 'new', 'value');
      else this.add('optional-parameter-added', label, `${label}: optional ${param.in} parameter "${param.name}" was added`, param.node.loc, 'new', 'value');
    }
    for (const [key, param] of oldParams) {
      if (newParams.has(key) || moved.has(key) || param.in === 'path') continue;
      this.add('parameter-removed', label, `${label}: ${param.in} parameter "${param.name}" was removed; clients that send it will have it ignored or refused`, param.node.loc, 'old', 'value');
    }
  }

  private paramSchema(side: Side, param: Param): Node {
    const value = param.node.value as Json;
    if (value.schema !== undefined) return this.resolve(side, child(param.node, 'schema')) ?? child(param.node, 'schema');
    return param.node; // Swagger 2.0 and 3.x content-less: the parameter carries type, enum, …
  }

  // Request bodies ------------------------------------------------------------------------

  /** The request body as media type → schema node, and whether it is required. */
  private body(side: Side, op: Operation): { node: Node | undefined; required: boolean; media: Map<string, Node> } {
    const media = new Map<string, Node>();
    if (side.swagger) {
      const params = this.allParams(side, op);
      const body = params.find((param) => (param.value as Json).in === 'body');
      const form = params.filter((param) => (param.value as Json).in === 'formData');
      const consumes = this.mediaList(side, op, 'consumes');
      if (body) for (const type of consumes) media.set(type, child(body, 'schema'));
      if (!body && form.length > 0) for (const type of consumes) media.set(type, { value: undefined, loc: form[0].loc });
      return { node: body ?? form[0], required: (body?.value as Json | undefined)?.required === true, media };
    }
    const node = this.resolve(side, child(op.node, 'requestBody'));
    const value = asObject(node?.value);
    if (!node || !value) return { node: undefined, required: false, media };
    const content = child(node, 'content');
    for (const type of Object.keys(asObject(content.value) ?? {})) media.set(type, child(content, type, 'schema'));
    return { node, required: value.required === true, media };
  }

  private allParams(side: Side, op: Operation): Node[] {
    const out: Node[] = [];
    for (const holder of [op.pathItem, op.node]) {
      const list = child(holder, 'parameters');
      if (!Array.isArray(list.value)) continue;
      list.value.forEach((_, index) => {
        const node = this.resolve(side, child(list, String(index)));
        if (node && asObject(node.value)) out.push(node);
      });
    }
    return out;
  }

  private mediaList(side: Side, op: Operation, key: 'consumes' | 'produces'): string[] {
    const own = (op.node.value as Json)[key] ?? side.root[key];
    return Array.isArray(own) && own.length > 0 ? own.filter((type): type is string => typeof type === 'string') : ['application/json'];
  }

  private requestBody(before: Operation, after: Operation): void {
    const label = after.label;
    const was = this.body(this.old, before);
    const now = this.body(this.now, after);
    if (now.node && now.required && !(was.node && was.required)) {
      const at = now.node === undefined ? after.node.loc : this.now.swagger ? now.node.loc : child(now.node, 'required').loc;
      this.add('request-body-became-required', label, `${label}: the request body is now required; clients that send none will get a 4xx`, at, 'new');
    }
    if (!was.node || !now.node) return;
    for (const [type, schema] of was.media) {
      const next = now.media.get(type);
      if (!next) {
        this.add('request-media-type-removed', label, `${label}: request media type ${type} is no longer accepted; clients that send it will get a 415`, this.old.swagger ? before.node.loc : schema.loc.pointer.length > 0 ? { file: schema.loc.file, pointer: schema.loc.pointer.slice(0, -1) } : schema.loc, 'old');
        continue;
      }
      this.schema(schema, next, { direction: 'request', operation: label, what: 'request body', family: 'request', path: [], prefix: 'request' });
    }
  }

  // Responses -----------------------------------------------------------------------------

  private responses(before: Operation, after: Operation): void {
    const label = after.label;
    const oldResponses = child(before.node, 'responses');
    const newResponses = child(after.node, 'responses');
    const newCodes = asObject(newResponses.value) ?? {};
    for (const code of Object.keys(asObject(oldResponses.value) ?? {})) {
      const was = this.resolve(this.old, child(oldResponses, code));
      if (!was || !asObject(was.value)) continue;
      if (!(code in newCodes)) {
        // 200 → 2XX: the range still promises it, so the bodies are compared; 2XX → 200: clients that handle any 2xx still do.
        const range = Object.keys(newCodes).find((other) => /^\dXX$/i.test(other) && other[0] === code[0]);
        const covered = /^\dXX$/i.test(code) ? Object.keys(newCodes).some((other) => other[0] === code[0]) : range !== undefined;
        if (range !== undefined && !/^\dXX$/i.test(code)) {
          const now = this.resolve(this.now, child(newResponses, range));
          if (now && asObject(now.value)) this.response(code, was, now, before, after);
        }
        if (SUCCESS.test(code) && !covered) this.add('success-status-removed', label, `${label}: success status ${code} is no longer returned; clients that expect it will see another status`, child(oldResponses, code).loc, 'old');
        continue;
      }
      const now = this.resolve(this.now, child(newResponses, code));
      if (!now || !asObject(now.value)) continue;
      this.response(code, was, now, before, after);
    }
  }

  private responseMedia(side: Side, op: Operation, response: Node): Map<string, Node> {
    const media = new Map<string, Node>();
    const value = response.value as Json;
    if (side.swagger) {
      if (value.schema !== undefined) for (const type of this.mediaList(side, op, 'produces')) media.set(type, child(response, 'schema'));
      return media;
    }
    const content = child(response, 'content');
    for (const type of Object.keys(asObject(content.value) ?? {})) media.set(type, child(content, type, 'schema'));
    return media;
  }

  private response(code: string, was: Node, now: Node, before: Operation, after: Operation): void {
    const label = after.label;
    const oldMedia = this.responseMedia(this.old, before, was);
    const newMedia = this.responseMedia(this.now, after, now);
    for (const [type, schema] of oldMedia) {
      const next = newMedia.get(type);
      if (!next) {
        const at = this.old.swagger ? child(was, 'schema').loc : { file: schema.loc.file, pointer: schema.loc.pointer.slice(0, -1) };
        this.add('response-media-type-removed', label, `${label}: the ${code} response is no longer returned as ${type}; clients that read it will not find it`, at, 'old');
        continue;
      }
      if (schema.value === undefined || next.value === undefined) continue;
      this.schema(schema, next, { direction: 'response', operation: label, what: `${code} response body`, family: 'response', path: [], prefix: `${code} response` });
    }
    const oldHeaders = child(was, 'headers');
    const newHeaders = asObject(child(now, 'headers').value) ?? {};
    const newNames = new Set(Object.keys(newHeaders).map((name) => name.toLowerCase()));
    for (const name of Object.keys(asObject(oldHeaders.value) ?? {})) {
      const header = this.resolve(this.old, child(oldHeaders, name));
      if (!header || asObject(header.value)?.required !== true || newNames.has(name.toLowerCase())) continue;
      this.add('response-required-header-removed', label, `${label}: required header ${name} of the ${code} response was removed; clients that read it will not find it`, child(oldHeaders, name).loc, 'old');
    }
  }

  // Security ------------------------------------------------------------------------------

  private requirements(side: Side, op: Operation): { node: Node; alternatives: Map<string, Set<string>>[] } {
    const own = child(op.node, 'security');
    const node = own.value !== undefined ? own : child({ value: side.root, loc: { file: side.doc.entry, pointer: [] } }, 'security');
    const list = Array.isArray(node.value) ? node.value : [];
    const alternatives = list.map((each) => new Map(Object.entries(asObject(each) ?? {}).map(([scheme, scopes]) => [scheme, new Set(Array.isArray(scopes) ? scopes.map(String) : [])])));
    return { node: own.value !== undefined ? own : node.value !== undefined ? node : op.node, alternatives: alternatives.length === 0 ? [new Map()] : alternatives };
  }

  private security(before: Operation, after: Operation): void {
    const label = after.label;
    const was = this.requirements(this.old, before);
    const now = this.requirements(this.now, after);
    // A client that satisfies an old alternative keeps working if some new alternative asks no more of it.
    for (const old of was.alternatives) {
      const asksNoMore = (next: Map<string, Set<string>>) => [...next].every(([scheme, scopes]) => old.has(scheme) && [...scopes].every((scope) => old.get(scheme)!.has(scope)));
      if (now.alternatives.some(asksNoMore)) continue;
      const sameSchemes = now.alternatives.find((next) => [...next.keys()].every((scheme) => old.has(scheme)));
      if (sameSchemes) {
        const added = [...sameSchemes].flatMap(([scheme, scopes]) => [...scopes].filter((scope) => !old.get(scheme)!.has(scope)).map((scope) => `${scheme}: ${scope}`));
        this.add('security-scope-added', label, `${label}: the operation now requires scope${added.length === 1 ? '' : 's'} ${added.join(', ')}; clients whose tokens lack ${added.length === 1 ? 'it' : 'them'} will get a 403`, now.node.loc, 'new');
      } else {
        const schemes = [...new Set(now.alternatives.flatMap((next) => [...next.keys()].filter((scheme) => !old.has(scheme))))];
        this.add('security-requirement-added', label, `${label}: the operation now requires security scheme${schemes.length === 1 ? '' : 's'} ${schemes.join(', ')}; clients that do not send ${schemes.length === 1 ? 'it' : 'them'} will get a 401`, now.node.loc, 'new');
      }
    }
  }

  // Schemas -------------------------------------------------------------------------------

  private effective(side: Side, node: Node, depth = 0): Effective {
    const resolved = this.resolve(side, node) ?? node;
    const cache = this.effectives[side === this.old ? 0 : 1];
    const cacheKey = `${resolved.loc.file.path}#${resolved.loc.pointer.join('/')}`;
    const cached = cache.get(cacheKey);
    if (cached) return cached;
    const made = this.effectiveOf(side, resolved, depth);
    cache.set(cacheKey, made);
    return made;
  }

  private effectiveOf(side: Side, resolved: Node, depth: number): Effective {
    const value = asObject(resolved.value) ?? {};
    const result: Effective = {
      loc: resolved.loc,
      types: undefined,
      nullable: value.nullable === true || value['x-nullable'] === true,
      properties: new Map(),
      required: new Set(),
      enum: undefined,
      items: undefined,
      alternatives: [],
      readOnly: value.readOnly === true,
      writeOnly: value.writeOnly === true,
      closed: false,
      constraints: {},
      key: `${resolved.loc.file.path}#${resolved.loc.pointer.join('/')}`,
    };
    const merge = (into: Effective, from: Json, at: Node) => {
      const type = from.type;
      if (type !== undefined) {
        const types = new Set((Array.isArray(type) ? type : [type]).map(String));
        if (types.delete('null')) into.nullable = true;
        into.types = into.types ? new Set([...into.types].filter((each) => types.has(each) || (each === 'number' && types.has('integer')))) : types;
        if (into.types.size === 0 && types.has('integer')) into.types = new Set(['integer']);
      }
      if (Array.isArray(from.enum)) {
        const values = from.enum.filter((each) => each !== null);
        if (from.enum.includes(null)) into.nullable = true;
        into.enum = into.enum ? into.enum.filter((each) => values.some((other) => same(each, other))) : values;
      }
      if (from.const !== undefined) into.enum = [from.const];
      const properties = child(at, 'properties');
      for (const name of Object.keys(asObject(properties.value) ?? {})) if (!into.properties.has(name)) into.properties.set(name, child(properties, name));
      if (Array.isArray(from.required)) for (const name of from.required) if (typeof name === 'string') into.required.add(name);
      if (from.items !== undefined && !Array.isArray(from.items)) into.items ??= child(at, 'items');
      for (const key of ['oneOf', 'anyOf'] as const) {
        const list = child(at, key);
        if (Array.isArray(list.value)) list.value.forEach((_, index) => into.alternatives.push(child(list, String(index))));
      }
      for (const key of CONSTRAINTS) if (typeof from[key] === 'number' || typeof from[key] === 'string' || typeof from[key] === 'boolean') into.constraints[key] ??= from[key];
      if (from.readOnly === true) into.readOnly = true;
      if (from.writeOnly === true) into.writeOnly = true;
      if (from.additionalProperties === false || from.unevaluatedProperties === false) into.closed = true;
    };
    merge(result, value, resolved);
    const allOf = child(resolved, 'allOf');
    if (Array.isArray(allOf.value) && depth < 32) {
      allOf.value.forEach((_, index) => {
        const part = this.effective(side, child(allOf, String(index)), depth + 1);
        for (const [name, prop] of part.properties) if (!result.properties.has(name)) result.properties.set(name, prop);
        for (const name of part.required) result.required.add(name);
        if (part.types) result.types = result.types ? new Set([...result.types].filter((each) => part.types!.has(each))) : part.types;
        if (part.enum) result.enum = result.enum ? result.enum.filter((each) => part.enum!.some((other) => same(each, other))) : part.enum;
        result.items ??= part.items;
        result.alternatives.push(...part.alternatives);
        result.readOnly ||= part.readOnly;
        result.writeOnly ||= part.writeOnly;
        result.closed ||= part.closed;
        for (const [key, constraint] of Object.entries(part.constraints)) result.constraints[key] ??= constraint;
        result.key += `+${part.key}`;
      });
    }
    return result;
  }

  private schema(oldNode: Node, newNode: Node, context: SchemaContext): void {
    if (this.same(oldNode, newNode)) return;
    const was = this.effective(this.old, oldNode);
    const now = this.effective(this.now, newNode);
    const pairKey = `${context.direction}\0${context.family}\0${was.key}\0${now.key}\0${context.operation}\0${context.prefix}`;
    if (this.compared.has(pairKey) || context.path.length > 40) return;
    this.compared.add(pairKey);
    const { direction, operation } = context;
    const what = described(context, context.path);
    const family = context.family;
    const at = now.loc;
    if (direction === 'request') {
      // Types: a client sends what the old schema allowed; the new one must still accept it.
      const typeId = family === 'parameter' ? 'parameter-type-changed' : 'request-property-type-changed';
      const wasTypes = was.types ?? impliedTypes(was);
      if (wasTypes) {
        const lost = now.types ? [...wasTypes].filter((type) => !now.types!.has(type) && !(type === 'integer' && now.types!.has('number'))) : [];
        if (lost.length > 0) this.add(typeId, operation, `${operation}: ${what} changed type from ${typeText(wasTypes)} to ${typeText(now.types!)}; clients that send ${typeText(new Set(lost))} will get a 4xx`, typeAt(now), 'new');
      } else if (now.types && was.alternatives.length === 0 && asObject((this.resolve(this.old, oldNode) ?? oldNode).value)) {
        // The old schema took any value (`{}`, or only a description): the new one takes fewer.
        this.add(typeId, operation, `${operation}: ${what} now accepts only ${typeText(now.types)}, where it accepted any type; clients that send another type will get a 4xx`, typeAt(now), 'new');
      }
      if (now.enum) {
        const id = family === 'parameter' ? 'parameter-enum-value-removed' : 'request-enum-value-removed';
        const enumAt = { file: at.file, pointer: [...at.pointer, 'enum'] };
        const removed = was.enum ? was.enum.filter((each) => !now.enum!.some((other) => same(each, other))) : [];
        const values = (list: unknown[]) => list.map((each) => JSON.stringify(each)).join(', ');
        if (removed.length > 0) this.add(id, operation, `${operation}: ${what} no longer accepts ${values(removed)}; clients that send ${removed.length === 1 ? 'it' : 'them'} will get a 4xx`, enumAt, 'new');
        else if (!was.enum) this.add(id, operation, `${operation}: ${what} now accepts only ${values(now.enum)}; clients that send any other value will get a 4xx`, enumAt, 'new');
      }
      for (const tightened of tightenings(was.constraints, now.constraints)) {
        this.add(family === 'parameter' ? 'parameter-constraint-tightened' : 'request-constraint-tightened', operation, `${operation}: ${what} ${tightened.text}; clients that send values the old limit allowed will get a 4xx`, { file: at.file, pointer: [...at.pointer, tightened.key] }, 'new', 'key');
      }
    } else {
      if (now.types && (was.types ? [...now.types].some((type) => !was.types!.has(type) && !(type === 'integer' && was.types!.has('number'))) : false)) {
        this.add('response-property-type-changed', operation, `${operation}: ${what} changed type from ${typeText(was.types!)} to ${typeText(now.types)}; clients that read it as ${typeText(was.types!)} will break`, typeAt(now), 'new');
      }
      if (now.nullable && !was.nullable) this.add('response-property-became-nullable', operation, `${operation}: ${what} may now be null; clients that read it as ${was.types ? typeText(was.types) : 'a value'} will break`, typeAt(now), 'new');
      if (now.enum && was.enum) {
        const added = now.enum.filter((each) => !was.enum!.some((other) => same(each, other)));
        if (added.length > 0) this.add('response-enum-value-added', operation, `${operation}: ${what} may now be ${added.map((each) => JSON.stringify(each)).join(', ')}; clients that handle only the known values will break`, { file: at.file, pointer: [...at.pointer, 'enum'] }, 'new');
      }
      if (now.alternatives.length > 0) {
        const added = now.alternatives.filter((each) => !was.alternatives.some((old) => this.same(old, each)));
        if (added.length > 0 && now.alternatives.length > was.alternatives.length) this.add('response-alternative-added', operation, `${operation}: ${what} may now be ${added.length === 1 ? 'a new alternative' : `${added.length} new alternatives`} of its oneOf/anyOf; clients that handle only the known ones will break`, added[0].loc, 'new', 'value');
      }
    }
    this.properties(was, now, context);
    if (was.items && now.items) this.schema(was.items, now.items, { ...context, path: [...context.path, '[]'] });
  }

  private properties(was: Effective, now: Effective, context: SchemaContext): void {
    const { direction, operation } = context;
    const name = (property: string) => described(context, [...context.path, property]);
    if (direction === 'request') {
      for (const [property, node] of now.properties) {
        const prop = this.effective(this.now, node);
        if (prop.readOnly) continue; // clients do not send it
        const before = was.properties.get(property);
        const required = now.required.has(property);
        if (!before) {
          if (context.family === 'parameter') continue;
          if (required) this.add('request-property-added-required', operation, `${operation}: required ${name(property)} was added; clients that omit it will get a 4xx`, node.loc, 'new');
          else this.add('request-property-added', operation, `${operation}: optional ${name(property)} was added`, node.loc, 'new');
          continue;
        }
        const oldProp = this.effective(this.old, before);
        if (required && (!was.required.has(property) || oldProp.readOnly)) {
          this.add('request-property-became-required', operation, `${operation}: ${name(property)} is now required; clients that omit it will get a 4xx`, requiredAt(now, property), 'new', 'value');
        }
        if (!oldProp.readOnly) this.schema(before, node, { ...context, path: [...context.path, property] });
      }
      // A property the new schema no longer names, where the body is still an object.
      const stillObject = now.types === undefined || now.types.has('object');
      for (const [property, node] of was.properties) {
        if (context.family === 'parameter' || !stillObject || now.properties.has(property) || this.effective(this.old, node).readOnly) continue;
        if (now.closed) this.add('request-property-removed', operation, `${operation}: ${name(property)} was removed and other properties are refused; clients that send it will get a 4xx`, node.loc, 'old', 'key', 'error');
        else this.add('request-property-removed', operation, `${operation}: ${name(property)} was removed; clients that send it will have it ignored`, node.loc, 'old', 'key');
      }
    } else {
      for (const [property, node] of was.properties) {
        const oldProp = this.effective(this.old, node);
        if (oldProp.writeOnly) continue; // clients never saw it
        const after = now.properties.get(property);
        if (!after || this.effective(this.now, after).writeOnly) {
          const required = was.required.has(property);
          this.add('response-property-removed', operation, `${operation}: ${name(property)} was removed; clients that read it will not find it`, node.loc, 'old', 'key', required ? 'error' : 'warn');
          continue;
        }
        if (was.required.has(property) && !now.required.has(property)) {
          this.add('response-property-became-optional', operation, `${operation}: ${name(property)} is no longer always returned; clients that expect it will not always find it`, after.loc, 'new');
        }
        this.schema(node, after, { ...context, path: [...context.path, property] });
      }
      for (const [property, node] of now.properties) {
        if (was.properties.has(property) || this.effective(this.now, node).writeOnly) continue;
        this.add('response-property-added', operation, `${operation}: ${name(property)} was added`, node.loc, 'new');
      }
    }
  }

  /**
   * Whether an old and a new schema (or any part of a document) mean the same: `$ref`s followed
   * on each side, key order and the keys in IGNORED left out. Most of two versions is unchanged,
   * so `schema` asks this first and stops there; each pair is judged once per diff (a 13 MB
   * document refers to the same components from hundreds of operations).
   *
   * Cycles: a pair met again while it is being judged (or already judged equal in the same call)
   * is taken as equal. That can only make an answer "equal" wrongly, never "different", so a
   * "different" is kept at once, and the pairs judged in a call are kept as "equal" only when the
   * outermost pair is equal (an inner difference would have made it different too).
   */
  private same(a: Node, b: Node): boolean {
    const judged = new Set<string>();
    const result = this.sameUnder(a, b, false, judged);
    if (result) for (const key of judged) this.equal.set(key, true);
    return result;
  }

  private sameUnder(a: Node, b: Node, names: boolean, judged: Set<string>): boolean {
    const ra = this.resolve(this.old, a) ?? a;
    const rb = this.resolve(this.now, b) ?? b;
    const va = ra.value;
    const vb = rb.value;
    if (va === null || typeof va !== 'object' || vb === null || typeof vb !== 'object') return va === vb;
    if (Array.isArray(va) !== Array.isArray(vb)) return false;
    const key = `${names ? 'n' : 's'}\0${ra.loc.file.path}#${ra.loc.pointer.join('/')}\0${rb.loc.file.path}#${rb.loc.pointer.join('/')}`;
    const known = this.equal.get(key);
    if (known !== undefined) return known;
    // Being judged, or judged equal in this call (a "different" is in this.equal already).
    if (judged.has(key)) return true;
    judged.add(key);
    let result: boolean;
    if (Array.isArray(va)) {
      result = va.length === (vb as unknown[]).length && va.every((_, index) => this.sameUnder(child(ra, String(index)), child(rb, String(index)), false, judged));
    } else {
      // Under `properties` (and the like) keys are names, where `description` is a property like any other.
      const keysOf = (value: object) => Object.keys(value).filter((each) => names || !IGNORED.has(each));
      const left = keysOf(va);
      const right = new Set(keysOf(vb));
      result = left.length === right.size && left.every((each) => right.has(each) && this.sameUnder(child(ra, each), child(rb, each), !names && NAME_MAPS.has(each), judged));
    }
    if (!result) this.equal.set(key, false);
    return result;
  }
}

/** Keys that do not change what a schema accepts. */
const IGNORED = new Set(['description', 'title', 'example', 'examples', 'externalDocs', 'x-example', 'summary']);

/** Keys whose value maps names (of properties, definitions, …) to schemas, not keywords to values. */
const NAME_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'schemas', 'content', 'headers', 'responses', 'parameters']);

const CONSTRAINTS = ['maxLength', 'minLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'pattern', 'maxItems', 'minItems', 'maxProperties', 'minProperties', 'multipleOf', 'format'] as const;

/** The constraints the new schema added or tightened, with words for each. */
function tightenings(was: Json, now: Json): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  const num = (value: unknown) => (typeof value === 'number' ? value : undefined);
  const upper = (key: string, noun: string) => {
    const before = num(was[key]);
    const after = num(now[key]);
    if (after !== undefined && (before === undefined || after < before)) out.push({ key, text: before === undefined ? `now has ${noun} ${after}` : `${noun} went down from ${before} to ${after}` });
  };
  const lower = (key: string, noun: string) => {
    const before = num(was[key]);
    const after = num(now[key]);
    if (after !== undefined && (before === undefined || after > before)) out.push({ key, text: before === undefined ? `now has ${noun} ${after}` : `${noun} went up from ${before} to ${after}` });
  };
  upper('maxLength', 'maxLength');
  lower('minLength', 'minLength');
  lower('minimum', 'minimum');
  upper('maximum', 'maximum');
  upper('maxItems', 'maxItems');
  lower('minItems', 'minItems');
  upper('maxProperties', 'maxProperties');
  lower('minProperties', 'minProperties');
  if (typeof now.pattern === 'string' && now.pattern !== was.pattern) out.push({ key: 'pattern', text: was.pattern === undefined ? `now must match pattern ${now.pattern}` : `pattern changed from ${String(was.pattern)} to ${now.pattern}` });
  if (now.exclusiveMinimum === true && was.exclusiveMinimum !== true && num(now.minimum) === num(was.minimum)) out.push({ key: 'exclusiveMinimum', text: 'now excludes its minimum' });
  if (now.exclusiveMaximum === true && was.exclusiveMaximum !== true && num(now.maximum) === num(was.maximum)) out.push({ key: 'exclusiveMaximum', text: 'now excludes its maximum' });
  if (typeof now.multipleOf === 'number' && now.multipleOf !== was.multipleOf && !(typeof was.multipleOf === 'number' && was.multipleOf % now.multipleOf === 0)) out.push({ key: 'multipleOf', text: `now must be a multiple of ${now.multipleOf}` });
  return out;
}

/** `request property "tags[].name"`, `request body items`, `200 response body`. */
function described(context: SchemaContext, path: readonly string[]): string {
  if (path.every((each) => each === '[]')) return `${context.what}${path.length > 0 ? ' items' : ''}`;
  const text = path.reduce((sofar, each) => (each === '[]' ? `${sofar}[]` : sofar ? `${sofar}.${each}` : each), '');
  return `${context.prefix} property "${text}"`;
}

/** The type an untyped schema still implies: `properties` → object, `items` → array, an enum → its values' types. */
function impliedTypes(schema: Effective): Set<string> | undefined {
  if (schema.enum && schema.enum.length > 0) return new Set(schema.enum.map((each) => (Array.isArray(each) ? 'array' : Number.isInteger(each) ? 'integer' : typeof each === 'number' ? 'number' : typeof each)));
  if (schema.properties.size > 0) return new Set(['object']);
  if (schema.items) return new Set(['array']);
  return undefined;
}

function typeText(types: Set<string>): string {
  return [...types].sort().join(' or ');
}

function typeAt(schema: Effective): NodeLocation {
  return schema.loc;
}

function requiredAt(schema: Effective, property: string): NodeLocation {
  const value = asObject(walk(schema.loc.file.data, schema.loc.pointer));
  if (value && Array.isArray(value.required) && value.required.includes(property)) return { file: schema.loc.file, pointer: [...schema.loc.pointer, 'required', String(value.required.indexOf(property))] };
  // Required in an allOf part, or on the property: the schema itself.
  return schema.properties.get(property)?.loc ?? schema.loc;
}

function walk(data: unknown, pointer: readonly string[]): unknown {
  let value = data;
  for (const key of pointer) value = asObject(value)?.[key] ?? (Array.isArray(value) ? value[Number(key)] : undefined);
  return value;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
