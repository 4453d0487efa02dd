import { defineRule } from '../src/engine/rule';
import { CASE_NAMES, isCase, joinUnderscored } from './lib/casing';
import { namePieces } from './lib/path-shape';
import { rewritePieces } from './lib/uri-paths';
import { caseRewrite, eachUriPathBesideVerbs, namingAdvice } from './lib/naming-advice';

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
    const advice = namingAdvice(context);
    return eachUriPathBesideVerbs(context, (uri, leave) => {
      const plurals = advice.plurals(uri.segments);
      for (const segment of uri.segments) {
        // Names below /.well-known/ are registered with IANA (RFC 8615), not chosen by the API.
        if (segment.text === '.well-known') return;
        // `/getPets`: no-verb-in-path's finding alone, whose suggestion (`/pets`) is written in this convention.
        if (leave.has(segment)) continue;
        // A name in the convention but for its `_` is path-no-underscore's finding alone (it writes
        // the name in this convention), so that turning that rule off is enough to accept underscores.
        const underscoresOnly = (name: string) => convention !== 'snake' && name.includes('_') && isCase(joinUnderscored(name, convention), convention);
        const wrong = namePieces(segment).filter((piece) => !isCase(piece.text, convention) && !underscoresOnly(piece.text));
        if (wrong.length === 0) continue;
        const { name, suggestion, within, fix } = rewritePieces(uri, segment, wrong, caseRewrite(advice, segment, plurals));
        context.report({
          messageId: 'segment',
          data: { path: uri.path, segment: name, convention: CASE_NAMES[convention], suggestion },
          at: uri.at,
          part: uri.part,
          within,
          fix: [fix],
        });
      }
    });
  },
});

