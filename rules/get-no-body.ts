import { defineRule } from '../src/engine/rule';
import { childLocation, isWithin } from '../src/engine/model/location';
import { operationName } from '../src/engine/walk/nodes';
import { effectiveParameters, isEmptyRequestBody } from './lib/methods';

/**
 * GET and HEAD carry no request body: RFC 9110 gives such content no meaning, and proxies,
 * caches and client libraries drop it or refuse the request. OpenAPI 3.x `requestBody` on
 * get/head, or a Swagger 2.0 `in: body` / `in: formData` parameter.
 */
export default defineRule({
  meta: {
    id: 'get-no-body',
    group: 'methods',
    severity: 'error',
    description: 'GET and HEAD requests take no request body.',
    sources: ['RFC 9110 §9.3.1', 'Z#148'],
    fix: 'no',
    messages: {
      body: '{{operation}} has a request body, which servers, proxies and clients may drop; pass the criteria as query parameters, or for complex queries use POST {{searches}}',
      parameter: '{{operation}}: {{in}} parameter "{{name}}" is a request body, which servers, proxies and clients may drop; pass it as a query parameter, or for complex queries use POST {{searches}}',
      sharedParameter: '{{in}} parameter "{{name}}" is used by a {{method}} operation as a request body, which servers, proxies and clients may drop; pass it as a query parameter, or use POST on a "/searches" resource',
    },
  },
  create(context) {
    return {
      Operation(operation) {
        if (operation.method !== 'get' && operation.method !== 'head') return;
        const data = { operation: operationName(operation), searches: searchesPath(operation.pathItem.path) };
        if (context.version !== '2.0') {
          const body = operation.value.requestBody;
          const bodyAt = childLocation(operation.loc, 'requestBody');
          if (body === undefined || isEmptyRequestBody(body, bodyAt, context.resolve)) return;
          context.report({ messageId: 'body', data, at: bodyAt, part: 'key' });
          return;
        }
        for (const parameter of effectiveParameters(operation, context.resolve)) {
          const where = parameter.value.in;
          if (where !== 'body' && where !== 'formData') continue;
          const name = String(parameter.value.name ?? '');
          const at = childLocation(parameter.loc, 'in');
          if (isWithin(parameter.loc, operation.loc)) {
            context.report({ messageId: 'parameter', data: { ...data, in: where, name }, at });
          } else {
            const method = operation.method.toUpperCase();
            context.report({ messageId: 'sharedParameter', data: { in: where, name, method }, at, usedBy: data.operation });
          }
        }
      },
    };
  },
});

/** `/users` → `/users/searches`; `/users/search` → `/users/searches`. */
function searchesPath(path: string): string {
  const base = path.replace(/\/+$/, '').replace(/\/search$/i, '');
  return `${base}/searches`;
}
