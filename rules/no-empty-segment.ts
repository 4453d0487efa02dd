import { defineRule } from '../src/engine/rule';
import { eachUriPath } from './lib/uri-paths';

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
    return eachUriPath((uri) => {
      // The last segment is empty when the path ends in "/": no-trailing-slash reports that.
      for (const segment of uri.segments.slice(0, -1)) {
        if (segment.text !== '') continue;
        const within = { text: uri.text, start: segment.start - 1, end: segment.start + 1 };
        const fix = [{ at: uri.at, part: uri.part, within, newText: '/' }];
        context.report({ messageId: 'empty', data: { path: uri.path }, at: uri.at, part: uri.part, within, fix });
      }
    });
  },
});
