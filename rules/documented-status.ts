import { defineRule } from '../src/engine/rule';
import { conformanceAnswer, CONFORMANCE_PROBES } from './lib/live';

/**
 * Live only. The status a running API answers with is one the operation documents: the exact
 * code, its class range (`4XX`), or `default`. Judged for the documented call and the
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
    },
  },
  probe: { needs: [], uses: CONFORMANCE_PROBES },
  live(context) {
    return {
      exchange(ex) {
        const answer = conformanceAnswer(ex);
        if (!answer || answer.documented) return;
        context.report({ messageId: 'undocumented', exchange: ex });
      },
    };
  },
});
