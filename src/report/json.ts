import type { LintReport } from './report';

/**
 * Spectral's JSON result shape: one array of findings, so tools that parse Spectral output
 * read restlint's unchanged. Files that could not be linted go to stderr, not in here.
 */
export function formatJson(report: LintReport): string {
  const spectralShape = report.findings.map(({ code, message, path, severity, source, range }) => ({ code, message, path, severity, source, range }));
  return JSON.stringify(spectralShape, null, 2) + '\n';
}
