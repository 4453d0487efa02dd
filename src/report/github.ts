import { evidenceLines } from '../engine/finding';
import type { ReportContext } from './formats';
import type { LintReport } from './report';
import { displayPath } from './stylish';

/** GitHub has three annotation levels: warn is a warning, info and hint are notices. */
const COMMANDS = ['error', 'warning', 'notice', 'notice'] as const;

/**
 * GitHub Actions workflow commands: one `::error file=…,line=…::message` per finding, which
 * the Actions runner shows as an annotation on the pull request's diff. Lines and columns are
 * one-based; the file is relative to the working folder (the checkout, in a workflow).
 * Files that could not be linted are errors too (on stderr as well), so the check shows them.
 */
export function formatGithub(report: LintReport, context: ReportContext): string {
  const lines = report.findings.map((finding) => {
    const { start, end } = finding.range;
    const properties = [
      `file=${property(displayPath(finding.source, context.cwd))}`,
      `line=${start.line + 1}`,
      `endLine=${end.line + 1}`,
      `col=${start.character + 1}`,
      `endColumn=${end.character + 1}`,
      `title=${property(finding.code)}`,
    ];
    const text = finding.evidence ? [finding.message, ...evidenceLines(finding.evidence)].join('\n') : finding.message;
    return `::${COMMANDS[finding.severity]} ${properties.join(',')}::${message(text)}`;
  });
  for (const error of report.errors) {
    const properties = [`file=${property(displayPath(error.file, context.cwd))}`];
    if (error.range) properties.push(`line=${error.range.start.line + 1}`, `col=${error.range.start.character + 1}`);
    properties.push('title=restlint');
    lines.push(`::error ${properties.join(',')}::${message(error.hint ? `${error.message} (${error.hint})` : error.message)}`);
  }
  return lines.length === 0 ? '' : lines.join('\n') + '\n';
}

/** The runner's escaping of a command's message (actions/toolkit `escapeData`). */
export function message(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value also ends at `,` and `:` (actions/toolkit `escapeProperty`). */
export function property(text: string): string {
  return message(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
