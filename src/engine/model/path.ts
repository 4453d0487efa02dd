/**
 * How restlint sees a URI path: segments with their offsets, so a rule can name (and an
 * editor can underline) exactly the segment at fault.
 */
export interface PathSegment {
  /** The segment as written, without its slashes (`{userId}`, `order-items`, `{id}:cancel`). */
  text: string;
  /** Offsets of `text` inside the whole path (or server URL) string. */
  start: number;
  end: number;
  /**
   * `literal`: no parameter; `param`: exactly one `{param}` (also with a custom method,
   * `{id}:cancel`, or Express-style `:id`); `mixed`: text and parameters together (`pre{id}`, `{id}.json`).
   */
  kind: 'literal' | 'param' | 'mixed';
  /** Names of the `{parameters}` in the segment. */
  params: string[];
  /** The literal text, without parameters and without a custom-method suffix (`users` in `users:batchGet`). */
  name: string;
  /** A custom method after `:` (AIP-136), as in `/orders/{id}:cancel`. */
  customMethod?: string;
}

const PARAM = /\{[^{}/]*\}/g;

/**
 * Splits `/a/{b}/c` into segments. The root path `/` has none; `//` yields an empty segment.
 * A `#fragment` or `?query` written into a path key (Box: `/files/{id}#get_shared_link`) never
 * reaches a server: it is not part of any segment.
 */
export function parsePath(path: string, offset = 0): PathSegment[] {
  const segments: PathSegment[] = [];
  path = requestPath(path);
  if (path === '' || path === '/') return segments;
  let start = path.startsWith('/') ? 1 : 0;
  for (;;) {
    const slash = indexOfSlashOutsideBraces(path, start);
    const end = slash === -1 ? path.length : slash;
    segments.push(describeSegment(path.slice(start, end), offset + start));
    if (slash === -1) break;
    start = slash + 1;
  }
  return segments;
}

function indexOfSlashOutsideBraces(path: string, from: number): number {
  let depth = 0;
  for (let at = from; at < path.length; at++) {
    const char = path[at];
    if (char === '{') depth++;
    else if (char === '}') depth = Math.max(0, depth - 1);
    else if (char === '/' && depth === 0) return at;
  }
  return -1;
}

function describeSegment(text: string, start: number): PathSegment {
  // `/users/:id`: an Express-style parameter written where OpenAPI wants `{id}`.
  if (/^:[A-Za-z_]\w*$/.test(text)) return { text, start, end: start + text.length, kind: 'param', params: [text.slice(1)], name: '' };
  const params = [...text.matchAll(PARAM)].map((match) => match[0].slice(1, -1));
  const kind = params.length === 0 ? 'literal' : params.length === 1 && text === `{${params[0]}}` ? 'param' : 'mixed';
  // An AIP-136 custom method: `:name` after something, the name starting with a letter
  // (`{a}:{b}` is a compound key, not a method).
  const method = /^(.+):([A-Za-z][\w.-]*)$/.exec(text);
  if (method) {
    const before = method[1];
    const onItem = before === `{${params[0]}}` && params.length === 1;
    return { text, start, end: start + text.length, kind: onItem ? 'param' : kind, params, name: before.replace(PARAM, ''), customMethod: method[2] };
  }
  return { text, start, end: start + text.length, kind, params, name: text.replace(PARAM, '') };
}

/** Replaces every `{name}` with `{}`, so `/a/{x}` and `/a/{y}` compare equal. */
export function normalizePath(path: string): string {
  return path.replace(PARAM, '{}');
}

/**
 * The path part of a server URL (`https://{region}.example.com/v1` → `/v1`) and its offset
 * in the URL, so findings on base-path segments point into the `url` value.
 */
export function serverBasePath(url: string): { path: string; offset: number } {
  const authority = /^(?:[a-zA-Z{][^:/?#]*:)?\/\/[^/?#]*/.exec(url);
  const offset = authority ? authority[0].length : 0;
  const rest = url.slice(offset);
  const end = rest.search(/[?#]/);
  return { path: end === -1 ? rest : rest.slice(0, end), offset };
}

/** The part of a path key a client sends: without a `#fragment` or `?query` written into it. */
export function requestPath(path: string): string {
  const cut = path.search(/[#?]/);
  return cut === -1 ? path : path.slice(0, cut);
}

/**
 * Splits a name into lowercase word tokens on `-`, `_`, other punctuation and camelCase
 * boundaries: `getUserById` → get user by id, `HTTPServer` → http server, and an acronym
 * plural stays one word (`KPIs` → kpis, `ContactIDs` → contact ids). Rules match whole
 * tokens, never substrings (`posters` is not `post`).
 *
 * `digits: 'split'` (the default, for matching words) also splits at digits, as the
 * guidelines say: `get3dsAvailability` → get 3 ds availability. `digits: 'keep'` (for
 * rewriting a name in another case) keeps them with their word: `l3FirewallRules` →
 * l3 firewall rules, so the kebab-case form is `l3-firewall-rules`.
 */
export function splitWords(name: string, { digits = 'split' }: { digits?: 'split' | 'keep' } = {}): string[] {
  // Many rules split the same names (every segment, every parameter): remember the answers.
  const cache = digits === 'split' ? splitCache : keepCache;
  let words = cache.get(name);
  if (!words) {
    words = computeWords(name, digits);
    // Bounded, for long-lived processes (a language server sees many documents).
    if (cache.size >= 50_000) cache.clear();
    cache.set(name, words);
  }
  return words.slice();
}

const splitCache = new Map<string, string[]>();
const keepCache = new Map<string, string[]>();

function computeWords(name: string, digits: 'split' | 'keep'): string[] {
  let spaced = name.replace(/([A-Z]{2,})s(?![a-z])/g, '$1S');
  spaced = digits === 'split'
    ? spaced.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/([a-zA-Z])(\d)/g, '$1 $2').replace(/(\d)([a-zA-Z])/g, '$1 $2')
    : spaced.replace(/([a-z0-9])([A-Z])/g, '$1 $2');
  return spaced
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^a-zA-Z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}
