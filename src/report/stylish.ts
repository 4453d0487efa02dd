import { relative, isAbsolute } from 'node:path';
import { evidenceLines } from '../engine/finding';
import type { Colors } from './colors';
import { SEVERITY_NAMES, type LintReport } from './report';

/**
 * ESLint-style report: findings grouped by file, `line:col severity message rule-id`
 * (one-based, as editors show them), then a summary line with counts.
 */
export function formatStylish(report: LintReport, colors: Colors, cwd = process.cwd()): string {
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
  const counts = [0, 0, 0, 0];
  for (const finding of report.findings) counts[finding.severity]++;
  const total = report.findings.length;
  const files = `${report.files.length} file${report.files.length === 1 ? '' : 's'}`;
  if (total === 0) {
    if (report.errors.length === 0) lines.push(colors.bold(`No problems found in ${files}.`));
  } else {
    const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
    const summary = `✖ ${plural(total, 'problem')} (${plural(counts[0], 'error')}, ${plural(counts[1], 'warning')}, ${plural(counts[2], 'info')}, ${plural(counts[3], 'hint')}) in ${files}`;
    lines.push((counts[0] > 0 ? colors.red : colors.yellow)(colors.bold(summary)));
  }
  // Only files that could not be linted: they are on stderr, and stdout stays empty.
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** `path:line:col: message` plus the hint, for stderr. */
export function formatFileError(error: LintReport['errors'][number], colors: Colors, cwd = process.cwd()): string {
  const where = error.range ? `:${error.range.start.line + 1}:${error.range.start.character + 1}` : '';
  const hint = error.hint ? `\n  ${colors.dim(error.hint)}` : '';
  return `${colors.red('error')} ${displayPath(error.file, cwd)}${where}: ${error.message}${hint}\n`;
}

export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
