import { defineRule } from '../src/engine/rule';

/**
 * Reported by the engine's reference resolver (src/engine/resolve/refs.ts), not by a visitor:
 * a rule module all the same, so its severity is configured and explained like any other.
 */
export default defineRule({
  meta: {
    id: 'invalid-ref',
    group: 'references',
    severity: 'error',
    description: 'Every $ref resolves: the file exists, the pointer names a node, and no chain of references loops.',
    sources: ['OpenAPI'],
    fix: 'no',
    messages: {},
  },
  create: () => ({}),
});
