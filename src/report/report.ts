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
  /**
   * Findings a `--baseline` or `--since` run held back (known before, so not reported), for the
   * summary line: `No new problems (1,124 in the baseline)`. Absent when neither was given.
   */
  heldBack?: HeldBack;
}

/** How many findings each filter of an only-new run held back. */
export interface HeldBack {
  /** `--baseline` (or `--write-baseline`, which records them all): the findings it matched. */
  baseline?: number;
  /** `--since <ref>`: the findings the files already had at the ref. */
  since?: { ref: string; count: number };
}

/** `1,124 in the baseline`, `3 already at origin/main`: what was held back, for a summary line (empty when nothing was). */
export function heldBackText(heldBack: HeldBack | undefined): string {
  if (!heldBack) return '';
  const parts: string[] = [];
  if (heldBack.since) parts.push(`${formatCount(heldBack.since.count)} already at ${heldBack.since.ref}`);
  if (heldBack.baseline !== undefined) parts.push(`${formatCount(heldBack.baseline)} in the baseline`);
  return parts.join(', ');
}

/** A count as people read it: `1,124`. */
export function formatCount(count: number): string {
  return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** `1 problem`, `2 problems`. */
export function plural(count: number, word: string): string {
  return `${formatCount(count)} ${word}${count === 1 ? '' : 's'}`;
}

export const SEVERITY_NAMES = ['error', 'warn', 'info', 'hint'] as const;
