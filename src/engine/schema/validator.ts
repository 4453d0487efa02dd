/**
 * Validates live values against schemas of the document with ajv. Each schema a `$ref`
 * names is converted once and registered with ajv under a synthetic id;
 * references become references to that id, so schemas spread over several files, and
 * cyclic ones, compile as ajv's own cross-schema references. Compiled validators are cached
 * per schema object, and a schema that cannot be resolved or compiled is remembered as such
 * (validate returns undefined for it: no finding rather than a wrong one).
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import type AjvCore from 'ajv/dist/core';
import type { SourceFile } from '../source/source-file';
import type { LiveSchema, SchemaFailure } from '../live/types';
import { convertSchema, DIRECTIONAL_REQUIRED, UnresolvableSchema, type ConvertContext, type Direction, type SchemaVersion } from './convert';
import { isObject } from '../model/json';
import { locationKey, SchemaRefs, type LoadFile } from './refs';

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
  /** Compiled root schemas by the schema object as written (false: cannot be checked). */
  private readonly compiled = new WeakMap<object, ValidateFunction | false>();
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
    const check = this.compile(schema);
    if (!check) return undefined;
    this.direction = direction;
    try {
      if (check(value)) return undefined;
    } catch {
      return undefined; // generated code that fails on an odd schema: no finding rather than a crash
    }
    return describe(pickError(check.errors ?? []));
  }

  private compile(schema: LiveSchema): ValidateFunction | undefined {
    const root = schema.value;
    if (!isObject(root)) return undefined; // `true`, or not a schema
    const known = this.compiled.get(root);
    if (known !== undefined) return known || undefined;
    let check: ValidateFunction | false;
    try {
      check = this.compileConverted(convertSchema(root, schema.loc.file, this.context));
    } catch {
      check = false; // an unresolvable $ref or a schema ajv rejects
    }
    this.compiled.set(root, check);
    return check || undefined;
  }

  private compileConverted(converted: unknown): ValidateFunction {
    const text = typeof converted === 'object' ? JSON.stringify(converted) : undefined;
    const known = text === undefined ? undefined : this.byText.get(text);
    if (known) return known;
    const check = this.instance().compile(converted as object);
    if (text !== undefined) this.byText.set(text, check);
    return check;
  }

  /** Converts and registers the schema `ref` names (once), returning what replaces the `$ref`. */
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
    try {
      const converted = convertSchema(target.value, target.loc.file, this.context);
      // A converted object schema stays an object (`nullable` may wrap it in anyOf).
      const body = isObject(converted) ? { ...converted, $id: id } : converted === false ? { not: {}, $id: id } : { $id: id };
      this.instance().addSchema(body);
    } catch (error) {
      this.targets.set(key, false);
      throw error instanceof UnresolvableSchema ? error : new UnresolvableSchema(String(error));
    }
    return { $ref: id };
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
