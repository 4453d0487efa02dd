import { defineRule } from '../src/engine/rule';

/**
 * Every response names its media type (`Content-Type`) and forbids browsers to guess another
 * one (`X-Content-Type-Options: nosniff`): without them, a browser may run a JSON or text
 * body that echoes user input as HTML or script (OWASP REST Security Cheat Sheet, "Security
 * headers"). Live only: a response without `X-Content-Type-Options: nosniff`, and a response
 * with a body but no `Content-Type`, each reported once per operation (once for the API for
 * requests outside the documented paths). Responses without a body (204, 304, HEAD) need no
 * `Content-Type`.
 */
export default defineRule({
  meta: {
    id: 'security-headers',
    group: 'security',
    severity: 'info',
    description: 'Responses carry a Content-Type and "X-Content-Type-Options: nosniff".',
    sources: ['OWASP'],
    fix: 'no',
    messages: {
      nosniff:
        '{{operation}} answers without "X-Content-Type-Options: nosniff"; send it on every response (errors included), so that browsers do not guess a media type from the body and run it as HTML or script',
      contentType:
        '{{operation}} answers with a body but no Content-Type header; name the media type of every body (e.g. "Content-Type: application/json"), so that clients and browsers do not guess it',
    },
  },
  live(context) {
    return {
      exchange(exchange) {
        const { response } = exchange;
        if (!response) return;
        const nosniff = response.headers['x-content-type-options'];
        if (nosniff === undefined || nosniff.split(',').every((token) => token.trim().toLowerCase() !== 'nosniff')) {
          context.report({ messageId: 'nosniff', apiWide: true, exchange, detail: nosniff === undefined ? 'no X-Content-Type-Options header' : `x-content-type-options: ${nosniff}` });
        }
        if (response.body.length > 0 && !response.headers['content-type']?.trim()) {
          context.report({ messageId: 'contentType', apiWide: true, exchange });
        }
      },
    };
  },
});
