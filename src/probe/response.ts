import type { ProbeResponse } from './types';

/** `application/json`, `application/problem+json`, `application/vnd.api.v1+json`. */
export function isJsonMediaType(mediaType: string | undefined): boolean {
  return mediaType !== undefined && (mediaType === 'application/json' || mediaType.endsWith('+json'));
}

/** `text/html; charset=utf-8` → `text/html`. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  return type ? type : undefined;
}

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
