import { defineRule } from '../src/engine/rule';
import { is2xxStatus } from '../src/engine/status-ranges';

const INPUT: Record<string, string> = {
  'malformed-json': 'a body that is not JSON',
  'invalid-body': 'a body that breaks its schema',
};

/**
 * Live only. A request body that is not JSON, or JSON that breaks the documented request
 * schema, is rejected with a 4xx (400 Bad Request, 422 Unprocessable Content, 415 Unsupported
 * Media Type), never accepted (2xx) nor crashed on (5xx). The request is sent again before
 * the finding is reported: an answer that does not happen again is reported at info, as flaky
 * (not a POST or PATCH that accepted the body: it has written, and would write again).
 * The prober sends such bodies only with --allow-mutations. With it, a create (POST) that
 * succeeded is also sent a second time as it was: a conflict is the client's error too, so a
 * 5xx to the duplicate is reported (409 Conflict, 422, or a 2xx for an idempotent create pass).
 */
export default defineRule({
  meta: {
    id: 'invalid-input-rejected',
    group: 'methods',
    severity: 'warn',
    description: 'Malformed or schema-violating input is rejected with a 4xx (400/422/415), never 2xx or 5xx; a duplicate create is never answered 5xx.',
    sources: ['RFC 9110 §15.5.1'],
    fix: 'no',
    messages: {
      duplicateServerError:
        '{{operation}} answered {{status}} to the same create sent a second time; a duplicate is the client\'s error: answer 409 Conflict (or 422 Unprocessable Content) that names what is taken, or 2xx when creating is idempotent',
      accepted: '{{operation}} accepted {{input}} with {{status}}; reject it with 400 Bad Request (or 422 Unprocessable Content) that says what is wrong',
      serverError: '{{operation}} answered {{status}} to {{input}}; bad input is the client\'s error: reject it with 400 Bad Request (or 422 Unprocessable Content) that says what is wrong',
    },
  },
  probe: { needs: ['malformed-json', 'invalid-body', 'duplicate'] },
  live(context) {
    return {
      exchange(ex) {
        const { request, response } = ex;
        // The same create twice: a conflict (409, 422) or, for an idempotent create, a 2xx; a 5xx is the server failing on it.
        if (request.purpose === 'duplicate') {
          if (response && response.status >= 500) context.report({ messageId: 'duplicateServerError', exchange: ex, reproduces: (again) => again.status >= 500 });
          return;
        }
        const input = INPUT[request.purpose];
        if (!response || !input) return;
        if (is2xxStatus(response.status)) {
          // A POST or PATCH that accepted it has written: sent again it would write again (a
          // second resource nothing deletes), and its answer (409, a 5xx on the duplicate) would
          // say nothing about the first. PUT and DELETE are idempotent: resent to confirm.
          const rewrites = request.method === 'POST' || request.method === 'PATCH';
          context.report({ messageId: 'accepted', data: { input }, exchange: ex, reproduces: rewrites ? undefined : (again) => is2xxStatus(again.status) });
        } else if (response.status >= 500) {
          context.report({ messageId: 'serverError', data: { input }, exchange: ex, reproduces: (again) => again.status >= 500 });
        }
      },
    };
  },
});
