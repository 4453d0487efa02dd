import { childLocation, type NodeLocation } from '../src/engine/model/location';
import { isObject } from '../src/engine/model/json';
import { defineRule } from '../src/engine/rule';
import { isNonSchemaComponent } from './lib/components';
import { declaresProperty, schemaShape, type SchemaShape } from './lib/schema';

type Json = Record<string, unknown>;

/** How deep nested choices (an alternative that is itself a oneOf) are followed. */
const MAX_CHOICE_DEPTH = 8;

/**
 * OpenAPI 3.x (Discriminator Object): the property named by `propertyName` must be present in
 * every payload, and each `mapping` value names a schema; Swagger 2.0: "The property name used
 * MUST be defined at this schema and it MUST be in the required property list". So the property
 * is declared (in `properties`, directly or through resolvable allOf members) and required. With
 * oneOf/anyOf the property lives in the alternatives: each alternative declares and requires it,
 * unless the schema itself does. A mapping target that does not resolve is invalid-ref's (the
 * resolver records it); one that resolves to something other than a schema is reported here.
 */
export default defineRule({
  meta: {
    id: 'discriminator-property-defined',
    group: 'correctness',
    severity: 'error',
    description: 'The discriminator property is a declared, required property of the schema (or of each oneOf/anyOf alternative), and mapping values point at schemas.',
    sources: ['OpenAPI 3.1 §4.8.25', 'OpenAPI 3.0 §4.7.25', 'OpenAPI 2.0 Schema Object (discriminator)'],
    fix: 'no',
    messages: {
      undeclared: 'discriminator property "{{name}}" is not among the properties of the schema{{through}}; declare it',
      notRequired: 'discriminator property "{{name}}" is not required: add it to required, as every payload must carry it',
      alternativeUndeclared: '{{keyword}} alternative {{index}}{{ref}} does not declare discriminator property "{{name}}"',
      alternativeNotRequired: '{{keyword}} alternative {{index}}{{ref}} does not require discriminator property "{{name}}"',
      notSchema: 'mapping "{{key}}" points at {{target}}, which is not a schema',
    },
  },
  create(context) {
    const shape = (value: Json, loc: NodeLocation) => schemaShape(value, loc, context.resolve, ['allOf']);

    return {
      Schema({ value, loc }) {
        const discriminator = value.discriminator;
        let name: string;
        let nameLoc: NodeLocation;
        if (context.version === '2.0') {
          if (typeof discriminator !== 'string') return;
          name = discriminator;
          nameLoc = childLocation(loc, 'discriminator');
        } else {
          if (!isObject(discriminator) || typeof discriminator.propertyName !== 'string') return;
          name = discriminator.propertyName;
          nameLoc = childLocation(loc, 'discriminator', 'propertyName');
          if (isObject(discriminator.mapping)) checkMapping(discriminator.mapping, childLocation(loc, 'discriminator', 'mapping'));
        }
        const own = shape(value, loc);
        const keyword = context.version === '2.0' ? undefined : (['oneOf', 'anyOf'] as const).find((key) => Array.isArray(value[key]));
        if (keyword) {
          if (own.complete && declaresProperty(own, name) && own.required.has(name)) return;
          (value[keyword] as unknown[]).forEach((member, index) => {
            const entry = childLocation(loc, keyword, String(index));
            const resolved = context.resolve(member, entry);
            if (!resolved || !isObject(resolved.value)) return;
            const ref = isObject(member) && typeof member.$ref === 'string' ? ` (${member.$ref})` : '';
            const data = { keyword, index, ref, name };
            const declared = declaresProperty(own, name) || carries(resolved.value, resolved.loc, (found) => declaresProperty(found, name), 0);
            if (declared === false) context.report({ messageId: 'alternativeUndeclared', data, at: entry });
            else if (declared && !own.required.has(name) && carries(resolved.value, resolved.loc, (found) => found.required.has(name), 0) === false) {
              context.report({ messageId: 'alternativeNotRequired', data, at: entry });
            }
          });
          return;
        }
        if (!own.complete) return;
        if (!declaresProperty(own, name)) {
          const through = Array.isArray(value.allOf) ? ' or of its allOf members' : '';
          context.report({ messageId: 'undeclared', data: { name, through }, at: nameLoc });
        } else if (!own.required.has(name)) {
          context.report({ messageId: 'notRequired', data: { name }, at: nameLoc });
        }
      },
    };

    /**
     * Whether every payload `value` admits passes `test`: the schema (with its allOf members)
     * does, or it is itself a choice (oneOf/anyOf) whose every alternative does. Undefined when
     * a member cannot be followed.
     */
    function carries(value: Json, loc: NodeLocation, test: (found: SchemaShape) => boolean, depth: number): boolean | undefined {
      const found = shape(value, loc);
      if (!found.complete) return undefined;
      if (test(found)) return true;
      const keyword = (['oneOf', 'anyOf'] as const).find((key) => Array.isArray(value[key]));
      if (!keyword || depth >= MAX_CHOICE_DEPTH) return false;
      let result: boolean | undefined = true;
      (value[keyword] as unknown[]).forEach((member, index) => {
        const resolved = context.resolve(member, childLocation(loc, keyword, String(index)));
        const answer = resolved && isObject(resolved.value) ? carries(resolved.value, resolved.loc, test, depth + 1) : undefined;
        if (answer === false) result = false;
        else if (answer === undefined && result) result = undefined;
      });
      return result;
    }

    function checkMapping(mapping: Json, at: NodeLocation): void {
      for (const [key, target] of Object.entries(mapping)) {
        if (typeof target !== 'string') continue;
        // A value without a `/` or `#` is a schema name (OpenAPI: "a schema name or a reference").
        const ref = target.includes('/') || target.includes('#') ? target : `#/components/schemas/${target}`;
        const valueLoc = childLocation(at, key);
        const resolved = context.resolve({ $ref: ref }, valueLoc);
        if (!resolved) continue;
        if (!isNonSchemaComponent(resolved.loc.pointer) && (isObject(resolved.value) || typeof resolved.value === 'boolean')) continue;
        context.report({ messageId: 'notSchema', data: { key, target: `"${target}"` }, at: valueLoc });
      }
    }
  },
});
