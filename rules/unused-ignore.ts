import { IGNORE_MESSAGES } from '../src/engine/ignores';
import { defineRule } from '../src/engine/rule';

/**
 * Reported by the engine (src/engine/ignores.ts) once every other rule has run, not by a
 * visitor: an `x-restlint-ignore` entry that silenced nothing, or names no rule. A rule
 * module all the same, so its severity is configured and explained like any other.
 */
export default defineRule({
  meta: {
    id: 'unused-ignore',
    group: 'references',
    severity: 'hint',
    description: 'Every x-restlint-ignore entry names a known rule and silences at least one finding.',
    sources: ['OpenAPI'],
    fix: 'no',
    messages: { ...IGNORE_MESSAGES },
  },
  create: () => ({}),
});
