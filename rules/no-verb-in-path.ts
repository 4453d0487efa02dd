import { defineRule } from '../src/engine/rule';
import { toCase } from './lib/casing';
import { serverBasePath, type PathSegment } from '../src/engine/model/path';
import type { NodeLocation } from '../src/engine/model/location';
import { segmentEvidence, segmentName } from '../src/engine/model/segment-evidence';
import { ACTION_PREFIXES, ACTION_VERBS, HTTP_METHOD_TOKENS, NOUNS_WHEN_ALONE, PHRASAL_PARTICLES, PREPOSITIONS, TIER1_ALSO_NOUNS, TIER1_VERBS, TIER2_NOUN_HEADS, TIER2_CONTRADICTED_BY_GET, TIER2_VERBS, isAcronym, isPluralOrUncountable, laterVerbOf, pluralOf, tokenOffsets, viewSegment, type SegmentView, type WordPart, MEMBERSHIP_VERBS, STANDARD_VERBS } from './lib/words';

export interface NoVerbInPathOptions {
  /** Words never reported, though they are in the verb lists (`sync`, `search`). */
  allowVerbs: string[];
  /** More words reported like tier 1 verbs (`enqueue`, `archive`). */
  extraVerbs: string[];
}

/** What the rule knows about the path a segment is in: nothing, for a server's base path. */
interface PathContext {
  /** Literal segment names that some path follows with a `{param}`: collections, so nouns. */
  collections: ReadonlySet<string>;
  /** The segment is the path's last, and the path item's operations are all POST: an action endpoint. */
  postAction: boolean;
  /** The segment is the path's last and the path item answers GET only. */
  getOnly: boolean;
  followedByParam: boolean;
  /**
   * The segment is the path's last, after a parameter, and the path answers POST or PUT only
   * (`POST /charges/{id}/capture`): where the lexicon's action verbs are reported.
   */
  actionPosition: boolean;
  /** The word of the segment the path's own operationId, summary or description uses as a verb. */
  evidenceVerb?: string;
  /** The document uses the segment's name as a noun: a collection (`/archives/{id}`) or a thing GET returns. */
  noun: boolean;
}

