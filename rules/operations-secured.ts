import { defineRule } from '../src/engine/rule';
import { childLocation } from '../src/engine/model/location';
import { operationName, type OperationNode } from '../src/engine/walk/nodes';
import { isObject } from '../src/engine/model/json';

/**
 * Every operation requires credentials, or says on purpose that it does not. An operation
 * is secured by its own `security` or, without one, by the document's; a non-empty list of
 * requirements counts (an `{}` entry in it makes authentication optional, on purpose). An
 * explicit `security: []` at the operation is a public endpoint by choice and passes; the
 * document-level `security: []` is the default and says nothing. Health checks are not
 * exempt: the fix is one line, `security: []`, and it records the decision.
 *
 * A document that declares no security schemes at all is reported once, on `paths`, rather
 * than once per operation.
 */
export default defineRule({
  meta: {
    id: 'operations-secured',
    group: 'security',
    severity: 'error',
    description: 'Every operation has a security requirement, or says `security: []` on purpose.',
    sources: ['course', 'Z#104', 'OWASP'],
    fix: 'no',
    messages: {
      liveNoAuth: '{{operation}} is secured but answered {{status}} to a request without credentials; reject requests without valid credentials with 401 Unauthorized',
      operation: '{{operation}} has no security requirement; add one, or "security: []" if it is public on purpose',
      noSchemes:
        'the API declares no security schemes and {{what}}; declare how clients authenticate in {{where}} and require it with "security" (or say "security: []" on operations that are public on purpose)',
    },
  },
  create(context) {
    const unsecured: OperationNode[] = [];
    let total = 0;
    return {
      Operation(operation) {
        total++;
        // An operation written as a `$ref` (DigitalOcean) is read through the reference.
        if (!Array.isArray(operation.value.security)) unsecured.push(operation);
      },
      'Document:exit'(document) {
        const root = document.value;
        if (Array.isArray(root.security) && root.security.length > 0) return;
        if (unsecured.length === 0) return;
        const schemes = context.version === '2.0' ? root.securityDefinitions : isObject(root.components) ? root.components.securitySchemes : undefined;
        if (!isObject(schemes) || Object.keys(schemes).length === 0) {
          const where = context.version === '2.0' ? '"securityDefinitions"' : '"components.securitySchemes"';
          const hasPaths = isObject(root.paths);
          context.report({
            messageId: 'noSchemes',
            data: { what: describeUnsecured(unsecured.length, total), where },
            at: hasPaths ? childLocation(document.loc, 'paths') : document.loc,
            part: hasPaths ? 'key' : 'value',
          });
          return;
        }
        for (const operation of unsecured) {
          context.report({ messageId: 'operation', data: { operation: operationName(operation) }, at: operation.keyLoc, part: 'key' });
        }
      },
    };
  },
  probe: { needs: ['no-auth'] },
  live(context) {
    return {
      exchange(ex) {
        const { request, response } = ex;
        if (!response || request.purpose !== 'no-auth' || response.status < 200 || response.status > 299) return;
        context.report({ messageId: 'liveNoAuth', exchange: ex });
      },
    };
  },
});

function describeUnsecured(count: number, total: number): string {
  if (count < total) return `${count} of its ${total} operations have no security requirement`;
  return total === 1 ? 'its one operation has no security requirement' : `none of its ${total} operations has a security requirement`;
}
