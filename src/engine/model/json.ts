/** A JSON object (not null, not an array): what most OpenAPI nodes are. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
