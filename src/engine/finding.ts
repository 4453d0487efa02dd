import type { Config } from './config/config';
import type { NodeLocation } from './model/location';
import { SEVERITY_NUMBER, type Severity, type TextEdit } from './rule';
import type { Range } from './source/line-index';

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
  /** For changes of `restlint diff`: the operation changed (`POST /users`), null for a document-wide change. */
  operation?: string | null;
  /** For changes of `restlint diff`: whether the change breaks clients (its severity is error or warn). */
  breaking?: boolean;
  /** For changes of `restlint diff`: which document the location is in (`old` for a removal). */
  document?: 'old' | 'new';
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

/** The code of the finding a file that does not parse is: not a rule, never off, always an error. */
export const PARSE_ERROR = 'parse-error';

/** A file that cannot be parsed (or read as text), as one finding at its place (code `parse-error`). */
export function parseErrorFinding(file: string, message: string, range: Range | undefined, path: (string | number)[] = []): Finding {
  return { code: PARSE_ERROR, message, path, severity: 0, source: file, range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

/** What a rule (or the engine, or the prober) reports, before the config decides its severity. */
export interface FindingInput {
  code: string;
  message: string;
  at: NodeLocation;
  /** Computed only for a finding that is kept. */
  range: () => Range;
  /** At most this severity: a weaker case of the rule lowers the configured severity, never raises it. */
  cap?: Severity;
  /** The operation the finding was found through (see Report.usedBy). */
  usedBy?: string;
  /**
   * The fix's edits, computed when a reader asks (--fix, the editor, SARIF), not for every
   * report: placing an edit reads the source text, and a large document reports thousands.
   */
  fix?: () => TextEdit[] | undefined;
  evidence?: () => Evidence;
}

/**
 * Collects findings as lint and probe both report them: the severity the config gives the rule
 * at that place (nothing when it is off there), the same finding at the same place once, and a
 * node shared by several operations reported once with their number.
 */
export class FindingCollector {
  private readonly found = new Map<string, { finding: Finding; users: Set<string> }>();

  constructor(private readonly config: Config) {}

  get size(): number {
    return this.found.size;
  }

  add(input: FindingInput): void {
    const key = `${input.code}\0${input.at.file.path}\0${input.at.pointer.join('/')}\0${input.message}`;
    const seen = this.found.get(key);
    if (seen) {
      if (input.usedBy) seen.users.add(input.usedBy);
      return;
    }
    const configured = this.config.settingsFor(input.at.file.path, input.at.pointer).get(input.code)?.severity ?? 'off';
    if (configured === 'off') return;
    const severity = input.cap && SEVERITY_NUMBER[input.cap] > SEVERITY_NUMBER[configured] ? input.cap : configured;
    const finding: Finding = {
      code: input.code,
      message: input.message,
      path: jsonPath(input.at.file.data, input.at.pointer),
      severity: SEVERITY_NUMBER[severity],
      source: input.at.file.path,
      range: input.range(),
    };
    if (input.fix) defineLazily(finding, 'fix', input.fix);
    if (input.evidence) finding.evidence = input.evidence();
    this.found.set(key, { finding, users: new Set(input.usedBy ? [input.usedBy] : []) });
  }

  /**
   * A parse error: of a referenced file (once, however many `$ref`s name it), or at a `$ref` to
   * one. Not a rule's finding: no config turns it off, and it is always an error.
   */
  addParseError(file: string, message: string, range: Range | undefined, path?: (string | number)[]): void {
    const key = `${PARSE_ERROR}\0${file}\0${range ? `${range.start.line}:${range.start.character}` : ''}\0${message}`;
    if (!this.found.has(key)) this.found.set(key, { finding: parseErrorFinding(file, message, range, path), users: new Set() });
  }

  /** Drops the findings `silenced` says are silenced (inline ignores). */
  drop(silenced: (finding: Finding) => boolean): void {
    for (const [key, { finding }] of this.found) if (silenced(finding)) this.found.delete(key);
  }

  /** The findings, sorted; a finding reached through several operations says by how many. */
  results(): Finding[] {
    return [...this.found.values()]
      .map(({ finding, users }) => (users.size > 1 ? { ...finding, message: `${finding.message} (shared by ${users.size} operations)` } : finding))
      .sort(compareFindings);
  }
}

/**
 * Gives `object` an enumerable `key` whose value `compute` makes on the first read (a copy, a
 * structured clone to a worker and every reader see the value, as for a plain property).
 */
function defineLazily<T extends object, K extends keyof T>(object: T, key: K, compute: () => T[K]): void {
  Object.defineProperty(object, key, {
    enumerable: true,
    configurable: true,
    get() {
      const value = compute();
      Object.defineProperty(object, key, { value, enumerable: true, configurable: true, writable: true });
      return value;
    },
  });
}

/** A JSON pointer as Spectral's path: array indices as numbers. */
export function jsonPath(data: unknown, pointer: readonly string[]): (string | number)[] {
  const path: (string | number)[] = [];
  let node = data;
  for (const segment of pointer) {
    path.push(Array.isArray(node) ? Number(segment) : segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return path;
}
