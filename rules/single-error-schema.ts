import { defineRule } from '../src/engine/rule';
import { operationName, type DocumentNode } from '../src/engine/walk/nodes';
import { responseName } from './lib/errors';
import { ErrorSchemas } from './lib/error-schemas';

/**
 * All error responses share one schema. The schema most error responses use (their JSON body,
 * compared by their property names, so identical inline copies count as one) is the document's
 * error schema; a response with another schema is reported, unless one extends the other
 * (or both extend a common base) through `allOf`, or their properties show the same format
 * (see sameCore). Schemas are grouped by their property names, so per-operation copies of one
 * shape count together. OAuth 2.0 token errors (RFC 6749) are left out. Without a clear
 * majority nothing is reported.
 */
export default defineRule({
  meta: {
    id: 'single-error-schema',
    group: 'errors',
    severity: 'warn',
    description: 'All error responses share one error schema.',
    sources: ['Z#176'],
    fix: 'no',
    messages: {
      other:
        '{{response}} uses {{schema}}, not {{majority}} like {{count}} of {{total}} error responses; use one error schema for every error (extending it with allOf is fine)',
    },
  },
  create(context) {
    let document: DocumentNode | undefined;
    const schemas = new ErrorSchemas(context.resolve);
    return {
      Document(node) {
        document = node;
      },
      Response(response) {
        schemas.add(response, context.version, document?.value.produces);
      },
      'Document:exit'() {
        const { uses, majority, majorityName, others } = schemas.analyse();
        if (!majority) return;
        for (const use of others) {
          context.report({
            messageId: 'other',
            data: { response: responseName(use.response), schema: use.name.startsWith('"') ? `error schema ${use.name}` : 'an inline error schema', majority: majorityName!, count: majority.length, total: uses.length },
            at: use.response.loc,
            part: 'key',
            usedBy: operationName(use.response.operation),
          });
        }
      },
    };
  },
});
