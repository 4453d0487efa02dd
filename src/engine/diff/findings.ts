/**
 * The changes of `restlint diff` as findings, with the config's severities: `restlint diff` and
 * the editor's `restlint.diff.base` report them this one way.
 */
import type { Config } from '../config/config';
import type { OpenDocument } from '../document';
import { compareFindings, jsonPath, type Finding } from '../finding';
import { Ignores } from '../ignores';
import { SEVERITY_NUMBER, type Severity } from '../rule';
import { CHANGE_BY_ID } from './changes';
import type { Change } from './diff';

/**
 * A change's severity under the config (`rules: { endpoint-removed: warn }`, `off`, overrides
 * by file and pointer), or its level when the config does not name it. A weaker case (a removal
 * past its sunset date) stays weaker than the configured severity.
 */
export function changeSeverity(change: Change, config: Config): Severity | 'off' {
  const configured = config.settingsFor(change.at.file.path, change.at.pointer).get(change.id)?.severity;
  if (configured === undefined || configured === 'off') return configured ?? change.level;
  const defaultLevel = CHANGE_BY_ID.get(change.id)!.level;
  return SEVERITY_NUMBER[change.level] > SEVERITY_NUMBER[defaultLevel] && SEVERITY_NUMBER[change.level] > SEVERITY_NUMBER[configured] ? change.level : configured;
}

export interface DiffFindingsOptions {
  /** The config of the new side's entry file. */
  config: Config;
  /** The new side: its `x-restlint-ignore`s accept changes located in it. */
  newDocument: OpenDocument;
  /** How a file of each side is named in the findings (`ref:path` for a file read from git); default: its path. */
  nameOf?: (side: 'old' | 'new', file: string) => string;
}

/** A change reported: its finding, and the change it came from (the editor places removals by it). */
export interface DiffFinding {
  finding: Finding;
  change: Change;
}

/**
 * The changes the config does not turn off and no `x-restlint-ignore: { <change-id>: reason }`
 * of the new document accepts (one on a node accepts changes at or inside it), as findings in
 * report order: `breaking` for error and warn, `document` the side the location is in.
 */
export function diffFindings(changes: readonly Change[], options: DiffFindingsOptions): DiffFinding[] {
  const ignores = Ignores.collect(options.newDocument.files());
  const nameOf = options.nameOf ?? ((_side: 'old' | 'new', file: string) => file);
  const findings: DiffFinding[] = [];
  for (const change of changes) {
    const severity = changeSeverity(change, options.config);
    if (severity === 'off') continue;
    if (change.side === 'new' && !ignores.isEmpty && ignores.silences({ code: change.id, message: change.message, path: [...change.at.pointer], severity: 0, source: change.at.file.path, range: change.range })) continue;
    const finding: Finding = {
      code: change.id,
      message: change.message,
      path: jsonPath(change.at.file.data, change.at.pointer),
      severity: SEVERITY_NUMBER[severity],
      source: nameOf(change.side, change.at.file.path),
      range: change.range,
      operation: change.operation,
      breaking: severity === 'error' || severity === 'warn',
      document: change.side,
    };
    findings.push({ finding, change });
  }
  return findings.sort((a, b) => compareFindings(a.finding, b.finding));
}
