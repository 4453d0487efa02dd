/** A half-open span of string offsets `[start, end)` inside one source text. */
export interface Span {
  start: number;
  end: number;
}

/** Which part of a property a location names: its key (`/users:`) or its value. */
export type Part = 'key' | 'value';

/**
 * Finds the span of the node a JSON pointer names. When the pointer leads past what
 * exists, the span of the deepest node that does exist is returned with `exact: false`.
 */
export interface Locator {
  locate(pointer: readonly string[], part: Part): (Span & { exact: boolean }) | undefined;
}
