import type { Finding } from '../engine/finding';
import type { ReportContext } from './formats';
import { cell } from './markdown';
import type { LintReport } from './report';
import { displayPath } from './stylish';

/**
 * `restlint diff --format markdown`: a changelog a reviewer can paste into a pull request, the
 * breaking changes first (errors, then warnings), then the others; each line names the change
 * id and where it is (a removal: where it was, in the old document).
 */
export function formatChangelog(report: LintReport, context: ReportContext): string {
  const breaking = report.findings.filter((finding) => finding.severity === 0);
  const some = report.findings.filter((finding) => finding.severity === 1);
  const other = report.findings.filter((finding) => finding.severity >= 2);
  const lines: string[] = [];
  if (report.findings.length === 0) return '### restlint diff: no changes\n';
  lines.push(`### restlint diff: ${count(breaking.length, 'breaking change')}, ${count(some.length, 'change')} that may break some clients, ${count(other.length, 'other change')}`);
  const section = (title: string, findings: Finding[]) => {
    if (findings.length === 0) return;
    lines.push('', `#### ${title}`, '');
    for (const finding of findings) {
      const where = `${finding.document === 'old' ? 'was at ' : ''}${displayPath(finding.source, context.cwd)}:${finding.range.start.line + 1}`;
      lines.push(`- \`${finding.code}\` ${cell(finding.message)} (${cell(where)})`);
    }
  };
  section('Breaking', breaking);
  section('May break some clients', some);
  section('Other changes', other);
  return lines.join('\n') + '\n';
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
