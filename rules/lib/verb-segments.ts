/**
 * How no-verb-in-path reads a segment, shared with the naming rules whose advice must agree
 * with it (path-kebab-case and path-no-underscore stay silent on a segment it reports, whose
 * fix is the one rename it suggests).
 */
import type { DocumentNode, PathItemNode, ServerNode } from '../../src/engine/walk/nodes';
import type { PathSegment } from '../../src/engine/model/path';
import { segmentEvidence, segmentName } from '../../src/engine/model/segment-evidence';
import { toCase } from './casing';
import { ACTION_PREFIXES, ACTION_VERBS, HTTP_METHOD_TOKENS, NOUNS_WHEN_ALONE, PHRASAL_PARTICLES, TIER1_ALSO_NOUNS, TIER1_VERBS, TIER2_NOUN_HEADS, TIER2_CONTRADICTED_BY_GET, TIER2_VERBS, TIER2_ACTION_VERBS, isPluralOrUncountable, laterVerbOf, viewSegment, type SegmentView, type WordPart } from './words';

export interface NoVerbInPathOptions {
  /** Words never reported, though they are in the verb lists (`sync`, `search`). */
  allowVerbs: string[];
  /** More words reported like tier 1 verbs (`enqueue`, `archive`). */
  extraVerbs: string[];
}

/** What the rule knows about the path a segment is in: nothing, for a server's base path. */
export interface PathContext {
  /** Literal segment names that some path follows with a `{param}`: collections, so nouns. */
  collections: ReadonlySet<string>;
  /** The segment is the path's last, and the path item's operations are all POST or PUT: an action endpoint. */
  writesOnlyEnd: boolean;
  /** The segment is the path's last and the path item answers GET only. */
  getOnly: boolean;
  followedByParam: boolean;
  /**
   * The segment is the path's last (not its only one), and the path answers POST or PUT only
   * (`POST /charges/{id}/capture`, `POST /item/public_token/exchange`): where the lexicon's
   * action verbs are reported.
   */
  actionPosition: boolean;
  /** The word of the segment the path's own operationId, summary or description uses as a verb. */
  evidenceVerb?: string;
  /** The document uses the segment's name as a noun: a collection (`/archives/{id}`) or a thing GET returns. */
  noun: boolean;
}

/** A verb found in a segment part, and whether it is the part's first token. */
export interface FoundVerb {
  verb: string;
  /** `start`: the part starts with it (`getUsers`); `later`: it follows a prefix or an object (`bulk-delete`, `report-run`). */
  at: 'start' | 'later';
  /** An ordinary action rather than a CRUD verb: suggested as an AIP-136 custom method (`:capture`, `:markAllDone`). */
  action: boolean;
}

export interface VerbReader {
  /** The verb of a part of a segment, if no-verb-in-path reports it there. */
  verbOf(part: WordPart, view: SegmentView, where: PathContext, partIndex?: number): FoundVerb | undefined;
  isTier1(word: string): boolean;
}

