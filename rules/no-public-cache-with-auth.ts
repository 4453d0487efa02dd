import { defineRule } from '../src/engine/rule';
import { headerTokens } from './lib/headers';

/**
 * A response to a request that carried credentials is meant for that user: it says `private`
 * or `no-store`, never `public` or `s-maxage`, which let a shared cache (a CDN, a corporate
 * proxy) store it and hand it to the next user (RFC 9111 §3.5). Live only: a request made with
 * the credentials given by `--header` and answered 2xx whose `Cache-Control` has `public` or
 * `s-maxage` but neither `private` (without a field list) nor `no-store`; once per operation.
 */
export default defineRule({
  meta: {
    id: 'no-public-cache-with-auth',
    group: 'caching',
    severity: 'warn',
    description: 'Responses to authenticated requests are "private" or "no-store", never "public" or "s-maxage".',
    sources: ['RFC 9111 §3.5', 'OWASP'],
    fix: 'no',
    messages: {
      public:
        '{{operation}} answers authenticated requests with a Cache-Control that lets shared caches store the response ("public" or "s-maxage"), so one user\'s data can be served to another; send "Cache-Control: private" (or "no-store") on responses to requests with credentials',
    },
  },
  live(context) {
    return {
      exchange(exchange) {
        const { request, response } = exchange;
        if (!request.credentials || !response || response.status < 200 || response.status >= 300) return;
        const value = response.headers['cache-control'];
        const tokens = headerTokens(value);
        const names = tokens.map((token) => token.split('=')[0].trim());
        if (!names.includes('public') && !names.includes('s-maxage')) return;
        // `private="Set-Cookie"` keeps only that field out of shared caches; a bare `private` the whole response.
        if (names.includes('no-store') || tokens.includes('private')) return;
        context.report({ messageId: 'public', exchange, detail: `cache-control: ${value}` });
      },
    };
  },
});
