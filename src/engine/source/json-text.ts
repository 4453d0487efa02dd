import type { Locator, Part, Span } from './span';

/**
 * Finds pointer spans in JSON text without a second full parse: `JSON.parse` builds the
 * data (fast, native), and this locator scans the text only along the pointers that are
 * asked for. Each object or array it passes through is indexed once (its members' key and
 * value offsets) and cached, so later pointers through the same containers are cheap.
 */
export class JsonLocator implements Locator {
  private readonly members = new Map<number, Map<string, Member>>();
  private readonly items = new Map<number, number[]>();
  /** Where the top-level value ends: found once, not rescanned (the whole text) per pointer. */
  private rootEnd: number | undefined;
  /**
   * Every `{`/`[` offset (ascending) and the offset just past its matching bracket, found in
   * one pass on the first lookup: skipping a container is then a binary search, not a rescan
   * of its text at every depth the pointers pass through.
   */
  private brackets: { opens: Int32Array; ends: Int32Array } | undefined;

  constructor(private readonly text: string) {}

  locate(pointer: readonly string[], part: Part): (Span & { exact: boolean }) | undefined {
    let valueStart = skipBlanks(this.text, 0);
    this.rootEnd ??= this.skipValue(valueStart);
    let span: Span = { start: valueStart, end: this.rootEnd };
    for (let depth = 0; depth < pointer.length; depth++) {
      const open = this.text.charCodeAt(valueStart);
      let next: Span | undefined;
      let keySpan: Span | undefined;
      if (open === 0x7b /* { */) {
        const member = this.objectMembers(valueStart).get(pointer[depth]);
        if (member) {
          keySpan = { start: member.keyStart, end: member.keyEnd };
          next = { start: member.valueStart, end: member.valueEnd };
        }
      } else if (open === 0x5b /* [ */) {
        const index = Number(pointer[depth]);
        const starts = this.arrayItems(valueStart);
        if (Number.isInteger(index) && index >= 0 && index < starts.length) {
          next = { start: starts[index], end: this.skipValue(starts[index]) };
        }
      }
      if (!next) return { ...span, exact: false };
      valueStart = next.start;
      span = depth === pointer.length - 1 && part === 'key' && keySpan ? keySpan : next;
    }
    return { ...span, exact: true };
  }

  private objectMembers(start: number): Map<string, Member> {
    let found = this.members.get(start);
    if (found) return found;
    found = new Map();
    const text = this.text;
    let at = skipBlanks(text, start + 1);
    while (at < text.length && text.charCodeAt(at) === 0x22 /* " */) {
      const keyEnd = skipString(text, at);
      const raw = text.slice(at + 1, keyEnd - 1);
      const key = raw.includes('\\') ? (JSON.parse(text.slice(at, keyEnd)) as string) : raw;
      const valueStart = skipBlanks(text, skipBlanks(text, keyEnd) + 1); // past ':'
      const valueEnd = this.skipValue(valueStart);
      found.set(key, { keyStart: at, keyEnd, valueStart, valueEnd });
      at = skipBlanks(text, valueEnd);
      if (text.charCodeAt(at) !== 0x2c /* , */) break;
      at = skipBlanks(text, at + 1);
    }
    this.members.set(start, found);
    return found;
  }

  private arrayItems(start: number): number[] {
    let found = this.items.get(start);
    if (found) return found;
    found = [];
    const text = this.text;
    let at = skipBlanks(text, start + 1);
    while (at < text.length && text.charCodeAt(at) !== 0x5d /* ] */) {
      found.push(at);
      at = skipBlanks(text, this.skipValue(at));
      if (text.charCodeAt(at) !== 0x2c) break;
      at = skipBlanks(text, at + 1);
    }
    this.items.set(start, found);
    return found;
  }

  /** The offset just past the value starting at `at`. */
  private skipValue(at: number): number {
    const code = this.text.charCodeAt(at);
    if (code !== 0x7b && code !== 0x5b) return skipValue(this.text, at);
    const { opens, ends } = (this.brackets ??= matchBrackets(this.text));
    let low = 0;
    let high = opens.length - 1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (opens[mid] === at) return ends[mid];
      if (opens[mid] < at) low = mid + 1;
      else high = mid - 1;
    }
    return skipValue(this.text, at);
  }
}

/** One pass over the text, strings skipped: each bracket's offset and the offset past its match. */
function matchBrackets(text: string): { opens: Int32Array; ends: Int32Array } {
  const opens: number[] = [];
  const ends: number[] = [];
  const stack: number[] = [];
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x22) {
      at = skipString(text, at) - 1;
    } else if (code === 0x7b || code === 0x5b) {
      stack.push(opens.length);
      opens.push(at);
      ends.push(text.length);
    } else if ((code === 0x7d || code === 0x5d) && stack.length > 0) {
      ends[stack.pop()!] = at + 1;
    }
  }
  return { opens: Int32Array.from(opens), ends: Int32Array.from(ends) };
}

interface Member {
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

function skipBlanks(text: string, at: number): number {
  for (;;) {
    const code = text.charCodeAt(at);
    if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) return at;
    at++;
  }
}

/** `at` is on the opening quote; returns the offset just past the closing quote. */
function skipString(text: string, at: number): number {
  let close = text.indexOf('"', at + 1);
  while (close !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(close - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return close + 1;
    close = text.indexOf('"', close + 1);
  }
  return text.length;
}

/** Returns the offset just past the value that starts at `at` (the text is valid JSON). */
function skipValue(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === 0x22) return skipString(text, at);
  if (first !== 0x7b && first !== 0x5b) {
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (code === 0x2c || code === 0x7d || code === 0x5d || code <= 0x20) return at;
      at++;
    }
    return at;
  }
  let depth = 0;
  while (at < text.length) {
    const code = text.charCodeAt(at);
    if (code === 0x22) {
      at = skipString(text, at);
      continue;
    }
    if (code === 0x7b || code === 0x5b) depth++;
    else if ((code === 0x7d || code === 0x5d) && --depth === 0) return at + 1;
    at++;
  }
  return at;
}
