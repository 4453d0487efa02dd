import yargs, { type Argv } from 'yargs';
import { SEVERITIES, type Severity } from '../engine/rule';
import { DEFAULT_MAX_BYTES } from '../engine/source/source-file';
import { UsageError } from './files';
import { EXIT, lintCommand, type LintArgs } from './lint-command';
import { fixMode, listOf, pairOutputs, reportFailure } from './args';
import { explainCommand, rulesCommand } from './rules-command';
import { REPORTERS } from '../report/formats';
import { DEFAULT_PROBE_LIMITS } from '../probe/limits';

declare const RESTLINT_VERSION: string | undefined;

/** Parses the command line and runs a command; resolves to the exit code. */
export async function run(argv: string[]): Promise<number> {
  const state = { exitCode: EXIT.ok as number };
  try {
    await commandLine(argv, state, lintCommand).parseAsync();
  } catch (error) {
    return reportFailure(error);
  }
  return state.exitCode;
}

/**
 * The LintArgs yargs parses from a `lint …` command line, without linting (undefined for
 * another command); throws what run() would report. For test/cli-fast-path.test.ts: the fast
 * path (fast-path.ts) may take only lines that yargs parses into the same.
 */
export async function parseLintArgs(argv: string[]): Promise<LintArgs | undefined> {
  let parsed: LintArgs | undefined;
  await commandLine(argv, { exitCode: EXIT.ok }, (args) => {
    parsed = args;
    return Promise.resolve(EXIT.ok);
  }).parseAsync();
  return parsed;
}

