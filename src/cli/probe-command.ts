import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigFinder, type Config } from '../engine/config/config';
import type { OpenDocument } from '../engine/document';
import { openEntry } from '../engine/entry';
import { SEVERITY_NUMBER } from '../engine/rule';
import { documentBasePath, loadLiveApi } from '../probe/api';
import { planProbe, probe, type ProbeSummary } from '../probe/probe';
import { AppTransport, HttpTransport, type Transport } from '../probe/transport';
import { colorsFor } from '../report/colors';
import type { FileError, LintReport } from '../report/report';
import { formatFileError } from '../report/stylish';
import { allRules, probeRules } from '../../rules';
import { requestExitWhenDone } from './exit';
import { maxBytesOf, UsageError } from './files';
import { probeRun } from './html-run';
import { EXIT, type ReportingArgs } from './lint-command';
import { writeOutputs } from './outputs';
import { AppOutput } from './app-output';
import { Redactor } from '../probe/evidence';

export interface ProbeArgs extends ReportingArgs {
  spec: string;
  baseUrl?: string;
  app?: string;
  /** --base-path: with --app, the path before every documented path. */
  basePath?: string;
  headers: string[];
  params: string[];
  /** --body "POST /users=@user.json" or "POST /users={…}" (repeatable). */
  bodies?: string[];
  allowMutations: boolean;
  rate: string;
  concurrency: number;
  timeout: string;
  deadline: string;
  maxRequests: number;
  /** Print the plan, send nothing. */
  dryRun: boolean;
}

/** What the prober leaves out without --allow-mutations, as the summary says it. */
const MUTATIONS = 'POST, PUT, PATCH, DELETE, and GETs whose path names a change';


/**
 * `restlint probe`: sends requests planned from the spec to a running API (or an app loaded
 * in-process) and reports what the responses break. Exit codes as `lint`: 0, 1 for findings at
 * or above --fail-severity, 2 when the spec, the config or the API cannot be used at all.
 */
export async function probeCommand(args: ProbeArgs): Promise<number> {
  const cwd = process.cwd();
  const spec = resolve(cwd, args.spec);
  const maxBytes = maxBytesOf(args.maxFileSize);
  const headers = parseHeaders(args.headers);
  const params = parseParams(args.params);
  const limits = {
    concurrency: positive(args.concurrency, '--concurrency'),
    rate: parseRate(args.rate),
    timeoutMs: parseDuration(args.timeout, '--timeout'),
    maxRequests: positive(args.maxRequests, '--max-requests'),
    totalMs: parseDuration(args.deadline, '--deadline'),
  };
  const stderrColors = colorsFor(process.stderr);
  const fail = (error: FileError) => {
    process.stderr.write(formatFileError(error, stderrColors, cwd));
    return EXIT.usage;
  };

  const opened = openEntry(spec, {
    configs: new ConfigFinder(allRules, { configPath: args.config === undefined ? undefined : resolve(cwd, args.config) }),
    root: args.root === undefined ? undefined : resolve(cwd, args.root),
    maxBytes,
  });
  if (opened.failure) return fail(opened.failure);
  const { config, document } = opened;
  const basePath = basePathOf(args, document);
  const bodies = parseBodies(args.bodies ?? [], cwd, new Set(loadLiveApi(document).operations.map((operation) => operation.name)));
  if (args.dryRun) return printPlan(args, document, config, headers, params, basePath, bodies);

  // The app's own output (its logger, console.log) is kept apart from the report from its loading on.
  const appOutput = args.app === undefined ? undefined : AppOutput.capture();
  let transport: Transport;
  let baseUrl: URL;
  try {
    ({ transport, baseUrl } = await openTransport(args, limits.concurrency, cwd));
  } catch (error) {
    appOutput?.stop();
    if (appOutput) process.stderr.write(appOutput.report(args.app!, (text) => redactHeaders(text, headers)));
    throw error;
  }
  const progress = progressLine(!args.quiet, appOutput ? (text) => appOutput.stderr(text) : (text) => process.stderr.write(text));
  const startedAt = new Date();
  let outcome;
  try {
    outcome = await probe({
      document,
      baseUrl,
      basePath,
      transport,
      rules: probeRules,
      config,
      headers,
      params,
      bodies,
      allowMutations: args.allowMutations,
      limits,
      onProgress: progress.update,
    });
  } finally {
    progress.done();
    await transport.close();
    appOutput?.stop();
  }
  const appText = appOutput && !args.quiet ? appOutput.report(args.app!, (text) => redactHeaders(text, headers)) : '';

  const { findings, summary } = outcome;
  if (summary.sent > 0 && summary.refused === summary.sent) {
    // Printed here, not by formatFileError: that reads its file as a path, and a path folds the `//` of a URL.
    process.stderr.write(`${stderrColors.red('error')} ${baseUrl.href}: every request was refused: nothing listens at ${baseUrl.origin}\n  ${stderrColors.dim('start the API first, or check --base-url')}\n`);
    return EXIT.usage;
  }
  const threshold = SEVERITY_NUMBER[args.failSeverity];
  const report: LintReport = { findings: args.quiet ? findings.filter((finding) => finding.severity <= threshold) : findings, errors: [], files: [spec] };
  const summaryText = formatSummary(summary, colorsFor({}));
  const target = args.app === undefined ? baseUrl.href : `--app ${args.app}`;
  const run = args.outputs.some((output) => output.format === 'html')
    ? probeRun({ document, config, rules: probeRules, summary, summaryLines: summaryText.trim().split('\n'), target, startedAt, allowMutations: args.allowMutations })
    : undefined;
  writeOutputs(report, args.outputs, probeRules, cwd, { quiet: args.quiet, run });
  if (appText) process.stderr.write(stderrColors.dim(appText));
  if (!args.quiet) process.stderr.write(formatSummary(summary, stderrColors));
  return report.findings.some((finding) => finding.severity <= threshold) ? EXIT.findings : EXIT.ok;
}

