import type { Colors } from './colors';
import { formatCount, heldBackText, plural, SEVERITY_NAMES, type LintReport } from './report';
import { displayPath } from './stylish';

/**
 * `--format summary`: a big API's findings at a glance. One row per rule, the rules with the
 * most findings first (ties: the more severe, then by id): its severity (the most severe of
 * its findings, as a config may set a rule differently per file), its count and its first
 * location (`file:line:col`, in the report's order: by file, then line). Then a total line
 * (unless `quiet`). Files that could not be linted are on stderr, as with stylish.
 */
export function formatSummary(report: LintReport, colors: Colors, cwd: string, options: { quiet?: boolean } = {}): string {
  const paint = [colors.red, colors.yellow, colors.blue, colors.dim];
  const rules = new Map<string, { severity: number; count: number; first: LintReport['findings'][number] }>();
  for (const finding of report.findings) {
    const row = rules.get(finding.code);
    if (!row) rules.set(finding.code, { severity: finding.severity, count: 1, first: finding });
    else {
      row.count++;
      row.severity = Math.min(row.severity, finding.severity);
    }
  }
  const rows = [...rules]
    .sort(([a, x], [b, y]) => y.count - x.count || x.severity - y.severity || (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, { severity, count, first }]) => ({
      severity,
      cells: [code, SEVERITY_NAMES[severity], formatCount(count), `${displayPath(first.source, cwd)}:${first.range.start.line + 1}:${first.range.start.character + 1}`],
    }));
  const lines: string[] = [];
  if (rows.length > 0) {
    const header = ['rule', 'severity', 'count', 'first at'];
    const width = [0, 1, 2].map((column) => Math.max(header[column].length, ...rows.map((row) => row.cells[column].length)));
    const line = (cells: string[], severity?: number) =>
      [
        cells[0].padEnd(width[0]),
        severity === undefined ? cells[1].padEnd(width[1]) : paint[severity](cells[1].padEnd(width[1])),
        cells[2].padStart(width[2]),
        severity === undefined ? cells[3] : colors.dim(cells[3]),
      ].join('  ');
    lines.push(colors.bold(line(header)), ...rows.map((row) => line(row.cells, row.severity)));
  }
  if (!options.quiet) {
    const total = report.findings.length;
    const files = plural(report.files.length, 'file');
    const held = heldBackText(report.heldBack);
    if (total === 0) {
      if (held) lines.push(colors.bold(`No new problems (${held}).`));
      else if (report.errors.length === 0) lines.push(colors.bold(`No problems found in ${files}.`));
    } else {
      const counts = [0, 0, 0, 0];
      for (const finding of report.findings) counts[finding.severity]++;
      const bySeverity = [plural(counts[0], 'error'), plural(counts[1], 'warning'), plural(counts[2], 'info'), plural(counts[3], 'hint')].join(', ');
      lines.push('', colors.bold(`total: ${plural(total, 'problem')} (${bySeverity}) from ${plural(rows.length, 'rule')} in ${files}${held ? `; ${held}` : ''}`));
    }
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}
