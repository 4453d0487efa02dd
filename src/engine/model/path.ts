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
  /** `literal`: no parameter; `param`: exactly one `{param}`; `mixed`: text and parameters together (`pre{id}`, `{id}.json`). */
  kind: 'literal' | 'param' | 'mixed';
  /** Names of the `{parameters}` in the segment. */
  params: string[];
  /** The part before a custom-method suffix (`users` in `users:batchGet`), or the whole literal text. */
  name: string;
  /** A custom method after `:` (AIP-136), as in `/orders/{id}:cancel`. */
  customMethod?: string;
}

const PARAM = /\{[^{}/]*\}/g;

/** Splits `/a/{b}/c` into segments. The root path `/` has none; `//` yields an empty segment. */
export function parsePath(path: string, offset = 0): PathSegment[] {
  const segments: PathSegment[] = [];
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
  const params = [...text.matchAll(PARAM)].map((match) => match[0].slice(1, -1));
  const withoutParams = text.replace(PARAM, '');
  const colon = withoutParams.lastIndexOf(':');
  let name = withoutParams;
  let customMethod: string | undefined;
  if (colon !== -1) {
    customMethod = withoutParams.slice(colon + 1);
    name = withoutParams.slice(0, colon);
  }
  const kind = params.length === 0 ? 'literal' : params.length === 1 && text === `{${params[0]}}` ? 'param' : 'mixed';
  return { text, start, end: start + text.length, kind, params, name, customMethod };
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

/**
 * Splits a name into lowercase word tokens on `-`, `_`, `.`, camelCase boundaries and
 * digits: `getUserById` → get user by id, `HTTPServer2` → http server 2. Rules match
 * whole tokens, never substrings (`posters` is not `post`).
 */
export function splitWords(name: string): string[] {
  return name
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])(\d)/g, '$1 $2')
    .replace(/(\d)([a-zA-Z])/g, '$1 $2')
    .split(/[^a-zA-Z0-9]+/)
    .filter((word) => word !== '')
    .map((word) => word.toLowerCase());
}
