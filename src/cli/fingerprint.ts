import { readFileSync } from 'node:fs';
import type { Finding } from '../engine/finding';

/**
 * Fingerprints of findings, for `--baseline` and `--since`: which findings are the same
 * finding as one seen before, after the document was edited.
 *
 * A fingerprint hashes four things, and deliberately nothing else:
 * - the rule id;
 * - the message with every run of digits replaced by "#": messages name the offending path
 *   or node (the content that is wrong, which should count), but document-level findings
 *   also count things ("9 of 9 operations…"), and adding an unrelated operation must not
 *   make them new;
 * - the last three segments of the finding's JSON path, array indices replaced by "#": enough
 *   to tell a response's header from a parameter's, without depending on where the node
 *   sits in an array (inserting a parameter above shifts the indices) or on far ancestors;
 * - the first line of the offending text (the range), whitespace collapsed: the node as the
 *   author wrote it. Only the first line, because a multi-line range is a whole block (a
 *   schema, an operation) and an unrelated edit inside it should not make it new.
 * No line number and no full pointer: inserting lines above, reordering paths, or renaming
 * another path changes none of the four.
 *
 * The file is not hashed; callers key it separately (relative to the baseline's folder, or
 * to the repository), so a moved checkout still matches.
 */
export function fingerprint(finding: Finding, text: string | undefined): string {
  const message = finding.message.replace(/\d+/g, '#');
  const tail = finding.path.slice(-3).map((segment) => (typeof segment === 'number' ? '#' : segment));
  const offending = text === undefined ? '' : firstLineOf(text, finding.range);
  // Required here: node:crypto loads a dozen modules, which a lint that needs no hash would pay for at start-up.
   
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return createHash('sha256').update([finding.code, message, JSON.stringify(tail), offending].join('\0')).digest('hex').slice(0, 20);
}

function firstLineOf(text: string, range: Finding['range']): string {
  const lines = text.split(/\r?\n/);
  const line = lines[range.start.line] ?? '';
  const end = range.end.line === range.start.line ? range.end.character : line.length;
  return line.slice(range.start.character, end).replace(/\s+/g, ' ').trim();
}

/** The identity of a finding across runs: file key, rule, fingerprint. */
export interface FindingKey {
  file: string;
  code: string;
  fingerprint: string;
}

export function keyString(key: FindingKey): string {
  return `${key.file}\0${key.code}\0${key.fingerprint}`;
}

/**
 * Keys for findings. `fileKey` turns a finding's absolute source into the name it is matched
 * by; `readText` gives a source's text (the file is read once, however many findings it has).
 */
export function keyFindings(
  findings: readonly Finding[],
  fileKey: (source: string) => string,
  readText: (source: string) => string | undefined = readTextOrUndefined,
): FindingKey[] {
  const texts = new Map<string, string | undefined>();
  return findings.map((finding) => {
    if (!texts.has(finding.source)) texts.set(finding.source, readText(finding.source));
    return { file: fileKey(finding.source), code: finding.code, fingerprint: fingerprint(finding, texts.get(finding.source)) };
  });
}

function readTextOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** How many times each key occurs. */
export function countKeys(keys: readonly FindingKey[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(keyString(key), (counts.get(keyString(key)) ?? 0) + 1);
  return counts;
}

/**
 * The findings not accounted for by `known` (counts per key). Matching counts, not sets: when
 * a key was seen twice before and occurs three times now, one is new. Findings are taken in
 * the order given (sorted by position), so the later occurrences are the ones reported.
 */
export function newFindings<T>(findings: readonly T[], keys: readonly FindingKey[], known: ReadonlyMap<string, number>): T[] {
  const left = new Map(known);
  return findings.filter((_, index) => {
    const key = keyString(keys[index]);
    const remaining = left.get(key) ?? 0;
    if (remaining === 0) return true;
    left.set(key, remaining - 1);
    return false;
  });
}
