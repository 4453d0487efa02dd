import type { RuleModule } from '../engine/rule';
import type { Colors } from './colors';
import { formatJson } from './json';
import type { LintReport } from './report';
import { formatStylish } from './stylish';

/** What a reporter may need beyond the findings: rule metadata (SARIF help, doc links), colours, paths. */
export interface ReportContext {
  rules: readonly RuleModule<any>[];
  /** Colours for where this output goes (none for a file). */
  colors: Colors;
  cwd: string;
}

export type Reporter = (report: LintReport, context: ReportContext) => string;

/**
 * Every `--format`, by name. A new output format is one module in src/report and one line here;
 * the CLI's choices, help and `--output` handling come from this table.
 */
export const REPORTERS: Record<string, Reporter> = {
  stylish: (report, context) => formatStylish(report, context.colors, context.cwd),
  json: (report) => formatJson(report),
};
