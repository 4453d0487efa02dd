// What the yargs command line (commands.ts) and the fast path (fast-path.ts) share: turning
// option values into a command's arguments, and printing a failure. No yargs here.
import { colorsFor } from '../report/colors';
import { isUsageError, UsageError } from './files';
import { EXIT } from './lint-command';

/**
 * `--format sarif --output a.sarif --format stylish`: the n-th --output belongs to the n-th
 * --format; formats without one go to stdout, and at most one may.
 */
export function pairOutputs(formats: string[], files: string[]): { format: string; file?: string }[] {
  if (files.length > formats.length) throw new UsageError(`${files.length} --output for ${formats.length} --format: give a --format for each --output`);
  const outputs = formats.map((format, index) => ({ format, file: files[index] }));
  if (outputs.filter((output) => !output.file).length > 1) {
    throw new UsageError('several --format without --output would all write to stdout: give each but one an --output file');
  }
  return outputs;
}

export function fixMode(fix: boolean, dryRun: boolean): 'write' | 'dry-run' | undefined {
  if (fix && dryRun) throw new UsageError('--fix and --fix-dry-run cannot be combined: --fix-dry-run shows the diff --fix would write; give one of them');
  return fix ? 'write' : dryRun ? 'dry-run' : undefined;
}

/** A repeatable option is a string when given once, a list when given more, undefined when absent. */
export function listOf(value: unknown): string[] {
  return value === undefined ? [] : ([] as unknown[]).concat(value).map(String);
}

/** Prints what ended a command with an error (a usage error, or a crash); resolves the exit code. */
export function reportFailure(error: unknown): number {
  const colors = colorsFor(process.stderr);
  if (isUsageError(error)) {
    process.stderr.write(`${colors.red('error')} ${error.message}\n${colors.dim('Run `restlint --help` for usage.')}\n`);
    return EXIT.usage;
  }
  process.stderr.write(`${colors.red('restlint crashed')}: ${(error as Error).stack ?? String(error)}\nPlease report this with the file that caused it.\n`);
  return EXIT.usage;
}
