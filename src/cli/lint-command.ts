import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareFindings } from '../engine/finding';
import { ruleTimings } from '../engine/lint';
import { SEVERITY_NUMBER, type Severity } from '../engine/rule';
import { colorsFor } from '../report/colors';
import type { LintReport } from '../report/report';
import { formatFileError } from '../report/stylish';
import { lintRules } from '../../rules';
import { onlyNewFindings, type OnlyNewOptions } from './baseline';
import { collectFiles, maxBytesOf, UsageError } from './files';
import { runFixes, type FixMode } from './fix';
import { lintFiles } from './pool';
import { addSpectralPass } from './lint-worker';
import { writeOutputs } from './outputs';

/** The options `lint` and `probe` share: where reports go, what fails, which config, which files may be read. */
export interface ReportingArgs {
  /** One entry per `--format`; `output` pairs with it by position (`--output`), stdout when absent. */
  outputs: { format: string; file?: string }[];
  failSeverity: Severity;
  config?: string;
  quiet: boolean;
  root?: string;
  maxFileSize: number;
}

export interface LintArgs extends ReportingArgs {
  files: string[];
  /** `--fix` (write) or `--fix-dry-run` (print a diff): apply the rules' safe fixes. */
  fix?: FixMode;
  /** `--baseline`, `--write-baseline`, `--since`: report only new findings. */
  onlyNew?: OnlyNewOptions;
}

export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;


/**
 * `restlint lint`: 0 when nothing is at or above --fail-severity, 1 when something is,
 * 2 when a file cannot be linted (unreadable, unparsable, not OpenAPI, bad config).
 */
export async function lintCommand(args: LintArgs): Promise<number> {
  const cwd = process.cwd();
  const root = args.root === undefined ? undefined : resolve(cwd, args.root);
  if (root !== undefined && !isDirectory(root)) throw new UsageError(`--root ${args.root}: no such folder`);
  const maxBytes = maxBytesOf(args.maxFileSize);
  const files = await collectFiles(args.files, cwd);
  const progress = progressLine(files.length, !args.quiet);
  const task = { configPath: args.config, root, maxBytes };
  let outcomes = await lintFiles(files, task, () => progress.tick());
  progress.done();
  // --fix reports what is left after the fixes; --fix-dry-run changes nothing (src/cli/fix.ts).
  const fixed = args.fix && runFixes(outcomes, task, args.fix, cwd);
  if (fixed) outcomes = fixed.outcomes;
  // Spectral rulesets (a config's `extends: [spectral:oas]`, `.spectral.yaml`): async, after restlint's rules.
  outcomes = await addSpectralPass(outcomes, task);

  const threshold = SEVERITY_NUMBER[args.failSeverity];
  let findings = outcomes.flatMap((outcome) => outcome.findings);
  if (args.quiet) findings = findings.filter((finding) => finding.severity <= threshold);
  const seenErrors = new Set<string>();
  const lintErrors = outcomes.flatMap((outcome) => (outcome.failure ? [outcome.failure] : [])).filter((error) => {
    // A broken config is the same error for every file under it: say it once.
    const key = `${error.file}\0${error.message}`;
    return !seenErrors.has(key) && seenErrors.add(key);
  });
  const errors = [...lintErrors, ...(fixed ? fixed.errors : [])];
  const report: LintReport = { findings: dedupeAcrossEntries(findings), errors, files: outcomes.filter((outcome) => !outcome.failure).map((outcome) => outcome.file) };
  if (args.onlyNew) report.findings = await onlyNewFindings(report.findings, files, args.onlyNew, task, cwd);

  const stderrColors = colorsFor(process.stderr);
  for (const error of errors) process.stderr.write(formatFileError(error, stderrColors, cwd));
  if (fixed && fixed.diff) process.stdout.write(fixed.diff);
  writeOutputs(report, args.outputs, lintRules, cwd);

  if (ruleTimings) process.stderr.write(formatTimings(ruleTimings));
  if (errors.length > 0) return EXIT.usage;
  return report.findings.some((finding) => finding.severity <= threshold) ? EXIT.findings : EXIT.ok;
}

/** Two entry files that share a referenced file report its findings once. */
function dedupeAcrossEntries(findings: LintReport['findings']): LintReport['findings'] {
  const seen = new Set<string>();
  const unique = findings.filter((finding) => {
    const key = `${finding.source}\0${finding.code}\0${finding.path.join('\0')}\0${finding.message}`;
    return !seen.has(key) && seen.add(key);
  });
  return unique.sort(compareFindings);
}

/** "Linting 12/39 files…" on stderr, only when a person watches (a TTY) and there is more than one file. */
function progressLine(total: number, enabled: boolean) {
  const show = enabled && total > 1 && process.stderr.isTTY === true;
  let done = 0;
  return {
    tick() {
      done++;
      if (show) process.stderr.write(`\rLinting ${done}/${total} files…`);
    },
    done() {
      if (show) process.stderr.write('\r\u001b[K');
    },
  };
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** The slowest rules first (this thread's files only: set RESTLINT_TIMING with one file). */
function formatTimings(timings: Map<string, number>): string {
  const rows = [...timings].sort((a, b) => b[1] - a[1]).slice(0, 15);
  const width = Math.max(...rows.map(([id]) => id.length));
  return ['rule'.padEnd(width) + '  ms', ...rows.map(([id, ms]) => `${id.padEnd(width)}  ${ms.toFixed(1)}`)].join('\n') + '\n';
}