/** `--dry-run`: the first requests the probe would send, one per line, and what it leaves out. */
function printPlan(args: ProbeArgs, document: OpenDocument, config: Config, headers: Record<string, string>, params: Map<string, string>, basePath: string | undefined, bodies: Map<string, string>): number {
  let baseUrl: URL;
  try {
    baseUrl = new URL(args.baseUrl ?? 'http://127.0.0.1/');
  } catch {
    throw new UsageError(`--base-url ${args.baseUrl}: not a URL`);
  }
  const plan = planProbe({ document, baseUrl, basePath, rules: probeRules, config, headers, params, bodies, allowMutations: args.allowMutations });
  const lines = plan.requests.map((request) => `${request.method.padEnd(7)} ${request.path}  (${request.purpose}${request.operation ? `, ${request.operation}` : ''})`);
  for (const { operation, reason } of plan.waiting) lines.push(`later   ${operation.name}: ${reason}`);
  lines.push('', `${plan.requests.length} requests planned before any response; follow-ups (HEAD, conditional GET, tracing, versions) and ids found in responses add more.`);
  if (plan.mutationsSkipped > 0) lines.push(`${plan.mutationsSkipped} operations that may change data left out (${MUTATIONS}; --allow-mutations sends them).`);
  for (const check of plan.skippedChecks) lines.push(`Not checked: ${check}.`);
  process.stdout.write(lines.join('\n') + '\n');
  return EXIT.ok;
}

/**
 * The path before every documented path: with --app, --base-path or else the document's
 * (documentBasePath); with --base-url, undefined (the URL's own path is used).
 */
