/**
 * The media-type predicates of the engine, the rules and the prober, in one place.
 *
 * Every predicate reads a media type by its essence: parameters (`; charset=utf-8`) and case
 * are ignored, so a documented `Application/JSON; charset=utf-8` and a live
 * `application/json` are the same type.
 */

/** `text/html; charset=utf-8` → `text/html`; undefined for an empty or missing value. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  return type ? type : undefined;
}

/**
 * A JSON media type: `application/json` or a `+json` structured suffix
 * (`application/problem+json`, `application/vnd.api.v1+json`), with or without parameters.
 * `*\/*` is not one: it is a wildcard, see admitsJson.
 */
export function isJsonMediaType(mediaType: string | undefined): boolean {
  const essence = mediaTypeOf(mediaType);
  return essence !== undefined && (essence === 'application/json' || essence.endsWith('+json'));
}

/**
 * A documented media type under which a JSON body may be served: a JSON media type, or `*\/*`
 * (a description that says "anything" does not rule JSON out). For picking the schema of a
 * response, where `*\/*` is what many descriptions write for JSON.
 */
export function admitsJson(mediaType: string): boolean {
  return isJsonMediaType(mediaType) || mediaTypeOf(mediaType) === '*/*';
}
