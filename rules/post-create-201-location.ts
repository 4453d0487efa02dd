import { defineRule, type AnyRuleContext } from '../src/engine/rule';
import { declareHeader, hasHeader } from './lib/headers';
import { childLocation, isWithin } from '../src/engine/model/location';
import { splitWords } from '../src/engine/model/path';
import { operationName, type OperationNode, type PathItemNode } from '../src/engine/walk/nodes';
import { effectiveParameters, itemPaths, lastLiteralWords, pathShape, requestSchemas, responseHasBody, responseSchema, responsesOf } from './lib/methods';
import { isPluralOrUncountable, SINGLETONS, TIER1_ALSO_NOUNS, TIER1_VERBS, TIER2_NOUN_HEADS, TIER2_VERBS, UNCOUNTABLES, ACTION_VERBS, VERBS_ALSO_COMPOUND_NOUNS, NOT_CREATION_WORDS, ID_PROPERTY_NAMES } from './lib/words';
import { isObject } from '../src/engine/model/json';
import { is2xxStatus } from '../src/engine/status-ranges';
import { segmentEvidence } from '../src/engine/model/segment-evidence';

/**
 * A POST that creates a resource in a collection answers 201 Created with a `Location`
 * header naming the new resource (RFC 9110 §15.3.2). Two reports:
 * - the POST documents 201 without a `Location` header;
 * - the POST documents only 200, to a collection whose item path exists, with a request body,
 *   and the 200 body is the item (the item GET's schema, or an object with an `id`).
 * Exempt: actions (`/files/{id}/copy`, `/remove-token`), searches, batches (`bulk`, 207),
 * token exchanges (`/oauth/token`), and 202 Accepted (async-202-monitor covers it).
 */
