import { childLocation, type NodeLocation } from '../src/engine/model/location';
import { isObject } from '../src/engine/model/json';
import { defineRule } from '../src/engine/rule';
import { closest } from '../src/engine/suggest';
import { declaresProperty, schemaShape } from './lib/schema';

type Json = Record<string, unknown>;

const COMPOSITION = ['allOf', 'oneOf', 'anyOf'] as const;
/** Keywords through which a 3.1 schema can declare properties conditionally: such a schema is not judged. */
const CONDITIONAL = ['if', 'then', 'else', 'dependentSchemas', 'dependencies', '$dynamicRef'];

/**
 * JSON Schema lets `required` name a property `properties` does not declare (any property
 * may be present unless the schema forbids others), so an undeclared name is reported only
 * where it is evidently wrong: the schema closes its properties (`additionalProperties:
 * false`, 3.1 `unevaluatedProperties: false`), so no valid payload exists; or the name is a
 * near miss of a declared one (a typo: the requirement is not the property it was meant for).
 * Never when something else could declare it: a composition member of the schema (resolved),
 * a schema whose allOf/oneOf/anyOf lists this one, a `patternProperties` pattern, or a member
 * that cannot be followed. Checked at `Document:exit`, when every composing schema is known.
 */
export default defineRule({
  meta: {
    id: 'required-properties-defined',
    group: 'correctness',
    severity: 'error',
    description: 'Names in required are properties of the schema when it allows no others, and are not typos of its properties.',
    sources: ['JSON Schema Validation §6.5.3', 'OpenAPI 3.1 §4.8.24', 'OpenAPI 3.0 §4.7.24'],
    fix: 'no',
    messages: {
      closed: '"{{name}}" is required but not among the properties{{hint}}, and {{closedBy}}: no payload can be valid',
      typo: '"{{name}}" is required but not among the properties (did you mean "{{close}}"?)',
    },
  },
  create(context) {
    const candidates: { value: Json; loc: NodeLocation }[] = [];
    /** Each schema listed in a composition, with the schemas listing it. */
    const composedBy = new Map<object, { value: Json; loc: NodeLocation }[]>();

    return {
      Schema(schema) {
        const { value, loc } = schema;
        for (const keyword of COMPOSITION) {
          const members = value[keyword];
          if (!Array.isArray(members)) continue;
          members.forEach((member, index) => {
            const resolved = context.resolve(member, childLocation(loc, keyword, String(index)));
            if (!resolved || !isObject(resolved.value)) return;
            const parents = composedBy.get(resolved.value) ?? [];
            parents.push({ value, loc });
            composedBy.set(resolved.value, parents);
          });
        }
        if (Array.isArray(value.required) && value.required.length > 0) candidates.push({ value, loc });
      },
      'Document:exit'() {
        for (const { value, loc } of candidates) {
          if (CONDITIONAL.some((keyword) => value[keyword] !== undefined)) continue;
          const closedBy =
            value.additionalProperties === false
              ? 'additionalProperties: false forbids any other'
              : context.version === '3.1' && value.unevaluatedProperties === false
                ? 'unevaluatedProperties: false forbids any other'
                : undefined;
          const own = isObject(value.properties) ? Object.keys(value.properties) : [];
          if (!closedBy && own.length === 0) continue;
          // Most schemas declare what they require themselves: only the others are looked at further.
          const declared = new Set(own);
          if ((value.required as unknown[]).every((name) => typeof name !== 'string' || declared.has(name))) continue;
          // What the schema, its members and the schemas composing it (up the chain) declare.
          const shapes = [schemaShape(value, loc, context.resolve, COMPOSITION)];
          const seen = new Set<object>([value]);
          const up = [...(composedBy.get(value) ?? [])];
          while (up.length > 0) {
            const parent = up.pop()!;
            if (seen.has(parent.value)) continue;
            seen.add(parent.value);
            shapes.push(schemaShape(parent.value, parent.loc, context.resolve, COMPOSITION));
            up.push(...(composedBy.get(parent.value) ?? []));
          }
          if (shapes.some((shape) => !shape.complete)) continue;
          (value.required as unknown[]).forEach((name, index) => {
            if (typeof name !== 'string' || shapes.some((shape) => declaresProperty(shape, name))) return;
            const close = closest(name, own);
            const at = childLocation(loc, 'required', String(index));
            if (closedBy) {
              context.report({ messageId: 'closed', data: { name, closedBy, hint: close ? ` (did you mean "${close}"?)` : '' }, at });
            } else if (close) {
              context.report({ messageId: 'typo', data: { name, close }, at });
            }
          });
        }
      },
    };
  },
});
