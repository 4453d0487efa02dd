import { defineRule } from '../src/engine/rule';
import { HTTP_METHODS, operationName } from '../src/engine/walk/nodes';
import { responseName } from './lib/errors';
import { declareHeader, hasHeader } from './lib/headers';
import type { ProbePurpose } from '../src/engine/live/types';
import { is2xxStatus } from '../src/engine/status-ranges';

interface Options {
  /** Which responses must state their cacheability: operations by method, responses by status (`2xx`, `200`, `default`). */
  responses: { methods?: string[]; statuses?: string | string[] };
}

const DEFAULT_METHODS = ['get', 'head'];
const DEFAULT_STATUSES = ['2xx'];
/**
 * The requests whose 2xx is the operation's own answer: the documented request, its HEAD, and
 * the same request with a traceparent or another Accept. A 2xx to a request that should have
 * failed (an unknown version, a trailing slash, no credentials) is another rule's finding, and
 * would be reported here under the operation the API answers correctly. Conditional requests
 * are not checked at all: a 304 refreshes a stored response and need not restate its freshness.
 */
const OWN_ANSWERS = new Set<ProbePurpose>(['valid', 'head', 'traceparent-valid', 'traceparent-malformed', 'accept-variant']);
const STATUS = { type: 'string', pattern: '^([1-5]([0-9][0-9]|[xX][xX])|default)$' };

/**
 * Every response states whether it can be cached: the success responses of GET and HEAD
 * declare a `Cache-Control` (or `Expires`) header, looked up in any case, in 2.0 and 3.x.
 * When most operations lack it, that is the document's habit, said once at `paths`
 * (src/engine/habits.ts); the operations are reported one by one only when most state it.
 * The rule never proposes a value: only the API's owner knows whether `no-store` or
 * `max-age=3600` is right, so its fix declares the header with a `TODO` description. Live: a GET or HEAD answered 2xx (of the statuses and methods the
 * `responses` option names; `default` matches no live status) without `Cache-Control` or
 * `Expires`, once per operation (its HEAD included); see OWN_ANSWERS for the requests checked.
 */
export default defineRule<Options>({
  meta: {
    id: 'cacheability-stated',
    group: 'caching',
    severity: 'warn',
    description: 'Success responses of GET and HEAD state their cacheability with a Cache-Control (or Expires) header.',
    sources: ['course', 'RFC 9111 §5.2', 'Z#227'],
    fix: 'doc',
    options: {
      schema: {
        type: 'object',
        properties: {
          responses: {
            type: 'object',
            properties: {
              methods: { type: 'array', items: { type: 'string', enum: [...HTTP_METHODS] } },
              statuses: { oneOf: [STATUS, { type: 'array', items: STATUS }] },
            },
            additionalProperties: false,
          },
        },
        additionalProperties: false,
      },
      defaults: { responses: { methods: DEFAULT_METHODS, statuses: DEFAULT_STATUSES } },
    },
    habits: {
      unstated:
        'the document states no cacheability: {{share}} operations whose success responses must state it (GET and HEAD, unless configured) declare no Cache-Control or Expires header; decide the policy (e.g. "Cache-Control: no-store", or "private, max-age=60") and declare it, in a shared component response where it is the same',
    },
    messages: {
      missing:
        '{{response}} has no Cache-Control header; state whether it can be cached (e.g. "Cache-Control: no-store" or "Cache-Control: private, max-age=60")',
      liveMissing:
        '{{operation}} answers without a Cache-Control or Expires header; state whether the response can be cached (e.g. "Cache-Control: no-store" or "Cache-Control: private, max-age=60")',
    },
  },
  create(context) {
    const methods = new Set(context.options.responses.methods ?? DEFAULT_METHODS);
    const given = context.options.responses.statuses ?? DEFAULT_STATUSES;
    const statuses = typeof given === 'string' ? [given] : given;
    return {
      Response(response) {
        if (!methods.has(response.operation.method) || !statuses.some((pattern) => statusMatches(response.status, pattern))) return;
        const operation = operationName(response.operation);
        context.checked('unstated', operation);
        if (hasHeader(response, 'Cache-Control', 'Expires')) return;
        context.report({
          messageId: 'missing',
          data: { response: responseName(response) },
          at: response.loc,
          part: 'key',
          usedBy: operation,
          habit: 'unstated',
          fix: declareHeader(response, context.version, 'Cache-Control', 'whether and how long this response may be cached'),
        });
      },
    };
  },
  probe: { needs: [], uses: ['head'] },
  live(context) {
    const methods = new Set((context.options.responses.methods ?? DEFAULT_METHODS).map((method) => method.toUpperCase()));
    const given = context.options.responses.statuses ?? DEFAULT_STATUSES;
    const statuses = typeof given === 'string' ? [given] : given;
    return {
      exchange(exchange) {
        const { request, response } = exchange;
        if (!response || request.purpose === 'conditional' || !methods.has(request.method)) return;
        const success = is2xxStatus(response.status);
        if (success && !OWN_ANSWERS.has(request.purpose)) return;
        if (!statuses.some((pattern) => statusMatches(String(response.status), pattern))) return;
        if (response.headers['cache-control'] !== undefined || response.headers.expires !== undefined) return;
        const names = Object.keys(response.headers);
        const detail = names.length > 0 ? `no Cache-Control or Expires; headers: ${names.join(', ')}` : 'no headers';
        context.report({ messageId: 'liveMissing', exchange, detail: detail.length > 200 ? `${detail.slice(0, 199)}…` : detail });
      },
    };
  },
});

/** `2xx` matches `200` and `2XX`; `200` matches `200` only; `default` matches `default`. */
function statusMatches(status: string, pattern: string): boolean {
  const wanted = pattern.toLowerCase();
  const given = status.toLowerCase();
  if (wanted.endsWith('xx')) return given[0] === wanted[0] && /^\d(\d\d|xx)$/.test(given);
  return given === wanted;
}
