import { defineRule } from '../src/engine/rule';
import { headerTokens } from './lib/headers';
import type { ProbeResponse } from '../src/engine/live/types';

/**
 * A response chosen by the request's `Accept` header says so with `Vary: Accept` (or
 * `Vary: *`), so that a cache does not hand the JSON representation to a client that asked for
 * XML. Live only: the prober sends a documented GET again with the other media type its 2xx
 * response documents; when the answer comes back in another representation (another
 * `Content-Type`, or the same type with another body) and neither answer lists `Accept` in
 * `Vary`, the operation is reported. An answer that is not 2xx (406) is not a variant.
 */
export default defineRule({
  meta: {
    id: 'vary-on-negotiation',
    group: 'caching',
    severity: 'info',
    description: 'Responses chosen by the Accept header send "Vary: Accept", so caches keep the representations apart.',
    sources: ['RFC 9110 §12.5.5', 'RFC 9111 §4.1'],
    fix: 'no',
    messages: {
      missing:
        '{{request}} with "Accept: {{accept}}" answered {{found}}, while the same request with {{basisAccept}} answered {{expected}}, and neither response sends "Vary: Accept"; send "Vary: Accept" on every response whose representation depends on Accept, so that caches keep them apart',
    },
  },
  probe: { needs: ['accept-variant'] },
  live(context) {
    return {
      exchange(exchange) {
        const { request, response } = exchange;
        const basis = request.basis?.response;
        if (request.purpose !== 'accept-variant' || !response || !basis || !request.basis) return;
        if (response.status < 200 || response.status >= 300) return;
        if (variesOnAccept(response) || variesOnAccept(basis)) return;
        const sameType = contentType(response) === contentType(basis);
        if (sameType && sameBody(response, basis)) return;
        const answer = (of: ProbeResponse) => `${of.status}${of.headers['content-type'] ? ` ${of.headers['content-type']}` : ''}${sameType ? ' (another body)' : ''}`;
        const basisAccept = request.basis.request.headers.accept;
        const data = {
          accept: request.headers.accept ?? '(none)',
          basisAccept: basisAccept === undefined ? 'no Accept header' : `"Accept: ${basisAccept}"`,
          found: answer(response),
          expected: `${basis.status}${basis.headers['content-type'] ? ` ${basis.headers['content-type']}` : ''}`,
        };
        context.report({ messageId: 'missing', data, exchange, detail: response.headers.vary === undefined ? 'no Vary header' : `vary: ${response.headers.vary}` });
      },
    };
  },
});

/** `Vary: accept-encoding, Accept` and `Vary: *` do; `Vary: Accept-Encoding` and `Vary: Accept-Language` do not. */
function variesOnAccept(response: ProbeResponse): boolean {
  return headerTokens(response.headers.vary).some((name) => name === 'accept' || name === '*');
}

/** The Content-Type with its parameters, normalised: `application/json; profile="x"` tells a representation apart too. */
function contentType(response: ProbeResponse): string {
  return (response.headers['content-type'] ?? '').toLowerCase().replace(/\s+/g, '');
}

/** Equal bodies, JSON compared by value (key order and spacing aside). */
function sameBody(a: ProbeResponse, b: ProbeResponse): boolean {
  if (a.body === b.body) return true;
  if (a.json === undefined || b.json === undefined) return false;
  return JSON.stringify(canonical(a.json)) === JSON.stringify(canonical(b.json));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.keys(value).sort().map((key) => [key, canonical((value as Record<string, unknown>)[key])]));
}
