import { defineRule } from '../src/engine/rule';
import { childLocation } from '../src/engine/model/location';
import { atApi } from './lib/live-versions';
import type { Exchange } from '../src/engine/live/types';
import { TRACE_HEADERS } from './lib/words';

interface Options {
  /** More header names that carry a request or transaction id (compared case-insensitively). */
  headers: string[];
}

/** Name endings of request-id headers: `X-Request-ID`, `Request-Id`, `X-GitHub-Request-Id`, `x-ms-client-request-id`, `X-Correlation-ID`, `X-Trace-Id`, `X-Transaction-ID`. */
const TRACE_ENDINGS = /(requestid|correlationid|traceid|transactionid)$/;

/**
 * The API accepts and returns a request (transaction) id header, so one request can be
 * followed through the logs of every service it crosses: `traceparent` (W3C Trace Context),
 * `X-Request-ID`, `X-Correlation-ID`, `Request-Id`, and their vendor variants
 * (`X-GitHub-Request-Id`, `x-ms-client-request-id`, `X-Amzn-Trace-Id`, …), or a header named
 * in the `headers` option. A header parameter or a response header of any operation counts.
 * Reported once per document, at its `openapi` (or `swagger`) key, when none is mentioned.
 *
 * Live: a request with a valid `traceparent`, or a malformed one (which must be ignored), answered
 * 4xx or 5xx where the same request without it got 2xx; and, once at the API, no response
 * carrying any request id header.
 */
export default defineRule<Options>({
  meta: {
    id: 'request-tracing',
    group: 'security',
    severity: 'info',
    description: 'The API accepts and returns a request id header (`traceparent`, `X-Request-ID`, ...).',
    sources: ['course', 'TC', 'AZ'],
    fix: 'no',
    options: {
      schema: { type: 'object', properties: { headers: { type: 'array', items: { type: 'string' } } } },
      defaults: { headers: [] },
    },
    messages: {
      missing:
        'no operation accepts or returns a request id header; accept "traceparent" (W3C Trace Context) or "X-Request-ID" on requests and return it in responses, so one request can be followed through the logs of every service it crosses',
      rejectsValid:
        '{{request}} with a valid "traceparent" header answered {{status}}, while the same request without it answered {{basis}}; accept W3C Trace Context headers, so that callers can pass their trace on',
      rejectsMalformed:
        '{{request}} with a malformed "traceparent" header answered {{status}}, while the same request without it answered {{basis}}; ignore a malformed traceparent (start a new trace, as W3C Trace Context says) instead of rejecting the request',
      liveMissing:
        'no response carried a request id header ({{count}} checked); return "traceparent" (W3C Trace Context) or "X-Request-ID" in every response, so that a caller can quote it and one request can be followed through the logs of every service it crosses',
    },
  },
  create(context) {
    const isTraceHeader = traceHeaderMatcher(context.options.headers);
    let found = false;
    return {
      Parameter(parameter) {
        if (!found && parameter.in === 'header' && isTraceHeader(parameter.name)) found = true;
      },
      Header(header) {
        if (!found && isTraceHeader(header.name)) found = true;
      },
      'Document:exit'(document) {
        if (found || document.pathItems.every((item) => item.operations.length === 0)) return;
        const versionKey = context.version === '2.0' ? 'swagger' : 'openapi';
        const hasKey = versionKey in document.value;
        context.report({ messageId: 'missing', at: hasKey ? childLocation(document.loc, versionKey) : document.loc, part: hasKey ? 'key' : 'value' });
      },
    };
  },
  probe: { needs: ['traceparent-valid', 'traceparent-malformed'] },
  live(context) {
    const isTraceHeader = traceHeaderMatcher(context.options.headers);
    let first: Exchange | undefined;
    let count = 0;
    let found = false;
    return {
      exchange(exchange) {
        const { request, response } = exchange;
        if (!response) return;
        count++;
        first ??= exchange;
        if (!found && Object.keys(response.headers).some(isTraceHeader)) found = true;
        if (request.purpose !== 'traceparent-valid' && request.purpose !== 'traceparent-malformed') return;
        const basis = request.basis?.response;
        if (!basis || basis.status < 200 || basis.status >= 300 || response.status < 400) return;
        const messageId = request.purpose === 'traceparent-valid' ? 'rejectsValid' : 'rejectsMalformed';
        context.report({ messageId, data: { basis: basis.status }, exchange });
      },
      end() {
        if (found || !first) return;
        const names = Object.keys(first.response!.headers);
        const detail = names.length > 0 ? `headers: ${names.join(', ')}` : 'no headers';
        context.report({ messageId: 'liveMissing', data: { count }, exchange: atApi(first), detail: detail.length > 200 ? `${detail.slice(0, 199)}…` : detail });
      },
    };
  },
});

/** Whether a header name is a request id or tracing header, or one of the `headers` option. */
function traceHeaderMatcher(headers: readonly string[]): (name: string) => boolean {
  const configured = new Set(headers.map((name) => name.trim().toLowerCase()));
  return (name) => {
    if (configured.has(name.trim().toLowerCase())) return true;
    const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
    return TRACE_HEADERS.has(key) || TRACE_ENDINGS.test(key);
  };
}
