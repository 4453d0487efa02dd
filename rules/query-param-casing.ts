import { defineRule } from '../src/engine/rule';
import { childLocation, type NodeLocation } from '../src/engine/model/location';
import { CASE_NAMES, conventionOf, isCase, toCase, type Case } from './lib/casing';

interface Options {
  /** `consistent`: the convention most query parameters of the document follow; or a fixed one. */
  case: 'consistent' | Case;
  /** Names never checked (beyond the built-in `$`-prefixed OData options and `api-version`). */
  allow: string[];
}

/**
 * Query parameter names follow one convention: `per_page` next to `pageSize` is the same
 * API speaking two dialects. By default the convention is the one most multi-word names in
 * the document follow (a single lowercase word like `limit` fits snake, camel and kebab
 * alike); a team can fix it with `case`. Exempt: OData system options (`$filter`, `$top`),
 * Azure's `api-version`, and names in `allow`. Structured names are checked part by part:
 * `filter[created_at]`, `ids[]`, `deleteOptions.dryRun`, `DateCreated<` (Twilio's range
 * operators). The fix renames the parameter to the suggestion (`doc`: clients of a published
 * API send the old name).
 */
export default defineRule<Options>({
  meta: {
    id: 'query-param-casing',
    group: 'naming',
    severity: 'warn',
    description: 'Query parameter names follow one naming convention.',
    sources: ['Z#130', 'AZ'],
    fix: 'doc',
    options: {
      schema: {
        type: 'object',
        properties: {
          case: { type: 'string', enum: ['consistent', 'snake', 'camel', 'kebab', 'pascal'] },
          allow: { type: 'array', items: { type: 'string' } },
        },
      },
      defaults: { case: 'consistent', allow: [] },
    },
    messages: {
      fixed: 'query parameter "{{name}}" is not {{convention}}; use "{{suggestion}}"',
      consistent: 'query parameter "{{name}}" is not {{convention}} like the other query parameters ({{count}} of {{total}} names with several words are {{convention}}); use "{{suggestion}}"',
    },
  },
  create(context) {
    const allow = new Set(['api-version', ...context.options.allow]);
    /** Each distinct query parameter (a `$ref`d one counts once), in document order. */
    const params = new Map<string, { name: string; at: NodeLocation }>();
    return {
      Parameter(parameter) {
        if (parameter.in !== 'query' || parameter.name === '' || parameter.name.startsWith('$') || allow.has(parameter.name)) return;
        const at = childLocation(parameter.loc, 'name');
        params.set(`${at.file.path}\0${at.pointer.join('/')}`, { name: parameter.name, at });
      },
      'Document:exit'() {
        let convention: Case;
        let count = 0;
        let total = 0;
        if (context.options.case === 'consistent') {
          const votes = new Map<Case, number>();
          const counted = new Set<string>();
          for (const { name } of params.values()) {
            for (const part of partsOf(name)) {
              const shown = conventionOf(part);
              if (shown === 'neutral' || shown === 'mixed' || counted.has(part)) continue;
              counted.add(part);
              votes.set(shown, (votes.get(shown) ?? 0) + 1);
            }
          }
          // Ties go to the convention seen first (Map order).
          const winner = [...votes].reduce<[Case, number] | undefined>((best, entry) => (!best || entry[1] > best[1] ? entry : best), undefined);
          if (!winner) return;
          [convention, count] = winner;
          total = counted.size;
        } else {
          convention = context.options.case;
        }
        for (const { name, at } of params.values()) {
          if (partsOf(name).every((part) => isCase(part, convention))) continue;
          const suggestion = name
            .split(SEPARATORS)
            .map((piece, index) => (index % 2 === 1 || piece === '' || isCase(piece, convention) ? piece : toCase(piece, convention)))
            .join('');
          const data = { name, convention: CASE_NAMES[convention], suggestion, count, total };
          const messageId = context.options.case === 'consistent' ? 'consistent' : 'fixed';
          // `within` the whole name: the range (and the rename) leaves out the quotes of a quoted name.
          const within = { text: name, start: 0, end: name.length };
          context.report({ messageId, data, at, within, fix: [{ at, within, newText: suggestion }] });
        }
      },
    };
  },
});

/** What separates the names inside a structured parameter name (captured, to rebuild it). */
const SEPARATORS = /([.[\]<>=!]+)/;

/** The names inside a parameter name: `filter[created_at]` → filter, created_at; `DateCreated<` → DateCreated. */
function partsOf(name: string): string[] {
  return name.split(SEPARATORS).filter((piece, index) => index % 2 === 0 && piece !== '');
}
