import type { AnyRule } from '../rule';
import type { RuleSettings } from './settings';

/** Placeholder: filled in by the profiles commit. */
export function profilePresets(_recommended: (rules: readonly AnyRule[]) => RuleSettings): Record<string, (rules: readonly AnyRule[]) => RuleSettings> {
  return {};
}
