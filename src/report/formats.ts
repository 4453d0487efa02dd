import type { Finding } from '../engine/finding';
import type { AnyRule } from '../engine/rule';
import type { Colors } from './colors';
import { formatGithub } from './github';
import { formatGitlab } from './gitlab';
import { formatHtml, type HtmlRun } from './html';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import type { LintReport } from './report';
import { formatSarif, restlintVersion } from './sarif';
import { formatStylish } from './stylish';
import { formatSummary } from './summary';

/** What a reporter may need beyond the findings: rule metadata (SARIF help, doc links), colours, paths. */
export interface ReportContext {
  rules: readonly AnyRule[];
  /** Where the rule docs (rules/<id>.md) are, for formats that carry help text. */
  rulesDir: string;
  /** Colours for where this output goes (none for a file). */
  colors: Colors;
  cwd: string;
  /** `--quiet`: the findings and no summary line (stylish, summary). */
  quiet?: boolean;
  /**
   * A finding's identity across runs and line moves, for formats that track findings (gitlab's
   * fingerprint): the CLI gives the baseline's key (src/cli/fingerprint.ts). Without it, rule,
   * file, JSON path and message.
   */
  findingKey?: (finding: Finding) => string;
  /** What the HTML report shows of the run (the API, when, against what; probe: operations and checks). */
  run?: HtmlRun;
}

export type Reporter = (report: LintReport, context: ReportContext) => string;

/**
 * Every `--format`, by name. A new output format is one module in src/report and one line here;
 * the CLI's choices, help and `--output` handling come from this table.
 */
export const REPORTERS: Record<string, Reporter> = {
  stylish: (report, context) => formatStylish(report, context.colors, context.cwd, { quiet: context.quiet }),
  summary: (report, context) => formatSummary(report, context.colors, context.cwd, { quiet: context.quiet }),
  json: (report) => formatJson(report),
  sarif: (report, context) => formatSarif(report, context, { rulesDir: context.rulesDir, version: restlintVersion() }),
  junit: formatJunit,
  github: formatGithub,
  gitlab: formatGitlab,
  markdown: formatMarkdown,
  html: formatHtml,
};
