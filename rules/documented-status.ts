import { defineRule } from '../src/engine/rule';
import { conformanceAnswer, CONFORMANCE_PROBES } from './lib/live';
import { is2xxStatus } from '../src/engine/status-ranges';

/**
 * Live only. The status a running API answers with is one the operation documents: the exact
 * code, its class range (`4XX`), or `default`, except that a success status the operation
 * does not document is undocumented when it documents other successes, whatever `default`
 * says (`default` describes errors in practice). Judged for the documented call and the
 * negative probes of the operation (unknown id, no credentials, malformed or invalid body);
 * not for follow-ups, a wrong method or an unknown path, which no operation documents.
 * Reported once per operation and status.
 */
export default defineRule({
  meta: {
    id: 'documented-status',
    group: 'status-codes',
    severity: 'error',
    description: 'Live status codes are documented for the operation (exactly, by a range like 4XX, or by default).',
    sources: ['Schemathesis-style conformance'],
    fix: 'no',
    messages: {
      undocumented: '{{operation}} answered {{status}}, which it does not document; document it (or a default response)',
      undocumentedSuccess:
        '{{operation}} answered {{status}}, a success it does not document: it documents {{successes}}, and its default response describes errors; answer a documented status (or document {{status}})',
    },
  },
  probe: { needs: [], uses: CONFORMANCE_PROBES },
  live(context) {
    return {
      exchange(ex) {
        const answer = conformanceAnswer(ex);
        if (!answer) return;
        if (!answer.documented) return context.report({ messageId: 'undocumented', exchange: ex });
        // `default` describes errors in practice: a success it would cover, where the operation documents its successes, is not one of them.
        const successes = answer.operation.responses.map((response) => response.status.trim()).filter((status) => /^2(\d\d|XX)$/i.test(status));
        if (answer.documented.status.trim() === 'default' && is2xxStatus(answer.response.status) && successes.length > 0) {
          context.report({ messageId: 'undocumentedSuccess', data: { successes: successes.join(', ') }, exchange: ex });
        }
      },
    };
  },
});
