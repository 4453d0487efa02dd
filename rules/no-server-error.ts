import { ERROR_PROBES } from '../src/engine/live/types';
import { defineRule } from '../src/engine/rule';
import type { ProbeFailure } from '../src/engine/live/types';
import { notImplementedAnywhere } from './lib/live';

/** Failures that are the server's: it took the request and gave no answer, or one that is not HTTP. */
const ANSWERLESS: ReadonlySet<ProbeFailure['kind']> = new Set(['timeout', 'reset', 'malformed']);

/**
 * Live only. No request the prober sends gets a 5xx: not the documented calls, and not the
 * negative probes either (an unknown id, a malformed body, a wrong method, an unknown path
 * must be rejected with a 4xx, never crash the server), except a 501 to a wrong method the
 * document uses nowhere (TRACE, say), which RFC 9110 §15.6.2 makes the right answer of a
 * server that implements the method for no resource. The request is sent again before the
 * finding is reported: a 5xx that does not happen again is reported at info, as flaky. A
 * request the server never answered (a timeout, a connection closed without an answer) is
 * reported too; a refused connection is not (the prober reports a server that is not there).
 */
export default defineRule({
  meta: {
    id: 'no-server-error',
    group: 'status-codes',
    severity: 'error',
    description: 'No request the prober sends, valid or invalid, is answered with a 5xx.',
    sources: ['RFC 9110 §15.6'],
    fix: 'no',
    messages: {
      serverError: '{{request}} answered {{status}}; a server error is never the answer to a request, valid or not',
      noAnswer: '{{request}} failed: {{status}}; a server answers every request, valid or not, and in time',
    },
  },
  probe: { needs: [], uses: ERROR_PROBES },
  live(context) {
    return {
      exchange(ex) {
        const { request, response, failure } = ex;
        if (!request.operation && request.purpose !== 'unknown-path') return;
        // No answer at all (a timeout, a dropped connection) is the server failing too; not
        // resent, since a resend that fails again could not confirm it.
        if (failure && ANSWERLESS.has(failure.kind)) context.report({ messageId: 'noAnswer', exchange: ex });
        if (!response || response.status < 500 || notImplementedAnywhere(ex, context.api)) return;
        context.report({ messageId: 'serverError', exchange: ex, reproduces: (again) => again.status >= 500 });
      },
    };
  },
});
