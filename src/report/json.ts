import type { LintReport } from './report';

/**
 * Spectral's JSON result shape: one array of findings, so tools that parse Spectral output
 * read restlint's unchanged (probe findings carry one more member, `evidence`). Files that could not be linted go to stderr, not in here.
 */
export function formatJson(report: LintReport): string {
  // Probe findings add their evidence; Spectral readers ignore members they do not know.
  // Changes of `restlint diff` add the operation, whether they break clients and which document they are in.
  const spectralShape = report.findings.map(({ code, message, path, severity, source, range, evidence, operation, breaking, document }) => ({
    code,
    message,
    path,
    severity,
    source,
    range,
    ...(evidence && { evidence }),
    ...(operation !== undefined && { operation }),
    ...(breaking !== undefined && { breaking }),
    ...(document !== undefined && { document }),
  }));
  return JSON.stringify(spectralShape, null, 2) + '\n';
}
