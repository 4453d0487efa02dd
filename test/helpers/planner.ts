import type { ProbeRequest } from '../../src/engine/live/types';
import { Config, PRESETS } from '../../src/engine/config/config';
import { rulePlan, type RulePlan } from '../../src/probe/probe';
import { allRules, probeRules } from '../../rules';
import { VIRTUAL_ROOT } from './lint-text';

/** What the planner is told with every rule on (restlint:all): every probe is needed. */
export function everyRulePlan(): RulePlan {
  return rulePlan(probeRules, new Config(undefined, PRESETS['restlint:all'](allRules), [], VIRTUAL_ROOT));
}

/** Every request a phase plans without responses coming back (writes go one operation at a time). */
export function everyRound(planner: { nextRound(phase: 'read' | 'write' | 'delete'): ProbeRequest[] }, phase: 'read' | 'write' | 'delete'): ProbeRequest[] {
  const requests: ProbeRequest[] = [];
  for (let round = planner.nextRound(phase); round.length > 0; round = planner.nextRound(phase)) requests.push(...round);
  return requests;
}
