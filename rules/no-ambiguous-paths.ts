import { defineRule } from '../src/engine/rule';
import { normalizePath } from '../src/engine/model/path';

/**
 * `/users/{id}` and `/users/{name}` are one URL template: OpenAPI forbids them together
 * because no request can say which one it means. Templates are compared with parameter
 * names ignored and nothing else: `/users/me` next to `/users/{id}` is fine (a literal
 * segment wins over a parameter), and so is `/users/{id}` next to `/users/{id}/orders`.
 */
export default defineRule({
  meta: {
    id: 'no-ambiguous-paths',
    group: 'naming',
    severity: 'error',
    description: 'No two paths are equal up to parameter names.',
    sources: ['OpenAPI'],
    fix: 'no',
    messages: {
      same: '"{{path}}" is the same URL template as "{{other}}" (only parameter names differ); a request cannot tell them apart: merge the two',
    },
  },
  create(context) {
    const seen = new Map<string, string>();
    return {
      PathItem(item) {
        const key = normalizePath(item.path);
        const other = seen.get(key);
        if (other === undefined) {
          seen.set(key, item.path);
          return;
        }
        context.report({ messageId: 'same', data: { path: item.path, other }, at: item.loc, part: 'key' });
      },
    };
  },
});
