import { defineRule } from '../src/engine/rule';
import { HTTP_METHODS, operationName } from '../src/engine/walk/nodes';
import { effectiveParameters } from './lib/methods';
import { isObject } from '../src/engine/model/json';

interface Options {
  /** Methods that may answer 201 Created; add `patch` for an API whose PATCH creates missing resources (RFC 5789 §2). */
  createMethods: string[];
}

/** Request headers that make a request conditional on the resource's current state (RFC 9110 §13.1). */
const PRECONDITION_HEADERS = new Set(['if-match', 'if-none-match', 'if-unmodified-since']);

/**
 * A status code means something only for some methods (Zalando #150):
 * - 201 Created answers a request that created a resource: POST, or PUT to a new URI.
 * - 304 Not Modified answers a conditional GET or HEAD.
 * - 412 Precondition Failed answers a request with a precondition header (If-Match,
 *   If-None-Match, If-Unmodified-Since): an operation that declares one, or a PUT, PATCH or
 *   DELETE (which often take If-Match without documenting it).
 * Reported at the response key.
 */
export default defineRule<Options>({
  meta: {
    id: 'status-fits-method',
    group: 'status-codes',
    severity: 'warn',
    description: '201 only on POST/PUT, 304 only on GET/HEAD, 412 only on conditional requests.',
    sources: ['Z#150'],
    fix: 'no',
    options: {
      schema: {
        type: 'object',
        properties: { createMethods: { type: 'array', items: { type: 'string', enum: [...HTTP_METHODS] } } },
      },
      defaults: { createMethods: ['post', 'put'] },
    },
    messages: {
      created: '{{operation}}: 201 Created is for a request that creates a resource ({{createMethods}}), not {{method}}; use 200 or 204',
      notModified: '{{operation}}: 304 Not Modified answers a conditional GET or HEAD, not {{method}}; remove it',
      precondition: '{{operation}}: 412 Precondition Failed needs a conditional request, but the operation declares no If-Match, If-None-Match or If-Unmodified-Since header; declare the header, or remove the 412',
    },
  },
  create(context) {
    const createMethods = new Set(context.options.createMethods);
    const createList = [...createMethods].map((method) => method.toUpperCase()).join(' or ');
    return {
      Operation(operation) {
        const own = operation;
        const responses = own.value.responses;
        if (!isObject(responses)) return;
        const { method } = operation;
        const report = (status: string, messageId: string) =>
          context.report({
            messageId,
            data: { operation: operationName(operation), method: method.toUpperCase(), createMethods: createList },
            at: { file: own.loc.file, pointer: [...own.loc.pointer, 'responses', status] },
            part: 'key',
          });
        for (const status of Object.keys(responses)) {
          const code = status.trim();
          if (code === '201' && !createMethods.has(method)) report(status, 'created');
          else if (code === '304' && method !== 'get' && method !== 'head') report(status, 'notModified');
          else if (code === '412' && method !== 'put' && method !== 'patch' && method !== 'delete' && !isConditional()) report(status, 'precondition');
        }
        function isConditional(): boolean {
          return effectiveParameters(operation, context.resolve).some(
            ({ value: parameter }) => parameter.in === 'header' && typeof parameter.name === 'string' && PRECONDITION_HEADERS.has(parameter.name.toLowerCase()),
          );
        }
      },
    };
  },
});
