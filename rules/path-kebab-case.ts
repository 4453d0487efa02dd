import { defineRule } from '../src/engine/rule';
import type { PathSegment } from '../src/engine/model/path';
import type { NodeLocation } from '../src/engine/model/location';
import { CASE_NAMES, isCase, toCase } from './lib/casing';
import { namePieces, withoutCustomMethod } from './lib/path-shape';

interface Options {
  /** The convention literal segments follow: the course's kebab-case, or Google's camelCase, or snake_case. */
  case: 'kebab' | 'camel' | 'snake';
}

/**
 * `/orderItems`, `/Order-Items`, `/order_items`: literal path segments are lowercase words
 * joined by `-` (or the configured convention). Parameters, the custom method after `:`
 * (camelCase in AIP-136), and names registered under `/.well-known/` are not checked.
 */
export default defineRule<Options>({
  meta: {
    id: 'path-kebab-case',
    group: 'naming',
    severity: 'error',
    description: 'Literal path segments are lowercase words joined by hyphens (kebab-case).',
    sources: ['course', 'Z#129'],
    fix: 'doc',
    options: {
      schema: {
        type: 'object',
        properties: { case: { type: 'string', enum: ['kebab', 'camel', 'snake'] } },
      },
      defaults: { case: 'kebab' },
    },
    messages: {
      segment: '"{{path}}": segment "{{segment}}" is not {{convention}}; use "{{suggestion}}"',
    },
  },
  create(context) {
    const convention = context.options.case;
    const check = (path: string, segments: PathSegment[], at: NodeLocation, part: 'key' | 'value', text: string) => {
      for (const segment of segments) {
        // Names below /.well-known/ are registered with IANA (RFC 8615), not chosen by the API.
        if (segment.text === '.well-known') return;
        // A kebab-case name spelt with `_` is path-no-underscore's finding alone, so that turning
        // that rule off (for legacy paths, say) is enough to accept underscores.
        const underscoresOnly = (name: string) => convention === 'kebab' && isCase(name.replace(/_/g, '-'), 'kebab');
        const wrong = namePieces(segment).filter((piece) => !isCase(piece.text, convention) && !underscoresOnly(piece.text));
        if (wrong.length === 0) continue;
        const name = withoutCustomMethod(segment);
        let suggestion = '';
        let cursor = segment.start;
        for (const piece of wrong) {
          suggestion += text.slice(cursor, piece.start) + toCase(piece.text, convention);
          cursor = piece.end;
        }
        suggestion += text.slice(cursor, segment.start + name.length);
        context.report({
          messageId: 'segment',
          data: { path, segment: name, convention: CASE_NAMES[convention], suggestion },
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
