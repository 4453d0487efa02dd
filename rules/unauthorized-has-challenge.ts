import { defineRule } from '../src/engine/rule';

/**
 * Live only. A 401 Unauthorized carries a `WWW-Authenticate` challenge naming the
 * authentication scheme the client should use (RFC 9110 §15.5.2), for any request.
 * Reported once per operation.
 */
export default defineRule({
  meta: {
    id: 'unauthorized-has-challenge',
    group: 'security',
    severity: 'warn',
    description: 'A 401 response carries a WWW-Authenticate challenge.',
    sources: ['RFC 9110 §15.5.2'],
    fix: 'no',
    messages: {
      noChallenge: '{{operation}} answered 401 without a WWW-Authenticate header; send a challenge naming the scheme the client should use (Bearer, Basic, …), or answer 403 when credentials would not help',
    },
  },
  probe: { needs: ['no-auth'] },
  live(context) {
    return {
      exchange(ex) {
        const { response } = ex;
        if (!response || response.status !== 401 || response.headers['www-authenticate'] !== undefined) return;
        context.report({ messageId: 'noChallenge', apiWide: true, exchange: ex, detail: '(no WWW-Authenticate header)' });
      },
    };
  },
});
