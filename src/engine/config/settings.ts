import type { Severity } from '../rule';

/** What a config says of one rule: its severity (or `off`) and, if given, its options. */
export interface RuleSetting {
  severity: Severity | 'off';
  options?: Record<string, unknown>;
}

export type RuleSettings = Map<string, RuleSetting>;

/** Applies `changes` over `base`; a change without options keeps the options set before. */
export function mergeSettings(base: RuleSettings, changes: RuleSettings): RuleSettings {
  const merged = new Map(base);
  for (const [id, change] of changes) {
    const before = merged.get(id);
    merged.set(id, { severity: change.severity, options: change.options ?? before?.options });
  }
  return merged;
}
