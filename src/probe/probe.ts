import type { Config } from '../engine/config/config';
import type { OpenDocument } from '../engine/document';
import { Ignores } from '../engine/ignores';
import type { Finding } from '../engine/finding';
import type { AnyRule } from '../engine/rule';
import { documentServerPrefix, loadLiveApi } from './api';
import { LiveChecks } from './checks';
import { REAL_CLOCK, type Clock } from './clock';
import { Redactor } from './evidence';
import { Planner, type Phase, type PlanOptions, type Samples, type Skip } from './planner';
import { Scheduler, type Limits } from './scheduler';
import { SchemaValidator } from '../engine/schema/validator';
import { invalidValue, sampleValue } from './schema/samples';
import { is2xxStatus } from '../engine/status-ranges';
import type { Transport } from './transport';
import type { Exchange, LiveApi, LiveSchema, ProbeNeed, ProbePlan, ProbeRequest } from '../engine/live/types';

export interface ProbeOptions {
  /** The spec, opened through the engine's entry (openEntry), as lint opens it. */
  document: OpenDocument;
  /** Where requests go; its path is put before every documented path (unless basePath is given). */
  baseUrl: URL;
  /** The path put before every documented path instead of baseUrl's (`/api`; '' for none): --base-path, or the document's for --app. */
  basePath?: string;
  transport: Transport;
  rules: readonly AnyRule[];
  config: Config;
  /** `--header` values, by lower-case name. */
  headers: Record<string, string>;
  params: ReadonlyMap<string, string>;
  /** --body values (JSON text) by operation name (`POST /users`). */
  bodies?: ReadonlyMap<string, string>;
  allowMutations: boolean;
  limits: Omit<Limits, 'deadline'> & { totalMs: number };
  /** The time source of the rate limit, the deadline and the elapsed time (default: the real clock). */
  clock?: Clock;
  onProgress?(progress: { sent: number; planned: number; findings: number }): void;
}

export interface PlannedRequest {
  purpose: string;
  operation?: string;
  method: string;
  path: string;
}

/**
 * The requests a probe would send first, without sending anything (`--dry-run`): each
 * operation whose parameters the document and --param fill, with its negative probes.
 * Operations that wait for ids from responses, and follow-ups, are not in it.
 */
export function planProbe(options: Pick<ProbeOptions, 'document' | 'baseUrl' | 'basePath' | 'rules' | 'config' | 'headers' | 'params' | 'bodies' | 'allowMutations'>): { requests: PlannedRequest[]; waiting: Skip[]; skippedChecks: string[]; mutationsSkipped: number } {
  const api = loadLiveApi(options.document);
  const plan = rulePlan(options.rules, options.config);
  const planner = new Planner(api, plannerOptions(options, plan), samplesFrom(new SchemaValidator(api.version, options.document.readInside)));
  const requests = [...planner.unknownPath(), ...planner.nextRound('read')];
  if (options.allowMutations) {
    // Writes go one operation at a time; those that wait for a resource the probe creates stay "later".
    for (const phase of ['write', 'delete'] as const) {
      for (let round = planner.nextRound(phase); round.length > 0; round = planner.nextRound(phase)) requests.push(...round);
    }
  }
  return {
    requests: requests.map((request) => ({ purpose: request.purpose, operation: request.operation?.name, method: request.method, path: request.path })),
    waiting: planner.unplanned(),
    skippedChecks: skippedChecks(planner.notSent, plan),
    mutationsSkipped: planner.mutationsSkipped.length,
  };
}

/** What the rules tell the planner: the needs of the enabled ones, and the safety hooks of all. */
export interface RulePlan extends Pick<PlanOptions, 'needs' | 'mayChangeData' | 'missingParents'> {
  /** Each need with the enabled rules whose checks are about it (ProbePlan.needs). */
  neededBy: Map<ProbeNeed, string[]>;
}

export function rulePlan(rules: readonly AnyRule[], config: Config): RulePlan {
  const enabled = config.rulesEverEnabled();
  const neededBy = new Map<ProbeNeed, string[]>();
  const needs = new Set<ProbeNeed>();
  const parentHooks: NonNullable<ProbePlan['missingParents']>[] = [];
  for (const rule of rules) {
    if (!rule.probe || !enabled.has(rule.meta.id)) continue;
    for (const need of rule.probe.needs) neededBy.set(need, [...(neededBy.get(need) ?? []), rule.meta.id]);
    for (const need of [...rule.probe.needs, ...(rule.probe.uses ?? [])]) needs.add(need);
    if (rule.probe.missingParents && rule.probe.needs.includes('parent')) parentHooks.push(rule.probe.missingParents);
  }
  // Safety is every rule's say, enabled or not: turning a rule off never makes a request unsafe to skip.
  const changeHooks = rules.flatMap((rule) => (rule.probe?.mayChangeData ? [rule.probe.mayChangeData] : []));
  return {
    neededBy,
    needs,
    mayChangeData: (operation) => changeHooks.some((hook) => hook(operation)),
    missingParents: (path, documented) => {
      const found = new Map<string, { parent: string; segments: number }>();
      for (const hook of parentHooks) for (const parent of hook(path, documented)) found.set(parent.parent, parent);
      return [...found.values()];
    },
  };
}

