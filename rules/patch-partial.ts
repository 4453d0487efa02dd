import { defineRule, type AnyRuleContext } from '../src/engine/rule';
import { childLocation, type NodeLocation, isWithin } from '../src/engine/model/location';
import { operationName, type OperationNode } from '../src/engine/walk/nodes';
import { effectiveParameters, lastLiteralWords } from './lib/methods';
import { isPluralOrUncountable, UNCOUNTABLES } from './lib/words';
import { isObject } from '../src/engine/model/json';
import { isJsonMediaType, mediaTypeOf } from '../src/engine/media-types';

interface Options {
  /** Report a PATCH body sent as plain `application/json` (not merge-patch or json-patch). */
  mediaType: boolean;
}

const MERGE_PATCH = 'application/merge-patch+json';
const isConcurrencyToken = (field: string) => /(^|[_-])(version|etag|revision)$/i.test(field) || /[a-z0-9](Version|Etag|ETag|Revision)$/.test(field);
const JSON_PATCH = 'application/json-patch+json';

/**
 * A PATCH body is a partial document: its media type says how it applies
 * (`application/merge-patch+json`, RFC 7396, or `application/json-patch+json`, RFC 6902), and
 * a merge-style body requires no field, since a client sends only what changes. Plain
 * `application/json` with merge semantics is common, hence info level; the option
 * `mediaType: false` keeps only the `required` check. JSON Patch bodies (an array of
 * operations, each requiring `op` and `path`) are not checked for `required`, nor is a body
 * with a single property (`{ status }`), which a PATCH must send.
 */
export default defineRule<Options>({
  meta: {
    id: 'patch-partial',
    group: 'methods',
    severity: 'info',
    description: 'PATCH bodies are partial documents (merge-patch or json-patch media type, no required fields).',
    sources: ['RFC 7396', 'AIP-134'],
    fix: 'no',
    options: {
      schema: { type: 'object', properties: { mediaType: { type: 'boolean' } }, additionalProperties: false },
      defaults: { mediaType: true },
    },
    messages: {
      mediaType: '{{operation}}: the request body is plain {{type}}; declare application/merge-patch+json (RFC 7396) or application/json-patch+json (RFC 6902) so clients know how the body is applied',
      mediaTypeShared: 'request body sent by a PATCH is plain {{type}}; declare application/merge-patch+json (RFC 7396) or application/json-patch+json (RFC 6902) so clients know how the body is applied',
      required: '{{operation}}: the request body requires {{fields}}; a partial update accepts any subset of fields: drop "required" here (a PATCH schema of its own), or replace the whole resource with PUT',
      requiredShared: 'request body of a PATCH requires {{fields}}; a partial update accepts any subset of fields: drop "required" here (a PATCH schema of its own), or replace the whole resource with PUT',
    },
  },
  create(context) {
    let root: Record<string, unknown> = {};
    const check = (operation: OperationNode, bodies: { type: string; schema: unknown; schemaAt: NodeLocation; typeAt: NodeLocation; typePart: 'key' | 'value' }[]) => {
      const name = operationName(operation);
      const patchTyped = bodies.some(({ type }) => mediaTypeOf(type) === MERGE_PATCH || mediaTypeOf(type) === JSON_PATCH);
      const json = bodies.filter(({ type }) => isJsonMediaType(type) && mediaTypeOf(type) !== JSON_PATCH);
      if (context.options.mediaType && !patchTyped) {
        const plain = json.find(({ type }) => mediaTypeOf(type) === 'application/json');
        if (plain) {
          const shared = !isWithin(plain.typeAt, operation.loc);
          context.report({
            messageId: shared ? 'mediaTypeShared' : 'mediaType',
            data: { operation: name, type: mediaTypeOf(plain.type)! },
            at: plain.typeAt,
            part: plain.typePart,
            usedBy: shared ? name : undefined,
          });
        }
      }
      // A PATCH on a collection (`/orgs/{org}/properties/values`) is a batch operation whose
      // required fields are its arguments, not fields of one resource.
      const last = lastLiteralWords(operation.pathItem.segments)?.words.at(-1);
      if (last && isPluralOrUncountable(last) && !UNCOUNTABLES.has(last)) return;
      for (const body of json) {
        // Concurrency tokens (`custom_pattern_version`, `etag`) are required on purpose.
        const fields = requiredFields(body.schema, body.schemaAt, context.resolve).filter((field) => !isConcurrencyToken(field));
        if (fields.length === 0) continue;
        const shared = !isWithin(body.schemaAt, operation.loc);
        const list = fields.map((field) => `"${field}"`).join(', ');
        context.report({
          messageId: shared ? 'requiredShared' : 'required',
          data: { operation: name, fields: list },
          at: body.schemaAt,
          part: 'key',
          usedBy: shared ? name : undefined,
        });
        break;
      }
    };
    return {
      Document(document) {
        root = document.value;
      },
      RequestBody(body) {
        if (body.operation.method !== 'patch' || !isObject(body.value.content)) return;
        const content = body.value.content;
        const bodies = Object.keys(content).flatMap((type) => {
          const media = content[type];
          if (!isObject(media)) return [];
          const typeAt = childLocation(body.loc, 'content', type);
          return [{ type, schema: media.schema, schemaAt: childLocation(typeAt, 'schema'), typeAt, typePart: 'key' as const }];
        });
        check(body.operation, bodies);
      },
      Operation(operation) {
        if (context.version !== '2.0' || operation.method !== 'patch') return;
        const parameter = effectiveParameters(operation, context.resolve).find((p) => p.value.in === 'body');
        if (!parameter) return;
        const own = Array.isArray(operation.value.consumes);
        const consumes = own ? operation.value.consumes : root.consumes;
        const types = Array.isArray(consumes) ? consumes.filter((type): type is string => typeof type === 'string') : [];
        const list = types.length > 0 ? types : ['application/json'];
        // The operation's `consumes` when it has one; otherwise the body parameter itself.
        const at = own ? childLocation(operation.loc, 'consumes') : childLocation(parameter.loc, 'in');
        check(
          operation,
          list.map((type) => ({ type, schema: parameter.value.schema, schemaAt: childLocation(parameter.loc, 'schema'), typeAt: at, typePart: own ? 'key' : 'value' })),
        );
      },
    };
  },
});

/** The `required` names of a schema, its `allOf` parts included; none for an array (JSON Patch) schema. */
function requiredFields(raw: unknown, at: NodeLocation, resolve: AnyRuleContext['resolve']): string[] {
  const resolved = resolve(raw, at);
  if (!resolved || !isObject(resolved.value)) return [];
  const schema = resolved.value;
  if (schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'))) return [];
  const names = new Set<string>();
  const properties = new Set<string>();
  const add = (value: Record<string, unknown>) => {
    if (Array.isArray(value.required)) for (const name of value.required) if (typeof name === 'string') names.add(name);
    if (isObject(value.properties)) for (const name of Object.keys(value.properties)) properties.add(name);
  };
  add(schema);
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((part, index) => {
      const inner = resolve(part, childLocation(resolved.loc, 'allOf', String(index)));
      if (inner && isObject(inner.value)) add(inner.value);
    });
  }
  // A PATCH that changes one field (`{ status }` to cancel a payment link) must send that field.
  if (properties.size === 1 && names.size === 1) return [];
  return [...names];
}
