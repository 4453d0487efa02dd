/**
 * Validates live values against schemas of the document with ajv. Each schema a `$ref`
 * names is converted once and registered with ajv under a synthetic id;
 * references become references to that id, so schemas spread over several files, and
 * cyclic ones, compile as ajv's own cross-schema references. Compiled validators are cached
 * per schema object, and a schema that cannot be resolved or compiled is remembered as such
 * (validate returns undefined for it: no finding rather than a wrong one).
 *
 * Compiling is the expensive part (a schema and everything it references: about a second for
 * GitHub's description), and most values are valid: each value is first walked by quickCheck
 * over the converted schema. ajv compiles only for a value that walk fails, and then only the
 * subschema where it failed (whole schemas when the walk is unsure).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type AjvCore from 'ajv/dist/core';
import type { SourceFile } from '../source/source-file';
import type { LiveSchema, SchemaFailure } from '../live/types';
import { convertSchema, DIRECTIONAL_REQUIRED, UnresolvableSchema, type ConvertContext, type Direction, type SchemaVersion } from './convert';
import { isObject } from '../model/json';
import { locationKey, SchemaRefs, type LoadFile } from './refs';
import { quickCheck, Unsure, type QuickContext, type QuickFailure } from './quick-check';

/** Never a real address: ajv resolves these ids among the schemas it holds and never fetches. */
const ID_BASE = 'https://restlint.invalid/schema/';
const MAX_ENUM_SHOWN = 8;
/**
 * The formats JSON Schema and OpenAPI define (ajv-formats has a few of its own, `url` and
 * `iso-time` say, which a document using the name may mean otherwise): with `formats:
 * 'standard'` only these are checked, any other is an annotation.
 */
const STANDARD_FORMATS = [
  'date', 'time', 'date-time', 'duration', 'uri', 'uri-reference', 'uri-template', 'email', 'hostname', 'ipv4', 'ipv6', 'regex', 'uuid',
  'json-pointer', 'relative-json-pointer', 'byte', 'int32', 'int64', 'float', 'double', 'password', 'binary',
] as const;

export class SchemaValidator {
  /** Shared with the sample generator, so files are loaded once. */
  readonly refs: SchemaRefs;
  private ajv: AjvCore | undefined;
  /** Registered `$ref` targets by location: the id, or false when it failed. */
  private readonly targets = new Map<string, string | false>();
  /** Converted root schemas by the schema object as written (false: a `$ref` cannot be resolved). */
  private readonly roots = new WeakMap<object, unknown>();
  /** ajv's validators by converted (sub)schema; false when ajv rejects it. */
  private readonly compiled = new WeakMap<object, ValidateFunction | false>();
  /** `$ref` targets registered but not yet converted, by id. */
  private readonly pending = new Map<string, { key: string; value: Record<string, unknown>; file: SourceFile }>();
  /** Converted `$ref` targets by id (false: cannot be converted), for quickCheck and, once one needs them, ajv. */
  private readonly bodies = new Map<string, unknown>();
  private ajvHoldsBodies = false;
  private formatChecks: Record<string, unknown> | undefined;
  private walkContext: QuickContext | undefined;
  /** The direction of the validation running now, read by the DIRECTIONAL_REQUIRED keyword. */
  private direction: Direction = 'response';
  private readonly context: ConvertContext;

  /**
   * Compiled validators by the text of the converted schema: the many small schemas real
   * documents repeat (`{ type: integer }`, `{ $ref: <id> }`) compile once. Ids are this
   * instance's, so equal text means the same schema.
   */
  private readonly byText = new Map<string, ValidateFunction>();

  constructor(
    readonly version: SchemaVersion,
    load: LoadFile,
    private readonly options: { nullableEnum?: ConvertContext['nullableEnum']; allOfClosed?: ConvertContext['allOfClosed']; formats?: 'all' | 'standard' } = {},
  ) {
    this.refs = new SchemaRefs(load);
    this.context = { version, refs: this.refs, ref: (ref, file) => this.register(ref, file), nullableEnum: options.nullableEnum, allOfClosed: options.allOfClosed };
  }

