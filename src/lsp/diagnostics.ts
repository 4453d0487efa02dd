import type { Diagnostic } from 'vscode-languageserver';
import { PARSE_ERROR, type Finding } from '../engine/finding';
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
  if (finding.code !== PARSE_ERROR) diagnostic.codeDescription = { href: docUrlOf(finding.code) };
  return diagnostic;
}

/** The engine's parse-error finding (a file that cannot be parsed, one finding at its place). */
export { parseErrorFinding } from '../engine/finding';
