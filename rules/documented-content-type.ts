import { defineRule } from '../src/engine/rule';
import { conformanceAnswer, documentedMediaType, CONFORMANCE_PROBES } from './lib/live';

/**
 * Live only. A response body comes with a `Content-Type` the operation documents for that
 * status (the documented response the status falls under: exact code, else range, else
 * `default`); documented wildcards (`*\/*`, `application/*`) cover any type they match, and
 * parameters (`; charset=utf-8`) are ignored. `application/problem+json` is not
 * `application/json`. Not judged: an undocumented status (documented-status reports it), a
 * documented response without content, and a response without a body. Swagger 2.0 media
 * types come from `produces`.
 */
export default defineRule({
  meta: {
    id: 'documented-content-type',
    group: 'status-codes',
    severity: 'warn',
    description: 'The live Content-Type is one the operation documents for that status.',
    sources: ['Schemathesis-style conformance'],
    fix: 'no',
    messages: {
      undocumented: '{{operation}} answered {{status}} with {{mediaType}}, but its {{response}} response documents {{documented}}; send a documented media type (or document {{mediaType}})',
      missing: '{{operation}} answered {{status}} with a body but no Content-Type; send one of the documented media types ({{documented}})',
    },
  },
  probe: { needs: [], uses: CONFORMANCE_PROBES },
  live(context) {
    return {
      exchange(ex) {
        const answer = conformanceAnswer(ex);
        if (!answer) return;
        const { response, documented } = answer;
        if (!documented || documented.mediaTypes.size === 0 || response.body.trim() === '') return;
        const list = [...documented.mediaTypes.keys()].join(', ');
        if (!response.mediaType) {
          context.report({ messageId: 'missing', data: { documented: list }, exchange: ex, detail: '(no Content-Type header)' });
          return;
        }
        if (documentedMediaType(documented, response.mediaType)) return;
        context.report({
          messageId: 'undocumented',
          data: { mediaType: response.mediaType, response: documented.status, documented: list },
          exchange: ex,
          detail: `content-type: ${response.headers['content-type']}`,
        });
      },
    };
  },
});
