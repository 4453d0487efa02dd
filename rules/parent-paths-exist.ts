import { defineRule } from '../src/engine/rule';
import { requestPath } from '../src/engine/model/path';
import { normalizePath, parsePath } from '../src/engine/model/path';
import { continuesKey, customMethodStart, extensionOf, isIdentifier } from './lib/path-shape';
import { REPRESENTATION_EXTENSIONS } from './lib/words';

/**
 * `/users/{userId}/orders` implies that `/users/{userId}` and `/users` exist: a client walks
 * up a path and expects each parent to answer. Parents are looked up in `paths` only (server
 * base paths are not resources), with parameter names ignored (`/users/{id}` stands for
 * `/users/{userId}`), and a representation extension or trailing slash ignored
 * (`/users/{id}.json` stands for `/users/{id}`).
 *
 * Only parents that are resources are required: one that ends with an identifier
 * (`/users/{userId}`), and a collection directly followed by an identifier (`/users`).
 * Namespaces and groupings (`/v1`, `/api`, `/users/{id}/settings` below
 * `/users/{id}/settings/email`) are not, and neither is the first part of a compound key
 * (`/repos/{owner}` in `/repos/{owner}/{repo}`; see `continuesKey`).
 *
 * Live: the prober asks the API for such missing parents (`GET /users/7` after a 2xx from
 * `GET /users/7/orders`), and a 404 is reported.
 */
export default defineRule({
  meta: {
    id: 'parent-paths-exist',
    group: 'naming',
    severity: 'info',
    description: 'Every parent resource of a path is itself a path.',
    sources: ['Z#143'],
    fix: 'no',
    messages: {
      missing: '"{{path}}" lies below "{{parent}}", which is not in paths; add "{{parent}}" so clients can walk up to it',
      liveMissing: '{{request}}, a parent of {{operation}}, answered 404; a client that walks up the path finds nothing there: serve the parent resource',
    },
  },
  probe: { needs: ['parent'], missingParents },
  live(context) {
    return {
      exchange(exchange) {
        if (exchange.request.purpose === 'parent' && exchange.response?.status === 404) context.report({ messageId: 'liveMissing', exchange });
      },
    };
  },
  create(context) {
    return {
      'Document:exit'(document) {
        const existing = new Set(document.pathItems.map((item) => normalizePath(resourcePath(item.path))));
        const reported = new Set<string>();
        for (const item of document.pathItems) {
          const path = resourcePath(item.path);
          for (const end of parentEnds(path)) {
            const parent = path.slice(0, end);
            const key = normalizePath(parent);
            if (existing.has(key) || reported.has(key)) continue;
            reported.add(key);
            context.report({
              messageId: 'missing',
              data: { path: item.path, parent },
              at: item.loc,
              part: 'key',
              within: { text: item.path, start: 0, end },
            });
          }
        }
      },
    };
  },
});

/**
 * Where the parent resources of a path end (offsets into it): after an identifier, and after
 * a collection followed by one; `/orders/{id}:cancel` acts on `/orders/{id}`.
 */
function parentEnds(path: string): number[] {
  const segments = parsePath(path);
  const ends: number[] = [];
  segments.forEach((segment, index) => {
    const next = segments[index + 1];
    if (!next) return;
    const endsWithId = isIdentifier(segment) && !(isIdentifier(next) && continuesKey(segments, index + 1));
    const collection = segment.kind === 'literal' && customMethodStart(segment) === -1 && isIdentifier(next);
    if (endsWithId || collection) ends.push(segment.end);
  });
  const last = segments[segments.length - 1];
  const method = last ? customMethodStart(last) : -1;
  if (last && method !== -1) ends.push(last.start + method);
  return ends;
}

/**
 * The parent resources of a path that the document does not list (as `lint` reports them),
 * each with how many segments of the path it keeps: the prober asks the live API for them.
 */
function missingParents(path: string, documented: readonly string[]): { parent: string; segments: number }[] {
  const existing = new Set(documented.map((item) => normalizePath(resourcePath(item))));
  const resource = resourcePath(path);
  return parentEnds(resource)
    .map((end) => resource.slice(0, end))
    .filter((parent) => !existing.has(normalizePath(parent)))
    .map((parent) => ({ parent, segments: parsePath(parent).length }));
}

/** The resource a path key names: without a fragment, trailing slashes or a representation extension. */
function resourcePath(key: string): string {
  let path = requestPath(key);
  if (path.length > 1) path = path.replace(/\/+$/, '') || '/';
  const segments = parsePath(path);
  const last = segments[segments.length - 1];
  const extension = last && extensionOf(last);
  if (extension && REPRESENTATION_EXTENSIONS.includes(extension.extension.toLowerCase()) && extension.dot > last.start) {
    path = path.slice(0, extension.dot) + path.slice(extension.dot + 1 + extension.extension.length);
  }
  return path;
}
