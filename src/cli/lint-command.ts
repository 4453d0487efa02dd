import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareFindings } from '../engine/finding';
import { ruleTimings } from '../engine/lint';
import { SEVERITY_NUMBER, type Severity } from '../engine/rule';
import { colorsFor } from '../report/colors';
import type { LintReport } from '../report/report';
import { formatFileError } from '../report/stylish';
import { allRules, lintRules } from '../../rules';
import { spectralRuleIds } from '../engine/spectral/lint';
import { closestName } from '../engine/suggest';
import { onlyNewFindings, type OnlyNewOptions } from './baseline';
import { collectFiles, UsageError } from './files';
import { formatFixSummary, runFixes, type FixMode } from './fix';
import { lintFiles } from './pool';
import { addSpectralPass } from './lint-worker';
import { outputPath, writeOutputs } from './outputs';

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
  /** `--skip-rule` (repeatable): rule ids, restlint's or a Spectral ruleset's, whose findings are not reported. */
  skipRules?: string[];
  /** `-D`/`--display-only-failures`: show only error-severity findings; the exit code still counts every finding. */
  displayOnlyFailures?: boolean;
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
  // A path that cannot be written is a usage error now, not after a long lint.
  for (const output of args.outputs) if (output.file !== undefined) outputPath(output.file, '--output', cwd, true);
  if (args.onlyNew?.writeBaseline !== undefined) outputPath(args.onlyNew.writeBaseline, '--write-baseline', cwd, true);
  const files = await collectFiles(args.files, cwd);
  const progress = progressLine(files.length, !args.quiet);
  const task = { configPath: args.config, root, maxBytes: args.maxFileSize * 1024 * 1024 };
  let outcomes = await lintFiles(files, task, () => progress.tick());
  progress.done();
  // --fix reports what is left after the fixes; --fix-dry-run changes nothing (src/cli/fix.ts).
  const fixed = args.fix && runFixes(outcomes, task, args.fix, cwd);
  if (fixed) outcomes = fixed.outcomes;
  // Spectral rulesets (a config's `extends: [spectral:oas]`, `.spectral.yaml`): async, after restlint's rules.
  outcomes = await addSpectralPass(outcomes, task);

  const threshold = SEVERITY_NUMBER[args.failSeverity];
  let findings = outcomes.flatMap((outcome) => outcome.findings);
  if (args.skipRules && args.skipRules.length > 0) {
    // A config that failed to load (exit 2, said below) may be where a skipped Spectral id comes from.
    const configFailed = outcomes.some((outcome) => outcome.failure?.kind === 'config');
    const skipped = checkSkipRules(args.skipRules, !configFailed);
    findings = findings.filter((finding) => !skipped.has(finding.code));
  }
  if (args.quiet) findings = findings.filter((finding) => finding.severity <= threshold);
  const seenErrors = new Set<string>();
  const lintErrors = outcomes.flatMap((outcome) => (outcome.failure ? [outcome.failure] : [])).filter((error) => {
    // A broken config is the same error for every file under it: say it once.
    const key = `${error.file}\0${error.message}`;
    return !seenErrors.has(key) && seenErrors.add(key);
  });
  const errors = [...lintErrors, ...(fixed ? fixed.errors : [])];
  const report: LintReport = { findings: dedupeAcrossEntries(findings), errors, files: outcomes.filter((outcome) => !outcome.failure).map((outcome) => outcome.file) };
  if (args.onlyNew) {
    const onlyNew = await onlyNewFindings(report.findings, files, args.onlyNew, task, cwd);
    report.findings = onlyNew.findings;
    if (onlyNew.heldBack) report.heldBack = onlyNew.heldBack;
  }

  const stderrColors = colorsFor(process.stderr);
  for (const error of errors) process.stderr.write(formatFileError(error, stderrColors, cwd));
  // --fix-dry-run: the diff alone on stdout (so `> fix.diff` holds a patch), the report on stderr or in --output.
  if (fixed && args.fix === 'dry-run') process.stdout.write(fixed.diff);
  const shown = args.displayOnlyFailures ? { ...report, findings: report.findings.filter((finding) => finding.severity === SEVERITY_NUMBER.error) } : report;
  writeOutputs(shown, args.outputs, lintRules, cwd, { quiet: args.quiet, stream: args.fix === 'dry-run' ? process.stderr : process.stdout });
  if (fixed && args.fix) process.stderr.write(formatFixSummary(fixed, args.fix, cwd, args.quiet));

  if (ruleTimings) process.stderr.write(formatTimings(ruleTimings));
  if (errors.length > 0) return EXIT.usage;
  return report.findings.some((finding) => finding.severity <= threshold) ? EXIT.findings : EXIT.ok;
}

/**
 * `--skip-rule` ids as a set; an id that is neither a restlint rule nor a rule of a Spectral
 * ruleset this run loaded is a usage error (a typo would otherwise skip nothing, silently),
 * unless `check` is off (a config failed to load, so its Spectral rules are not known).
 */
function checkSkipRules(ids: readonly string[], check: boolean): Set<string> {
  const known = [...allRules.map((rule) => rule.meta.id), ...spectralRuleIds()];
  for (const id of ids) {
    if (!check || known.includes(id)) continue;
    const close = closestName(id, known);
    throw new UsageError(`--skip-rule ${id}: no such rule${close ? ` (did you mean "${close}"?)` : ''}; \`restlint rules\` lists restlint's`);
  }
  return new Set(ids);
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
