import { defineRule } from '../src/engine/rule';
import { splitWords } from '../src/engine/model/path';
import { serverBasePath, type PathSegment } from '../src/engine/model/path';
import type { NodeLocation } from '../src/engine/model/location';
import { isVersionParam } from './lib/path-shape';
import { NAMESPACES, PREPOSITIONS, QUALIFIERS, SINGLETONS, TIER1_ALSO_NOUNS, TIER1_VERBS, UNCOUNTABLES, isAcronym, isPluralOrUncountable, isVersionSegment, pluralOf, tokenOffsets, viewSegment, type SegmentView, GENERIC_ID_WORDS, PERIOD_WORDS } from './lib/words';

export interface PluralCollectionsOptions {
  /** More words (or whole segments) that are fine in the singular: singletons, uncountables, product names. */
  allow: string[];
}

/**
 * A segment followed by `{param}` names a collection, and collections are plural:
 * `/user/{id}` should be `/users/{id}`. The word judged is the segment's head noun (its last
 * word, or the word before a preposition: `codes_of_conduct`), and the rule asks "plural or
 * uncountable", never "not singular". Singletons, uncountables, acronyms, versions and
 * namespaces are allowed, and so is a singular that the parameter does not identify
 * (`/tarball/{ref}`, `/schema-registry/{subject_name}`).
 */
export default defineRule<PluralCollectionsOptions>({
  meta: {
    id: 'plural-collections',
    group: 'naming',
    severity: 'warn',
    description: 'A segment that names a collection (followed by `{id}`) is a plural noun.',
    sources: ['course', 'Z#134', 'AIP-122'],
    fix: 'no',
    options: {
      schema: {
        type: 'object',
        properties: { allow: { type: 'array', items: { type: 'string', minLength: 1 } } },
      },
      defaults: { allow: [] },
    },
    messages: {
      singular: '"{{path}}": segment "{{segment}}" names a collection (it is followed by "{{param}}") but is not plural; use a plural noun, e.g. "{{suggestion}}"',
    },
  },
  create(context) {
    const allowed = new Set(context.options.allow.map((word) => word.toLowerCase()));
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

    const check = (path: string, segments: PathSegment[], at: NodeLocation, part: 'key' | 'value', text: string, base: number) => {
      const views = segments.map(viewSegment);
      views.forEach((view, index) => {
        const next = views[index + 1];
        if (view.kind !== 'literal' || !next || next.kind === 'literal' || !next.text.startsWith('{')) return;
        const found = singularHead(view, views[index - 1], next.params);
        if (!found) return;
        const wordPart = view.parts[0];
        const offsets = tokenOffsets(wordPart.text, wordPart.tokens);
        const at_ = wordPart.offset + offsets[found.index];
        const written = wordPart.text.slice(offsets[found.index], offsets[found.index] + wordPart.tokens[found.index].length);
        const plural = matchCase(written, pluralOf(written));
        const segment = view.segment;
        const start = segment.start + at_ - base;
        const suggestion = path.slice(0, start) + plural + path.slice(start + written.length);
        context.report({
          messageId: 'singular',
          data: { path, segment: view.text, param: next.text, suggestion },
          at,
          part,
          within: { text, start: segment.start, end: segment.start + view.text.length },
        });
      });
    };

    return {
      PathItem(item) {
        check(item.path, item.segments, item.loc, 'key', item.path, 0);
      },
      Server(server) {
        check(server.basePath, server.segments, server.loc, 'value', server.url, serverBasePath(server.url).offset);
      },
    };
  },
});

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
