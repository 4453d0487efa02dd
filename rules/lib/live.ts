/**
 * Helpers for live checks (`restlint probe`): which documented response a live status falls
 * under, media-type matching, evidence values, and the request purposes checks judge.
 */
import { decodePointer } from '../../src/engine/model/location';
import { walkPointer } from '../../src/engine/resolve/refs';
import { excerpt } from '../../src/engine/live/text';
import { mediaTypeOf } from '../../src/engine/media-types';
import type { Exchange, LiveApi, LiveOperation, LiveResponse, LiveSchema, ProbeNeed, ProbePurpose, ProbeResponse } from '../../src/engine/live/types';

/**
 * The requests whose answers are held to the operation's documented responses: the documented
 * call and the negative probes of the same operation (not the follow-ups, which compare with
 * their basis, nor a wrong method or an unknown path, which no operation documents).
 */
export const CONFORMANCE_PROBES = ['unknown-id', 'no-auth', 'malformed-json', 'invalid-body'] as const satisfies readonly ProbeNeed[];
export const CONFORMANCE_PURPOSES: ReadonlySet<ProbePurpose> = new Set(['valid', ...CONFORMANCE_PROBES]);

/**
 * Whether an answer is 501 Not Implemented to the prober's wrong-method probe with a method no
 * operation of the document uses (TRACE, say, or PATCH in an API without one). RFC 9110
 * §15.6.2 makes 501 the answer of a server that supports the method for no resource at all
 * (koa-router answers TRACE so, as Python's http.server answers any method it has no handler
 * for): no fault of the path, nor a server error.
 */
export function notImplementedAnywhere(exchange: Exchange, api: LiveApi): boolean {
  const { request, response } = exchange;
  if (response?.status !== 501 || request.purpose !== 'wrong-method') return false;
  const method = request.method.toLowerCase();
  return !api.operations.some((operation) => operation.method === method);
}

/**
 * An answer the contract rules judge: a response to one of the CONFORMANCE_PURPOSES, with its
 * operation and the documented response its status falls under (undefined: not documented).
 */
export function conformanceAnswer(exchange: Exchange): { operation: LiveOperation; response: ProbeResponse; documented?: LiveResponse } | undefined {
  const { request, response } = exchange;
  if (!response || !request.operation || !CONFORMANCE_PURPOSES.has(request.purpose)) return undefined;
  return { operation: request.operation, response, documented: documentedResponse(request.operation, response.status) };
}

/**
 * The documented response a live status falls under: the exact code, else its class range
 * (`4XX`, any case), else `default`.
 */
export function documentedResponse(operation: LiveOperation, status: number): LiveResponse | undefined {
  const code = String(status);
  const range = `${code[0]}XX`;
  return (
    operation.responses.find((response) => response.status.trim() === code) ??
    operation.responses.find((response) => response.status.trim().toUpperCase() === range) ??
    operation.responses.find((response) => response.status.trim() === 'default')
  );
}

/** Whether the response has a body (any byte counts). */
export function hasBody(response: ProbeResponse): boolean {
  return response.body.length > 0;
}

/** Whether a documented media type (`application/json`, `application/*`, `*\/*`, with parameters or not) covers a live one. */
export function mediaTypeCovers(documented: string, live: string): boolean {
  const type = mediaTypeOf(documented);
  if (!type) return false;
  if (type === live || type === '*/*' || type === '*') return true;
  const [main, sub] = type.split('/');
  return sub === '*' && live.split('/')[0] === main;
}

/**
 * The documented media type that covers a live one, with its schema: an exact match first,
 * then a wildcard (`application/*`, then `*\/*`).
 */
export function documentedMediaType(response: LiveResponse, live: string): { mediaType: string; schema?: LiveSchema } | undefined {
  const entries = [...response.mediaTypes.entries()];
  const exact = entries.find(([mediaType]) => mediaTypeOf(mediaType) === live);
  const found = exact ?? entries.find(([mediaType]) => mediaTypeCovers(mediaType, live) && !mediaType.startsWith('*')) ?? entries.find(([mediaType]) => mediaTypeCovers(mediaType, live));
  return found ? { mediaType: mediaTypeOf(found[0]) ?? found[0], schema: found[1] } : undefined;
}

/** The value at a JSON pointer (`/items/0/id`) inside a parsed body; undefined when it is not there. */
export function valueAtPointer(value: unknown, pointer: string): unknown {
  const segments = decodePointer(pointer);
  const found = segments && walkPointer(value, segments);
  return found && 'value' in found ? found.value : undefined;
}

/** A value as evidence: JSON on one line, cut to `length` characters. */
export function showValue(value: unknown, length = 200): string {
  const text = value === undefined ? '(absent)' : JSON.stringify(value) ?? String(value);
  return excerpt(text, length);
}
