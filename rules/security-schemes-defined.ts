import { childLocation, type NodeLocation } from '../src/engine/model/location';
import { isObject } from '../src/engine/model/json';
import { defineRule } from '../src/engine/rule';
import { operationName } from '../src/engine/walk/nodes';
import { quotedList } from './lib/phrases';

type Json = Record<string, unknown>;

/** A security requirement list as written: `security:` of the document or of one operation. */
interface Requirements {
  owner: string;
  list: unknown[];
  loc: NodeLocation;
}

/**
 * OpenAPI: each name in a Security Requirement "MUST correspond to a security scheme which is
 * declared in the Security Schemes under the Components Object" (Swagger 2.0: in
 * `securityDefinitions`), and for oauth2 the values are scopes the scheme defines. The
 * requirements are collected on the way and checked at `Document:exit`, when the walk has
 * met every security scheme. openIdConnect scopes are not checked: the scheme does not list them.
 */
export default defineRule({
  meta: {
    id: 'security-schemes-defined',
    group: 'correctness',
    severity: 'error',
    description: 'Security requirements name defined security schemes, and oauth2 requirements name scopes the scheme defines.',
    sources: ['OpenAPI 3.1 §4.8.29', 'OpenAPI 3.1 §4.8.27'],
    fix: 'no',
    messages: {
      undefinedScheme: '{{owner}} requires security scheme "{{name}}", which {{where}} does not define ({{defined}})',
      undefinedScope: '{{owner}} requires scope "{{scope}}" of "{{name}}", which that oauth2 scheme does not define{{hint}}',
    },
  },
  create(context) {
    const requirements: Requirements[] = [];
    const resolvedSchemes = new Map<string, Json>();
    let declared: string[] = [];

    return {
      Document(document) {
        const root = document.value;
        // The names as written (also those whose `$ref` is broken: invalid-ref reports that, and the name is still defined).
        const schemes = context.version === '2.0' ? root.securityDefinitions : isObject(root.components) ? root.components.securitySchemes : undefined;
        declared = isObject(schemes) ? Object.keys(schemes) : [];
        if (Array.isArray(root.security)) requirements.push({ owner: 'the document', list: root.security, loc: childLocation(document.loc, 'security') });
      },
      Operation(operation) {
        const security = operation.value.security;
        if (Array.isArray(security)) requirements.push({ owner: operationName(operation), list: security, loc: childLocation(operation.loc, 'security') });
      },
      SecurityScheme(scheme) {
        resolvedSchemes.set(scheme.name, scheme.value);
      },
      'Document:exit'() {
        const where = context.version === '2.0' ? 'securityDefinitions' : 'components.securitySchemes';
        const defined = declared.length === 0 ? 'it defines none' : declared.length <= 6 ? `it defines ${quotedList(declared)}` : `it defines ${declared.length} others`;
        for (const { owner, list, loc } of requirements) {
          list.forEach((requirement, index) => {
            if (!isObject(requirement)) return;
            for (const [name, scopes] of Object.entries(requirement)) {
              const at = childLocation(loc, String(index), name);
              if (!declared.includes(name)) {
                context.report({ messageId: 'undefinedScheme', data: { owner, name, where, defined }, at, part: 'key' });
                continue;
              }
              const known = oauth2Scopes(resolvedSchemes.get(name));
              if (known === undefined || !Array.isArray(scopes)) continue;
              scopes.forEach((scope, scopeIndex) => {
                if (typeof scope !== 'string' || known.has(scope)) return;
                const hint = known.size === 0 ? ' (it defines no scopes)' : known.size <= 5 ? ` (it defines ${quotedList([...known])})` : '';
                context.report({ messageId: 'undefinedScope', data: { owner, name, scope, hint }, at: childLocation(at, String(scopeIndex)) });
              });
            }
          });
        }
      },
    };
  },
});

/**
 * The scopes an oauth2 scheme defines: those of all its flows (3.x) or its `scopes` (2.0).
 * Undefined for any other scheme, or one whose flows are not written out, which is not judged.
 */
function oauth2Scopes(scheme: Json | undefined): Set<string> | undefined {
  if (!scheme || scheme.type !== 'oauth2') return undefined;
  if (isObject(scheme.scopes)) return new Set(Object.keys(scheme.scopes));
  if (!isObject(scheme.flows)) return undefined;
  const scopes = new Set<string>();
  for (const flow of Object.values(scheme.flows)) {
    if (isObject(flow) && isObject(flow.scopes)) for (const scope of Object.keys(flow.scopes)) scopes.add(scope);
  }
  return scopes;
}
