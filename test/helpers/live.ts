import { parseConfig, recommendedSettings, Config } from '../../src/engine/config/config';
import type { Finding } from '../../src/engine/finding';
import { openApiVersion } from '../../src/engine/document';
import type { AnyRule } from '../../src/engine/rule';
import { RefResolver } from '../../src/engine/resolve/refs';
import { parseSourceText, SourceError, type SourceFile } from '../../src/engine/source/source-file';
import { liveApiOf } from '../../src/probe/api';
import { LiveChecks } from '../../src/probe/checks';
import { Redactor } from '../../src/probe/evidence';
import { makeResponse } from '../../src/engine/live/response';
import { SchemaValidator } from '../../src/engine/schema/validator';
import type { Exchange, LiveApi, ProbeFailure, ProbePurpose, ProbeResponse } from '../../src/engine/live/types';
import { allRules } from '../../rules';
import { ENTRY, VIRTUAL_ROOT, formatRange } from './lint-text';

/** The operations of an in-memory document, as the prober reads them. */
export function liveApi(text: string, files: Record<string, string> = {}): { api: LiveApi; load: (path: string) => SourceFile } {
  const cache = new Map<string, SourceFile>();
  const load = (path: string): SourceFile => {
    let source = cache.get(path);
    if (source) return source;
    const content = path === ENTRY ? text : files[path.slice(VIRTUAL_ROOT.length + 1)];
    if (content === undefined) throw new SourceError('missing', path, 'file not found');
    cache.set(path, (source = parseSourceText(path, content)));
    return source;
  };
  const entry = load(ENTRY);
  return { api: liveApiOf(entry, openApiVersion(entry), new RefResolver({ load, root: VIRTUAL_ROOT })), load };
}

export interface ExchangeSpec {
  /** The documented operation probed, as `GET /users/{id}`; none for an unknown path. */
  operation?: string;
  purpose?: ProbePurpose;
  /** Default: the operation's method. */
  method?: string;
  /** Default: the operation's path template. */
  path?: string;
  requestHeaders?: Record<string, string>;
  requestBody?: string;
  credentials?: boolean;
  basis?: Exchange;
  status?: number;
  headers?: Record<string, string>;
  body?: string | object;
  failure?: ProbeFailure;
}

/** A request and its response, built as the prober builds them (a JSON body parsed by its media type). */
export function exchange(api: LiveApi, spec: ExchangeSpec): Exchange {
  const operation = spec.operation ? api.operations.find((candidate) => candidate.name === spec.operation) : undefined;
  if (spec.operation && !operation) throw new Error(`no operation ${spec.operation} in the test document`);
  const request = {
    purpose: spec.purpose ?? 'valid',
    operation,
    method: spec.method ?? operation?.method.toUpperCase() ?? 'GET',
    path: spec.path ?? operation?.path ?? '/',
    headers: spec.requestHeaders ?? {},
    body: spec.requestBody,
    basis: spec.basis,
    credentials: spec.credentials ?? false,
  };
  if (spec.failure) return { request, failure: spec.failure };
  return { request, response: response(spec) };
}

export function response(spec: Pick<ExchangeSpec, 'status' | 'headers' | 'body'>): ProbeResponse {
  const body = typeof spec.body === 'object' ? JSON.stringify(spec.body) : spec.body ?? '';
  const headers = Object.fromEntries(Object.entries(spec.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  if (typeof spec.body === 'object' && !headers['content-type']) headers['content-type'] = 'application/json';
  return makeResponse(spec.status ?? 200, headers, body, 1);
}

export interface RunLiveOptions {
  /** A `.restlint.yaml` text; default: every rule at its recommended severity. */
  config?: string;
  rules?: readonly AnyRule[];
  /** What a resend of a request gets (for findings that must reproduce); default: the same response again. */
  resend?: (exchange: Exchange) => ProbeResponse | undefined;
  /** Header values given as if by --header, to check redaction. */
  secrets?: Record<string, string>;
  /** Where the requests went (default http://127.0.0.1:3000). */
  target?: string;
}

/** Runs the live checks over exchanges through the real LiveChecks, as `restlint probe` does. */
export function runLive(api: { api: LiveApi; load: (path: string) => SourceFile }, exchanges: Exchange[], options: RunLiveOptions = {}): Finding[] {
  const rules = options.rules ?? allRules;
  const config = options.config
    ? parseConfig(`${VIRTUAL_ROOT}/.restlint.yaml`, options.config, rules)
    : new Config(undefined, recommendedSettings(rules), [], VIRTUAL_ROOT);
  const validator = new SchemaValidator(api.api.version, api.load);
  const secrets = options.secrets ?? {};
  const redactor = new Redactor(new Set(Object.keys(secrets).map((name) => name.toLowerCase())), Object.values(secrets));
  const checks = new LiveChecks(rules, config, api.api, (schema, value) => validator.validate(schema, value), redactor, new URL(options.target ?? 'http://127.0.0.1:3000'));
  for (const item of exchanges) {
    checks.exchange(item);
    for (const pending of checks.takePending()) pending.settle(options.resend ? options.resend(pending.exchange) : pending.exchange.response);
  }
  return checks.end();
}

/** Findings of one rule as `{ message, at, severity }`, like findingsOf for lint. */
export function liveFindingsOf(findings: Finding[], code: string): { message: string; at: string; severity: number }[] {
  return findings.filter((finding) => finding.code === code).map((finding) => ({ message: finding.message, at: formatRange(finding.range), severity: finding.severity }));
}
