import { defineRule } from '../src/engine/rule';
import { childLocation } from '../src/engine/model/location';

interface Options {
  /** More header names that carry a request or transaction id (compared case-insensitively). */
  headers: string[];
}

/** Whole names (lowercase, letters and digits only) of tracing headers. */
const TRACE_HEADERS = new Set(['traceparent', 'b3', 'xb3traceid', 'xamzntraceid', 'xcloudtracecontext', 'ubertraceid']);
/** Name endings of request-id headers: `X-Request-ID`, `Request-Id`, `X-GitHub-Request-Id`, `x-ms-client-request-id`, `X-Correlation-ID`, `X-Trace-Id`, `X-Transaction-ID`. */
const TRACE_ENDINGS = /(requestid|correlationid|traceid|transactionid)$/;

/**
 * The API accepts and returns a request (transaction) id header, so one request can be
 * followed through the logs of every service it crosses: `traceparent` (W3C Trace Context),
 * `X-Request-ID`, `X-Correlation-ID`, `Request-Id`, and their vendor variants
 * (`X-GitHub-Request-Id`, `x-ms-client-request-id`, `X-Amzn-Trace-Id`, …), or a header named
 * in the `headers` option. A header parameter or a response header of any operation counts.
 * Reported once per document, at its `openapi` (or `swagger`) key, when none is mentioned.
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
    },
  },
  create(context) {
    const configured = new Set(context.options.headers.map((name) => name.trim().toLowerCase()));
    const isTraceHeader = (name: string) => {
      if (configured.has(name.trim().toLowerCase())) return true;
      const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
      return TRACE_HEADERS.has(key) || TRACE_ENDINGS.test(key);
    };
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
});
