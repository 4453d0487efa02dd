import { defineRule } from '../src/engine/rule';
import type { PathSegment } from '../src/engine/model/path';
import type { NodeLocation } from '../src/engine/model/location';
import { METHOD_TOKENS_ALSO_NOUNS, METHOD_TOKENS_ALWAYS_VERBS, TIER1_VERBS, isPluralOrUncountable, viewSegment, type WordPart } from './lib/words';

interface PathContext {
  /** The segment is the path's last and its operations are all POST: an action endpoint. */
  postAction: boolean;
  followedByParam: boolean;
}

/**
 * The HTTP method travels in the request line, not in the path: `/users/{id}/delete`,
 * `/bulk-delete`, `/chat.postMessage`, `/payments/{id}/post`. Whole tokens only (`posts`,
 * `budgets` are not methods); `post` and `patch` are also nouns and reported only where they
 * act as verbs; `head` and `options` are always read as nouns.
 */
export default defineRule({
  meta: {
    id: 'no-http-method-in-path',
    group: 'naming',
    severity: 'error',
    description: 'Path segments do not spell HTTP methods (`/users/get`, `/bulk-delete`, `/postMessage`).',
    sources: ['Z#141'],
    fix: 'no',
    messages: {
      method: '"{{path}}": segment "{{segment}}" contains the HTTP method name "{{method}}"; name only the resource and send the request with {{METHOD}} (or the method that fits)',
    },
  },
  create(context) {
    /** The method name a part of a segment uses as a verb, if any. */
    const methodIn = (part: WordPart, where: PathContext): string | undefined => {
      const { tokens } = part;
      for (let index = 0; index < tokens.length; index++) {
        const token = tokens[index];
        if (METHOD_TOKENS_ALWAYS_VERBS.has(token)) {
          // A part that starts with `get` or `delete` starts with a tier 1 verb: no-verb-in-path reports it.
          if (index === 0 && TIER1_VERBS.has(token)) return undefined;
          return token;
        }
        if (METHOD_TOKENS_ALSO_NOUNS.has(token) && index === 0) {
          // `/payments/{id}/post` is an action; `/post/{postId}` and `GET /blog/post` are nouns.
          if (tokens.length === 1) return where.postAction ? token : undefined;
          // `postMessage`: a verb and its object; `post_updates`, `patch-notes`: noun phrases.
          if (!where.followedByParam && !isPluralOrUncountable(tokens[tokens.length - 1])) return token;
        }
      }
      return undefined;
    };

    const check = (path: string, segments: PathSegment[], at: NodeLocation, part: 'key' | 'value', text: string, where: (index: number) => PathContext) => {
      segments.forEach((segment, index) => {
        const view = viewSegment(segment);
        if (view.kind !== 'literal') return;
        for (const wordPart of view.parts) {
          const method = methodIn(wordPart, where(index));
          if (method === undefined) continue;
          context.report({
            messageId: 'method',
            data: { path, segment: view.text, method, METHOD: method.toUpperCase() },
            at,
            part,
            within: { text, start: segment.start, end: segment.start + view.text.length },
          });
          break;
        }
      });
    };

    return {
      // On exit: the path item's operations are known by then.
      'PathItem:exit'(item) {
        const methods = item.operations.map((operation) => operation.method);
        const last = item.segments.length - 1;
        check(item.path, item.segments, item.loc, 'key', item.path, (index) => ({
          postAction: index === last && methods.length > 0 && methods.every((method) => method === 'post'),
          followedByParam: index < last && viewSegment(item.segments[index + 1]).kind !== 'literal',
        }));
      },
      Server(server) {
        check(server.basePath, server.segments, server.loc, 'value', server.url, (index) => ({
          postAction: false,
          followedByParam: index < server.segments.length - 1 && viewSegment(server.segments[index + 1]).kind !== 'literal',
        }));
      },
    };
  },
});
