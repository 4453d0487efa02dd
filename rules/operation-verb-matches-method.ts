import { defineRule, type AnyRuleContext } from '../src/engine/rule';
import { childLocation } from '../src/engine/model/location';
import { splitWords } from '../src/engine/model/path';
import { operationName, type OperationNode } from '../src/engine/walk/nodes';
import { effectiveParameters, isEmptyRequestBody } from './lib/methods';
import { isPluralOrUncountable, TIER1_VERBS, TIER2_VERBS, SEGMENT_ACTION_VERBS, UPSERT_SECOND_VERBS } from './lib/words';

type Family = 'read' | 'search' | 'create' | 'update' | 'replace' | 'delete';

/** Verbs that name a standard method, and the methods each fits. */
const FAMILIES: ReadonlyMap<string, Family> = new Map<string, Family>([
  ['get', 'read'], ['list', 'read'], ['find', 'read'], ['fetch', 'read'], ['retrieve', 'read'], ['read', 'read'],
  ['search', 'search'],
  ['create', 'create'], ['add', 'create'], ['insert', 'create'], ['new', 'create'],
  ['update', 'update'], ['modify', 'update'], ['edit', 'update'], ['set', 'update'],
  ['replace', 'replace'],
  ['delete', 'delete'], ['remove', 'delete'], ['destroy', 'delete'],
]);

const FITS: Record<Family, readonly string[]> = {
  read: ['GET', 'HEAD'],
  search: ['GET', 'HEAD', 'POST'],
  // PUT creates a resource at a URI the client chooses (`PUT /repos/{r}/collaborators/{user}` to add one).
  create: ['POST', 'PUT'],
  update: ['PATCH', 'PUT'],
  replace: ['PUT'],
  delete: ['DELETE'],
};

/** Third-person forms in summaries: `Gets`, `Lists`, `Fetches`, `Modifies`. */
function baseForm(word: string): string {
  if (FAMILIES.has(word)) return word;
  for (const [suffix, replacement] of [['ies', 'y'], ['es', ''], ['s', '']]) {
    if (word.endsWith(suffix) && FAMILIES.has(word.slice(0, -suffix.length) + replacement)) return word.slice(0, -suffix.length) + replacement;
  }
  return word;
}

/**
 * The verb an operation's name starts with fits its method: get/list/find/fetch/retrieve/read
 * are GET, search is GET or POST, create/add/insert/new are POST (or PUT at a chosen URI),
 * update/modify/edit/set are PATCH or PUT, replace is PUT, delete/remove/destroy are DELETE.
 * The verb is the first word of the operationId (after a `namespace/` or `namespace.`
 * prefix), or when that is no such verb, of the summary.
 *
 * Not reported, where POST is the right method for a named verb:
 * - a read or delete with a request body: a query too complex for a URL (get-no-body
 *   recommends POST), a removal of many (delete-no-body recommends a batch POST); but a
 *   read tunnelled through a verb segment (`POST /getUser`, Plaid's `POST /asset_report/get`)
 *   is reported;
 * - an update through an action segment (`POST /tasks/{id}/setParent`, `/make-default`):
 *   a custom method, which no-verb-in-path judges;
 * - upserts (`updateOrCreate…`, "Create or update …"), `set up` (creates), and
 *   "remove … from …" on PUT/PATCH (Box's shared link removal updates the file).
 */
