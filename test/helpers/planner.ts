import { Config, PRESETS } from '../../src/engine/config/config';
import { rulePlan, type RulePlan } from '../../src/probe/probe';
import { allRules, probeRules } from '../../rules';
import { VIRTUAL_ROOT } from './lint-text';

/** What the planner is told with every rule on (restlint:all): every probe is needed. */
export function everyRulePlan(): RulePlan {
  return rulePlan(probeRules, new Config(undefined, PRESETS['restlint:all'](allRules), [], VIRTUAL_ROOT));
}
