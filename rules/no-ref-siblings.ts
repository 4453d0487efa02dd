import { decodePointer } from '../src/engine/model/location';
import { splitRef } from '../src/engine/resolve/refs';
import { defineRule } from '../src/engine/rule';
import { documentRefs, siteLocation, type RefSite } from './lib/document-refs';

/** Keys whose value is a schema: a `$ref` under one is a schema's. */
const SCHEMA_KEYS = new Set(['schema', 'items', 'additionalProperties', 'not']);
const SCHEMA_LISTS = new Set(['allOf', 'oneOf', 'anyOf']);
const SCHEMA_MAPS = new Set(['properties', 'definitions', 'schemas', 'patternProperties']);

/**
 * OpenAPI 3.0 §4.7.23 (Reference Object): "This object cannot be extended with additional
 * properties and any properties added SHALL be ignored"; Swagger 2.0 and JSON Reference say
 * the same. Every `$ref` of every file is read (./lib/document-refs.ts), not only those the
 * walker reaches. OpenAPI 3.1 is not checked: its Reference Objects take `summary` and
 * `description`, and a 3.1 Schema Object is JSON Schema 2020-12, where `$ref` is one keyword
 * among others. `x-` extensions are not reported: tools that read them (code generators'
 * `x-go-type`, say) put them beside the `$ref` on purpose, and no reader expects them to change the target.
 */
export default defineRule({
  meta: {
    id: 'no-ref-siblings',
    group: 'correctness',
    severity: 'warn',
    description: 'No keys beside a $ref in OpenAPI 3.0 and Swagger 2.0, where they are ignored.',
    sources: ['OpenAPI 3.0 §4.7.23', 'OpenAPI 2.0 Reference Object', 'JSON Reference §3'],
    fix: 'no',
    messages: {
      schema: '"{{key}}" beside $ref is ignored ({{spec}}: a $ref replaces the whole schema); wrap the reference (allOf: [{ $ref: … }]) and put "{{key}}" beside the allOf, or move it into the referenced schema',
      other: '"{{key}}" beside $ref is ignored ({{spec}}: a Reference Object takes no other properties); move it into the referenced object',
    },
  },
  create(context) {
    if (context.version === '3.1') return {};
    const spec = context.version === '2.0' ? 'Swagger 2.0' : 'OpenAPI 3.0';
    return {
      Document(document) {
        for (const scan of documentRefs(document.loc.file, context).files) {
          for (const site of scan.refs) {
            if (site.literal) continue;
            const siblings = Object.keys(site.holder).filter((key) => key !== '$ref' && !key.startsWith('x-'));
            if (siblings.length === 0) continue;
            const loc = siteLocation(scan.file, site);
            const messageId = isSchemaRef(site, loc.pointer) ? 'schema' : 'other';
            for (const key of siblings) {
              context.report({ messageId, data: { key, spec }, at: { file: scan.file, pointer: [...loc.pointer, key] }, part: 'key' });
            }
          }
        }
      },
    };
  },
});

/** Whether the reference stands for a schema: by where it is written, or where it points. */
function isSchemaRef(site: RefSite, pointer: readonly string[]): boolean {
  if (SCHEMA_KEYS.has(site.parentKey)) return true;
  const parent = pointer[pointer.length - 2];
  if (parent !== undefined && (SCHEMA_MAPS.has(parent) || (SCHEMA_LISTS.has(parent) && /^\d+$/.test(site.parentKey)))) return true;
  const target = decodePointer(splitRef(site.ref, '').fragment) ?? [];
  return target.includes('schemas') || target.includes('definitions');
}
