import { defineRule } from '../src/engine/rule';
import { childLocation } from '../src/engine/model/location';
import { operationName } from '../src/engine/walk/nodes';
import { responseHasBody, responsesOf } from './lib/methods';
import { is2xxStatusKey } from '../src/engine/status-ranges';

/**
 * A successful DELETE answers 204 No Content, 200 OK with a body (the deleted resource or a
 * status), or 202 Accepted when the deletion happens later. Reported: a DELETE whose
 * documented successes are only other codes (201 Created, 200 with no content). A DELETE
 * that documents no 2xx at all is left to the status-code rules.
 */
export default defineRule({
  meta: {
    id: 'delete-success-code',
    group: 'methods',
    severity: 'warn',
    description: 'DELETE answers 204, 200 with a body, or 202.',
    sources: ['MSW', 'AZ'],
    fix: 'no',
    messages: {
      liveEmptyOk: '{{operation}} answered 200 with an empty body; answer 204 No Content when a delete returns nothing',
      liveOther: '{{operation}} answered {{status}}; a delete answers 204 No Content, 200 OK with a body, or 202 Accepted when it completes later',
      emptyOk: '{{operation}}: 200 response has no body; answer 204 No Content when a delete returns nothing (or document the body the 200 returns)',
      other: '{{operation}} documents {{codes}} as its success; a delete answers 204 No Content, 200 OK with a body, or 202 Accepted when it completes later',
    },
  },
  create(context) {
    return {
      Operation(operation) {
        if (operation.method !== 'delete') return;
        const successes = responsesOf(operation, context.resolve).filter((response) => is2xxStatusKey(response.status));
        if (successes.length === 0) return;
        const fits = successes.some(({ status, value }) =>
          status === '204' || status === '202' || /^2XX$/i.test(status) || (status === '200' && responseHasBody(value, context.version)));
        if (fits) return;
        const name = operationName(operation);
        const first = successes[0];
        const at = childLocation(operation.loc, 'responses', first.status);
        if (successes.every((response) => response.status === '200')) {
          context.report({ messageId: 'emptyOk', data: { operation: name }, at, part: 'key' });
        } else {
          const codes = successes.map((response) => response.status).join(' and ');
          context.report({ messageId: 'other', data: { operation: name, codes }, at, part: 'key' });
        }
      },
    };
  },
  probe: { needs: ['writes'] },
  live(context) {
    return {
      exchange(ex) {
        const { request, response } = ex;
        if (!response || request.method !== 'DELETE' || request.operation?.method !== 'delete' || request.purpose === 'wrong-method') return;
        const { status } = response;
        if (status < 200 || status > 299 || status === 204 || status === 202) return;
        if (status === 200) {
          if (response.body.trim() === '') context.report({ messageId: 'liveEmptyOk', exchange: ex });
          return;
        }
        context.report({ messageId: 'liveOther', exchange: ex });
      },
    };
  },
});
