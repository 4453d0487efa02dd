/**
 * How plural-collections reads a segment, shared with the case rules so that a segment with
 * several naming faults gets one suggested name (`/user_item/{id}` → `/user-items/{id}`).
 */
import { splitWords, type PathSegment } from '../../src/engine/model/path';
import { isVersionParam } from './path-shape';
import { NAMESPACES, PREPOSITIONS, QUALIFIERS, SINGLETONS, TIER1_ALSO_NOUNS, TIER1_VERBS, UNCOUNTABLES, isAcronym, isPluralOrUncountable, isVersionSegment, pluralOf, tokenOffsets, viewSegment, type SegmentView, GENERIC_ID_WORDS, PERIOD_WORDS } from './words';

/**
 * The segments of a path that name a collection (a literal followed by `{param}`) in the
 * singular, each with its name made plural (`user` → `users`, `arpTable` → `arpTables`);
 * `allow` is plural-collections' option of words fine in the singular.
 */
export function singularCollections(segments: readonly PathSegment[], allow: readonly string[]): Map<PathSegment, { name: string }> {
  const allowed = new Set(allow.map((word) => word.toLowerCase()));
  // A namespace (`/test/{x}`, `/admin/{x}`) is a whole segment: `cableTest`'s `test` is a noun.
  const isAllowed = (word: string, whole: boolean) =>
    allowed.has(word) || SINGLETONS.has(word) || (whole && NAMESPACES.has(word)) || QUALIFIERS.has(word) || isAcronym(word);

  /** The singular head word of a collection segment, and its index among the tokens; undefined when the segment passes. */
  const singularHead = (view: SegmentView, previous: SegmentView | undefined, params: string[]): { index: number } | undefined => {
    // `users.json/{id}` is rare, `admin.users/{id}` rarer: judge the last `.` part that is a word.
    const part = view.parts[view.parts.length - 1];
    if (!part || view.parts.length > 1 || isVersionSegment(view.text) || allowed.has(view.text.toLowerCase())) return undefined;
    const tokens = [...part.tokens];
    // `projectsV2`: a version suffix is not the noun.
    while (tokens.length >= 2 && /^\d+$/.test(tokens[tokens.length - 1]) && tokens[tokens.length - 2] === 'v') tokens.splice(-2, 2);
    if (tokens.length === 0 || /^\d+$/.test(tokens[tokens.length - 1])) return undefined;
    // A segment that starts with a verb is no-verb-in-path's to report (`fetch-report/{id}`).
    if (TIER1_VERBS.has(tokens[0]) && !TIER1_ALSO_NOUNS.has(tokens[0])) return undefined;
    const preposition = tokens.findIndex((token, index) => index > 0 && PREPOSITIONS.has(token));
    const index = preposition > 0 ? preposition - 1 : tokens.length - 1;
    const head = tokens[index];
    if (isPluralOrUncountable(head) || isAllowed(head, tokens.length === 1)) return undefined;
    // Participles and adjectives (`blocked_by/{id}`, `starred/{owner}`) are no collection.
    if (/[^e]ed$/.test(head) && head.length > 4) return undefined;
    // `/integrations/slack/{id}`, `/images/custom/{id}`: a kind inside the collection before it.
    // A compound is a collection of its own (`/liveTools/cableTest/{id}`, Meraki's tests of a device).
    if (previous && previous.kind === 'literal' && isPluralCollectionName(previous) && tokens.length === 1) return undefined;
    // The parameter must identify a member: `{id}`, `{key}`, or a name that says so
    // (`user/{username}`, `pet/{petId}`); `tarball/{ref}`, `transfer/{year}` are something else.
    const paramWords = params.flatMap((param) => splitWords(param));
    if (paramWords.some((word) => PERIOD_WORDS.has(word)) || params.some(isVersionParam)) return undefined;
    const identifies =
      paramWords.every((word) => GENERIC_ID_WORDS.has(word)) ||
      paramWords.some((word) => word === head || word.startsWith(head) || (word.length >= 3 && head.startsWith(word)));
    return identifies ? { index } : undefined;
  };

  const found = new Map<PathSegment, { name: string }>();
  const views = segments.map(viewSegment);
  views.forEach((view, index) => {
    const next = views[index + 1];
    if (view.kind !== 'literal' || !next || next.kind === 'literal' || !next.text.startsWith('{')) return;
    const singular = singularHead(view, views[index - 1], next.params);
    if (!singular) return;
    const part = view.parts[0];
    const offsets = tokenOffsets(part.text, part.tokens);
    const at = offsets[singular.index];
    const written = part.text.slice(at, at + part.tokens[singular.index].length);
    found.set(view.segment, { name: part.text.slice(0, at) + matchCase(written, pluralOf(written)) + part.text.slice(at + written.length) });
  });
  return found;
}

function isPluralCollectionName(view: SegmentView): boolean {
  const part = view.parts[view.parts.length - 1];
  const last = part?.tokens[part.tokens.length - 1];
  // A real plural: an uncountable or a gerund (`/metadata/…`, `/LinkShortening/…`) is a namespace, not a collection of kinds.
  return last !== undefined && !isVersionSegment(view.text) && !NAMESPACES.has(last) && !UNCOUNTABLES.has(last) && !last.endsWith('ing') && isPluralOrUncountable(last);
}

/** `User` → `Users`, `USER` → `USERS`, `arpTable`'s `Table` → `Tables`. */
function matchCase(written: string, plural: string): string {
  if (written === written.toUpperCase() && written.length > 1) return plural.toUpperCase();
  if (written[0] === written[0].toUpperCase()) return plural[0].toUpperCase() + plural.slice(1);
  return plural;
}
