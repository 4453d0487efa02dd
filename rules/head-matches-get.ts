import { defineRule } from '../src/engine/rule';
import { excerpt } from '../src/engine/live/text';
import { hasBody } from './lib/live';

/** Headers HEAD must send as GET does, with how their values are compared. */
const COMPARED: { name: string; normal: (value: string) => string }[] = [
  { name: 'content-type', normal: (value) => value.replace(/\s+/g, '').toLowerCase() },
  { name: 'etag', normal: (value) => value.trim() },
  { name: 'last-modified', normal: (value) => value.trim() },
  { name: 'cache-control', normal: (value) => value.replace(/\s+/g, '').toLowerCase() },
];

/**
 * Live only. HEAD answers as GET does, without the body (RFC 9110 §9.3.2): the same status,
 * and the same `Content-Type`, `ETag`, `Last-Modified` and `Cache-Control` when GET sent them
 * (compared without regard to case and spaces for Content-Type and Cache-Control; the first
 * differing header is named). Judged on the HEAD follow-up of a GET that got a 2xx.
 */
export default defineRule({
  meta: {
    id: 'head-matches-get',
    group: 'methods',
    severity: 'warn',
    description: 'HEAD answers with the status and headers of GET, and no body.',
    sources: ['RFC 9110 §9.3.2'],
    fix: 'no',
    messages: {
      status: '{{request}} answered {{status}}, but GET answered {{getStatus}}; HEAD answers as GET does, without the body',
      body: '{{request}} answered with a body; a HEAD response has none (send GET\'s headers only)',
      headerDiffers: '{{request}} answered with another {{header}} ({{headValue}}) than GET ({{getValue}}); HEAD sends the headers GET sends',
      headerMissing: '{{request}} answered without the {{header}} header GET sent ({{getValue}}); HEAD sends the headers GET sends',
    },
  },
  probe: { needs: ['head'] },
  live(context) {
    return {
      exchange(ex) {
        const { request, response } = ex;
        const get = request.basis?.response;
        if (!response || request.purpose !== 'head' || !get) return;
        if (response.status !== get.status) {
          // What the server does for every HEAD (Prism: 405) is said once, for the API.
          context.report({ messageId: 'status', apiWide: true, data: { getStatus: get.status }, exchange: ex });
        } else {
          for (const { name, normal } of COMPARED) {
            const expected = get.headers[name];
            if (expected === undefined) continue;
            const actual = response.headers[name];
            if (actual !== undefined && normal(actual) === normal(expected)) continue;
            const data = { header: name, headValue: excerpt(actual ?? '', 80), getValue: excerpt(expected, 80) };
            context.report({ messageId: actual === undefined ? 'headerMissing' : 'headerDiffers', data, exchange: ex, detail: `${name}: ${actual ?? '(none)'}` });
            break;
          }
        }
        if (hasBody(response)) context.report({ messageId: 'body', apiWide: true, exchange: ex });
      },
    };
  },
});
