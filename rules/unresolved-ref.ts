import { defineRule } from '../src/engine/rule';

/** Reported by the engine's reference resolver for references it does not follow on purpose. */
export default defineRule({
  meta: {
    id: 'unresolved-ref',
    group: 'references',
    severity: 'warn',
    description: 'A $ref that restlint does not follow: remote URLs, and files outside the project root.',
    sources: ['OWASP'],
    fix: 'no',
    messages: {},
  },
  create: () => ({}),
});
