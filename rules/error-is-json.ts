import { ERROR_PROBES } from '../src/engine/live/types';
import { defineRule } from '../src/engine/rule';
import { isJsonMediaType } from '../src/engine/media-types';
import { excerpt } from '../src/engine/live/text';
import { acceptsNoJson, servesBrowserPage } from './lib/error-bodies';

/**
 * Live only: a 4xx or 5xx response with a body answers in JSON (`application/json` or a
 * `+json` type such as `application/problem+json`), and that JSON parses: not an HTML error
 * page from the framework, the proxy or the gateway, nor plain text. Every exchange counts
 * (documented calls, unknown ids and paths, wrong methods, malformed bodies), except HEAD
 * requests (no body), empty bodies (error-format reports those), requests whose `Accept`
 * leaves JSON out, and the operations that serve pages to a browser (every success response
 * `text/html`, as OAuth's `/authorize`).
 */
export default defineRule({
  meta: {
    id: 'error-is-json',
    group: 'errors',
    severity: 'error',
    description: 'Error responses (4xx, 5xx) have JSON bodies, not HTML error pages or plain text.',
    sources: ['course'],
    fix: 'no',
    messages: {
      notJson: '{{operation}} answered {{status}} with {{mediaType}}, not JSON; send errors as application/problem+json',
      unparsable: '{{operation}} answered {{status}} with a body labelled {{mediaType}} that does not parse as JSON; send errors as valid JSON (application/problem+json)',
    },
  },
  probe: { needs: [], uses: ERROR_PROBES },
  live(context) {
    return {
      exchange(exchange) {
        const { request, response } = exchange;
        if (!response || response.status < 400 || response.status > 599) return;
        if (request.method === 'HEAD' || response.body.trim() === '') return;
        if (acceptsNoJson(request.headers) || servesBrowserPage(request.operation)) return;
        const detail = excerpt(response.body, 200);
        if (!isJsonMediaType(response.mediaType)) {
          context.report({ messageId: 'notJson', apiWide: true, data: { mediaType: response.mediaType ?? 'no Content-Type' }, exchange, detail });
        } else if (response.jsonError !== undefined) {
          context.report({ messageId: 'unparsable', apiWide: true, data: { mediaType: response.mediaType! }, exchange, detail });
        }
      },
    };
  },
});
