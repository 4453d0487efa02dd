/**
 * What the URI-shape rules (group A) need to know about a path beyond its segments: the
 * names inside a segment, which parameters are versions
 * rather than identifiers, which parameters in a row form one compound key, and
 * representation extensions.
 */
import { splitWords, type PathSegment } from '../../src/engine/model/path';
import { ID_PARAMETER_WORDS } from './words';

const PARAM = /\{[^{}/]*\}/g;
/** A placeholder outside OpenAPI's syntax, as in DigitalOcean's `/<upload_url>`: not a name. */
const PLACEHOLDER = /<[^<>]*>/g;
/** A random-looking token written into a path (Box's `securityClassification-6VMVochwUWo`): a digit first, then both cases. */
const OPAQUE = /(?<![A-Za-z0-9])\d(?=[A-Za-z0-9]*[A-Z])(?=[A-Za-z0-9]*[a-z])[A-Za-z0-9]{5,}(?![A-Za-z0-9])/g;

/** Where a segment's AIP-136 custom method (`:cancel`) starts inside `segment.text`, or -1. */
export function customMethodStart(segment: PathSegment): number {
  return segment.customMethod === undefined ? -1 : segment.text.length - segment.customMethod.length - 1;
}

/** The segment without its custom method: `{id}` for `{id}:cancel`. */
export function withoutCustomMethod(segment: PathSegment): string {
  const at = customMethodStart(segment);
  return at === -1 ? segment.text : segment.text.slice(0, at);
}

/** A run of name characters inside a segment, with offsets in the whole path string. */
export interface Piece {
  text: string;
  start: number;
  end: number;
}

/**
 * The names written in a segment: its literal text split at characters that are not part of
 * a name (`.`, `@`, `$`, `~`, `,` …), leaving out `{parameters}`, `<placeholders>`, opaque
 * tokens (`6VMVochwUWo`) and the custom method, each trimmed of leading or trailing `-` and
 * `_` (a marker like `_mock`, not a word separator). `admin.usersList` → admin, usersList;
 * `{id}.json` → json; `@me` → me; `2010-04-01` → none (a piece without letters has no case).
 */
export function namePieces(segment: PathSegment): Piece[] {
  // Several rules read the same segment objects: compute once per segment.
  let pieces = piecesOf.get(segment);
  if (!pieces) {
    pieces = computePieces(segment);
    piecesOf.set(segment, pieces);
  }
  return pieces;
}

const piecesOf = new WeakMap<PathSegment, Piece[]>();

function computePieces(segment: PathSegment): Piece[] {
  const blank = (text: string) => ' '.repeat(text.length);
  let masked = segment.text.replace(PARAM, blank).replace(PLACEHOLDER, blank).replace(OPAQUE, blank);
  const method = customMethodStart(segment);
  if (method !== -1) masked = masked.slice(0, method);
  const pieces: Piece[] = [];
  for (const match of masked.matchAll(/[A-Za-z0-9_-]+/g)) {
    const raw = match[0];
    const lead = raw.length - raw.replace(/^[-_]+/, '').length;
    const text = raw.replace(/^[-_]+/, '').replace(/[-_]+$/, '');
    if (!/[A-Za-z]/.test(text)) continue;
    const start = segment.start + match.index! + lead;
    pieces.push({ text, start, end: start + text.length });
  }
  return pieces;
}

/**
 * `{version}`, `{apiVersion}`, `{api_version}`, `{v}`: a version placed in the path as a
 * parameter is a namespace, like a literal `v1`, not the identifier of a resource.
 */
export function isVersionParam(name: string): boolean {
  return /^v$/i.test(name) || splitWords(name, { digits: 'keep' }).includes('version');
}

/** A segment that identifies one resource: a `{param}` (or a `{param}:method`) that is not a version. */
export function isIdentifier(segment: PathSegment): boolean {
  const text = withoutCustomMethod(segment);
  return segment.params.length === 1 && text === `{${segment.params[0]}}` && !isVersionParam(segment.params[0]);
}

/** `thumbnail.{format}`: a parameter used as a file extension picks a format, not a resource. */
export function isExtensionParam(segment: PathSegment): boolean {
  return /^[^{}]+\.\{[^{}]*\}$/.test(withoutCustomMethod(segment));
}

/**
 * Whether the identifier at `index` continues the key begun by the identifier before it (a
 * compound key, Z#143: `/repos/{owner}/{repo}`) rather than identifying a different thing
 * whose collection is missing (`/users/{username}/{role_id}`). It identifies a different
 * thing only when its name says which (`role_id`, `nodeId`: words before an id word) and
 * that thing is neither the collection in front of the key (`/sessions/{type}/{session_id}`)
 * nor what the previous parameter describes (`{actor_type}/{actor_id}`, `{user_id_1}/{user_id_2}`).
 */
export function continuesKey(segments: PathSegment[], index: number): boolean {
  const thing = namedThing(segments[index].params[0]);
  if (!thing) return true; // `{repo}`, `{month}`, `{id}`, `{webhook_token}`
  let at = index - 1;
  while (at >= 0 && segments[at].kind !== 'literal') at--;
  const collection = at >= 0 ? splitWords(segments[at].name, { digits: 'keep' }).map(singular) : [];
  if (collection.includes(singular(thing[thing.length - 1]))) return true;
  const previous = splitWords(segments[index - 1].params[0], { digits: 'keep' }).filter((word) => !/^\d+$/.test(word));
  return previous.length > 1 && previous.slice(0, -1).join(' ') === thing.join(' ');
}

/** `guild_scheduled_event_exception_id` → guild scheduled event exception; `{name}`, `{repo}` → undefined. */
function namedThing(param: string): string[] | undefined {
  const words = splitWords(param, { digits: 'keep' }).filter((word) => !/^\d+$/.test(word));
  if (words.length < 2 || !ID_PARAMETER_WORDS.has(words[words.length - 1])) return undefined;
  return words.slice(0, -1);
}

/** Good enough to compare a collection with the thing an identifier names: `policies` → policy, `users` → user. */
function singular(word: string): string {
  return word.replace(/ies$/, 'y').replace(/s$/, '');
}

/** The media type a client would ask for instead of an extension. */
export const EXTENSION_MEDIA_TYPES: Record<string, string> = {
  json: 'application/json',
  xml: 'application/xml',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  yaml: 'application/yaml',
  yml: 'application/yaml',
  html: 'text/html',
  htm: 'text/html',
  txt: 'text/plain',
  atom: 'application/atom+xml',
  rss: 'application/rss+xml',
  ndjson: 'application/x-ndjson',
  jsonl: 'application/jsonl',
};

/** The literal extension at the end of a segment (`json` in `users.json` or `{id}.json`), with the offset of its dot. */
export function extensionOf(segment: PathSegment): { extension: string; dot: number } | undefined {
  const text = withoutCustomMethod(segment);
  const match = /\.([A-Za-z][A-Za-z0-9]*)$/.exec(text);
  if (!match) return undefined;
  return { extension: match[1], dot: segment.start + match.index };
}
