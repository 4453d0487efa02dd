import { defineRule } from '../src/engine/rule';
import { splitWords } from '../src/engine/model/path';
import { CRUD_CUSTOM_METHODS, pluralOf, viewSegment, type StandardMethod } from './lib/words';

/** The HTTP method of each standard method (AIP-131..135), and whether it targets the collection. */
const STANDARD: Record<StandardMethod, { http: string; onCollection: boolean }> = {
  Get: { http: 'GET', onCollection: false },
  List: { http: 'GET', onCollection: true },
  Create: { http: 'POST', onCollection: true },
  Update: { http: 'PATCH', onCollection: false },
  Replace: { http: 'PUT', onCollection: false },
  Delete: { http: 'DELETE', onCollection: false },
};

/**
 * A custom method (AIP-136: `/orders/{id}:cancel`) is for actions the standard methods
 * cannot express. One that restates CRUD (`:get`, `:list`, `:create`, `:update`, `:delete`,
 * or the verb with the resource's own name, `/orders:createOrder`) hides a standard method.
 * Verbs with another object (`:addAuthor`, AIP-144) and the batch methods
 * (`:batchCreate`, AIP-231..235) are not CRUD restated.
 */
export default defineRule({
  meta: {
    id: 'no-crud-custom-method',
    group: 'naming',
    severity: 'warn',
    description: 'Custom methods (`:cancel`) do not restate a standard method (`:create`, `:delete`, `:list`).',
    sources: ['AZ', 'AIP-136'],
    fix: 'no',
    messages: {
      crud: '"{{path}}": custom method ":{{method}}" restates the standard {{standard}} method; use {{http}} "{{target}}" instead',
    },
  },
  create(context) {
    return {
      PathItem(item) {
        const views = item.segments.map(viewSegment);
        views.forEach((view, index) => {
          if (!view.customMethod || view.customMethodAt === undefined) return;
          // The resource the method acts on: `orders` in `/orders:list` and in `/orders/{id}:delete`.
          const resource = view.kind === 'literal' ? view.parts : views[index - 1]?.kind === 'literal' ? views[index - 1].parts : [];
          const resourceWords = resource.length > 0 ? resource[resource.length - 1].tokens : [];
          const standard = standardMethod(splitWords(view.customMethod), resourceWords);
          if (!standard) return;
          const { http, onCollection } = STANDARD[standard];
          const segment = view.segment;
          const colon = segment.start + view.customMethodAt;
          const path = item.path;
          const withoutMethod = path.slice(0, colon) + path.slice(segment.start + view.text.length);
          const target = onCollection && view.kind !== 'literal' ? path.slice(0, segment.start - 1) || '/' : withoutMethod;
          context.report({
            messageId: 'crud',
            data: { path, method: view.customMethod, standard, http, target },
            at: item.loc,
            part: 'key',
            within: { text: path, start: colon, end: segment.start + view.text.length },
          });
        });
      },
    };
  },
});

/** `delete` → Delete; `createOrder` on `orders` → Create; `batchCreate`, `addAuthor`, `cancel` → none. */
function standardMethod(method: string[], resource: string[]): StandardMethod | undefined {
  const standard = CRUD_CUSTOM_METHODS.get(method[0] ?? '');
  if (!standard) return undefined;
  if (method.length === 1) return standard;
  const rest = method.slice(1);
  if (resource.length === 0) return undefined;
  const same = (a: string[], b: string[]) => a.join('-') === b.join('-');
  const pluralized = (list: string[]) => [...list.slice(0, -1), pluralOf(list[list.length - 1])];
  return same(rest, resource) || same(pluralized(rest), resource) || same(rest, pluralized(resource)) ? standard : undefined;
}