  /**
   * The first failure of `value` against `schema`, or undefined when it is valid or the
   * schema cannot be checked. `direction` says which of readOnly/writeOnly properties are
   * not required: writeOnly ones in a response (the default), readOnly ones in a request.
   */
  validate(schema: LiveSchema, value: unknown, direction: Direction = 'response'): SchemaFailure | undefined {
    if (schema.value === false) return { pointer: '', keyword: 'false schema', message: 'must not be present: the schema allows no value' };
    const root = this.root(schema);
    if (!isObject(root)) return undefined; // `true`, not a schema, or one that cannot be resolved
    this.direction = direction;
    const quick = this.quickly(root, value);
    if (quick === true) return undefined;
    // The subschema that failed, judged alone (only its own keywords when they failed); the whole schema when that says nothing.
    if (quick?.several) return { pointer: pointerOf(quick.path), keyword: 'oneOf', message: 'must match exactly one schema in oneOf' };
    if (quick && quick.schema === false) return { pointer: pointerOf(quick.path), keyword: 'false schema', message: 'boolean schema is false' };
    if (quick && isObject(quick.schema)) {
      const failure = quick.own ? this.ajvFailure(ownKeywords(quick.schema), quick.value, false) : this.ajvFailure(quick.schema, quick.value);
      if (failure) return { ...failure, pointer: pointerOf(quick.path) + failure.pointer };
    }
    return this.ajvFailure(root, value);
  }

  /** quickCheck's answer; undefined when it is unsure (ajv then judges the whole value). */
  private quickly(root: object, value: unknown): true | QuickFailure | undefined {
    try {
      this.walkContext ??= {
        schemaFor: (id) => this.body(id),
        formats: this.formats(),
        directionalKeyword: DIRECTIONAL_REQUIRED,
        direction: this.direction,
        draft2020: this.version === '3.1',
      };
      this.walkContext.direction = this.direction;
      return quickCheck(root, value, this.walkContext);
    } catch (error) {
      if (error instanceof Unsure || error instanceof RangeError) return undefined; // beyond it, or a stack too deep
      if (error instanceof UnresolvableSchema) return true; // a `$ref` it reached cannot be read: the value is not judged
      throw error;
    }
  }

  /** ajv's first failure of `value` against a converted schema (undefined: valid, or ajv rejects the schema). */
  private ajvFailure(converted: Record<string, unknown>, value: unknown, withRefs = true): SchemaFailure | undefined {
    let check = this.compiled.get(converted);
    if (check === undefined) {
      try {
        // A registered `$ref` target is already ajv's, under its id; a schema with `$ref`s needs all of them.
        if (typeof converted.$id === 'string' && this.bodies.get(converted.$id) === converted) check = this.ajvWithBodies().getSchema(converted.$id) ?? false;
        else check = this.compileConverted(converted, withRefs ? this.ajvWithBodies() : this.instance());
      } catch {
        check = false; // a schema ajv rejects
      }
      this.compiled.set(converted, check);
    }
    if (!check) return undefined;
    try {
      if (check(value)) return undefined;
    } catch {
      return undefined; // generated code that fails on an odd schema: no finding rather than a crash
    }
    return describe(pickError(check.errors ?? []));
  }

  /** The schema converted once (false when a `$ref` in it cannot be resolved). */
  private root(schema: LiveSchema): unknown {
    const written = schema.value;
    if (!isObject(written)) return undefined; // `true`, or not a schema
    if (!this.roots.has(written)) {
      let converted: unknown;
      try {
        converted = convertSchema(written, schema.loc.file, this.context);
      } catch {
        converted = false; // an unresolvable $ref
      }
      this.roots.set(written, converted);
    }
    return this.roots.get(written);
  }

