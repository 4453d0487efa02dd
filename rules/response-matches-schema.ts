import { defineRule } from '../src/engine/rule';
import { isJsonMediaType } from '../src/engine/media-types';
import { excerpt } from '../src/engine/live/text';
import { conformanceAnswer, documentedMediaType, showValue, valueAtPointer, CONFORMANCE_PROBES } from './lib/live';

/**
 * Live only. A JSON response body validates against the schema documented for its status
 * (exact code, else range, else `default`) and media type (exact, else a covering wildcard),
 * as the document's OpenAPI version reads schemas (3.0 `nullable`, 3.1 JSON Schema 2020-12).
 * The finding names the first failing JSON pointer and keyword; the evidence is the failing
 * value. A JSON media type whose body does not parse is reported when the documented media
 * type is a JSON one (not for a documented wildcard). Skipped: undocumented statuses and media
 * types (documented-status and documented-content-type report them), non-JSON bodies, empty
 * bodies, and responses documented without a schema.
 */
export default defineRule({
  meta: {
    id: 'response-matches-schema',
    group: 'status-codes',
    severity: 'error',
    description: 'Live JSON bodies validate against the documented response schema.',
    sources: ['Schemathesis-style conformance'],
    fix: 'no',
    messages: {
      mismatch: '{{operation}} {{status}} response does not match its schema: {{where}} {{message}} ({{keyword}})',
      notJson: '{{operation}} answered {{status}} with a body that is not valid JSON: {{error}}',
    },
  },
  probe: { needs: [], uses: CONFORMANCE_PROBES },
  live(context) {
    return {
      exchange(ex) {
        const answer = conformanceAnswer(ex);
        if (!answer) return;
        const { response, documented } = answer;
        if (!isJsonMediaType(response.mediaType) || response.body.trim() === '') return;
        const media = documented && documentedMediaType(documented, response.mediaType!);
        if (!media) return;
        if (response.jsonError !== undefined) {
          if (!isJsonMediaType(media.mediaType)) return;
          context.report({ messageId: 'notJson', data: { error: response.jsonError }, exchange: ex, detail: excerpt(response.body, 200) });
          return;
        }
        if (!media.schema || response.json === undefined) return;
        const failure = context.validate(media.schema, response.json);
        if (!failure) return;
        context.report({
          messageId: 'mismatch',
          data: { where: failure.pointer === '' ? 'the body' : failure.pointer, message: failure.message, keyword: failure.keyword },
          exchange: ex,
          detail: `${failure.pointer === '' ? '(body)' : failure.pointer}: ${showValue(valueAtPointer(response.json, failure.pointer), 180)}`,
        });
      },
    };
  },
});
