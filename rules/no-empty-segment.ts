import { defineRule } from '../src/engine/rule';
import type { PathSegment } from '../src/engine/model/path';
import type { NodeLocation } from '../src/engine/model/location';

/** `//` inside a path (or a server's base path) leaves an empty segment: `/users//orders`. */
export default defineRule({
  meta: {
    id: 'no-empty-segment',
    group: 'naming',
    severity: 'error',
    description: 'Paths have no empty segments (`//`).',
    sources: ['Z#136'],
    fix: 'yes',
    messages: {
      empty: '"{{path}}" has an empty segment ("//"); remove the extra slash',
    },
  },
  create(context) {
    const check = (path: string, segments: PathSegment[], at: NodeLocation, part: 'key' | 'value', text: string) => {
      // The last segment is empty when the path ends in "/": no-trailing-slash reports that.
      for (const segment of segments.slice(0, -1)) {
        if (segment.text !== '') continue;
        context.report({ messageId: 'empty', data: { path }, at, part, within: { text, start: segment.start - 1, end: segment.start + 1 } });
      }
    };
    return {
      PathItem(item) {
        check(item.path, item.segments, item.loc, 'key', item.path);
      },
      Server(server) {
        check(server.basePath, server.segments, server.loc, 'value', server.url);
      },
    };
  },
});
