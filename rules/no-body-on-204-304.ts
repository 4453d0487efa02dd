import { defineRule } from '../src/engine/rule';
import type { ResponseNode } from '../src/engine/walk/nodes';
import { responseSubject } from './lib/status';
import { isObject } from '../src/engine/model/json';

/**
 * 204 No Content and 304 Not Modified end at the header section: a response that declares
 * content (3.x `content` with a media type, 2.0 `schema`) describes a body no client will
 * receive. An empty `content: {}` declares none, nor does a media type with no schema or
 * example (`application/json: {}`), which only labels a bodiless response. Reported at the `content` (or `schema`) of
 * the response; a shared response once, at the component. The fix removes that `content` (or
 * `schema`): no client ever received the body.
 */
export default defineRule({
  meta: {
    id: 'no-body-on-204-304',
    group: 'status-codes',
    severity: 'error',
    description: '204 and 304 responses declare no content.',
    sources: ['RFC 9110 §15.3.5', 'RFC 9110 §15.4.5'],
    fix: 'yes',
    messages: {
      liveBody: '{{operation}} answered {{status}} with a body; a {{status}} response ends at its headers, so send none (or answer {{instead}} if the body is needed)',
      content: '{{subject}} declares content ({{what}}), but a {{status}} response has no body; remove it, or use {{instead}} if the body is needed',
    },
  },
  create(context) {
    function check(response: ResponseNode): void {
      if (response.status !== '204' && response.status !== '304') return;
      const { subject, usedBy } = responseSubject(response);
      const instead = response.status === '204' ? '200' : 'a 200 for a changed representation';
      const data = { subject, status: response.status, instead };
      if (context.version === '2.0') {
        if (response.value.schema === undefined) return;
        const at = { file: response.loc.file, pointer: [...response.loc.pointer, 'schema'] };
        context.report({ messageId: 'content', data: { ...data, what: 'a schema' }, at, part: 'key', usedBy, fix: [{ remove: at }] });
        return;
      }
      const content = response.value.content;
      if (!isObject(content)) return;
      // A media type with nothing in it (`application/json: {}`) only labels the response;
      // generators write it for bodiless responses. One with a schema or example describes a body.
      const bodies = Object.keys(content).filter((mediaType) => isObject(content[mediaType]) && BODY_KEYS.some((key) => key in (content[mediaType] as object)));
      if (bodies.length === 0) return;
      const at = { file: response.loc.file, pointer: [...response.loc.pointer, 'content'] };
      context.report({ messageId: 'content', data: { ...data, what: bodies.join(', ') }, at, part: 'key', usedBy, fix: [{ remove: at }] });
    }
    return {
      Response(response) {
        check(response);
      },
    };
  },
  probe: { needs: ['writes', 'conditional'] },
  live(context) {
    return {
      exchange(ex) {
        const { response } = ex;
        if (!response || (response.status !== 204 && response.status !== 304) || response.body.length === 0) return;
        const instead = response.status === 204 ? '200' : '200 with the changed representation';
        context.report({ messageId: 'liveBody', data: { instead }, exchange: ex });
      },
    };
  },
});

/** What makes a media type entry describe a body. */
const BODY_KEYS = ['schema', 'example', 'examples'];
