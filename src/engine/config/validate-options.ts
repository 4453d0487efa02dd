import type { AnyRule } from '../rule';
import { decodePointer } from '../model/location';

type Validator = ((data: unknown) => boolean) & { errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] | null };

const compiled = new WeakMap<AnyRule, Validator>();

/**
 * Checks a rule's options against its JSON Schema. ajv is loaded and each schema compiled
 * only when a config actually gives options, so a plain run pays nothing for it.
 */
export function validateOptions(rule: AnyRule, options: unknown): { message: string; pointer: string[] } | undefined {
  let validate = compiled.get(rule);
  if (!validate) {
    const Ajv = require('ajv').default as typeof import('ajv').default;
    validate = new Ajv({ allErrors: false, strict: true }).compile({ ...rule.meta.options!.schema, additionalProperties: false }) as Validator;
    compiled.set(rule, validate);
  }
  if (validate(options)) return undefined;
  const error = validate.errors![0];
  const extra = error.params?.additionalProperty;
  const pointer = decodePointer(error.instancePath) ?? [];
  const where = error.instancePath ? `${error.instancePath.slice(1).replace(/\//g, '.')} ` : '';
  // ajv says "must be equal to one of the allowed values" without them: list them.
  const allowed = error.params?.allowedValues;
  const values = Array.isArray(allowed) ? `: ${allowed.map((value) => JSON.stringify(value)).join(', ')}` : '';
  const message = extra !== undefined ? `unknown option "${String(extra)}"` : `${where}${error.message ?? 'is invalid'}${values}`;
  return { message, pointer: extra !== undefined ? [...pointer, String(extra)] : pointer };
}
