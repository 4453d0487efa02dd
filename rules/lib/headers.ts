/**
 * Response headers, looked up by name without regard to case (HTTP header names are
 * case-insensitive: `cache-control` and `Cache-Control` are one header). Works on the Response
 * nodes of Swagger 2.0 and OpenAPI 3.x alike: both keep them in the response's `headers` map.
 */
import { childLocation, type NodeLocation } from '../../src/engine/model/location';
import type { FixEdit } from '../../src/engine/rule';
import type { OpenApiVersion, ResponseNode } from '../../src/engine/walk/nodes';

export interface DeclaredHeader {
  /** The name as written in the document. */
  name: string;
  /** The header object as written (possibly a `$ref`, not followed). */
  value: unknown;
  /** Where the `headers` entry is written. */
  loc: NodeLocation;
}

/** The first header of `response` named like one of `names` (any case), or undefined. */
export function findHeader(response: Pick<ResponseNode, 'value' | 'loc'>, ...names: string[]): DeclaredHeader | undefined {
  const headers = response.value.headers;
  if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return undefined;
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (wanted.has(name.trim().toLowerCase())) return { name, value, loc: childLocation(response.loc, 'headers', name) };
  }
  return undefined;
}

/** Whether `response` declares a header named like one of `names` (any case). */
export function hasHeader(response: Pick<ResponseNode, 'value' | 'loc'>, ...names: string[]): boolean {
  return findHeader(response, ...names) !== undefined;
}

/**
 * The fix that declares a string header on a response, with a placeholder description (`TODO: …`)
 * for the API's owner to fill in: under its `headers`, or a `headers` map of its own when it has none.
 */
export function declareHeader(response: Pick<ResponseNode, 'value' | 'loc'>, version: OpenApiVersion, name: string, placeholder: string, format?: string): FixEdit[] {
  const type = format ? { type: 'string', format } : { type: 'string' };
  // 2.0 header objects carry their type themselves; 3.x ones through a schema.
  const header = version === '2.0' ? { description: `TODO: ${placeholder}`, ...type } : { description: `TODO: ${placeholder}`, schema: type };
  if (response.value.headers === undefined) return [{ into: response.loc, entries: [['headers', { [name]: header }]] }];
  return [{ into: childLocation(response.loc, 'headers'), entries: [[name, header]] }];
}

/**
 * The elements of a live list header, lower case: `Vary: accept-encoding, Accept` → accept-encoding, accept;
 * `Cache-Control: public, max-age=60` → public, max-age=60 (see cacheDirectives for names).
 */
export function headerTokens(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter((token) => token !== '');
}

/** The directive names of a live `Cache-Control` value: `public, max-age=60, s-maxage="120"` → public, max-age, s-maxage. */
export function cacheDirectives(value: string | undefined): Set<string> {
  return new Set(headerTokens(value).map((token) => token.split('=')[0].trim()));
}
