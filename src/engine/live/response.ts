import { isJsonMediaType, mediaTypeOf } from '../media-types';
import type { ProbeResponse } from './types';

/**
 * The list a collection's body holds: the body itself when it is an array, else its member
 * named like a list (`items`, `data`, `results`, …), else its first array of objects.
 * Undefined when there is none.
 */
export function listIn(json: unknown): unknown[] | undefined {
  if (Array.isArray(json)) return json;
  if (json === null || typeof json !== 'object') return undefined;
  const body = json as Record<string, unknown>;
  const named = LIST_NAMES.find((name) => Array.isArray(body[name]));
  if (named) return body[named] as unknown[];
  const objects = Object.values(body).find((value) => Array.isArray(value) && value[0] !== null && typeof value[0] === 'object' && !Array.isArray(value[0]));
  return objects as unknown[] | undefined;
}

const LIST_NAMES = ['items', 'data', 'results', 'values', 'records', 'content', 'entries'];

/** A response as checks see it: the media type read off `Content-Type`, a JSON body parsed once. */
export function makeResponse(status: number, headers: Record<string, string>, body: string, elapsedMs: number): ProbeResponse {
  const mediaType = mediaTypeOf(headers['content-type']);
  const response: ProbeResponse = { status, headers, body, mediaType, elapsedMs };
  if (isJsonMediaType(mediaType) && body.trim() !== '') {
    try {
      response.json = JSON.parse(body);
    } catch (error) {
      response.jsonError = (error as Error).message;
    }
  }
  return response;
}