function basePathOf(args: ProbeArgs, document: OpenDocument): string | undefined {
  if (args.basePath === undefined) return args.app === undefined ? undefined : documentBasePath(document.entry.data);
  if (args.app === undefined) throw new UsageError(`--base-path ${args.basePath}: it applies to --app; with --base-url put the path in the URL, e.g. --base-url http://127.0.0.1:3000${args.basePath.startsWith('/') ? args.basePath : '/api'}`);
  if (!args.basePath.startsWith('/') || /[?#\s]/.test(args.basePath)) throw new UsageError(`--base-path ${args.basePath}: give a path that starts with /, e.g. --base-path /api (/ for none)`);
  return args.basePath.replace(/\/+$/, '');
}

async function openTransport(args: ProbeArgs, concurrency: number, cwd: string): Promise<{ transport: Transport; baseUrl: URL }> {
  if (args.app !== undefined) {
    const path = resolve(cwd, args.app);
    if (!existsSync(path)) throw new UsageError(`--app ${args.app}: file not found; give the JavaScript module that exports the app, e.g. --app ./src/app.js`);
    if (!/\.[cm]?js$/i.test(path)) {
      throw new UsageError(`--app ${args.app}: not a JavaScript module; give the module that exports the app (.js, .cjs or .mjs), e.g. --app ./src/app.js (the OpenAPI document goes to --spec)`);
    }
    let exported: unknown;
    // From its loading on, the app may keep the process alive (a database pool, a timer): the CLI exits when done.
    requestExitWhenDone();
    try {
      exported = await import(pathToFileURL(path).href);
    } catch (error) {
      throw new UsageError(`--app ${args.app}: loading it failed: ${(error as Error).message}`);
    }
    try {
      const transport = await AppTransport.create(exported);
      return { transport, baseUrl: transport.origin };
    } catch (error) {
      throw new UsageError(`--app ${args.app}: ${(error as Error).message}`);
    }
  }
  let baseUrl: URL;
  try {
    baseUrl = new URL(args.baseUrl ?? '');
  } catch {
    throw new UsageError(`--base-url ${args.baseUrl}: not a URL; give the API's address with its scheme, e.g. ${exampleUrl(args.baseUrl)}`);
  }
  if (!args.baseUrl?.includes('//')) {
    // `new URL('localhost:3000')` reads `localhost:` as the scheme.
    throw new UsageError(`--base-url ${args.baseUrl}: not a URL; give the API's address with its scheme, e.g. ${exampleUrl(args.baseUrl)}`);
  }
  if (baseUrl.protocol !== 'http:' && baseUrl.protocol !== 'https:') throw new UsageError(`--base-url ${args.baseUrl}: only http and https URLs`);
  return { transport: new HttpTransport(baseUrl, concurrency), baseUrl };
}

/** `127.0.0.1:3999` → `http://127.0.0.1:3999`, for a message; the usual example when that is not a URL either. */
function exampleUrl(given: string | undefined): string {
  const candidate = `http://${(given ?? '').replace(/^\/+/, '')}`;
  return given && URL.canParse(candidate) && !/\s/.test(given) ? candidate : 'http://127.0.0.1:3000';
}

/** Text with the values of --header hidden (the app may log the requests it gets, credentials included). */
function redactHeaders(text: string, headers: Record<string, string>): string {
  return new Redactor(new Set(Object.keys(headers)), Object.values(headers)).text(text);
}

/** `Authorization: Bearer x` → `{ authorization: 'Bearer x' }`. */
export function parseHeaders(list: string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const entry of list) {
    const colon = entry.indexOf(':');
    const name = entry.slice(0, colon).trim();
    if (colon <= 0 || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name)) {
      // Never echo the value: it is likely a secret.
      throw new UsageError(`--header "${colon > 0 ? name : '…'}": write it as "Name: value", e.g. --header "Authorization: Bearer …"`);
    }
    headers[name.toLowerCase()] = entry.slice(colon + 1).trim();
  }
  return headers;
}

function parseParams(list: string[]): Map<string, string> {
  const params = new Map<string, string>();
  for (const entry of list) {
    const equals = entry.indexOf('=');
    if (equals <= 0) throw new UsageError(`--param "${entry}": write it as name=value, e.g. --param userId=42`);
    params.set(entry.slice(0, equals).trim(), entry.slice(equals + 1));
  }
  return params;
}

const BODY_FORM = 'write it as "METHOD /path=@file.json" or "METHOD /path={…JSON…}", e.g. --body "POST /users=@user.json"';

/**
 * `--body "POST /users=@user.json"` (a file, relative to the current folder) or
 * `--body 'POST /users={"name":"Ada"}'`: the request body of that documented operation, as
 * compact JSON text, by operation name.
 */
export function parseBodies(list: readonly string[], cwd: string, operations: ReadonlySet<string>): Map<string, string> {
  const bodies = new Map<string, string>();
  for (const entry of list) {
    const match = /^\s*([A-Za-z]+)\s+(\/[^=\s]*)\s*=([\s\S]*)$/.exec(entry);
    const shown = entry.length > 60 ? `${entry.slice(0, 60)}…` : entry;
    if (!match) throw new UsageError(`--body "${shown}": ${BODY_FORM}`);
    const name = `${match[1].toUpperCase()} ${match[2]}`;
    if (!operations.has(name)) throw new UsageError(`--body "${shown}": the document has no operation ${name}; ${BODY_FORM}`);
    if (bodies.has(name)) throw new UsageError(`--body "${shown}": ${name} has a body already; give one --body per operation`);
    let text = match[3].trim();
    if (text.startsWith('@')) {
      const file = resolve(cwd, text.slice(1));
      if (!existsSync(file)) throw new UsageError(`--body "${shown}": ${text.slice(1)}: file not found; ${BODY_FORM}`);
      text = readFileSync(file, 'utf8');
    }
    try {
      bodies.set(name, JSON.stringify(JSON.parse(text)));
    } catch (error) {
      throw new UsageError(`--body "${shown}": not JSON (${(error as Error).message}); ${BODY_FORM}`);
    }
  }
  return bodies;
}