  /** The format checks ajv holds, without loading ajv: ajv-formats' own definitions. */
  private formats(): Readonly<Record<string, unknown>> {
    if (!this.formatChecks) {
      const { fullFormats } = require('ajv-formats/dist/formats') as { fullFormats: Record<string, unknown> };
      this.formatChecks = this.options.formats === 'standard' ? Object.fromEntries(STANDARD_FORMATS.filter((name) => name in fullFormats).map((name) => [name, fullFormats[name]])) : fullFormats;
    }
    return this.formatChecks;
  }

  private compileConverted(converted: unknown, ajv: AjvCore): ValidateFunction {
    const text = typeof converted === 'object' ? JSON.stringify(converted) : undefined;
    const known = text === undefined ? undefined : this.byText.get(text);
    if (known) return known;
    const check = ajv.compile(converted as object);
    if (text !== undefined) this.byText.set(text, check);
    return check;
  }

  /**
   * Gives the schema `ref` names an id (once), returning what replaces the `$ref`. The target
   * is converted when a walk or ajv first needs it (`body`), so a value that never reaches a
   * schema never pays for converting it.
   */
  private register(ref: unknown, file: SourceFile): unknown {
    const target = this.refs.follow(ref, file);
    if (target.kind === 'remote') return true;
    if (target.kind === 'missing') throw new UnresolvableSchema(`cannot resolve $ref ${String(ref)}`);
    if (typeof target.value === 'boolean') return target.value;
    if (!isObject(target.value)) throw new UnresolvableSchema(`$ref ${String(ref)} does not name a schema`);
    const key = locationKey(target.loc);
    const known = this.targets.get(key);
    if (known === false) throw new UnresolvableSchema(`cannot use $ref ${String(ref)}`);
    if (known !== undefined) return { $ref: known };
    const id = `${ID_BASE}${this.targets.size}`;
    // Known before it is converted, so a schema that refers back to itself gets this id.
    this.targets.set(key, id);
    this.pending.set(id, { key, value: target.value, file: target.loc.file });
    return { $ref: id };
  }

  /** The converted schema an id names, converting it now if it is pending (throws UnresolvableSchema). */
  private body(id: string): unknown {
    const pending = this.pending.get(id);
    if (pending) {
      this.pending.delete(id);
      try {
        const converted = convertSchema(pending.value, pending.file, this.context);
        // A converted object schema stays an object (`nullable` may wrap it in anyOf).
        const body = isObject(converted) ? { ...converted, $id: id } : converted === false ? { not: {}, $id: id } : { $id: id };
        this.bodies.set(id, body);
        if (this.ajvHoldsBodies) this.ajv!.addSchema(body);
      } catch (error) {
        this.targets.set(pending.key, false);
        this.bodies.set(id, false);
        throw error instanceof UnresolvableSchema ? error : new UnresolvableSchema(String(error));
      }
    }
    const body = this.bodies.get(id);
    if (body === false) throw new UnresolvableSchema(`cannot use the schema ${id}`);
    return body;
  }

  /** Every registered schema converted and given to ajv, for a schema ajv compiles with its `$ref`s. */
  private ajvWithBodies(): AjvCore {
    const ajv = this.instance();
    if (!this.ajvHoldsBodies) {
      this.ajvHoldsBodies = true;
      for (const body of this.bodies.values()) if (body !== false) ajv.addSchema(body as object);
    }
    // Converting one may register more: until none is left.
    while (this.pending.size > 0) for (const id of [...this.pending.keys()]) this.body(id);
    return ajv;
  }

  /** ajv is loaded on first use: `lint` loads this module too and must not pay for ajv. */
  private instance(): AjvCore {
    if (!this.ajv) {
      const options = { strict: false, allErrors: false, logger: false as const, inlineRefs: false, code: { optimize: false } };
      const Ajv = (this.version === '3.1' ? require('ajv/dist/2020') : require('ajv')).default as new (opts: object) => AjvCore;
      this.ajv = new Ajv(options);
      const addFormats = require('ajv-formats').default as (ajv: AjvCore, formats?: readonly string[]) => void;
      addFormats(this.ajv, this.options.formats === 'standard' ? STANDARD_FORMATS : undefined);
      this.ajv.addKeyword({
        keyword: DIRECTIONAL_REQUIRED,
        type: 'object',
        errors: true,
        validate: this.directionalRequired(),
      });
    }
    return this.ajv;
  }

