import type { Range } from './source/line-index';
import type { TextEdit } from './rule';

/**
 * One finding, in Spectral's JSON result shape so tools that read Spectral output read
 * restlint's unchanged. Lines and characters are zero-based. Keep this shape stable.
 */
export interface Finding {
  code: string;
  message: string;
  /** JSON path inside `source`; array indices are numbers, as in Spectral. */
  path: (string | number)[];
  /** 0 error, 1 warn, 2 info, 3 hint. */
  severity: 0 | 1 | 2 | 3;
  /** Absolute path of the file the finding is in (a referenced file, for findings there). */
  source: string;
  range: Range;
  /**
   * Text edits that fix the finding, all in `source`. Not part of Spectral's shape: the JSON
   * reporter leaves it out; `--fix`, SARIF and the language server use it.
   */
  fix?: TextEdit[];
  /**
   * For findings of `restlint probe`: the request sent and the part of the live response that
   * breaks the rule, with secrets given in headers redacted.
   */
  evidence?: Evidence;
}

export interface Evidence {
  /** `GET /v1/users/42` and the headers that matter (`authorization: Bearer ***`). */
  request: string;
  /** `500 text/html` and the relevant part of the body or headers. */
  response: string;
}

/** Evidence as text lines: `request: GET /v1/users/42`, `response: 500 text/html …`. */
export function evidenceLines(evidence: Evidence): string[] {
  const indent = (text: string) => text.split('\n').join('\n  ');
  return [`request: ${indent(evidence.request)}`, `response: ${indent(evidence.response)}`];
}

/** Sorted by source, then line, then character, then code. */
export function compareFindings(a: Finding, b: Finding): number {
  if (a.source !== b.source) return a.source < b.source ? -1 : 1;
  if (a.range.start.line !== b.range.start.line) return a.range.start.line - b.range.start.line;
  if (a.range.start.character !== b.range.start.character) return a.range.start.character - b.range.start.character;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