export default defineRule({
  meta: {
    id: 'post-create-201-location',
    group: 'methods',
    severity: 'warn',
    description: 'POST to a collection answers 201 Created with a Location header (or 202).',
    sources: ['RFC 9110 §15.3.2', 'MSW'],
    fix: 'doc',
    messages: {
      liveNoLocation: '{{operation}} answered 201 without a Location header; add one with the URI of the created resource',
      liveNot201: '{{operation}} answered {{status}} where it documents 201 Created; answer 201 with a Location header naming the created resource',
      noLocation: '{{operation}}: 201 response has no Location header; add one with the URI of the created resource ({{item}})',
      noLocationNoItem: '{{operation}}: 201 response has no Location header; add one with the URI of the created resource',
      noLocationShared: '201 response "{{component}}" has no Location header; add one with the URI of the created resource',
      use201: '{{operation}} creates a resource but documents only 200; answer 201 Created with a Location header naming it ({{item}})',
    },
  },
  create(context) {
    // Offered only (`doc`): the document may declare Location only where the server sends it.
    const declareLocation = (response: Parameters<typeof hasHeader>[0]) => declareHeader(response, context.version, 'Location', 'the URI of the created resource', 'uri');
    return {
      'Document:exit'(document) {
        const items = itemPaths(document.pathItems);
        const evidence = segmentEvidence(document);
        for (const item of document.pathItems) {
          const post = item.operations.find((operation) => operation.method === 'post');
          // The document's own words can make the segment an action (`POST /users/{id}/suspend`, "Suspend a user").
          if (!post || evidence.actionOf(item) !== undefined || !isCreation(item, post)) continue;
          const itemPath = items.get(pathShape(item.segments));
          // A token exchange (`/access_tokens`, `/oauth/tokens`) creates nothing a client can address.
          const words = lastLiteralWords(item.segments)?.words ?? [];
          const head = words.at(-1) ?? '';
          const collection = words.join('');
          if (!itemPath && head === 'tokens') continue;
          // A singular name with no item path is a singleton: the resource a 201 creates is the
          // target URI itself, which is what a 201 without Location means (RFC 9110 §15.3.2).
          if (!itemPath && (!isPluralOrUncountable(head) || UNCOUNTABLES.has(head))) continue;
          const responses = responsesOf(post, context.resolve);
          const statuses = new Set(responses.map((response) => response.status));
          if (statuses.has('202') || statuses.has('207')) continue;
          const name = operationName(post);
          const created = responses.find((response) => response.status === '201');
          if (created) {
            if (hasHeader(created, 'Location')) continue;
            // A batch creation (the 201 body is a list) has no single URI to point to.
            const body = responseSchema(created, context.version, context.resolve);
            if (body && isArraySchema(body.value)) continue;
            // Adding members to a relationship (`/issues/{n}/assignees`, Spotify's playlist
            // tracks) answers with the parent or a receipt, not a new resource.
            if (body && body.value === parentSchema(item, document.pathItems, context)) continue;
            if (body && describesProperties(body.value)) {
              const item = looksLikeItem(body.value, itemPath && itemSchema(itemPath, context), context, body.loc, collection);
              if ((!itemPath || !item) && addsMany(post, collection, context)) continue;
            }
            if (isWithin(created.loc, post.loc)) {
              const messageId = itemPath ? 'noLocation' : 'noLocationNoItem';
              context.report({ messageId, data: { operation: name, item: itemPath?.path ?? '' }, at: created.loc, part: 'key', fix: declareLocation(created) });
            } else {
              // `#/components/responses/Created`, or a file of its own (`responses/created.yml`).
              const component = created.loc.pointer[created.loc.pointer.length - 1] ?? created.loc.file.path.split('/').pop() ?? '';
              context.report({ messageId: 'noLocationShared', data: { component }, at: created.loc, part: 'key', usedBy: name, fix: declareLocation(created) });
            }
            continue;
          }
          // Only 200: report when the evidence says it creates an item of this collection.
          const successes = responses.filter((response) => /^2/.test(response.status));
          if (!itemPath || successes.length !== 1 || successes[0].status !== '200') continue;
          const ok = successes[0];
          // A body listing many items (Xero's `{ Invoices: [...] }`) is a batch upsert, which 200 fits.
          if (!responseHasBody(ok.value, context.version) || !hasRequestBody(post, context) || addsMany(post, collection, context)) continue;
          const schema = responseSchema(ok, context.version, context.resolve);
          if (!schema || !looksLikeItem(schema.value, itemSchema(itemPath, context), context, schema.loc, collection)) continue;
          context.report({ messageId: 'use201', data: { operation: name, item: itemPath.path }, at: childLocation(post.loc, 'responses', '200'), part: 'key' });
        }
      },
    };
  },
  probe: { needs: ['writes'] },
  live(context) {
    return {
      exchange(ex) {
        const { request, response } = ex;
        if (!response) return;
        // A create that documents 201 and answers another success, whatever `default` says (it describes errors).
        const operation = request.operation;
        if (request.purpose === 'valid' && request.method === 'POST' && operation?.method === 'post' && is2xxStatus(response.status) && response.status !== 201) {
          const documented = new Set(operation.responses.map((candidate) => candidate.status.trim()));
          if (documented.has('201') && !documented.has(String(response.status))) context.report({ messageId: 'liveNot201', exchange: ex });
          return;
        }
        if (response.status !== 201 || response.headers.location !== undefined) return;
        context.report({ messageId: 'liveNoLocation', exchange: ex, detail: '(no Location header)' });
      },
    };
  },
});

type Context = AnyRuleContext;

/** Whether a POST on this path reads as creating an item: a literal collection segment, not an action, search, batch or token exchange. */
function isCreation(item: PathItemNode, post: OperationNode): boolean {
  const last = lastLiteralWords(item.segments);
  if (!last || last.words.length === 0) return false;
  const { words } = last;
  const first = words[0];
  const head = words[words.length - 1];
  const operationWords = typeof post.value.operationId === 'string' ? splitWords(post.value.operationId) : [];
  if (SINGLETONS.has(head)) return false;
  if (words.some((word) => NOT_CREATION_WORDS.has(word)) || operationWords.some((word) => word === 'batch' || word === 'bulk')) return false;
  // `/login`, `/copy`, `/export` are actions; `/exports`, `/reviews` are collections.
  if (words.length === 1) return !TIER1_VERBS.has(first) && !TIER2_VERBS.has(first) && !ACTION_VERBS.has(first);
  // `sign_requests`, `deploy_keys`, `change_tags`: a verb that is also a noun, before a plural, names a collection.
  if (TIER1_VERBS.has(first) || ACTION_VERBS.has(first)) return (TIER1_ALSO_NOUNS.has(first) || VERBS_ALSO_COMPOUND_NOUNS.has(first)) && isPluralOrUncountable(head);
  if (TIER2_VERBS.has(first)) return TIER2_NOUN_HEADS.has(head);
  return true;
}

