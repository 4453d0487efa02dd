import { defineRule } from '../src/engine/rule';
import { toCase } from './lib/casing';
import { serverBasePath, type PathSegment } from '../src/engine/model/path';
import type { NodeLocation } from '../src/engine/model/location';
import { ACTION_PREFIXES, PREPOSITIONS, isAcronym, isPluralOrUncountable, pluralOf, tokenOffsets, viewSegment, type SegmentView, type WordPart, MEMBERSHIP_VERBS, STANDARD_VERBS } from './lib/words';
import { namingAdvice } from './lib/naming-advice';
import { pathContexts, serverContext, verbReader, type FoundVerb, type NoVerbInPathOptions, type PathContext } from './lib/verb-segments';

export type { NoVerbInPathOptions };

/**
 * Segments name resources, not actions: `/getUsers`, `/createOrder`, `/orders/{id}/cancel`
 * tunnel an action through the URI. Tier 1 verbs are reported on sight at the start of a
 * segment; tier 2 words (also nouns: `search`, `export`, `report`) only as the verb of a
 * compound (`searchUsers`, `export-orders`) or when the method contradicts them (`GET /logout`).
 * AIP-136 custom methods (`/orders/{id}:cancel`) are the allowed way to name an action.
 */
export default defineRule<NoVerbInPathOptions>({
  meta: {
    id: 'no-verb-in-path',
    group: 'naming',
    severity: 'error',
    description: 'Path segments name resources, not actions (`/getUsers`, `/createOrder`).',
    sources: ['course', 'Z#141', 'Z#138', 'MSW'],
    fix: 'no',
    options: {
      schema: {
        type: 'object',
        properties: {
          allowVerbs: { type: 'array', items: { type: 'string', minLength: 1 } },
          extraVerbs: { type: 'array', items: { type: 'string', minLength: 1 } },
        },
      },
      defaults: { allowVerbs: [], extraVerbs: [] },
    },
    messages: {
      verb: '"{{path}}": segment "{{segment}}" starts with the verb "{{verb}}"; name the resource ("{{suggestion}}") and let the HTTP method carry the action',
      verbNoSuggestion: '"{{path}}": segment "{{segment}}" starts with the verb "{{verb}}"; name the resource and let the HTTP method carry the action',
      verbCustomMethod:
        '"{{path}}": segment "{{segment}}" is the verb "{{verb}}"; name the resource and let the HTTP method carry the action, or make the action a custom method ("{{suggestion}}")',
      actionCustomMethod:
        '"{{path}}": segment "{{segment}}" names the action "{{verb}}"; name the resource and let the HTTP method carry the action, or make the action a custom method ("{{suggestion}}")',
      actionNoSuggestion: '"{{path}}": segment "{{segment}}" names the action "{{verb}}"; name the resource and let the HTTP method carry the action',
      verbInName: '"{{path}}": segment "{{segment}}" names the action "{{verb}}"; name the resource ("{{suggestion}}") and let the HTTP method carry the action',
    },
  },
  create(context) {

    const { verbOf, isTier1 } = verbReader(context.options);
    // The resource name suggested is written in path-kebab-case's convention, so that the two agree.
    const advice = namingAdvice(context);
    const named = (rest: string) => advice.written(rest);

    const check = (
      path: string,
      segments: PathSegment[],
      at: NodeLocation,
      part: 'key' | 'value',
      text: string,
      /** Offset of `path` inside `text`. */
      base: number,
      where: (index: number) => PathContext,
    ) => {
      const views = segments.map(viewSegment);
      segments.forEach((segment, index) => {
        const view = views[index];
        if (view.kind !== 'literal') return;
        const here = where(index);
        for (let partIndex = 0; partIndex < view.parts.length; partIndex++) {
          const wordPart = view.parts[partIndex];
          const found = verbOf(wordPart, view, here, partIndex);
          if (found === undefined) continue;
          const { verb } = found;
          const replace = (from: number, to: number, by: string) => path.slice(0, from - base) + by + path.slice(to - base);
          const within = { text, start: segment.start, end: segment.start + view.text.length };
          const data: Record<string, string> = { path, segment: view.text, verb };
          // Tier 2 words are nouns too: their compounds (`searchUsers`) are warnings even in an
          // error rule; a tier 2 word the method contradicts (GET `/logout`) keeps the rule's severity.
          const severity = !isTier1(verb) && wordPart.tokens.length > 1 ? 'warn' : undefined;
          const report = (messageId: string) => context.report({ messageId, data, at, part, within, severity });
          const rest = restAfterVerb(wordPart, verb, here.followedByParam);
          if (found.action && view.parts.length === 1) {
            // `/charges/{id}/capture` → `/charges/{id}:capture`, `/tasks/{id}/markAllDone` → `:markAllDone`,
            // `/reports/{id}/report-run` → `:runReport`: an action, named as AIP-136 asks.
            data.suggestion = index > 0 && part === 'key' && !view.customMethod ? replace(segment.start - 1, segment.end, `:${customMethodName(wordPart, found)}`) : '';
            report(data.suggestion === '' ? 'actionNoSuggestion' : found.at === 'start' && wordPart.tokens.length === 1 ? 'verbCustomMethod' : 'actionCustomMethod');
          } else if (partIndex > 0) {
            // `/users.list`, `/conversations.setTopic`: RPC-style names; suggest the parts as segments.
            const names = view.parts.map((other, i) => (i === partIndex ? named(rest) : named(other.text))).filter((name) => name !== '');
            data.suggestion = replace(segment.start, segment.start + view.text.length, names.join('/'));
            report('verbInName');
          } else if (rest !== '' && view.parts.length === 1 && namesParent(rest, views, index)) {
            // `/idp/password/change-password` → `/idp/password`: the parent is the resource.
            data.suggestion = replace(segment.start - 1, segment.end, '') || '/';
            report('verb');
          } else if (rest !== '') {
            const start = segment.start + wordPart.offset;
            data.suggestion = replace(start, start + wordPart.text.length, named(rest));
            report('verb');
          } else if (wordPart.tokens.length === 1 && view.parts.length === 1 && index > 0 && STANDARD_VERBS.has(verb)) {
            // `/secrets/delete`, `/statements/list`: the standard method on the parent says it.
            data.suggestion = replace(segment.start - 1, segment.end, '') || '/';
            report('verb');
          } else if (wordPart.tokens.length === 1 && view.parts.length === 1 && index > 0 && part === 'key' && !view.customMethod) {
            // `/invoices/{id}/send` → `/invoices/{id}:send` (AIP-136).
            data.suggestion = replace(segment.start - 1, segment.end, `:${verb}`);
            report('verbCustomMethod');
          } else {
            report('verbNoSuggestion');
          }
          break;
        }
      });
    };

    return {
      Server(server) {
        const { offset } = serverBasePath(server.url);
        check(server.basePath, server.segments, server.loc, 'value', server.url, offset, serverContext(server));
      },
      'Document:exit'(document) {
        const contextOf = pathContexts(document);
        for (const item of document.pathItems) check(item.path, item.segments, item.loc, 'key', item.path, 0, contextOf(item));
      },
    };
  },
});

