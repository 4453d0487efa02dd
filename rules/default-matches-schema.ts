import { isObject } from '../src/engine/model/json';
import { childLocation, type NodeLocation } from '../src/engine/model/location';
import { defineRule, type AnyRuleContext } from '../src/engine/rule';
import { checkValue, jsonType, simpleTypes } from './lib/instances';

type Json = Record<string, unknown>;

/** Keywords of a Swagger 2.0 non-body Parameter or Header that are not schema keywords: left out of the schema its `default` is checked against. */
const NOT_SCHEMA = ['name', 'in', 'description', 'required', 'allowEmptyValue', 'collectionFormat'];

/**
 * A schema's `default` and each `enum` entry must be instances of the schema they sit in
 * (JSON Schema; OpenAPI adds that a default "MUST conform to the defined type"). The default
 * is validated against the whole schema (so one outside the enum fails); each enum entry
 * against the schema without its enum (type, format, bounds, nested constraints). 3.0
 * `nullable: true` admits null, but beside an `enum` only when the enum lists null (the
 * 3.0.3 clarification); 2.0 `x-nullable: true` admits null too.
 */
export default defineRule({
  meta: {
    id: 'default-matches-schema',
    group: 'correctness',
    severity: 'error',
    description: "A schema's default and enum values are valid against the schema.",
    sources: ['OpenAPI 3.1 §4.8.24', 'OpenAPI 3.0 §4.7.24', 'OpenAPI 2.0 §Schema Object', 'OpenAPI 2.0 §Parameter Object'],
    fix: 'no',
    messages: {
      default: 'default does not match its schema: {{failure}}',
      enum: 'enum entry does not match its schema: {{failure}}',
    },
  },
  create(context) {
    const done = new WeakSet<object>();
    const checkSchema = (schema: Json, loc: NodeLocation, asSchema: Json = schema) => {
      if (done.has(schema)) return;
      done.add(schema);
      // 2.0 and 3.0: siblings of `$ref` are ignored, so are a default or enum written there.
      if ('$ref' in schema && context.version !== '3.1') return;
      if ('default' in schema) checkDefault(context, schema, asSchema, loc);
      if (Array.isArray(schema.enum) && schema.enum.length > 0) {
        const withoutEnum: Json = { ...asSchema };
        delete withoutEnum.enum;
        const simple = simpleTypes(asSchema, context.version);
        schema.enum.forEach((entry, index) => {
          // Most enums are scalars under a bare `type`: those need no compiled validator.
          if (simple && simple.has(jsonType(entry))) return;
          const entryAt = childLocation(loc, 'enum', String(index));
          const problem = checkValue(context, withoutEnum, loc, entry, entryAt, 'either');
          if (problem) context.report({ messageId: 'enum', data: { failure: problem.text }, at: problem.at, part: problem.part });
        });
      }
    };

    /** Swagger 2.0: a non-body Parameter or a Header is its own schema (`type`, `items`, `enum`, `default`), as are its `items`. */
    const swaggerSimple = (value: Json, loc: NodeLocation) => {
      const asSchema: Json = { ...value };
      for (const key of NOT_SCHEMA) delete asSchema[key];
      checkSchema(value, loc, asSchema);
      let items = value.items;
      let itemsAt = childLocation(loc, 'items');
      for (let depth = 0; isObject(items) && depth < 8; depth++) {
        checkSchema(items, itemsAt);
        items = items.items;
        itemsAt = childLocation(itemsAt, 'items');
      }
    };

    return {
      Schema(node) {
        checkSchema(node.value, node.loc);
      },
      Parameter(node) {
        if (context.version === '2.0') {
          if (node.in !== 'body') swaggerSimple(node.value, node.loc);
          return;
        }
        schemaOf(context, node.value, node.loc, checkSchema);
      },
      Header(node) {
        if (context.version === '2.0') swaggerSimple(node.value, node.loc);
        // The walker does not visit header schemas: their own default and enum are checked here.
        else schemaOf(context, node.value, node.loc, checkSchema);
      },
    };
  },
});

/** A 3.x parameter's or header's `schema` (the walker visits parameter schemas too; `done` keeps it to once). */
function schemaOf(context: AnyRuleContext, holder: Json, loc: NodeLocation, check: (schema: Json, loc: NodeLocation) => void): void {
  if (holder.schema === undefined) return;
  const resolved = context.resolve(holder.schema, childLocation(loc, 'schema'));
  if (resolved && isObject(resolved.value)) check(resolved.value, resolved.loc);
}

function checkDefault(context: AnyRuleContext, schema: Json, asSchema: Json, loc: NodeLocation): void {
  const simple = simpleTypes(asSchema, context.version);
  const listed = !Array.isArray(schema.enum) || schema.enum.includes(schema.default);
  if (simple && listed && simple.has(jsonType(schema.default)) && (schema.default === null || typeof schema.default !== 'object')) return;
  const at = childLocation(loc, 'default');
  const problem = checkValue(context, asSchema, loc, schema.default, at, 'either');
  if (problem) context.report({ messageId: 'default', data: { failure: problem.text }, at: problem.at, part: problem.part });
}
