import type { Diagnostic } from 'vscode-languageserver';
import type { Finding } from '../engine/finding';
import { docUrlOf } from '../engine/rule-docs';

/** Spectral's severity numbers (0 error … 3 hint) to LSP's (1 error … 4 hint). */
const LSP_SEVERITY = [1, 2, 3, 4] as const;

/** Where a finding comes from, as the editor shows it. */
export type FindingOrigin = 'restlint' | 'restlint probe' | 'restlint diff';

/** A finding as an editor diagnostic: exact range, severity, rule id as `code`, a link to the rule's doc. */
export function toDiagnostic(finding: Finding, origin: FindingOrigin = 'restlint'): Diagnostic {
  const diagnostic: Diagnostic = {
    range: finding.range,
    severity: LSP_SEVERITY[finding.severity],
    code: finding.code,
    source: origin,
    message: finding.evidence ? `${finding.message}\n${finding.evidence.request.split('\n')[0]} → ${finding.evidence.response.split('\n')[0]}` : finding.message,
  };
  if (finding.code !== 'parse-error') diagnostic.codeDescription = { href: docUrlOf(finding.code) };
  return diagnostic;
}

/** A file that cannot be parsed, as one finding at its place (code `parse-error`). */
export function parseErrorFinding(file: string, message: string, range: Finding['range'] | undefined): Finding {
  return { code: 'parse-error', message, path: [], severity: 0, source: file, range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}
