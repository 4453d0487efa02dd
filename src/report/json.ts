import type { LintReport } from './report';

/**
 * Spectral's JSON result shape: one array of findings, so tools that parse Spectral output
 * read restlint's unchanged. Files that could not be linted go to stderr, not in here.
 */
export function formatJson(report: LintReport): string {
  return JSON.stringify(report.findings, null, 2) + '\n';
}