/** restlint's yargs parser for `argv`; its handlers set `state.exitCode`, `lint`'s through `runLint`. */
function commandLine(argv: string[], state: { exitCode: number }, runLint: (args: LintArgs) => Promise<number>) {
  return yargs(argv)
    .scriptName('restlint')
    .usage('$0 <command> [options]\n\nREST API design linter for OpenAPI 2.0, 3.0 and 3.1, and prober of running APIs.')
    .command(
      'lint [files..]',
      'Lint OpenAPI documents (default: openapi.yaml/.yml/.json or swagger.* in the current folder)',
      (command) =>
        withReportingOptions(command.positional('files', { describe: 'Files or globs to lint', type: 'string', array: true, default: [] as string[] }))
          .option('fix', { type: 'boolean', default: false, describe: 'Apply the safe fixes (path slashes) to the files, say on stderr how many and any held back, then report what is left' })
          .option('fix-dry-run', { type: 'boolean', default: false, describe: 'Print the safe fixes as a unified diff on stdout, alone (the report goes to stderr, or to --output); change nothing' })
          .option('write-baseline', { type: 'string', describe: "Record today's findings in this file (e.g. .restlint-baseline.json) and report none" })
          .option('baseline', { type: 'string', describe: 'Report only findings not recorded in this baseline file' })
          .option('since', { type: 'string', describe: 'Report only findings the files did not have at this git ref (e.g. origin/main)' })
          .option('skip-rule', { type: 'string', describe: 'Do not report this rule, a restlint or Spectral rule id (repeatable), as in Spectral' })
          .option('display-only-failures', {
            alias: 'D',
            type: 'boolean',
            default: false,
            describe: "Show only error-severity findings (Spectral's -D); the summary stays and the exit code still counts every finding (--quiet: errors only, no summary)",
          })
          .example('$0 lint openapi.yaml', 'Lint one document')
          .example('$0 lint "specs/**/*.yaml" --format json', 'Lint many, Spectral-compatible JSON on stdout')
          .example('$0 lint --fail-severity warn', 'Fail on warnings too')
          .example('$0 lint openapi.yaml -f sarif -o restlint.sarif -f stylish', 'SARIF for code scanning, and a summary on the terminal')
          .example('$0 lint openapi.yaml --ruleset .spectral.yaml --skip-rule operation-tags', 'As with spectral lint: a Spectral ruleset, one of its rules left out')
          .example('$0 lint openapi.yaml --since origin/main', 'In a pull request: only findings that are new against the base branch'),
      async (args) => {
        state.exitCode = await runLint({
          files: args.files as string[],
          outputs: pairOutputs(listOf(args.format), listOf(args.output)),
          failSeverity: args['fail-severity'] as Severity,
          config: args.config,
          quiet: args.quiet,
          root: args.root,
          maxFileSize: args['max-file-size'],
          fix: fixMode(args.fix, args['fix-dry-run']),
          onlyNew: { baseline: args.baseline, writeBaseline: args['write-baseline'], since: args.since },
          skipRules: listOf(args['skip-rule']),
          displayOnlyFailures: args['display-only-failures'],
        });
      },
    )
    .command(
      'diff <old> [new]',
      'Breaking changes between two versions of an API: two files (either may be git-ref:path), or a file --since a git ref',
      (command) =>
        withReportingOptions(command)
          .positional('old', { describe: 'The old version: an entry file, or git-ref:path (e.g. origin/main:openapi.yaml); with --since, the file', type: 'string', demandOption: true })
          .positional('new', { describe: 'The new version: an entry file, or git-ref:path', type: 'string' })
          .option('since', { type: 'string', describe: 'Compare the file with itself at this git ref (e.g. origin/main)' })
          .example('$0 diff old.yaml openapi.yaml', 'Two files; their $refs are followed')
          .example('$0 diff origin/main:openapi.yaml openapi.yaml', 'Either side may be git-ref:path')
          .example('$0 diff openapi.yaml --since origin/main', 'In a pull request: what the change breaks for clients')
          .example('$0 diff openapi.yaml --since origin/main -f markdown -o changelog.md', 'A changelog, breaking changes first'),
      async (args) => {
        // Required here: `lint` never loads the differ.
        const { diffCommand } = require('./diff-command') as typeof import('./diff-command');
        state.exitCode = await diffCommand({
          old: args.old as string,
          new: args.new,
          since: args.since,
          outputs: pairOutputs(listOf(args.format), listOf(args.output)),
          failSeverity: args['fail-severity'] as Severity,
          config: args.config,
          quiet: args.quiet,
          root: args.root,
          maxFileSize: args['max-file-size'],
        });
      },
    )
    .command(
      'bundle <entry>',
      'Bundle a document split over many files into one self-contained file (local files only; no remote $ref is fetched)',
      (command) =>
        withSourceOptions(command, ' (the bundle may be up to 4 times it)')
          .positional('entry', { describe: 'The entry file of the document (the one with `openapi:` or `swagger:`)', type: 'string', demandOption: true })
          .option('output', { alias: 'o', type: 'string', describe: 'Write the bundle to this file: JSON for .json, YAML for .yaml/.yml (default: stdout, in the entry\'s format)' })
          .option('dereference', { type: 'boolean', default: false, describe: 'Inline every $ref too; a $ref whose inlining would loop (a recursive schema) is kept, pointing inside the output' })
          .option('config', { alias: 'c', type: 'string', describe: 'Config file (default: .restlint.yaml found by walking up from the entry)' })
          .example('$0 bundle openapi.yaml -o dist/openapi.yaml', 'One YAML file from a document split over many')
          .example('$0 bundle openapi.yaml -o dist/openapi.json', 'The same, as JSON')
          .example('$0 bundle openapi.yaml --dereference -o flat.json', 'Every $ref inlined too')
          .example('$0 bundle specs/api.yaml --root .', 'Allow $refs to files anywhere under the current folder'),
      async (args) => {
        // Required here: `lint` never loads the bundler (dist/bundle-command.js, with swagger-parser in it).
        const { bundleCommand } = require('./bundle-command') as typeof import('./bundle-command');
        state.exitCode = await bundleCommand({
          entry: args.entry as string,
          output: args.output,
          dereference: args.dereference,
          root: args.root,
          config: args.config,
          maxFileSize: args['max-file-size'],
        });
      },
    )
    .command(
      'probe',
      'Probe a running API: send requests planned from the spec and report what the responses break',
      (command) =>
        withReportingOptions(command)
          .option('spec', { alias: 's', type: 'string', demandOption: 'give the OpenAPI document to plan from: --spec openapi.yaml', describe: 'The OpenAPI document of the API' })
          .option('base-url', { alias: 'u', type: 'string', describe: 'Where the API runs (its path is put before every documented path), e.g. http://127.0.0.1:3000' })
          .option('app', { type: 'string', describe: 'A module exporting the app instead (Express or any (req, res) handler, Koa, Fastify, an http.Server, or a promise or factory of one), run in-process' })
          .option('base-path', { type: 'string', describe: "With --app: the path put before every documented path, e.g. /api (default: the path of the document's first server URL when it is relative or local)" })
          .option('header', { alias: 'H', type: 'string', describe: 'Send this header with every request, "Name: value" (repeatable); its value is never printed' })
          .option('param', { alias: 'p', type: 'string', describe: 'A value for a parameter, name=value (repeatable): path ids, required query parameters' })
          .option('body', { type: 'string', describe: 'A request body for an operation, "METHOD /path=@file.json" or "METHOD /path={…JSON…}" (repeatable); sent instead of the document\'s examples' })
          .option('allow-mutations', { type: 'boolean', default: false, describe: 'Also send POST, PUT, PATCH and DELETE (they change data on the server)' })
          .option('rate', { type: 'string', default: `${DEFAULT_PROBE_LIMITS.rate}/s`, describe: 'Requests per second (20/s) or minute (600/m) at most; 0 for no limit' })
          .option('concurrency', { type: 'number', default: DEFAULT_PROBE_LIMITS.concurrency, describe: 'Requests in flight at once' })
          .option('timeout', { type: 'string', default: `${DEFAULT_PROBE_LIMITS.timeoutMs / 1000}s`, describe: 'How long to wait for each answer' })
          .option('deadline', { type: 'string', default: `${DEFAULT_PROBE_LIMITS.totalMs / 60_000}m`, describe: 'How long the whole probe may take; nothing is sent after it' })
          .option('max-requests', { type: 'number', default: DEFAULT_PROBE_LIMITS.maxRequests, describe: 'Requests to send at most' })
          .option('dry-run', { type: 'boolean', default: false, describe: 'Print the requests the probe would send first; send nothing' })
          .check((args) => {
            if (args['dry-run'] && args.app === undefined) return true;
            if ((args['base-url'] === undefined) === (args.app === undefined)) throw new UsageError('give one of --base-url (a running API) or --app (a module exporting the app)');
            return true;
          })
          .example('$0 probe --spec openapi.yaml --base-url http://127.0.0.1:3000', 'Probe a local API with safe methods only (GET, HEAD, OPTIONS, TRACE)')
          .example('$0 probe -s openapi.yaml -u https://staging.example.com/api -H "Authorization: Bearer $TOKEN" --param userId=42', 'With credentials and a known id')
          .example('$0 probe -s openapi.yaml --app ./src/app.js --allow-mutations', 'An Express/Koa/Fastify app in-process, writes included')
          .example('$0 probe -s openapi.yaml -u http://127.0.0.1:3000 -f sarif -o probe.sarif', 'SARIF: findings shown on the spec in code scanning'),
      async (args) => {
        // Required here: `lint` never loads the prober.
         
        const { probeCommand } = require('./probe-command') as typeof import('./probe-command');
        state.exitCode = await probeCommand({
          spec: args.spec as string,
          baseUrl: args['base-url'],
          app: args.app,
          basePath: args['base-path'],
          headers: listOf(args.header),
          params: listOf(args.param),
          bodies: listOf(args.body),
          allowMutations: args['allow-mutations'],
          rate: args.rate,
          concurrency: args.concurrency,
          timeout: args.timeout,
          deadline: args.deadline,
          maxRequests: args['max-requests'],
          outputs: pairOutputs(listOf(args.format), listOf(args.output)),
          failSeverity: args['fail-severity'] as Severity,
          config: args.config,
          quiet: args.quiet,
          root: args.root,
          maxFileSize: args['max-file-size'],
          dryRun: args['dry-run'],
        });
      },
    )
    .command(
      'lsp',
      'Run the language server (for editors): diagnostics, fixes, hovers for OpenAPI documents',
      (command) =>
        command
          .option('stdio', { type: 'boolean', default: true, describe: 'Talk LSP over stdin and stdout (the only transport)' })
          .example('$0 lsp --stdio', 'What an editor runs; see extension/ for VS Code'),
      () => {
        // Required here: `lint` never loads the language server.
         
        const { lspCommand } = require('./lsp-command') as typeof import('./lsp-command');
        lspCommand();
      },
    )
    .command(
      'rules',
      'List every rule with its default severity, group and description, then the change ids of `restlint diff`; with --profile, what a profile changes',
      (command) =>
        command
          .option('format', { alias: 'f', choices: ['table', 'json'] as const, default: 'table' as const })
          .option('profile', { type: 'string', describe: 'Show what a profile (zalando, google, microsoft) turns on, off or sets, against restlint:recommended' })
          .example('$0 rules --profile zalando', 'what extends: [restlint:zalando] changes, with the guide rule behind each setting'),
      (args) => {
        state.exitCode = rulesCommand(args.format, args.profile);
      },
    )
    .command(
      'explain <rule>',
      "Show a rule's documentation: what, why, examples, options, source; for a change id of restlint diff, what it detects, why it breaks clients, an old/new example and how to evolve without breaking; for a Spectral or Redocly rule id, the restlint rule that covers it",
      (command) =>
        command
          .positional('rule', { type: 'string', demandOption: true, describe: 'a restlint rule id, a restlint diff change id, a spectral:oas or Redocly rule id, or "spectral" / "redocly" for the whole migration table' })
          .example('$0 explain no-verb-in-path', "restlint's rule, in full")
          .example('$0 explain request-property-became-required', 'a change restlint diff reports')
          .example('$0 explain oas3-schema', 'which restlint rule replaces a Spectral rule'),
      (args) => {
        state.exitCode = explainCommand(args.rule);
      },
    )
    .demandCommand(1, 'Name a command: lint, diff, bundle, probe, lsp, rules or explain.')
    .recommendCommands()
    .strict()
    .help()
    .alias('h', 'help')
    .version(typeof RESTLINT_VERSION === 'string' ? RESTLINT_VERSION : 'dev')
    .alias('v', 'version')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    .fail((message, error) => {
      throw error ?? new UsageError(message);
    });
}

