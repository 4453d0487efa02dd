// The command lines most runs are, parsed without yargs: `restlint --version` and a plain
// `restlint lint [files] [-f FORMAT] [-o FILE] [-q] [-c|--ruleset CONFIG] [-F SEVERITY] [--root DIR]`.
// Loading and setting up yargs (it also lays out the help text on every run) was a fifth of a
// small lint's cold start. Anything else, or anything unusual in these (a repeated option that
// is not repeatable, a value that is not one of its choices or starts with "-", `--name=value`,
// `--`, an empty argument, "true" or "false" after -q), goes to yargs (commands.ts), which then
// says what is wrong exactly as always: this path only ever takes lines yargs would parse the
// same way (test/cli-fast-path.test.ts checks a table of them against yargs).
import { SEVERITIES, type Severity } from '../engine/rule';
import { DEFAULT_MAX_BYTES } from '../engine/source/source-file';
import { REPORTERS } from '../report/formats';
import { pairOutputs, reportFailure } from './args';
import { lintCommand, type LintArgs } from './lint-command';

declare const RESTLINT_VERSION: string | undefined;

/** The exit code of the command line run here, or undefined when yargs must parse it. */
export function runFast(argv: readonly string[]): Promise<number> | undefined {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-v')) {
    process.stdout.write(`${typeof RESTLINT_VERSION === 'string' ? RESTLINT_VERSION : 'dev'}\n`);
    return Promise.resolve(0);
  }
  if (argv[0] !== 'lint') return undefined;
  const parsed = parseLint(argv.slice(1));
  return parsed === undefined ? undefined : lint(parsed);
}

/** A `lint` command line the fast path takes, its options as given (parseLint). */
export interface PlainLint {
  files: string[];
  format: string[];
  output: string[];
  'fail-severity'?: string;
  config?: string;
  root?: string;
  quiet?: boolean;
}

/** The value-taking options (name → what it is called in PlainLint) and whether each repeats. */
const VALUED: Record<string, { key: 'format' | 'output' | 'fail-severity' | 'config' | 'root'; repeats: boolean }> = {
  '--format': { key: 'format', repeats: true },
  '-f': { key: 'format', repeats: true },
  '--output': { key: 'output', repeats: true },
  '-o': { key: 'output', repeats: true },
  '--fail-severity': { key: 'fail-severity', repeats: false },
  '-F': { key: 'fail-severity', repeats: false },
  '--config': { key: 'config', repeats: false },
  '-c': { key: 'config', repeats: false },
  '--ruleset': { key: 'config', repeats: false },
  '--root': { key: 'root', repeats: false },
};

/**
 * The options of a plain `lint` command line (`args` without the `lint`), or undefined when yargs
 * must parse it. Exported for test/cli-fast-path.test.ts, which checks that yargs parses every
 * line taken here into the same LintArgs.
 */
export function parseLint(args: readonly string[]): PlainLint | undefined {
  const parsed: PlainLint = { files: [], format: [], output: [] };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '') return undefined;
    if (!arg.startsWith('-')) {
      parsed.files.push(arg);
      continue;
    }
    if (arg === '--quiet' || arg === '-q') {
      // yargs takes a "true" or "false" after a boolean option as its value, not as a file.
      if (parsed.quiet || args[i + 1] === 'true' || args[i + 1] === 'false') return undefined;
      parsed.quiet = true;
      continue;
    }
    const option = Object.hasOwn(VALUED, arg) ? VALUED[arg] : undefined;
    const value = args[i + 1];
    if (option === undefined || value === undefined || value === '' || value.startsWith('-')) return undefined;
    i++;
    if (option.key === 'format' || option.key === 'output') {
      parsed[option.key].push(value);
    } else {
      if (parsed[option.key] !== undefined) return undefined;
      parsed[option.key] = value;
    }
  }
  if (!parsed.format.every((format) => Object.hasOwn(REPORTERS, format))) return undefined;
  if (parsed['fail-severity'] !== undefined && !(SEVERITIES as readonly string[]).includes(parsed['fail-severity'])) return undefined;
  return parsed;
}

async function lint(parsed: PlainLint): Promise<number> {
  try {
    return await lintCommand(lintArgsOf(parsed));
  } catch (error) {
    return reportFailure(error);
  }
}

/**
 * What commands.ts's `lint` handler gives lintCommand for the same line (with yargs' defaults);
 * throws the UsageError it would (--output and --format that do not pair).
 */
export function lintArgsOf(parsed: PlainLint): LintArgs {
  return {
    files: parsed.files,
    outputs: pairOutputs(parsed.format.length ? parsed.format : ['stylish'], parsed.output),
    failSeverity: (parsed['fail-severity'] ?? 'error') as Severity,
    config: parsed.config,
    quiet: parsed.quiet ?? false,
    root: parsed.root,
    maxFileSize: DEFAULT_MAX_BYTES / 1024 / 1024,
    fix: undefined,
    onlyNew: { baseline: undefined, writeBaseline: undefined, since: undefined },
    skipRules: [],
    displayOnlyFailures: false,
  };
}