/**
 * The segment part without its leading verb, as a lowercase kebab name: `getUsers` → `users`,
 * `createOrder` → `orders` (the one noun left after a verb that adds or removes members, or
 * before `{id}`, is made plural, as a suggestion), `setParent` → `parent`, `cancel` → `` (nothing
 * left), `findByStatus` → `` (a preposition follows: no noun to name).
 */
function restAfterVerb(part: WordPart, verb: string, followedByParam: boolean): string {
  const { tokens } = part;
  if (tokens.length < 2 || PREPOSITIONS.has(tokens[1])) return '';
  const offsets = tokenOffsets(part.text, tokens);
  const rest = toCase(part.text.slice(offsets[1]), 'kebab');
  const collection = followedByParam || MEMBERSHIP_VERBS.has(verb);
  if (collection && tokens.length === 2 && !isPluralOrUncountable(tokens[1]) && !isAcronym(tokens[1])) return pluralOf(rest);
  return rest;
}

/** An action's AIP-136 custom method name: the segment in camelCase, its verb first (`report-run` → `runReport`, `bulk-delete` → `bulkDelete`). */
function customMethodName(part: WordPart, found: FoundVerb): string {
  const last = part.tokens.length - 1;
  const tokens = found.at === 'later' && part.tokens[last] === found.verb && part.tokens.indexOf(found.verb) === last && !ACTION_PREFIXES.has(part.tokens[0]) ? [found.verb, ...part.tokens.slice(0, -1)] : part.tokens;
  return toCase(tokens.join('-'), 'camel');
}

/** `/idp/password/change-password`, `/users/{id}/getUser`: the object is the resource the path already names. */
function namesParent(rest: string, views: SegmentView[], index: number): boolean {
  const parent = views[index - 1]?.kind === 'literal' ? views[index - 1] : views[index - 1]?.kind === 'param' ? views[index - 2] : undefined;
  if (!parent || parent.kind !== 'literal' || rest === '') return false;
  const name = toCase(parent.text, 'kebab');
  return name === rest || name === pluralOf(rest);
}