/** The schema GET answers with on the path one literal segment up (`/issues/{n}` for `/issues/{n}/assignees`). */
function parentSchema(item: PathItemNode, all: readonly PathItemNode[], context: Context): Record<string, unknown> | undefined {
  const shape = pathShape(item.segments.slice(0, -1));
  const parent = all.find((other) => other.segments.length === item.segments.length - 1 && pathShape(other.segments) === shape);
  return parent ? itemSchema(parent, context) : undefined;
}

/**
 * Whether the request body lists several things to add: an array body; an object whose
 * required properties, or whose only property, are arrays (`{ assignees: [...] }`); or an
 * array named after the collection (Xero's `POST /Invoices` with `{ Invoices: [...] }`).
 */
function addsMany(post: OperationNode, collection: string, context: Context): boolean {
  const bare = (name: string) => name.toLowerCase().replace(/[-_]/g, '');
  return requestSchemas(post, context.version, context.resolve).some(({ value, loc }) => {
    if (isArraySchema(value)) return true;
    if (!isObject(value.properties)) return false;
    const properties = value.properties;
    const isArray = (key: string) => {
      const property = context.resolve(properties[key], childLocation(loc, 'properties', key));
      return property !== undefined && isObject(property.value) && isArraySchema(property.value);
    };
    if (Object.keys(properties).some((key) => bare(key) === collection && isArray(key))) return true;
    const required = Array.isArray(value.required) ? value.required.filter((name): name is string => typeof name === 'string') : [];
    const names = required.length > 0 ? required : Object.keys(properties);
    if (names.length === 0) return false;
    return names.every(isArray);
  });
}

function hasRequestBody(post: OperationNode, context: Context): boolean {
  if (context.version !== '2.0') return post.value.requestBody !== undefined;
  return effectiveParameters(post, context.resolve).some((parameter) => parameter.value.in === 'body' || parameter.value.in === 'formData');
}

/** The schema the item path's GET answers with, if any. */
function itemSchema(itemPath: PathItemNode, context: Context): Record<string, unknown> | undefined {
  const get = itemPath.operations.find((operation) => operation.method === 'get');
  if (!get) return undefined;
  const ok = responsesOf(get, context.resolve).find((response) => response.status === '200');
  return ok ? responseSchema(ok, context.version, context.resolve)?.value : undefined;
}

/**
 * The item GET's own schema, or an object (directly or through allOf) with an id property:
 * `id`, `uuid`, `gid`, `sid`, or the collection's name plus Id (`cableTestId` in `/cableTest`);
 * never an array.
 */
function looksLikeItem(
  schema: Record<string, unknown>,
  item: Record<string, unknown> | undefined,
  context: Context,
  at: Parameters<Context['resolve']>[1],
  collection: string,
): boolean {
  if (item && schema === item) return true;
  if (isArraySchema(schema)) return false;
  const parts = [schema];
  if (Array.isArray(schema.allOf)) {
    schema.allOf.forEach((part, index) => {
      const resolved = context.resolve(part, childLocation(at, 'allOf', String(index)));
      if (resolved && isObject(resolved.value)) parts.push(resolved.value);
    });
  }
  const own = `${collection.toLowerCase().replace(/s$/, '')}id`;
  const isId = (key: string) => {
    const bare = key.toLowerCase().replace(/[-_]/g, '');
    return ID_PROPERTY_NAMES.has(bare) || bare === own;
  };
  return parts.some((part) => isObject(part.properties) && Object.keys(part.properties).some(isId));
}

/** Whether a schema lists its properties (a bare `type: object` says nothing about the body). */
function describesProperties(schema: Record<string, unknown>): boolean {
  return isObject(schema.properties) && Object.keys(schema.properties).length > 0;
}

function isArraySchema(schema: Record<string, unknown>): boolean {
  return schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
}
