import { defineRule } from '../src/engine/rule';
import { childLocation } from '../src/engine/model/location';
import { operationName } from '../src/engine/walk/nodes';
import { isObject } from '../src/engine/model/json';
import { CREDENTIAL_NAMES, GENERIC_CREDENTIAL_NAMES } from './lib/words';

const CREDENTIAL_DESCRIPTION = /\b(auth(entication|orization)?|access|bearer|api|oauth)[ -]?(token|key)\b/i;

/**
 * API keys and access tokens travel in a header, not the URL: a query string lands in server
 * and proxy logs, browser history and `Referer` headers. Flags a security scheme of type
 * `apiKey` with `in: query` (3.x `components.securitySchemes`, 2.0 `securityDefinitions`), at
 * its `in`, and query parameters that are plainly credentials: `api_key`, `apiKey`, `api-key`,
 * `access_token`, `auth_token`, … and `token` when its description calls it an
 * authentication or access token. A parameter that only restates a query apiKey scheme is
 * not reported a second time. Not flagged: `key` (a cache key, a sort key), `client_secret`,
 * page tokens.
 */
export default defineRule({
  meta: {
    id: 'api-key-not-in-query',
    group: 'security',
    severity: 'warn',
    description: 'API keys and access tokens travel in a header, not in the query string.',
    sources: ['OWASP'],
    fix: 'no',
    messages: {
      scheme:
        'security scheme "{{scheme}}" sends the API key "{{name}}" in the query string, where URLs end up in server and proxy logs and browser history; send it in a header ("in: header")',
      parameter:
        'query parameter "{{name}}" carries a credential in the URL, where it ends up in server and proxy logs and browser history; accept it in a header instead (e.g. "Authorization" or "X-API-Key")',
    },
  },
  create(context) {
    /** Names of query apiKey schemes: a parameter with the same name restates the scheme. */
    const schemeNames = new Set<string>();
    return {
      Document(document) {
        const root = document.value;
        const schemes = context.version === '2.0' ? root.securityDefinitions : isObject(root.components) ? root.components.securitySchemes : undefined;
        if (!isObject(schemes)) return;
        const schemesAt = context.version === '2.0' ? childLocation(document.loc, 'securityDefinitions') : childLocation(document.loc, 'components', 'securitySchemes');
        for (const [key, raw] of Object.entries(schemes)) {
          const scheme = context.resolve(raw, childLocation(schemesAt, key))?.value;
          if (isQueryApiKey(scheme) && typeof scheme.name === 'string') schemeNames.add(scheme.name.toLowerCase());
        }
      },
      SecurityScheme(scheme) {
        if (!isQueryApiKey(scheme.value)) return;
        const name = typeof scheme.value.name === 'string' ? scheme.value.name : '?';
        context.report({ messageId: 'scheme', data: { scheme: scheme.name, name }, at: childLocation(scheme.loc, 'in') });
      },
      Parameter(parameter) {
        if (parameter.in !== 'query' || schemeNames.has(parameter.name.toLowerCase())) return;
        const key = parameter.name.toLowerCase().replace(/[^a-z0-9]/g, '');
        const description = typeof parameter.value.description === 'string' ? parameter.value.description : '';
        if (!CREDENTIAL_NAMES.has(key) && !(GENERIC_CREDENTIAL_NAMES.has(key) && CREDENTIAL_DESCRIPTION.test(description))) return;
        const usedBy = parameter.owner.kind === 'Operation' ? operationName(parameter.owner) : undefined;
        context.report({ messageId: 'parameter', data: { name: parameter.name }, at: childLocation(parameter.loc, 'name'), usedBy });
      },
    };
  },
});

function isQueryApiKey(scheme: unknown): scheme is Record<string, unknown> {
  return isObject(scheme) && typeof scheme.type === 'string' && scheme.type.toLowerCase() === 'apikey' && scheme.in === 'query';
}
