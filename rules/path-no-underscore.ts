import { defineRule } from '../src/engine/rule';
import { namePieces } from './lib/path-shape';
import { eachUriPath, rewritePieces } from './lib/uri-paths';

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
    return eachUriPath((uri) => {
      for (const segment of uri.segments) {
        // Names below /.well-known/ are registered with IANA (RFC 8615), not chosen by the API.
        if (segment.text === '.well-known') return;
        const wrong = namePieces(segment).filter((piece) => piece.text.includes('_'));
        if (wrong.length === 0) continue;
        const { name, suggestion, within, fix } = rewritePieces(uri, segment, wrong, (piece) => piece.replace(/_+/g, '-'));
        context.report({ messageId: 'underscore', data: { path: uri.path, segment: name, suggestion }, at: uri.at, part: uri.part, within, fix: [fix] });
      }
    });
  },
});
