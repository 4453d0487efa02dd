import { childLocation } from '../src/engine/model/location';
import { defineRule } from '../src/engine/rule';
import { operationName, type OperationNode } from '../src/engine/walk/nodes';

/**
 * OpenAPI: "The id MUST be unique among all operations described in the API. The operationId
 * value is case-sensitive." The later operation is reported, naming the first.
 */
export default defineRule({
  meta: {
    id: 'unique-operation-id',
    group: 'correctness',
    severity: 'error',
    description: 'No two operations share an operationId.',
    sources: ['OpenAPI 3.1 §4.8.10'],
    fix: 'no',
    messages: {
      duplicate: 'operationId "{{id}}" is also used by {{other}}; operationIds must be unique',
    },
  },
  create(context) {
    const first = new Map<string, OperationNode>();
    return {
      Operation(operation) {
        const id = operation.value.operationId;
        if (typeof id !== 'string') return;
        const other = first.get(id);
        if (other === undefined) {
          first.set(id, operation);
          return;
        }
        // One operation object `$ref`'d under two paths is written once: nothing to rename there.
        if (other.value === operation.value) return;
        context.report({ messageId: 'duplicate', data: { id, other: operationName(other) }, at: childLocation(operation.loc, 'operationId') });
      },
    };
  },
});