/** A verb found in a segment part, and whether it is the part's first token. */
interface FoundVerb {
  verb: string;
  /** `start`: the part starts with it (`getUsers`); `later`: it follows a prefix or an object (`bulk-delete`, `report-run`). */
  at: 'start' | 'later';
  /** An ordinary action rather than a CRUD verb: suggested as an AIP-136 custom method (`:capture`, `:markAllDone`). */
  action: boolean;
}

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
    const lower = (list: readonly string[]) => new Set(list.map((word) => word.toLowerCase()));
    const allowed = lower(context.options.allowVerbs);
    const extra = lower(context.options.extraVerbs);
    const isTier1 = (word: string) => !allowed.has(word) && (TIER1_VERBS.has(word) || extra.has(word));
    const isTier2 = (word: string) => !allowed.has(word) && TIER2_VERBS.has(word);

    /** The verb of a part of a segment, if the rule reports it there. */
    const verbOf = (part: WordPart, view: SegmentView, where: PathContext): FoundVerb | undefined => {
      const [first, second] = part.tokens;
      if (first === undefined) return undefined;
      // The document's own words: `POST /users/{id}/suspend` with `operationId: suspendUser`.
      // A qualifier the text starts with ("Bulk ban users", "Force cancel a run") is not the verb;
      // an HTTP method (Linode's `/patch`) is no-http-method-in-path's to report.
      const said = where.evidenceVerb;
      const evidence = said !== undefined && ACTION_PREFIXES.has(said) ? part.tokens[part.tokens.indexOf(said) + 1] : said;
      if (evidence !== undefined && !allowed.has(evidence) && !HTTP_METHOD_TOKENS.includes(evidence) && !(part.tokens.length === 1 && NOUNS_WHEN_ALONE.has(evidence))) {
        // A tier verb keeps its own advice (`addFollowers` → `followers`); other actions become custom methods.
        const at = evidence === first ? 'start' : 'later';
        return { verb: evidence, at, action: at === 'later' || (!isTier1(evidence) && !isTier2(evidence)) };
      }
      // `add-ons`, `AddOnResults`, `check-ins`: a verb and a particle make a noun.
      if (second !== undefined && PHRASAL_PARTICLES.has(second)) return undefined;
      if (isTier1(first)) {
        if (TIER1_ALSO_NOUNS.has(first) && !extra.has(first)) return where.postAction && !where.noun ? { verb: first, at: 'start', action: false } : undefined;
        return { verb: first, at: 'start', action: false };
      }
      // The ordinary actions of real APIs (`capture`, `finalize`, `markAllDone`) and compounds
      // whose verb comes later (`bulk-delete`, `report-run`), where the path is clearly an action.
      if (where.actionPosition && !where.noun) {
        if (ACTION_VERBS.has(first) && !allowed.has(first)) return { verb: first, at: 'start', action: true };
        const later = laterVerbOf(part.tokens);
        if (later && !allowed.has(later.verb)) return { verb: later.verb, at: 'later', action: true };
      }
      if (!isTier2(first)) return undefined;
      if (part.tokens.length === 1) return TIER2_CONTRADICTED_BY_GET.has(first) && where.getOnly ? { verb: first, at: 'start', action: false } : undefined;
      // A compound: `searchUsers` is a verb and its object; `check-runs`, `access_tokens`, and
      // anything used as a collection (`/report_runs/{id}`) are noun phrases.
      if (TIER2_NOUN_HEADS.has(part.tokens[part.tokens.length - 1])) return undefined;
      if (where.followedByParam || where.collections.has(toCase(view.text, 'kebab'))) return undefined;
      return { verb: first, at: 'start', action: false };
    };

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
          const found = verbOf(wordPart, view, here);
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
            const names = view.parts.map((other, i) => (i === partIndex ? rest : other.text)).filter((name) => name !== '');
            data.suggestion = replace(segment.start, segment.start + view.text.length, names.join('/'));
            report('verbInName');
          } else if (rest !== '' && view.parts.length === 1 && namesParent(rest, views, index)) {
            // `/idp/password/change-password` → `/idp/password`: the parent is the resource.
            data.suggestion = replace(segment.start - 1, segment.end, '') || '/';
            report('verb');
          } else if (rest !== '') {
            const start = segment.start + wordPart.offset;
            data.suggestion = replace(start, start + wordPart.text.length, rest);
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
        const where = (index: number): PathContext => ({
          collections: new Set(),
          postAction: false,
          getOnly: false,
          actionPosition: false,
          noun: false,
          followedByParam: server.segments[index + 1] !== undefined && viewSegment(server.segments[index + 1]).kind !== 'literal',
        });
        check(server.basePath, server.segments, server.loc, 'value', server.url, offset, where);
      },
      'Document:exit'(document) {
        const evidence = segmentEvidence(document, context.resolve);
        const collections = new Set<string>();
        for (const item of document.pathItems) {
          const views = item.segments.map(viewSegment);
          views.forEach((view, index) => {
            const next = views[index + 1];
            if (view.kind === 'literal' && next && next.kind !== 'literal') collections.add(toCase(view.text, 'kebab'));
          });
        }
        for (const item of document.pathItems) {
          const methods = item.operations.map((operation) => operation.method);
          const last = item.segments.length - 1;
          const afterParam = last > 0 && viewSegment(item.segments[last - 1]).kind !== 'literal';
          const writesOnly = methods.length > 0 && methods.every((method) => method === 'post' || method === 'put');
          const where = (index: number): PathContext => ({
            collections,
            postAction: index === last && methods.length > 0 && methods.every((method) => method === 'post'),
            getOnly: index === last && methods.length > 0 && methods.every((method) => method === 'get'),
            followedByParam: index < last && viewSegment(item.segments[index + 1]).kind !== 'literal',
            actionPosition: index === last && afterParam && writesOnly,
            evidenceVerb: index === last ? evidence.actionOf(item) : undefined,
            noun: item.segments[index].kind === 'literal' && evidence.nouns.has(segmentName(item.segments[index].name)),
          });
          check(item.path, item.segments, item.loc, 'key', item.path, 0, where);
        }
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
  const tokens = found.at === 'later' && part.tokens[part.tokens.length - 1] === found.verb ? [found.verb, ...part.tokens.slice(0, -1)] : part.tokens;
  return toCase(tokens.join('-'), 'camel');
}

/** `/idp/password/change-password`, `/users/{id}/getUser`: the object is the resource the path already names. */
function namesParent(rest: string, views: SegmentView[], index: number): boolean {
  const parent = views[index - 1]?.kind === 'literal' ? views[index - 1] : views[index - 1]?.kind === 'param' ? views[index - 2] : undefined;
  if (!parent || parent.kind !== 'literal' || rest === '') return false;
  const name = toCase(parent.text, 'kebab');
  return name === rest || name === pluralOf(rest);
}
