import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import type { Finding } from '../engine/finding';
import type { HeldBack } from '../report/report';
import { UsageError } from './files';
import { keyFindings, keyString, newFindings, type FindingKey } from './fingerprint';
import type { LintTask } from './lint-worker';
import { outputPath } from './files';
import { findingsNewSince } from './since';

/**
 * The baseline file (`--write-baseline`, `--baseline`): today's findings, so that later runs
 * report only new ones. JSON, sorted and pretty so it diffs well in review; files are
 * relative to the baseline's folder, so a checkout elsewhere still matches.
 */
export const BASELINE_VERSION = 1;

interface BaselineEntry extends FindingKey {
  count: number;
  /** For people reading the file; not used to match. */
  message: string;
}

interface BaselineFile {
  version: number;
  findings: BaselineEntry[];
}

export interface OnlyNewOptions {
  baseline?: string;
  writeBaseline?: string;
  since?: string;
}

/**
 * The step between linting and reporting: `--since` drops findings the files had at the git
 * ref, `--baseline` those recorded in the baseline, and `--write-baseline` records them all
 * (and so reports none). Returns the findings to report and how many each held back.
 */
export async function onlyNewFindings(findings: Finding[], entries: readonly string[], options: OnlyNewOptions, task: LintTask, cwd: string): Promise<{ findings: Finding[]; heldBack?: HeldBack }> {
  if (options.writeBaseline !== undefined && (options.baseline !== undefined || options.since !== undefined)) {
    throw new UsageError('--write-baseline records every finding: give it without --baseline and --since');
  }
  if (options.writeBaseline !== undefined) {
    writeBaseline(outputPath(options.writeBaseline, '--write-baseline', cwd), findings);
    process.stderr.write(`Recorded ${findings.length} finding${findings.length === 1 ? '' : 's'} in ${options.writeBaseline}; lint with --baseline ${options.writeBaseline} to see only new ones.\n`);
    return { findings: [], heldBack: { baseline: findings.length } };
  }
  if (options.baseline === undefined && options.since === undefined) return { findings };
  // Read the baseline first: a bad file is a usage error before any git work.
  const baseline = options.baseline === undefined ? undefined : readBaseline(resolve(cwd, options.baseline), options.baseline);
  let remaining = findings;
  const heldBack: HeldBack = {};
  if (options.since !== undefined) {
    const before = remaining.length;
    remaining = await findingsNewSince(remaining, entries, options.since, task);
    heldBack.since = { ref: options.since, count: before - remaining.length };
  }
  if (baseline) {
    const before = remaining.length;
    remaining = newFindings(remaining, keyFindings(remaining, fileKeyFrom(baseline.dir)), baseline.counts);
    heldBack.baseline = before - remaining.length;
  }
  return { findings: remaining, heldBack };
}

/** A file's key in a baseline: its path relative to the baseline's folder, with "/". */
function fileKeyFrom(dir: string): (source: string) => string {
  const base = realOrSame(dir);
  return (source) => relative(base, realOrSame(source)).split(sep).join('/');
}

function realOrSame(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function writeBaseline(path: string, findings: readonly Finding[]): void {
  const keys = keyFindings(findings, fileKeyFrom(dirname(path)));
  const entries = new Map<string, BaselineEntry>();
  keys.forEach((key, index) => {
    const entry = entries.get(keyString(key));
    if (entry) entry.count++;
    else entries.set(keyString(key), { ...key, count: 1, message: findings[index].message });
  });
  const sorted = [...entries.values()].sort((a, b) => compareText(a.file, b.file) || compareText(a.code, b.code) || compareText(a.fingerprint, b.fingerprint));
  const file: BaselineFile = {
    version: BASELINE_VERSION,
    findings: sorted.map(({ file, code, fingerprint, count, message }) => ({ file, code, fingerprint, count, message })),
  };
  writeFileSync(path, `${JSON.stringify(file, null, 2)}\n`);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads and checks a baseline; anything wrong is a usage error naming the file. */
function readBaseline(path: string, given: string): { dir: string; counts: Map<string, number> } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new UsageError(`--baseline ${given}: ${reason}; create it with \`restlint lint --write-baseline ${given}\``);
  }
  const invalid = (why: string) =>
    new UsageError(`--baseline ${given}: not a restlint baseline (${why}); recreate it with \`restlint lint --write-baseline ${given}\``);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw invalid(`invalid JSON: ${(error as Error).message}`);
  }
  const file = parsed as Partial<BaselineFile> | null;
  if (typeof file !== 'object' || file === null || Array.isArray(file)) throw invalid('expected a JSON object');
  if (file.version !== BASELINE_VERSION) throw invalid(`"version" is ${JSON.stringify(file.version)}, expected ${BASELINE_VERSION}`);
  if (!Array.isArray(file.findings)) throw invalid('"findings" is not a list');
  const counts = new Map<string, number>();
  file.findings.forEach((entry, index) => {
    const ok =
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.file === 'string' &&
      typeof entry.code === 'string' &&
      typeof entry.fingerprint === 'string' &&
      Number.isInteger(entry.count) &&
      entry.count > 0;
    if (!ok) throw invalid(`findings[${index}] needs "file", "code", "fingerprint" and a positive "count"`);
    const key = keyString({ file: entry.file, code: entry.code, fingerprint: entry.fingerprint } satisfies FindingKey);
    counts.set(key, (counts.get(key) ?? 0) + entry.count);
  });
  return { dir: dirname(path), counts };
}