export default defineRule({
  meta: {
    id: 'operation-verb-matches-method',
    group: 'methods',
    severity: 'warn',
    description: 'The verb in an operationId or summary fits the HTTP method.',
    sources: ['RFC 9110 §9.2.1'],
    fix: 'no',
    messages: {
      operationId: '{{operation}}: operationId "{{name}}" starts with "{{verb}}", an action for {{expected}}, not {{method}}; use {{expected}}, or name the operation for what {{method}} does',
      summary: '{{operation}}: summary starts with "{{verb}}", an action for {{expected}}, not {{method}}; use {{expected}}, or describe the operation for what {{method}} does',
    },
  },
  create(context) {
    return {
      Operation(operation) {
        const method = operation.method.toUpperCase();
        if (!['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(method)) return;
        const found = verbOf(operation);
        if (!found) return;
        const { family, words } = found;
        if (FITS[family].includes(method)) return;
        if (excused(family, method, words, operation, context)) return;
        const expected = FITS[family].filter((fit) => fit !== 'HEAD').join(' or ');
        const data = { operation: operationName(operation), name: found.text, verb: found.verbText, expected, method };
        context.report({
          messageId: found.source,
          data,
          at: childLocation(operation.loc, found.source),
          within: { text: found.text, start: found.start, end: found.start + found.verbText.length },
        });
      },
    };
  },
});

interface FoundVerb {
  source: 'operationId' | 'summary';
  text: string;
  family: Family;
  /** The words of the name, lowercased. */
  words: string[];
  verbText: string;
  start: number;
}

function verbOf(operation: OperationNode): FoundVerb | undefined {
  const { operationId, summary } = operation.value;
  if (typeof operationId === 'string' && operationId !== '') {
    // `repos/delete-x` (GitHub), `chat.delete` (Slack-style): the verb follows the namespace.
    const start = Math.max(operationId.lastIndexOf('/'), operationId.lastIndexOf('.')) + 1;
    const name = operationId.slice(start);
    const words = splitWords(name);
    let family = words[0] === undefined ? undefined : FAMILIES.get(words[0]);
    // `newUser` creates; `getNewReleases` reads, and `newReleases` is an adjective before a plural.
    if (words[0] === 'new' && (words.length < 2 || isPluralOrUncountable(words[1]))) family = undefined;
    if (family) {
      const verbText = name.slice(0, name.toLowerCase().indexOf(words[0]) + words[0].length);
      return { source: 'operationId', text: operationId, family: refine(family, words), words, verbText: verbText.replace(/^[^A-Za-z]+/, ''), start: start + verbText.search(/[A-Za-z]/) };
    }
  }
  if (typeof summary === 'string') {
    const match = /^\s*([A-Za-z]+)/.exec(summary);
    if (!match) return undefined;
    const words = summary.split(/[^A-Za-z]+/).filter(Boolean).map((word) => word.toLowerCase());
    const base = baseForm(match[1].toLowerCase());
    // In prose, "New releases" and "News" are no verbs.
    const family = base === 'new' || match[1].toLowerCase() === 'news' ? undefined : FAMILIES.get(base);
    if (family) return { source: 'summary', text: summary, family: refine(family, [base, ...words.slice(1)]), words: [base, ...words.slice(1)], verbText: match[1], start: summary.indexOf(match[1]) };
  }
  return undefined;
}

/** `set up` creates; `updateOrCreate…` and "Create or update" are upserts (create family, which also fits PUT; PATCH checked below). */
function refine(family: Family, words: string[]): Family {
  if (words[0] === 'set' && words[1] === 'up') return 'create';
  return family;
}

function excused(family: Family, method: string, words: string[], operation: OperationNode, context: AnyRuleContext): boolean {
  // Upserts: "Create or update", `updateOrCreateInvoices`, `createOrReplace…`.
  const or = words.indexOf('or');
  if (or > 0 && or < 3 && UPSERT_SECOND_VERBS.includes(words[or + 1] ?? '') && ['POST', 'PUT', 'PATCH'].includes(method)) return true;
  // "Remove the shared link from a file" with PUT or PATCH changes the file.
  if (family === 'delete' && (method === 'PUT' || method === 'PATCH') && words.includes('from')) return true;
  if (method !== 'POST') return false;
  // Batch operations go through POST (AIP-233..235): `orgs/delete-attestations-bulk`.
  if (words.includes('bulk') || words.includes('batch')) return true;
  const last = operation.pathItem.segments[operation.pathItem.segments.length - 1];
  const lastWords = last && last.kind === 'literal' ? splitWords(last.name) : [];
  const actionSegment = last !== undefined && (last.customMethod !== undefined ||
    (lastWords.length > 0 && (TIER1_VERBS.has(lastWords[0]) || TIER2_VERBS.has(lastWords[0]) || SEGMENT_ACTION_VERBS.has(lastWords[0]))));
  // A verb segment of the same family (`POST /getUser`, `/asset_report/remove`, `/paypal/updateOrder`) tunnels the method.
  const tunnelled = lastWords.length > 0 && FAMILIES.get(lastWords[0]) === family;
  // A POST to a collection named after the action (`/payments/{id}/amountUpdates`) creates a resource for it.
  if (lastWords.some((word) => word === `${words[0]}s` || word === `${words[0]}es`)) return true;
  // A read with a body: a query too complex for a URL, which get-no-body sends to POST.
  if (family === 'read') return !tunnelled && hasRequestBody(operation, context);
  // A removal with a body: a batch, which delete-no-body sends to POST.
  if (family === 'delete' && !tunnelled && hasRequestBody(operation, context)) return true;
  if (family === 'delete' && tunnelled && hasRequestBody(operation, context) && words.includes('from')) return true;
  // A custom action that is not the named verb (`/credentials/{id}/revoke`, `/levels:trim`, `/change-password`).
  return actionSegment && !tunnelled;
}

function hasRequestBody(operation: OperationNode, context: AnyRuleContext): boolean {
  if (context.version !== '2.0') {
    const body = operation.value.requestBody;
    return body !== undefined && !isEmptyRequestBody(body, childLocation(operation.loc, 'requestBody'), context.resolve);
  }
  return effectiveParameters(operation, context.resolve).some((parameter) => parameter.value.in === 'body' || parameter.value.in === 'formData');
}