function plannerOptions(options: Pick<ProbeOptions, 'baseUrl' | 'basePath' | 'headers' | 'params' | 'bodies' | 'allowMutations'>, plan: RulePlan): PlanOptions {
  return {
    basePath: (options.basePath ?? options.baseUrl.pathname).replace(/\/+$/, ''),
    params: options.params,
    bodies: options.bodies,
    credentials: options.headers,
    allowMutations: options.allowMutations,
    needs: plan.needs,
    mayChangeData: plan.mayChangeData,
    missingParents: plan.missingParents,
    target: options.baseUrl,
  };
}

/** "post-create-201-location, delete-success-code: …": each reason a probe was not sent, with the enabled rules that needed it. */
function skippedChecks(notSent: ReadonlyMap<ProbeNeed, string>, plan: RulePlan): string[] {
  const byReason = new Map<string, Set<string>>();
  for (const [need, reason] of notSent) {
    const rules = plan.neededBy.get(need) ?? [];
    if (rules.length === 0) continue;
    const ids = byReason.get(reason) ?? new Set<string>();
    for (const id of rules) ids.add(id);
    byReason.set(reason, ids);
  }
  return [...byReason].map(([reason, ids]) => `${[...ids].join(', ')}: ${reason}`);
}

export interface ProbeSummary {
  planned: number;
  sent: number;
  /** Requests not sent because --max-requests or the deadline was reached. */
  dropped: number;
  /** Requests that got no answer (timeout, refused, reset). */
  failed: number;
  refused: number;
  operations: number;
  skippedOperations: Skip[];
  /** Operations not sent because they mutate. */
  mutationsSkipped: number;
  skippedChecks: string[];
  /** Where the user likely went wrong (no credentials, a missing path prefix), as the summary says it. */
  hints: string[];
  elapsedMs: number;
  /** Operations whose own request was sent (answered or not). */
  probedOperations: number;
  /** Answers not judged: a 404 on a path the probe's own earlier DELETE removed or PUT/PATCH moved. */
  explained: number;
  /** The resources the probe created: deleted at the end, and those left (with why). */
  cleanup: { deleted: number; left: string[] };
  /** Creations the probe could not address afterwards (no item route, no key in the answer), by operation. */
  unaddressable: string[];
}

export interface ProbeOutcome {
  findings: Finding[];
  summary: ProbeSummary;
}

/**
 * The header that carries the credentials of the first of these operations, by its first
 * security scheme: an apiKey's own header (`X-Api-Key`), a cookie's `Cookie`, else
 * `Authorization` (http, oauth2, openIdConnect, and 2.0's basic).
 */
function credentialHeader(api: LiveApi, operations: string[]): string {
  const operation = api.operations.find((candidate) => candidate.name === operations[0]);
  const scheme = api.securitySchemes[Object.keys(operation?.security[0] ?? {})[0] ?? ''];
  if (scheme?.type === 'apiKey' && typeof scheme.name === 'string' && scheme.name !== '') {
    if (scheme.in === 'header') return scheme.name;
    if (scheme.in === 'cookie') return 'Cookie';
  }
  return 'Authorization';
}

/** Request values from schemas, each checked by the validator (readOnly members left out). */
export function samplesFrom(validator: SchemaValidator): Samples {
  const options = (schema: LiveSchema) => ({
    version: validator.version,
    direction: 'request' as const,
    accepts: (value: unknown) => !validator.validate(schema, value, 'request'),
  });
  return {
    valid: (schema) => sampleValue(schema, validator.refs, options(schema)),
    invalid: (schema) => invalidValue(schema, validator.refs, options(schema)),
    accepts: (schema, value) => !validator.validate(schema, value, 'request'),
  };
}

/**
 * Probes a running API: plans requests from the document, sends them within the limits,
 * runs every live check over the exchanges, and resends once what must reproduce.
 */
