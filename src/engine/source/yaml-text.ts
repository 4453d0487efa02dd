import { load, YAMLException, type LoadOptions } from 'js-yaml';
import type { Locator, Part, Span } from './span';

/**
 * Child spans of one YAML collection, recorded while js-yaml builds it:
 * a flat list of `start, end, value` triples, in source order. For a mapping the triples
 * alternate key, value.
 */
type ChildSpans = unknown[];

export interface ParsedYaml {
  data: unknown;
  locator: Locator;
  /** Every mapping that has a `$ref` member, in source order (aliases once). */
  refHolders: Record<string, unknown>[];
  /** Whether an alias makes one collection appear in several places (a walk over the data must then not trust it is a tree). */
  sharesNodes: boolean;
  /**
   * How many nodes the data has with every alias written out (keys and scalars count): what a
   * reader that copies aliases (Spectral's parser) builds. Huge from a few written nodes is an
   * alias bomb ("billion laughs"). Counted only when an alias stands in for a collection (else
   * it is `written`).
   */
  expandedNodes: number;
  /** How many nodes the text writes (an alias is one). */
  writtenNodes: number;
}

/**
 * Parses YAML once with js-yaml and, in the same pass, records where every collection's
 * children start and end (js-yaml's `listener` reports each node's open and close offsets).
 * Only collections keep their child spans, keyed by the object js-yaml built, so finding a
 * pointer's span later is a walk down the parsed data, not a second parse.
 */
export function parseYaml(text: string, filename: string): ParsedYaml {
  const spans = new WeakMap<object, ChildSpans>();
  const refHolders: Record<string, unknown>[] = [];
  let sharesNodes = false;
  // The expanded size of each collection closed so far, and of the children of each open node.
  const expanded = new WeakMap<object, number>();
  const sizes: number[] = [];
  let written = 0;
  let rootSize = 0;
  // One stack frame per open node: its start offset and the spans of its children (created
  // on the first child: scalars, most nodes, never get an array).
  const starts: number[] = [];
  const children: (ChildSpans | undefined)[] = [];
  const listener: LoadOptions['listener'] = function (event, state) {
    if (event === 'open') {
      starts.push(state.position);
      children.push(undefined);
      sizes.push(0);
      return;
    }
    const start = starts.pop()!;
    const own = children.pop();
    const inside = sizes.pop()!;
    const value = state.result;
    written++;
    // An alias (no children of its own) counts what its anchor expands to; a collection that
    // encloses its own anchor's alias (a cycle) counts that alias once.
    let size = 1 + inside;
    // An alias closes with the anchored object: keep the spans of its first (real) occurrence.
    if (value !== null && typeof value === 'object') {
      if (own !== undefined && !spans.has(value)) {
        expanded.set(value, size);
        spans.set(value, own);
        if (!Array.isArray(value) && Object.prototype.hasOwnProperty.call(value, '$ref')) refHolders.push(value as Record<string, unknown>);
      } else if (own === undefined && spans.has(value)) {
        sharesNodes = true;
        size = expanded.get(value) ?? 1;
      }
    }
    const depth = children.length;
    if (depth > 0) sizes[depth - 1] += size;
    else rootSize = size;
    if (depth > 0) (children[depth - 1] ??= []).push(start, state.position, value);
  };
  const data = load(text, { filename, listener });
  return { data, locator: new YamlLocator(text, data, spans), refHolders, sharesNodes, expandedNodes: sharesNodes ? rootSize : written, writtenNodes: written };
}

export { YAMLException };

class YamlLocator implements Locator {
  constructor(
    private readonly text: string,
    private readonly root: unknown,
    private readonly spans: WeakMap<object, ChildSpans>,
  ) {}

  locate(pointer: readonly string[], part: Part): (Span & { exact: boolean }) | undefined {
    let node = this.root;
    let span: Span = { start: 0, end: this.text.length };
    for (let depth = 0; depth < pointer.length; depth++) {
      const own = node !== null && typeof node === 'object' ? this.spans.get(node) : undefined;
      const child = own && findChild(own, Array.isArray(node), pointer[depth]);
      if (!child) return { ...this.trim(span), exact: false };
      const last = depth === pointer.length - 1;
      span = last && part === 'key' && child.key ? child.key : child.value;
      node = child.node;
    }
    return { ...this.trim(span), exact: true };
  }

  /** js-yaml's offsets include the blanks and comments around a node; a range should not. */
  private trim(span: Span): Span {
    const text = this.text;
    // js-yaml reads the text with a newline added when it has none: a node that closes at the end
    // ends one past the last character.
    let start = Math.min(span.start, text.length);
    let end = Math.min(span.end, text.length);
    for (;;) {
      while (start < end && isBlank(text.charCodeAt(start))) start++;
      if (text.charCodeAt(start) !== 0x23 /* # */) break;
      while (start < end && text.charCodeAt(start) !== 0x0a) start++;
    }
    while (end > start && isBlank(text.charCodeAt(end - 1))) end--;
    return { start, end };
  }
}

interface Child {
  key?: Span;
  value: Span;
  node: unknown;
}

function findChild(own: ChildSpans, isSequence: boolean, segment: string): Child | undefined {
  if (isSequence) {
    const index = Number(segment);
    const at = index * 3;
    if (!Number.isInteger(index) || at >= own.length) return undefined;
    return { value: { start: own[at] as number, end: own[at + 1] as number }, node: own[at + 2] };
  }
  // Later duplicates win, as they do in the parsed data.
  for (let at = own.length - 6; at >= 0; at -= 6) {
    if (String(own[at + 2]) === segment) {
      return {
        key: { start: own[at] as number, end: own[at + 1] as number },
        value: { start: own[at + 3] as number, end: own[at + 4] as number },
        node: own[at + 5],
      };
    }
  }
  return undefined;
}

function isBlank(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
