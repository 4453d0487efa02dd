import { defineRule } from '../src/engine/rule';
import { splitWords } from '../src/engine/model/path';
import type { PathItemNode } from '../src/engine/walk/nodes';
import { itemPaths, pathShape } from './lib/methods';
import { isPluralOrUncountable, QUALIFIERS, SINGLETONS, TIER1_VERBS, TIER2_VERBS } from './lib/words';

/**
 * PUT replaces one resource with the representation sent. A PUT on a collection (`PUT /users`,
 * Xero's `PUT /Invoices` to create, Petstore's `PUT /pet` to update) replaces or creates items
 * without naming them. A path counts as a collection when the document also has its item path
 * (`/users/{id}` next to `/users`): that evidence keeps singleton sub-resources
 * (`/users/{id}/profile`, `/settings`) and whole-document lists (Meraki's
 * `/appliance/firewall/l3FirewallRules`) out. Singleton names and action segments
 * (`/merge-async`) are exempt even then, and so is a singular name with no POST
 * (`/online-migration`, whose `/{migration_id}` items are past migrations).
 */
export default defineRule({
  meta: {
    id: 'put-targets-item',
    group: 'methods',
    severity: 'warn',
    description: 'PUT replaces one resource, not a collection.',
    sources: ['RFC 9110 §9.3.4', 'MSW'],
    fix: 'no',
    messages: {
      collection: 'PUT {{path}} targets the collection "{{segment}}" (its items are at {{item}}); PUT replaces one resource: use PUT {{item}} to replace an item, POST {{path}} to add items',
    },
  },
  create(context) {
    return {
      'Document:exit'(document) {
        const items = itemPaths(document.pathItems);
        for (const item of document.pathItems) {
          const put = item.operations.find((operation) => operation.method === 'put');
          if (!put) continue;
          const segment = collectionSegment(item);
          if (!segment) continue;
          const itemPath = items.get(pathShape(item.segments))?.path;
          if (!itemPath) continue;
          context.report({ messageId: 'collection', data: { path: item.path, segment, item: itemPath }, at: put.loc, part: 'key' });
        }
      },
    };
  },
});

/** The last segment's text when it can name a collection: a literal, not a singleton or an action. */
function collectionSegment(item: PathItemNode): string | undefined {
  const last = item.segments[item.segments.length - 1];
  if (!last || last.kind !== 'literal' || last.customMethod !== undefined) return undefined;
  const words = splitWords(last.name);
  const head = words[words.length - 1];
  if (!head || SINGLETONS.has(head) || QUALIFIERS.has(head)) return undefined;
  if (words.length === 1 && (TIER1_VERBS.has(head) || TIER2_VERBS.has(head))) return undefined;
  // A singular name is a collection only if items are also created there (Petstore's `/pet`);
  // otherwise it is a singleton with a history below it (`/online-migration/{migration_id}`).
  if (!isPluralOrUncountable(head) && !item.operations.some((operation) => operation.method === 'post')) return undefined;
  return last.text;
}