export async function probe(options: ProbeOptions): Promise<ProbeOutcome> {
  const clock = options.clock ?? REAL_CLOCK;
  const started = clock.now();
  const { document } = options;
  const api = loadLiveApi(document);
  const validator = new SchemaValidator(api.version, document.readInside);
  const redactor = new Redactor(new Set(Object.keys(options.headers)), Object.values(options.headers));
  const checks = new LiveChecks(options.rules, options.config, api, (schema, value) => validator.validate(schema, value), redactor, options.baseUrl);
  const plan = rulePlan(options.rules, options.config);
  const planner = new Planner(api, plannerOptions(options, plan), samplesFrom(validator));

  let planned = 0;
  let failed = 0;
  let refused = 0;
  let answered = 0;
  let notFound = 0;
  let explained = 0;
  const probed = new Set<string>();
  const cleanupAnswers = new Map<ProbeRequest, number | undefined>();
  const withoutCredentials = Object.keys(options.headers).length === 0;
  /** The status of each secured operation's own request, when no credentials were given. */
  const securedStatuses = new Map<string, number>();
  const progress = () => options.onProgress?.({ sent: scheduler.sent, planned, findings: checks.count });
  const scheduler = new Scheduler(options.transport, { ...options.limits, deadline: started + options.limits.totalMs }, progress, clock);
  const inFlight = new Set<Promise<void>>();

  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  };
  const dispatch = (request: ProbeRequest) => {
    planned++;
    track(
      scheduler.send(request).then((result) => {
        if (!result) return;
        const exchange: Exchange = { request, ...result };
        if (request.operation && (request.purpose === 'valid' || request.purpose === 'no-auth') && request.method === request.operation.method.toUpperCase()) probed.add(request.operation.name);
        if (request.purpose === 'cleanup') {
          cleanupAnswers.set(request, 'response' in result ? result.response.status : undefined);
          planner.learn(exchange);
          return;
        }
        // The probe's own DELETE or key change made this path go away: the 404 says nothing about the API.
        if (planner.explains(exchange)) {
          explained++;
          return;
        }
        if ('failure' in result) {
          failed++;
          if (result.failure.kind === 'refused') refused++;
        } else {
          answered++;
          if (result.response.status === 404) notFound++;
          const { operation } = request;
          if (withoutCredentials && operation && operation.security.length > 0 && request.purpose === 'no-auth' && request.method === operation.method.toUpperCase()) {
            securedStatuses.set(operation.name, result.response.status);
          }
        }
        checks.exchange(exchange);
        for (const pending of checks.takePending()) {
          track(
            scheduler.send(pending.exchange.request).then((again) => {
              // A resend is a request too: a create that failed and then worked made something to follow and delete.
              if (again) planner.learn({ request: pending.exchange.request, ...again });
              pending.settle(again && 'response' in again ? again.response : undefined);
            }),
          );
        }
        planner.learn(exchange);
        for (const followUp of planner.followUps(exchange)) dispatch(followUp);
      }),
    );
  };
  const drain = async () => {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  };

  for (const request of planner.unknownPath()) dispatch(request);
  // With writes allowed, the reads still waiting for ids get a second chance at what the writes created.
  const phases: Phase[] = options.allowMutations ? ['read', 'write', 'read', 'delete'] : ['read'];
  for (const phase of phases) {
    // Each round may find ids that fill the path parameters of the next.
    for (let round = planner.nextRound(phase); round.length > 0; round = planner.nextRound(phase)) {
      for (const request of round) dispatch(request);
      await drain();
    }
  }
  await drain();
  // What the probe created and did not delete itself, deleted now, deepest first.
  const cleanup = planner.cleanup();
  for (const request of cleanup.requests) {
    dispatch(request);
    await drain();
  }
  const left = [...cleanup.kept];
  for (const request of cleanup.requests) {
    const status = cleanupAnswers.get(request);
    if (status === undefined || !is2xxStatus(status)) left.push(`${request.path} (${status === undefined ? (cleanupAnswers.has(request) ? 'no answer' : 'not sent: --max-requests or --deadline reached') : `DELETE answered ${status}`})`);
  }
  const hints = (): string[] => {
    const found: string[] = [];
    const refusals = new Set(securedStatuses.values());
    if (securedStatuses.size > 0 && [...refusals].every((status) => status === 401 || status === 403)) {
      found.push(`every secured operation answered ${[...refusals].sort().join(' or ')}: pass credentials with --header "${credentialHeader(api, [...securedStatuses.keys()])}: …"`);
    }
    const prefix = documentServerPrefix(document.entry.data);
    const basePath = plannerOptions(options, plan).basePath;
    if (answered > 0 && notFound === answered && prefix && !basePath.endsWith(prefix)) {
      const fix = options.basePath !== undefined ? `--base-path ${basePath}${prefix}` : `--base-url ${options.baseUrl.origin}${basePath}${prefix}`;
      found.push(`every request answered 404: the document's servers put ${prefix} before its paths and the requests lacked it; try ${fix}`);
    }
    return found;
  };
  const skippedOperations = planner.unplanned();
  for (const skip of skippedOperations) checks.note('probe-skipped', skip.operation, 'skipped', { reason: skip.reason });
  // x-restlint-ignore in the document silences live findings as it does lint's.
  const ignores = Ignores.collect(document.files());
  const findings = ignores.isEmpty ? checks.end() : checks.end().filter((finding) => !ignores.silences(finding));
  return {
    findings,
    summary: {
      planned,
      sent: scheduler.sent,
      dropped: scheduler.dropped,
      failed,
      refused,
      operations: api.operations.length,
      skippedOperations,
      mutationsSkipped: planner.mutationsSkipped.length,
      skippedChecks: skippedChecks(planner.notSent, plan),
      hints: hints(),
      elapsedMs: clock.now() - started,
      probedOperations: probed.size,
      explained,
      cleanup: { deleted: cleanup.requests.length - (left.length - cleanup.kept.length), left },
      unaddressable: [...planner.writes.unaddressable.keys()],
    },
  };
}
