import { childLocation } from '../src/engine/model/location';
import { isObject } from '../src/engine/model/json';
import { defineRule } from '../src/engine/rule';
import { operationName } from '../src/engine/walk/nodes';

/** `200`, `2XX`, `304`, `3XX`: the answers of an operation that worked (or redirects to where it did). */
const SUCCESS = /^[23](\d\d|XX)$/i;

/**
 * OpenAPI: the Responses Object "MUST contain at least one response code, and if only one
 * response code is provided it SHOULD be the response for a successful operation call".
 * A client generated from an operation with only error responses has no type for its result.
 */
export default defineRule({
  meta: {
    id: 'operation-success-response',
    group: 'correctness',
    severity: 'error',
    description: 'Every operation documents a success response (2xx, 3xx or default); `responses` is never empty.',
    sources: ['OpenAPI 3.1 §4.8.16', 'OpenAPI 3.1 §4.8.10'],
    fix: 'no',
    messages: {
      missing: '{{operation}} has no responses; OpenAPI {{version}} requires them: document at least its success response',
      empty: '{{operation}} has an empty responses object; OpenAPI requires at least one response: document its success response (2xx, 3xx or default)',
      noSuccess: '{{operation}} documents no success response (only {{codes}}); add the 2xx or 3xx it answers when it works, or a default response',
    },
  },
  create(context) {
    return {
      Operation(operation) {
        const responses = operation.value.responses;
        const data = { operation: operationName(operation), version: context.version };
        if (responses === undefined) {
          // OpenAPI 3.1 made `responses` optional (an operation may be documented before its answers are).
          if (context.version !== '3.1') context.report({ messageId: 'missing', data, at: operation.keyLoc, part: 'key' });
          return;
        }
        if (!isObject(responses)) return;
        const at = childLocation(operation.loc, 'responses');
        // `x-…` keys are specification extensions, not responses.
        const codes = Object.keys(responses).filter((code) => !code.startsWith('x-'));
        if (codes.length === 0) {
          context.report({ messageId: 'empty', data, at, part: 'key' });
          return;
        }
        if (codes.some((code) => code === 'default' || SUCCESS.test(code))) return;
        context.report({ messageId: 'noSuccess', data: { ...data, codes: codes.join(', ') }, at, part: 'key' });
      },
    };
  },
});
