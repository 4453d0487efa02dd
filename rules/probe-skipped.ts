import { defineRule } from '../src/engine/rule';

/**
 * Reported by the prober, not by a check: an operation it could not send because a path
 * parameter has no value it may use. It never guesses one, so the operation is named here
 * with what would fill it.
 */
export default defineRule({
  meta: {
    id: 'probe-skipped',
    group: 'references',
    severity: 'info',
    description: 'An operation `restlint probe` could not send, and why (a path parameter with no value).',
    sources: ['course'],
    fix: 'no',
    messages: {
      skipped: '{{operation}} was not probed: {{reason}}',
    },
  },
});
