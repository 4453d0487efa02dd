import { defineRule } from '../src/engine/rule';
import { childLocation, isWithin } from '../src/engine/model/location';
import { operationName } from '../src/engine/walk/nodes';
import { effectiveParameters, isEmptyRequestBody } from './lib/methods';

/**
 * DELETE carries no request body: RFC 9110 gives such content no meaning and some
 * implementations reject the request. The resource to delete is the URI; a delete of many
 * resources is a batch operation (POST `/…:batchDelete`, AIP-235). OpenAPI 3.x `requestBody`
 * on delete, or a Swagger 2.0 `in: body` / `in: formData` parameter.
 */
export default defineRule({
  meta: {
    id: 'delete-no-body',
    group: 'methods',
    severity: 'warn',
    description: 'DELETE requests take no request body.',
    sources: ['RFC 9110 §9.3.5'],
    fix: 'no',
    messages: {
      body: '{{operation}} has a request body, which servers, proxies and clients may drop or reject; identify what to delete by the path (or query parameters), or delete many with a batch POST',
      parameter: '{{operation}}: {{in}} parameter "{{name}}" is a request body, which servers, proxies and clients may drop or reject; identify what to delete by the path (or query parameters), or delete many with a batch POST',
      sharedParameter: '{{in}} parameter "{{name}}" is used by a DELETE operation as a request body, which servers, proxies and clients may drop or reject; identify what to delete by the path (or query parameters)',
    },
  },
  create(context) {
    return {
      Operation(operation) {
        if (operation.method !== 'delete') return;
        const name = operationName(operation);
        if (context.version !== '2.0') {
          const body = operation.value.requestBody;
          const bodyAt = childLocation(operation.loc, 'requestBody');
          if (body === undefined || isEmptyRequestBody(body, bodyAt, context.resolve)) return;
          context.report({ messageId: 'body', data: { operation: name }, at: bodyAt, part: 'key' });
          return;
        }
        for (const parameter of effectiveParameters(operation, context.resolve)) {
          const where = parameter.value.in;
          if (where !== 'body' && where !== 'formData') continue;
          const data = { operation: name, in: String(where), name: String(parameter.value.name ?? '') };
          const at = childLocation(parameter.loc, 'in');
          if (isWithin(parameter.loc, operation.loc)) context.report({ messageId: 'parameter', data, at });
          else context.report({ messageId: 'sharedParameter', data, at, usedBy: name });
        }
      },
    };
  },
});