/** The options `lint` and `probe` share (ReportingArgs): outputs, the failing severity, config, root, file size. */
function withReportingOptions<T>(command: Argv<T>) {
  return (
    withSourceOptions(command)
      // Not `array: true`, which would swallow the files after `--format json`: a repeated
      // option collects into a list by itself.
      .option('format', {
        alias: 'f',
        type: 'string',
        choices: Object.keys(REPORTERS),
        default: 'stylish',
        describe: "Output format (json: Spectral's result shape; summary: a count per rule; gitlab: GitLab Code Quality; html: a self-contained page for QA, with --output); repeat to write several, paired with --output",
      })
      .option('output', { alias: 'o', type: 'string', describe: 'Write the format given in the same position to this file instead of stdout (missing folders are created only inside the current folder)' })
      .option('fail-severity', { alias: 'F', choices: SEVERITIES, default: 'error' as Severity, describe: 'Exit 1 when a finding is at or above this severity' })
      .option('config', {
        alias: ['c', 'ruleset'],
        type: 'string',
        describe: 'Config file: a .restlint.yaml, or a Spectral ruleset (.spectral.yaml; --ruleset, as in Spectral) (default: .restlint.yaml or .spectral.yaml found by walking up from each document)',
      })
      .option('quiet', { alias: 'q', type: 'boolean', default: false, describe: 'Report only the findings that fail the run (at or above --fail-severity: errors by default), no progress and no summary line' })
  );
}

/** How documents are read, for every command that reads them (`bundle` too): the folder $refs must stay in, the largest file. */
function withSourceOptions<T>(command: Argv<T>, sizeNote = '') {
  return command
    .option('root', { type: 'string', describe: 'Folder referenced files must stay inside (default: nearest folder with .git, package.json or a restlint config)' })
    .option('max-file-size', { type: 'number', default: DEFAULT_MAX_BYTES / 1024 / 1024, describe: `Largest file to read, in MB${sizeNote}` });
}
