import { relative, isAbsolute } from 'node:path';
import { evidenceLines } from '../engine/finding';
import type { Colors } from './colors';
import { formatCount, heldBackText, plural, SEVERITY_NAMES, type LintReport } from './report';

/**
 * ESLint-style report: findings grouped by file, `line:col severity message rule-id`
 * (one-based, as editors show them), then a summary line with counts.
 */
export function formatStylish(report: LintReport, colors: Colors, cwd = process.cwd(), options: StylishOptions = {}): string {
  const paint = [colors.red, colors.yellow, colors.blue, colors.dim];
  const lines: string[] = [];
  const byFile = new Map<string, typeof report.findings>();
  for (const finding of report.findings) {
    const list = byFile.get(finding.source) ?? [];
    list.push(finding);
    byFile.set(finding.source, list);
  }
  for (const [file, findings] of byFile) {
    lines.push(colors.underline(displayPath(file, cwd)));
    const rows = findings.map((finding) => [
      `${finding.range.start.line + 1}:${finding.range.start.character + 1}`,
      SEVERITY_NAMES[finding.severity],
      finding.message,
      finding.code,
    ]);
    const width = [0, 1].map((column) => Math.max(...rows.map((row) => row[column].length)));
    rows.forEach((row, index) => {
      const { severity, evidence } = findings[index];
      lines.push(
        `  ${colors.dim(row[0].padEnd(width[0]))}  ${paint[severity](row[1].padEnd(width[1]))}  ${row[2]}  ${colors.dim(row[3])}`,
      );
      // Probe findings: the request sent and what came back, under the finding.
      if (evidence) for (const line of evidenceLines(evidence)) lines.push(colors.dim(`  ${' '.repeat(width[0] + width[1] + 4)}${line.split('\n').join(`\n  ${' '.repeat(width[0] + width[1] + 4)}`)}`));
    });
    lines.push('');
  }
  // --quiet: the findings and nothing else (as ESLint's), so an empty run prints nothing.
  if (!options.quiet) lines.push(...summaryLines(report, colors));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  // Only files that could not be linted: they are on stderr, and stdout stays empty.
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

export interface StylishOptions {
  /** `--quiet`: no summary line and no tally. */
  quiet?: boolean;
}

/** Past this many findings, stylish ends with a tally of the rules that found the most. */
export const TALLY_THRESHOLD = 50;
/** How many rules the tally names. */
export const TALLY_RULES = 3;

/**
 * The summary line (counts by severity, or "No problems found"; `No new problems (… in the
 * baseline)` when a baseline or --since held findings back), then, past TALLY_THRESHOLD
 * findings, one line naming the rules that found the most: `most findings: error-format 468, …`.
 */
function summaryLines(report: LintReport, colors: Colors): string[] {
  const counts = [0, 0, 0, 0];
  for (const finding of report.findings) counts[finding.severity]++;
  const total = report.findings.length;
  const files = plural(report.files.length, 'file');
  const held = heldBackText(report.heldBack);
  if (total === 0) {
    if (held) return [colors.bold(`No new problems (${held}).`)];
    return report.errors.length === 0 ? [colors.bold(`No problems found in ${files}.`)] : [];
  }
  const summary = `✖ ${plural(total, 'problem')} (${plural(counts[0], 'error')}, ${plural(counts[1], 'warning')}, ${plural(counts[2], 'info')}, ${plural(counts[3], 'hint')}) in ${files}${held ? `; ${held}` : ''}`;
  const lines = [(counts[0] > 0 ? colors.red : colors.yellow)(colors.bold(summary))];
  if (total > TALLY_THRESHOLD) {
    const byRule = countByRule(report.findings);
    const top = byRule.slice(0, TALLY_RULES).map(([code, count]) => `${code} ${formatCount(count)}`);
    const rest = byRule.length > TALLY_RULES ? ` (all ${byRule.length} rules: --format summary)` : '';
    lines.push(`most findings: ${top.join(', ')}${colors.dim(rest)}`);
  }
  return lines;
}

/** Findings per rule id, most first (ties by id). */
export function countByRule(findings: LintReport['findings']): [string, number][] {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** `path:line:col: message` plus the hint, for stderr. */
export function formatFileError(error: LintReport['errors'][number], colors: Colors, cwd = process.cwd()): string {
  const where = error.range ? `:${error.range.start.line + 1}:${error.range.start.character + 1}` : '';
  const hint = error.hint ? `\n  ${colors.dim(error.hint)}` : '';
  return `${colors.red('error')} ${displayPath(error.file, cwd)}${where}: ${error.message}${hint}\n`;
}

export function displayPath(file: string, cwd: string): string {
  // A URL (a probed API, a remote document) is no path: path.relative would make `http:/host` of it.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(file)) return file;
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
