import type { Config } from '../engine/config/config';
import type { OpenDocument } from '../engine/document';
import type { AnyRule } from '../engine/rule';
import { loadLiveApi } from '../probe/api';
import { rulePlan, type ProbeSummary } from '../probe/probe';
import type { HtmlRun } from '../report/html';
import { apiInfo } from './html-lint-run';

/**
 * What the HTML report shows of a probe: the API, when and against what it ran, every documented
 * operation (with why it was not sent, when it was not) and every enabled probe rule (with why it
 * was not checked, when it was not), and the summary lines.
 */
export function probeRun(options: {
  document: OpenDocument;
  config: Config;
  rules: readonly AnyRule[];
  summary: ProbeSummary;
  summaryLines: string[];
  target: string;
  startedAt: Date;
  allowMutations: boolean;
}): HtmlRun {
  const { document, config, rules, summary } = options;
  const api = loadLiveApi(document);
  const plan = rulePlan(rules, config);
  const skipped = new Map(summary.skippedOperations.map((skip) => [skip.operation.name, skip.reason]));
  const operations = api.operations.map((operation) => {
    let notChecked = skipped.get(operation.name);
    if (!notChecked && !options.allowMutations && (!['get', 'head', 'options'].includes(operation.method) || plan.mayChangeData(operation))) {
      notChecked = 'may change data: sent only with --allow-mutations';
    }
    return { name: operation.name, method: operation.method, path: operation.path, ...(notChecked && { notChecked }) };
  });
  // Each "rule-a, rule-b: reason" line of the summary (ProbeSummary.skippedChecks), by rule.
  const checkReasons = new Map<string, string>();
  for (const line of summary.skippedChecks) {
    const colon = line.indexOf(': ');
    if (colon < 0) continue;
    for (const id of line.slice(0, colon).split(', ')) checkReasons.set(id, line.slice(colon + 2));
  }
  const enabled = config.rulesEverEnabled();
  const checks = rules
    .filter((rule) => rule.probe && enabled.has(rule.meta.id))
    .map((rule) => ({ rule: rule.meta.id, ...(checkReasons.has(rule.meta.id) && { notChecked: checkReasons.get(rule.meta.id) }) }));
  return {
    kind: 'probe',
    ...apiInfo(document.entry.data),
    startedAt: options.startedAt.toISOString(),
    target: options.target,
    operations,
    checks,
    summary: options.summaryLines,
  };
}
