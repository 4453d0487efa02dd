import type { Finding } from '../engine/finding';
import type { Range } from '../engine/source/line-index';

/** A file that could not be linted: unreadable, unparsable, not OpenAPI, or a bad config. */
export interface FileError {
  file: string;
  message: string;
  range?: Range;
  hint?: string;
}

/** What a reporter gets: every finding (sorted) and every file that could not be linted. */
export interface LintReport {
  findings: Finding[];
  errors: FileError[];
  /** The entry files that were linted (absolute), in the order given; not those that failed. */
  files: string[];
}

export const SEVERITY_NAMES = ['error', 'warn', 'info', 'hint'] as const;
