import { defineRule } from '../src/engine/rule';
import type { PathSegment } from '../src/engine/model/path';
import type { NodeLocation } from '../src/engine/model/location';
import { namePieces, withoutCustomMethod } from './lib/path-shape';

/**
 * `/order_items`: words in a literal segment are joined by `-`, not `_`. Parameter names
 * (`{user_id}`) are the document's business, not the URI's, and are not checked; neither is
 * a leading or trailing `_` (`/_mock`), which marks a segment rather than joining words.
 */
export default defineRule({
  meta: {
    id: 'path-no-underscore',
    group: 'naming',
    severity: 'error',
    description: 'Words in a path segment are joined by "-", not "_".',
    sources: ['course', 'Z#129'],
    fix: 'doc',
    messages: {
      underscore: '"{{path}}": segment "{{segment}}" joins words with "_"; join them with "-": "{{suggestion}}"',
    },
  },
  create(context) {
    const check = (path: string, segments: PathSegment[], at: NodeLocation, part: 'key' | 'value', text: string) => {
      for (const segment of segments) {
        // Names below /.well-known/ are registered with IANA (RFC 8615), not chosen by the API.
        if (segment.text === '.well-known') return;
        const wrong = namePieces(segment).filter((piece) => piece.text.includes('_'));
        if (wrong.length === 0) continue;
        const name = withoutCustomMethod(segment);
        let suggestion = '';
        let cursor = segment.start;
        for (const piece of wrong) {
          suggestion += text.slice(cursor, piece.start) + piece.text.replace(/_+/g, '-');
          cursor = piece.end;
        }
        suggestion += text.slice(cursor, segment.start + name.length);
        context.report({
          messageId: 'underscore',
          data: { path, segment: name, suggestion },
          at,
          part,
          within: { text, start: wrong[0].start, end: wrong[wrong.length - 1].end },
        });
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