/** `20/s`, `600/m`, `20` (per second); `0` for no limit. */
export function parseRate(text: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(?:\/\s*(s|sec|second|m|min|minute))?\s*$/.exec(text);
  if (!match) throw new UsageError(`--rate "${text}": give requests per second or minute, e.g. 20/s or 600/m (0: no limit)`);
  const count = Number(match[1]);
  return match[2] && match[2].startsWith('m') ? count / 60 : count;
}

/** `5s`, `500ms`, `2m`, `5` (seconds) → milliseconds. */
export function parseDuration(text: string, option: string): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m)?\s*$/.exec(text);
  if (!match || Number(match[1]) <= 0) throw new UsageError(`${option} "${text}": give a duration such as 5s, 500ms or 2m`);
  const unit = match[2] ?? 's';
  return Math.round(Number(match[1]) * (unit === 'ms' ? 1 : unit === 's' ? 1000 : 60_000));
}

function positive(value: number, option: string): number {
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`${option} ${value}: give a whole number of at least 1, e.g. ${option} ${option === '--concurrency' ? 4 : 100}`);
  return value;
}

/** "Probing: 120/300 requests, 4 findings" on stderr, only when a person watches. */
function progressLine(enabled: boolean, write: (text: string) => void) {
  const show = enabled && process.stderr.isTTY === true;
  let last = 0;
  return {
    update({ sent, planned, findings }: { sent: number; planned: number; findings: number }) {
      const now = Date.now();
      if (!show || now - last < 100) return;
      last = now;
      write(`\rProbing: ${sent}/${planned} requests, ${findings} finding${findings === 1 ? '' : 's'}…\u001b[K`);
    },
    done() {
      if (show) write('\r\u001b[K');
    },
  };
}

/** What was sent and what was not, for stderr: operations probed, skipped (and why), answers not judged, checks not made, what the probe left behind. */
function formatSummary(summary: ProbeSummary, colors: ReturnType<typeof colorsFor>): string {
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  const probed = summary.probedOperations === summary.operations ? plural(summary.operations, 'operation') : `${summary.probedOperations} of ${plural(summary.operations, 'operation')}`;
  const lines = [`Probed ${probed} with ${plural(summary.sent, 'request')} in ${(summary.elapsedMs / 1000).toFixed(1)} s` + (summary.failed > 0 ? `; ${summary.failed} got no answer` : '') + '.'];
  if (summary.dropped > 0) lines.push(`${summary.dropped} planned request${summary.dropped === 1 ? ' was' : 's were'} not sent: --max-requests or --deadline reached.`);
  if (summary.mutationsSkipped > 0) {
    lines.push(`${plural(summary.mutationsSkipped, 'operation')} that may change data not sent (${MUTATIONS}; safe by default: --allow-mutations sends them).`);
  }
  // Said as they are (no full stop): each ends with the option to give, ready to copy.
  for (const hint of summary.hints) lines.push(hint);
  if (summary.skippedOperations.length > 0) lines.push(`${plural(summary.skippedOperations.length, 'operation')} skipped for want of parameter values (see probe-skipped).`);
  const unsent = summary.operations - summary.probedOperations - summary.mutationsSkipped - summary.skippedOperations.length;
  if (unsent > 0) lines.push(`${plural(unsent, 'operation')} planned but not sent: --max-requests or --deadline reached.`);
  if (summary.explained > 0) {
    lines.push(`${summary.explained} answer${summary.explained === 1 ? '' : 's'} of 404 not judged: the probe's own earlier DELETE, or a PUT or PATCH that changed the key in the path, had removed or moved the resource.`);
  }
  if (summary.cleanup.deleted > 0) lines.push(`Deleted at the end ${plural(summary.cleanup.deleted, 'resource')} the probe had created.`);
  for (const left of summary.cleanup.left) lines.push(`Left on the server, created by the probe: ${left}.`);
  if (summary.unaddressable.length > 0) lines.push(`Left on the server: what ${summary.unaddressable.join(', ')} created (no item route or key to delete it by).`);
  if (summary.skippedChecks.length > 0) {
    const rules = new Set(summary.skippedChecks.flatMap((check) => check.slice(0, check.indexOf(': ')).split(', ')));
    lines.push(`${plural(rules.size, 'rule')} not checked, for want of requests not sent:`);
  }
  for (const check of summary.skippedChecks) lines.push(`Not checked: ${check}.`);
  return colors.dim(lines.join('\n')) + '\n';
}
