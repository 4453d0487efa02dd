import type { RuleModule } from '../src/engine/rule';
import invalidRef from './invalid-ref';
import noEmptySegment from './no-empty-segment';
import unresolvedRef from './unresolved-ref';

/** Every rule restlint ships, in the order `restlint rules` lists them. */
export const allRules: readonly RuleModule<any>[] = [
  // A. Resource naming and URI shape
  noEmptySegment,
  // Reference resolution (reported by the engine)
  invalidRef,
  unresolvedRef,
];
