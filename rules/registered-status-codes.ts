import { defineRule } from '../src/engine/rule';
import { operationName, type ResponseNode } from '../src/engine/walk/nodes';
import { isExtensionKey, REGISTERED_STATUS_CODES, UNUSED_STATUS_CODES } from './lib/status';

/**
 * Response keys are IANA-registered status codes, `default`, or (OpenAPI 3.x) a class range
 * `1XX`–`5XX`. Vendor codes (`420`, `499`, `520`), codes outside 100–599 and the registry's
 * "(Unused)" codes 306 and 418 mean nothing to generic clients, proxies and libraries, which
 * treat an unknown `4xx`/`5xx` as `400`/`500` at best. Specification extensions (`x-…`) are
 * not statuses and are skipped.
 */
export default defineRule({
  meta: {
    id: 'registered-status-codes',
    group: 'status-codes',
    severity: 'error',
    description: 'Responses use IANA-registered status codes, `default`, or 1XX–5XX ranges.',
    sources: ['Z#243'],
    fix: 'no',
    messages: {
      liveUnregistered: '{{operation}} answered {{status}}, a status code not registered with IANA; answer a registered code of the same class ({{suggestion}})',
      liveUnused: '{{operation}} answered {{status}}, a status code the IANA registry reserves as unused; answer a registered code of the same class ({{suggestion}})',
      unregistered: '{{operation}}: status code {{status}} is not registered with IANA; use a registered code of the same class ({{suggestion}})',
      outOfRange: '{{operation}}: "{{status}}" is not an HTTP status code; use a registered code (100–599), "default", or a range like "4XX"',
      unused: '{{operation}}: status code {{status}} is reserved as unused in the IANA registry; use a registered code of the same class ({{suggestion}})',
      lowercaseRange: '{{operation}}: status range "{{status}}" must use an uppercase X; write "{{fixed}}"',
      rangeIn2: '{{operation}}: Swagger 2.0 has no status ranges ("{{status}}"); list the codes, or use "default"',
    },
  },
  create(context) {
    function check(response: ResponseNode): void {
      const { status } = response;
      if (status === 'default' || isExtensionKey(status)) return;
      const at = { file: response.operation.loc.file, pointer: [...response.operation.loc.pointer, 'responses', status] };
      const report = (messageId: string, data: Record<string, string>) =>
        context.report({ messageId, data: { operation: operationName(response.operation), status, ...data }, at, part: 'key' });
      const trimmed = status.trim();
      const range = /^([1-5])(xx)$/i.exec(trimmed);
      if (range) {
        if (context.version === '2.0') report('rangeIn2', {});
        else if (range[2] !== 'XX') report('lowercaseRange', { fixed: `${range[1]}XX` });
        return;
      }
      if (!/^\d{3}$/.test(trimmed) || Number(trimmed) < 100 || Number(trimmed) > 599) {
        report('outOfRange', {});
        return;
      }
      const code = Number(trimmed);
      if (REGISTERED_STATUS_CODES.has(code)) return;
      report(UNUSED_STATUS_CODES.has(code) ? 'unused' : 'unregistered', { suggestion: SUGGESTIONS[Math.floor(code / 100)] });
    }
    return {
      Response(response) {
        check(response);
      },
    };
  },
  live(context) {
    return {
      exchange(ex) {
        const { response } = ex;
        if (!response || (REGISTERED_STATUS_CODES.has(response.status) && !UNUSED_STATUS_CODES.has(response.status))) return;
        const suggestion = SUGGESTIONS[Math.floor(response.status / 100)] ?? 'e.g. 200, 400 or 500';
        context.report({ messageId: UNUSED_STATUS_CODES.has(response.status) ? 'liveUnused' : 'liveUnregistered', data: { suggestion }, exchange: ex });
      },
    };
  },
});

const SUGGESTIONS: Record<number, string> = {
  1: 'e.g. 100 or 102',
  2: 'e.g. 200, 202 or 204',
  3: 'e.g. 303, 304 or 307',
  4: 'e.g. 400, 409, 422 or 429',
  5: 'e.g. 500, 502, 503 or 504',
};