/** no-verb-in-path's reading of segments, with its options. */
export function verbReader(options: NoVerbInPathOptions): VerbReader {
  const lower = (list: readonly string[]) => new Set(list.map((word) => word.toLowerCase()));
  const allowed = lower(options.allowVerbs);
  const extra = lower(options.extraVerbs);
  const isTier1 = (word: string) => !allowed.has(word) && (TIER1_VERBS.has(word) || extra.has(word));
  const isTier2 = (word: string) => !allowed.has(word) && TIER2_VERBS.has(word);

  /** The verb of a part of a segment, if the rule reports it there. */
  const verbOf = (part: WordPart, view: SegmentView, where: PathContext, partIndex = 0): FoundVerb | undefined => {
    const [first, second] = part.tokens;
    if (first === undefined) return undefined;
    // Where the path is clearly an action: its last segment on a POST/PUT-only path (not its only
    // segment), or the last `.` part of that segment (Slack's `/conversations.archive`; not
    // `admin.inviteRequests.approve`'s `inviteRequests`).
    const lastPart = partIndex === view.parts.length - 1;
    const actionHere = !where.noun && lastPart && (where.actionPosition || (partIndex > 0 && where.writesOnlyEnd));
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
      if (TIER1_ALSO_NOUNS.has(first) && !extra.has(first)) return where.writesOnlyEnd && !where.noun ? { verb: first, at: 'start', action: false } : undefined;
      return { verb: first, at: 'start', action: false };
    }
    // The ordinary actions of real APIs (`capture`, `finalize`, `markAllDone`) and compounds
    // whose verb comes later (`bulk-delete`, `report-run`), where the path is clearly an action.
    if (actionHere) {
      if (ACTION_VERBS.has(first) && !allowed.has(first)) return { verb: first, at: 'start', action: true };
      const later = laterVerbOf(part.tokens);
      if (later && !allowed.has(later.verb)) return { verb: later.verb, at: 'later', action: true };
    }
    if (!isTier2(first)) return undefined;
    // Alone, only where the method contradicts it (`GET /user/logout`), or a clearly verbal one where the path is an action (`PUT /workflows/{name}/stop`).
    if (part.tokens.length === 1) return (TIER2_CONTRADICTED_BY_GET.has(first) && where.getOnly) || (actionHere && TIER2_ACTION_VERBS.has(first)) ? { verb: first, at: 'start', action: false } : undefined;
    // A compound: `searchUsers` is a verb and its object; `check-runs`, `access_tokens`, and
    // anything used as a collection (`/report_runs/{id}`) are noun phrases.
    const head = part.tokens[part.tokens.length - 1];
    if (TIER2_NOUN_HEADS.has(head) && !(actionHere && TIER2_ACTION_VERBS.has(first) && !isPluralOrUncountable(head))) return undefined;
    if (where.followedByParam || where.collections.has(toCase(view.text, 'kebab'))) return undefined;
    return { verb: first, at: 'start', action: false };
  };

  return { verbOf, isTier1 };
}

/** What a server's base path tells about its segments: only which are followed by a parameter. */
export function serverContext(server: ServerNode): (index: number) => PathContext {
  return (index) => ({
    collections: new Set(),
    writesOnlyEnd: false,
    getOnly: false,
    actionPosition: false,
    noun: false,
    followedByParam: server.segments[index + 1] !== undefined && viewSegment(server.segments[index + 1]).kind !== 'literal',
  });
}

/** What the document tells about each path's segments: its collections, methods and own words. */
export function pathContexts(document: DocumentNode): (item: PathItemNode) => (index: number) => PathContext {
  const evidence = segmentEvidence(document);
  const collections = new Set<string>();
  for (const item of document.pathItems) {
    const views = item.segments.map(viewSegment);
    views.forEach((view, index) => {
      const next = views[index + 1];
      if (view.kind === 'literal' && next && next.kind !== 'literal') collections.add(toCase(view.text, 'kebab'));
    });
  }
  return (item) => {
    const methods = item.operations.map((operation) => operation.method);
    const last = item.segments.length - 1;
    const writesOnly = methods.length > 0 && methods.every((method) => method === 'post' || method === 'put');
    return (index) => ({
      collections,
      writesOnlyEnd: index === last && writesOnly,
      getOnly: index === last && methods.length > 0 && methods.every((method) => method === 'get'),
      followedByParam: index < last && viewSegment(item.segments[index + 1]).kind !== 'literal',
      actionPosition: index === last && index > 0 && writesOnly,
      evidenceVerb: index === last ? evidence.actionOf(item) : undefined,
      noun: item.segments[index].kind === 'literal' && evidence.nouns.has(segmentName(item.segments[index].name)),
    });
  };
}

/**
 * The segments no-verb-in-path reports in a document (its path keys and server base paths),
 * for the naming rules that leave them to it. Kept per document and options.
 */
export function verbSegments(document: DocumentNode, options: NoVerbInPathOptions): ReadonlySet<PathSegment> {
  const key = JSON.stringify(options);
  const known = remembered.get(document) ?? new Map<string, Set<PathSegment>>();
  remembered.set(document, known);
  let found = known.get(key);
  if (!found) {
    found = new Set();
    const { verbOf } = verbReader(options);
    const add = (segments: PathSegment[], where: (index: number) => PathContext) => {
      segments.forEach((segment, index) => {
        const view = viewSegment(segment);
        if (view.kind === 'literal' && view.parts.some((part, partIndex) => verbOf(part, view, where(index), partIndex) !== undefined)) found?.add(segment);
      });
    };
    const contextOf = pathContexts(document);
    for (const item of document.pathItems) add(item.segments, contextOf(item));
    for (const server of document.servers) add(server.segments, serverContext(server));
    known.set(key, found);
  }
  return found;
}

const remembered = new WeakMap<DocumentNode, Map<string, Set<PathSegment>>>();