  /** Checks `{ request: [names], response: [names] }` against the running direction. */
  private directionalRequired() {
    const check = (names: Record<Direction, string[]>, data: Record<string, unknown>): boolean => {
      const missing = names[this.direction]?.find((name) => !Object.prototype.hasOwnProperty.call(data, name));
      if (missing === undefined) return true;
      // ajv fills in instancePath (left undefined here) and schemaPath.
      check.errors = [{ keyword: 'required', params: { missingProperty: missing }, message: `must have required property '${missing}'` }];
      return false;
    };
    check.errors = [] as Partial<ErrorObject>[];
    return check;
  }
}

/** Subschemas (and so `$ref`s) cut from a schema whose own keywords failed: what ajv compiles to say which, without the schemas it references. */
const CUT = new Set(['$ref', 'allOf', 'anyOf', 'oneOf', 'not', 'if', 'then', 'else', 'items', 'prefixItems', 'additionalItems', 'contains', 'propertyNames', 'dependentSchemas', 'definitions', '$defs', '$id']);

function ownKeywords(schema: Record<string, unknown>): Record<string, unknown> {
  const own: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (CUT.has(key)) continue;
    if ((key === 'properties' || key === 'patternProperties') && isObject(value)) own[key] = Object.fromEntries(Object.keys(value).map((name) => [name, true]));
    else if (key === 'additionalProperties' && value !== false) continue;
    else if (key === 'dependencies' && isObject(value)) own[key] = Object.fromEntries(Object.entries(value).filter(([, names]) => Array.isArray(names)));
    else own[key] = value;
  }
  return own;
}

function pointerOf(path: readonly string[]): string {
  return path.map((key) => `/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * With `allErrors: false` ajv stops at the first failure, but a failed anyOf/oneOf lists its
 * branches' errors first: report the one deepest in the value, which is the likeliest cause,
 * and never the `type: null` branch that `nullable` adds.
 */
function pickError(errors: ErrorObject[]): ErrorObject {
  const useful = errors.filter((error) => !['anyOf', 'oneOf'].includes(error.keyword) && !(error.keyword === 'type' && error.params.type === 'null'));
  if (useful.length === 0 || errors.length === 1) return errors[errors.length - 1] ?? { instancePath: '', keyword: 'false schema', schemaPath: '', params: {}, message: 'must not be present' };
  return useful.reduce((best, error) => (depth(error.instancePath) > depth(best.instancePath) ? error : best));
}

function depth(pointer: string): number {
  return pointer === '' ? 0 : pointer.split('/').length;
}

function describe(error: ErrorObject): SchemaFailure {
  const params = error.params as Record<string, unknown>;
  let property: string | undefined;
  let message = error.message ?? `must pass "${error.keyword}"`;
  switch (error.keyword) {
    case 'additionalProperties':
      property = String(params.additionalProperty);
      message = `must NOT have additional property '${property}'`;
      break;
    case 'unevaluatedProperties':
      property = String(params.unevaluatedProperty);
      message = `must NOT have unevaluated property '${property}'`;
      break;
    case 'enum': {
      const allowed = (params.allowedValues as unknown[] | undefined) ?? [];
      const shown = allowed.slice(0, MAX_ENUM_SHOWN).map((value) => JSON.stringify(value)).join(', ');
      message = `must be one of: ${shown}${allowed.length > MAX_ENUM_SHOWN ? `, … (${allowed.length} values)` : ''}`;
      break;
    }
    case 'const':
      message = `must be ${JSON.stringify(params.allowedValue)}`;
      break;
    case 'type':
      message = `must be ${String(params.type).split(',').join(' or ')}`;
      break;
  }
  return property === undefined ? { pointer: error.instancePath, keyword: error.keyword, message } : { pointer: error.instancePath, keyword: error.keyword, message, property };
}
