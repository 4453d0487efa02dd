/**
 * Helpers for the method rules (group B of ../shared/guidelines.md): reading an operation's
 * request body, responses and headers the same way in Swagger 2.0 and OpenAPI 3.x, without
 * a walk over schemas.
 */
import { childLocation, type NodeLocation } from '../../src/engine/model/location';
import type { RuleContext } from '../../src/engine/rule';
import { splitWords, type PathSegment } from '../../src/engine/model/path';
import type { OperationNode, PathItemNode } from '../../src/engine/walk/nodes';
import { isObject } from '../../src/engine/model/json';
import { admitsJson } from '../../src/engine/media-types';

type Json = Record<string, unknown>;
type Resolve = RuleContext<unknown>['resolve'];



/** A resolved parameter of an operation, with where it is written. */
export interface ResolvedParameter {
  value: Json;
  loc: NodeLocation;
}

/**
 * The parameters that apply to an operation: its own, plus the path item's that it does not
 * override (same `name` and `in`).
 */
export function effectiveParameters(operation: OperationNode, resolve: Resolve): ResolvedParameter[] {
  const read = (list: unknown, loc: NodeLocation): ResolvedParameter[] => {
    if (!Array.isArray(list)) return [];
    const out: ResolvedParameter[] = [];
    list.forEach((raw, index) => {
      const resolved = resolve(raw, childLocation(loc, String(index)));
      if (resolved && isObject(resolved.value)) out.push({ value: resolved.value, loc: resolved.loc });
    });
    return out;
  };
  const own = read(operation.value.parameters, childLocation(operation.loc, 'parameters'));
  const item = operation.pathItem;
  const inherited = read(item.value.parameters, childLocation(item.valueLoc, 'parameters'));
  const key = (p: ResolvedParameter) => `${String(p.value.in)}\0${String(p.value.name)}`;
  const ownKeys = new Set(own.map(key));
  return [...own, ...inherited.filter((p) => !ownKeys.has(key(p)))];
}

/** The resolved responses of an operation, keyed by status as written. */
export function responsesOf(operation: OperationNode, resolve: Resolve): { status: string; value: Json; loc: NodeLocation }[] {
  const responses = operation.value.responses;
  if (!isObject(responses)) return [];
  const out: { status: string; value: Json; loc: NodeLocation }[] = [];
  for (const status of Object.keys(responses)) {
    if (status.startsWith('x-')) continue;
    const resolved = resolve(responses[status], childLocation(operation.loc, 'responses', status));
    if (resolved && isObject(resolved.value)) out.push({ status, value: resolved.value, loc: resolved.loc });
  }
  return out;
}

/** Whether a response documents a body: 3.x `content` with at least one media type, 2.0 `schema`. */
export function responseHasBody(response: Json, version: string): boolean {
  if (version === '2.0') return response.schema !== undefined;
  return isObject(response.content) && Object.keys(response.content).length > 0;
}

/** The schema of a response's JSON body (3.x: the first JSON-like media type; 2.0: `schema`), resolved. */
export function responseSchema(
  response: { value: Json; loc: NodeLocation },
  version: string,
  resolve: Resolve,
): { value: Json; loc: NodeLocation } | undefined {
  let raw: unknown;
  let loc: NodeLocation;
  if (version === '2.0') {
    raw = response.value.schema;
    loc = childLocation(response.loc, 'schema');
  } else {
    const content = response.value.content;
    if (!isObject(content)) return undefined;
    const type = Object.keys(content).find(admitsJson) ?? Object.keys(content)[0];
    const media = type === undefined ? undefined : content[type];
    if (!isObject(media)) return undefined;
    raw = media.schema;
    loc = childLocation(response.loc, 'content', type!, 'schema');
  }
  if (raw === undefined) return undefined;
  const resolved = resolve(raw, loc);
  return resolved && isObject(resolved.value) ? { value: resolved.value, loc: resolved.loc } : undefined;
}

/**
 * Whether a 3.x request body describes no content at all: no media types, or only schemas
 * that admit nothing but an empty object (Stripe writes `properties: {}` with
 * `additionalProperties: false` on every GET and DELETE).
 */
export function isEmptyRequestBody(body: unknown, at: NodeLocation, resolve: Resolve): boolean {
  const resolved = resolve(body, at);
  if (!resolved || !isObject(resolved.value)) return true;
  const content = resolved.value.content;
  if (!isObject(content)) return true;
  const types = Object.keys(content);
  return types.every((type) => {
    const media = content[type];
    if (!isObject(media) || media.schema === undefined) return false;
    const schema = resolve(media.schema, childLocation(resolved.loc, 'content', type, 'schema'));
    if (!schema || !isObject(schema.value)) return false;
    const { properties, additionalProperties } = schema.value;
    const noProperties = properties === undefined || (isObject(properties) && Object.keys(properties).length === 0);
    return noProperties && additionalProperties === false;
  });
}

/** The first literal-derived info about a path's last segment, for the collection rules. */
export function lastLiteralWords(segments: readonly PathSegment[]): { text: string; words: string[] } | undefined {
  const last = segments[segments.length - 1];
  if (!last || last.kind !== 'literal' || last.customMethod !== undefined) return undefined;
  // Twilio writes `/Calls.json`: the extension is no part of the name.
  const name = last.name.replace(/\.(json|xml|csv|ya?ml)$/i, '');
  return { text: last.text, words: splitWords(name) };
}

/** The path with parameter names left out, so `/a/{id}/b` and `/a/{aId}/b` compare equal. */
export function pathShape(segments: readonly PathSegment[]): string {
  return segments.map((segment) => (segment.kind === 'param' ? '{}' : segment.text)).join('/');
}

/**
 * Item paths by the shape of their collection: `/users/{id}` is stored under the shape of
 * `/users`. The first item path written wins.
 */
export function itemPaths(items: readonly PathItemNode[]): Map<string, PathItemNode> {
  const map = new Map<string, PathItemNode>();
  for (const item of items) {
    const last = item.segments[item.segments.length - 1];
    if (!last || last.kind !== 'param' || last.customMethod !== undefined) continue;
    const parent = pathShape(item.segments.slice(0, -1));
    if (!map.has(parent)) map.set(parent, item);
  }
  return map;
}

/**
 * The schemas of an operation's request body, resolved: each 3.x media type's schema, or the
 * 2.0 `in: body` parameter's schema.
 */
export function requestSchemas(operation: OperationNode, version: string, resolve: Resolve): { mediaType: string; value: Json; loc: NodeLocation }[] {
  const out: { mediaType: string; value: Json; loc: NodeLocation }[] = [];
  if (version === '2.0') {
    const body = effectiveParameters(operation, resolve).find((parameter) => parameter.value.in === 'body');
    if (!body || body.value.schema === undefined) return out;
    const schema = resolve(body.value.schema, childLocation(body.loc, 'schema'));
    if (schema && isObject(schema.value)) out.push({ mediaType: 'application/json', value: schema.value, loc: schema.loc });
    return out;
  }
  const raw = operation.value.requestBody;
  if (raw === undefined) return out;
  const body = resolve(raw, childLocation(operation.loc, 'requestBody'));
  if (!body || !isObject(body.value) || !isObject(body.value.content)) return out;
  const content = body.value.content;
  for (const type of Object.keys(content)) {
    const media = content[type];
    if (!isObject(media) || media.schema === undefined) continue;
    const schema = resolve(media.schema, childLocation(body.loc, 'content', type, 'schema'));
    if (schema && isObject(schema.value)) out.push({ mediaType: type, value: schema.value, loc: schema.loc });
  }
  return out;
}
