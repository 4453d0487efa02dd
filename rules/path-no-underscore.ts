import { defineRule } from '../src/engine/rule';
import { namePieces } from './lib/path-shape';
import { rewritePieces } from './lib/uri-paths';
import { caseRewrite, eachUriPathBesideVerbs, namingAdvice } from './lib/naming-advice';
import { CASE_NAMES } from './lib/casing';

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
      underscoreCase: '"{{path}}": segment "{{segment}}" joins words with "_"; write it in {{convention}}: "{{suggestion}}"',
    },
  },
  create(context) {
    // Names are written in path-kebab-case's convention: `todoItems` where it asks for camelCase;
    // where it asks for snake_case, `_` is how words are joined and nothing is reported.
    const advice = namingAdvice(context);
    const { convention } = advice;
    if (convention === 'snake') return {};
    return eachUriPathBesideVerbs(context, (uri, leave) => {
      const plurals = advice.plurals(uri.segments);
      for (const segment of uri.segments) {
        // Names below /.well-known/ are registered with IANA (RFC 8615), not chosen by the API.
        if (segment.text === '.well-known') return;
        // `/get_pets`: no-verb-in-path's finding alone, whose suggestion (`/pets`) renames the segment.
        if (leave.has(segment)) continue;
        const wrong = namePieces(segment).filter((piece) => piece.text.includes('_'));
        if (wrong.length === 0) continue;
        const { name, suggestion, within, fix } = rewritePieces(uri, segment, wrong, caseRewrite(advice, segment, plurals));
        const messageId = convention === 'kebab' ? 'underscore' : 'underscoreCase';
        const data = { path: uri.path, segment: name, suggestion, convention: CASE_NAMES[convention] };
        context.report({ messageId, data, at: uri.at, part: uri.part, within, fix: [fix] });
      }
    });
  },
});
