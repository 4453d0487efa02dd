import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { compareFindings } from '../engine/finding';
import { ruleTimings } from '../engine/lint';
import { SEVERITY_NUMBER, type Severity } from '../engine/rule';
import { colorsFor } from '../report/colors';
import type { LintReport } from '../report/report';
import { displayPath, formatFileError } from '../report/stylish';
import { allRules, lintRules } from '../../rules';
import { spectralRuleIds } from '../engine/spectral/lint';
import { closestName } from '../engine/suggest';
import { onlyNewFindings, type OnlyNewOptions } from './baseline';
import { collectFileList, maxBytesOf, outputPath, UsageError } from './files';
import type { FileOutcome } from './lint-worker';
import { formatFixSummary, runFixes, type FixMode } from './fix';
import { lintFiles } from './pool';
import { addSpectralPass } from './lint-worker';
import { lintRun } from './html-lint-run';
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
  const maxBytes = maxBytesOf(args.maxFileSize);
  const startedAt = new Date();
  const { files, named } = await collectFileList(args.files, cwd);
  const progress = progressLine(files.length, !args.quiet);
  const task = { configPath: args.config, root, maxBytes };
  const linted = await lintFiles(files, task, () => progress.tick());
  progress.done();
  const { entries, skipped } = splitFragments(linted, named);
  let outcomes = entries;
  // --fix reports what is left after the fixes; --fix-dry-run changes nothing (src/cli/fix.ts).
  const fixed = args.fix && runFixes(outcomes, task, args.fix, cwd);
  if (fixed) outcomes = fixed.outcomes;
  // Spectral rulesets (a config's `extends: [spectral:oas]`, `.spectral.yaml`): async, after restlint's rules.
  outcomes = await addSpectralPass(outcomes, task);
  // An AsyncAPI document a glob matched is Spectral's to lint (spectral:asyncapi); without a Spectral ruleset, it is skipped.
  const asyncApiSkipped = new Set(outcomes.filter((outcome) => outcome.failure?.documentType === 'asyncapi' && outcome.failure.file === outcome.file && !named.has(outcome.file)).map((outcome) => outcome.file));
  if (asyncApiSkipped.size > 0) {
    outcomes = outcomes.filter((outcome) => !asyncApiSkipped.has(outcome.file));
    skipped.push(...asyncApiSkipped);
    skipped.sort();
  }

  const threshold = SEVERITY_NUMBER[args.failSeverity];
  let findings = outcomes.flatMap((outcome) => outcome.findings);
  if (args.skipRules && args.skipRules.length > 0) {
    // A config that failed to load (exit 2, said below) may be where a skipped Spectral id comes from.
    const configFailed = outcomes.some((outcome) => outcome.failure?.kind === 'config');
    const skippedRules = checkSkipRules(args.skipRules, !configFailed);
    findings = findings.filter((finding) => !skippedRules.has(finding.code));
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
    const onlyNew = await onlyNewFindings(report.findings, outcomes.map((outcome) => outcome.file), args.onlyNew, task, cwd);
    report.findings = onlyNew.findings;
    if (onlyNew.heldBack) report.heldBack = onlyNew.heldBack;
  }

  const stderrColors = colorsFor(process.stderr);
  if (skipped.length > 0 && !args.quiet) process.stderr.write(stderrColors.dim(skippedLine(skipped, cwd)) + '\n');
  for (const error of errors) process.stderr.write(formatFileError(error, stderrColors, cwd));
  // --fix-dry-run: the diff alone on stdout (so `> fix.diff` holds a patch), the report on stderr or in --output.
  if (fixed && args.fix === 'dry-run') process.stdout.write(fixed.diff);
  const shown = args.displayOnlyFailures ? { ...report, findings: report.findings.filter((finding) => finding.severity === SEVERITY_NUMBER.error) } : report;
  const run = args.outputs.some((output) => output.format === 'html') ? lintRun(report.files, startedAt, maxBytes) : undefined;
  writeOutputs(shown, args.outputs, lintRules, cwd, { quiet: args.quiet, run, stream: args.fix === 'dry-run' ? process.stderr : process.stdout });
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

/**
 * The outcomes that are the run's entries, and the files a glob matched that are not OpenAPI
 * documents and no entry references (skipped, said in one line). A file that is not OpenAPI
 * but is referenced by an entry in the run (a `$ref` fragment of a split document) is linted
 * as part of that entry: its findings come with the entry's; so is one that does not parse (the
 * entry reports a parse-error finding on it). Only a file named on the command line that is
 * neither stays an error.
 */
function splitFragments(outcomes: readonly FileOutcome[], named: ReadonlySet<string>): { entries: FileOutcome[]; skipped: string[] } {
  const notOpenApi = (outcome: FileOutcome) => outcome.failure?.kind === 'not-openapi' && outcome.failure.file === outcome.file && outcome.failure.documentType === undefined;
  const unparsable = (outcome: FileOutcome) => (outcome.failure?.kind === 'parse' || outcome.failure?.kind === 'not-text') && outcome.failure.file === outcome.file;
  const referenced = new Set(outcomes.filter((outcome) => !notOpenApi(outcome) && !unparsable(outcome)).flatMap((outcome) => outcome.referenced ?? []));
  const entries: FileOutcome[] = [];
  const skipped: string[] = [];
  for (const outcome of outcomes) {
    // A referenced file a glob matched that does not parse: the entry that references it reports it (a parse-error finding).
    if (unparsable(outcome) && referenced.has(outcome.file) && !named.has(outcome.file)) continue;
    if (!notOpenApi(outcome)) entries.push(outcome);
    else if (referenced.has(outcome.file)) continue;
    else if (named.has(outcome.file)) entries.push(outcome);
    else skipped.push(outcome.file);
  }
  return { entries, skipped };
}

/** `skipped 12 files that are not OpenAPI documents (e.g. a.yaml, b.yaml)`. */
function skippedLine(skipped: readonly string[], cwd: string): string {
  const examples = skipped.slice(0, 2).map((file) => displayPath(file, cwd));
  const count = skipped.length === 1 ? '1 file that is not an OpenAPI document' : `${skipped.length} files that are not OpenAPI documents`;
  return `skipped ${count} (${skipped.length > 2 ? 'e.g. ' : ''}${examples.join(', ')})`;
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
