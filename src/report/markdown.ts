import type { ReportContext } from './formats';
import { heldBackText, SEVERITY_NAMES, type LintReport } from './report';
import { displayPath } from './stylish';

/** A PR comment has a size limit (65,536 characters on GitHub): the table stops here. */
export const MAX_ROWS = 200;

/**
 * A summary for a pull-request comment: a heading with the counts by severity, then a table
 * of findings, errors first, then by file and line. Files that could not be linted are listed
 * under the table.
 */
export function formatMarkdown(report: LintReport, context: ReportContext): string {
  const files = plural(report.files.length, 'file');
  const lines: string[] = [];
  const total = report.findings.length;
  if (total === 0) {
    const held = heldBackText(report.heldBack);
    if (held && report.errors.length === 0) lines.push(`### restlint: No new problems (${held})`);
    else lines.push(report.errors.length === 0 ? `### restlint: No problems found in ${files}` : `### restlint: ${plural(report.errors.length, 'file')} could not be linted`);
  } else {
    const counts = [0, 0, 0, 0];
    for (const finding of report.findings) counts[finding.severity]++;
    const bySeverity = [plural(counts[0], 'error'), plural(counts[1], 'warning'), plural(counts[2], 'info'), plural(counts[3], 'hint')].join(', ');
    lines.push(`### restlint: ${plural(total, 'problem')} (${bySeverity}) in ${files}`, '', '| Severity | Rule | Location | Message |', '| --- | --- | --- | --- |');
    // The findings come sorted by file and line; a stable sort by severity keeps that order within each.
    const sorted = [...report.findings].sort((a, b) => a.severity - b.severity);
    for (const finding of sorted.slice(0, MAX_ROWS)) {
      const location = `${displayPath(finding.source, context.cwd)}:${finding.range.start.line + 1}`;
      lines.push(`| ${SEVERITY_NAMES[finding.severity]} | ${cell(finding.code)} | ${cell(location)} | ${cell(finding.message)} |`);
    }
    if (total > MAX_ROWS) lines.push('', `… and ${total - MAX_ROWS} more`);
  }
  if (report.errors.length > 0) {
    lines.push('', total === 0 ? 'Not linted:' : `${plural(report.errors.length, 'file')} could not be linted:`, '');
    for (const error of report.errors) lines.push(`- ${cell(displayPath(error.file, context.cwd))}: ${cell(error.message)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Text for a table cell: a `|` would end the cell and a newline the row. `<` is escaped too,
 * so a message that quotes HTML shows it instead of rendering it.
 */
export function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\|/g, '\\|').replace(/\r?\n|\r/g, '<br>');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
