import type { Config } from '../engine/config/config';
import type { OpenDocument } from '../engine/document';
import { Ignores } from '../engine/ignores';
import type { Finding } from '../engine/finding';
import type { RuleModule } from '../engine/rule';
import { loadLiveApi } from './api';
import { LiveChecks } from './checks';
import { Redactor } from './evidence';
import { Planner, type Phase, type Samples, type Skip } from './planner';
import { Scheduler, type Limits } from './scheduler';
import { SchemaValidator } from './schema/validator';
import { invalidValue, sampleValue } from './schema/samples';
import type { Transport } from './transport';
import type { Exchange, LiveSchema, ProbeRequest } from './types';

export interface ProbeOptions {
  /** The spec, opened through the engine's entry (openEntry), as lint opens it. */
  document: OpenDocument;
  /** Where requests go; its path is put before every documented path. */
  baseUrl: URL;
  transport: Transport;
  rules: readonly RuleModule<any>[];
  config: Config;
  /** `--header` values, by lower-case name. */
  headers: Record<string, string>;
  params: ReadonlyMap<string, string>;
  allowMutations: boolean;
  limits: Omit<Limits, 'deadline'> & { totalMs: number };
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
export function planProbe(options: Pick<ProbeOptions, 'document' | 'baseUrl' | 'headers' | 'params' | 'allowMutations'>): { requests: PlannedRequest[]; waiting: Skip[]; skippedChecks: string[]; mutationsSkipped: number } {
  const api = loadLiveApi(options.document);
  const planner = new Planner(api, plannerOptions(options), samplesFrom(new SchemaValidator(api.version, options.document.readInside)));
  const requests = [planner.unknownPath(), ...(['read', 'write', 'delete'] as const).flatMap((phase) => planner.nextRound(phase))];
  return {
    requests: requests.map((request) => ({ purpose: request.purpose, operation: request.operation?.name, method: request.method, path: request.path })),
    waiting: planner.unplanned(),
    skippedChecks: [...planner.skippedChecks],
    mutationsSkipped: planner.mutationsSkipped.length,
  };
}

function plannerOptions(options: Pick<ProbeOptions, 'baseUrl' | 'headers' | 'params' | 'allowMutations'>) {
  return { basePath: options.baseUrl.pathname.replace(/\/+$/, ''), params: options.params, credentials: options.headers, allowMutations: options.allowMutations };
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
  elapsedMs: number;
}

export interface ProbeOutcome {
  findings: Finding[];
  summary: ProbeSummary;
}

/** Request values from schemas, each checked by the validator (readOnly members left out). */
function samplesFrom(validator: SchemaValidator): Samples {
  const options = (schema: LiveSchema) => ({
    version: validator.version,
    direction: 'request' as const,
    accepts: (value: unknown) => !validator.validate(schema, value, 'request'),
  });
  return {
    valid: (schema) => sampleValue(schema, validator.refs, options(schema)),
    invalid: (schema) => invalidValue(schema, validator.refs, options(schema)),
  };
}

/**
 * Probes a running API: plans requests from the document, sends them within the limits,
 * runs every live check over the exchanges, and resends once what must reproduce.
 */
export async function probe(options: ProbeOptions): Promise<ProbeOutcome> {
  const started = Date.now();
  const { document } = options;
  const api = loadLiveApi(document);
  const validator = new SchemaValidator(api.version, document.readInside);
  const redactor = new Redactor(new Set(Object.keys(options.headers)), Object.values(options.headers));
  const checks = new LiveChecks(options.rules, options.config, api, (schema, value) => validator.validate(schema, value), redactor, options.baseUrl);
  const planner = new Planner(api, plannerOptions(options), samplesFrom(validator));

  let planned = 0;
  let failed = 0;
  let refused = 0;
  const progress = () => options.onProgress?.({ sent: scheduler.sent, planned, findings: checks.count });
  const scheduler = new Scheduler(options.transport, { ...options.limits, deadline: started + options.limits.totalMs }, progress);
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
        if ('failure' in result) {
          failed++;
          if (result.failure.kind === 'refused') refused++;
        }
        checks.exchange(exchange);
        for (const pending of checks.takePending()) {
          track(scheduler.send(pending.exchange.request).then((again) => pending.settle(again && 'response' in again ? again.response : undefined)));
        }
        planner.learn(exchange);
        for (const followUp of planner.followUps(exchange)) dispatch(followUp);
      }),
    );
  };
  const drain = async () => {
    while (inFlight.size > 0) await Promise.all([...inFlight]);
  };

  dispatch(planner.unknownPath());
  const phases: Phase[] = options.allowMutations ? ['read', 'write', 'delete'] : ['read'];
  for (const phase of phases) {
    // Each round may find ids that fill the path parameters of the next.
    for (let round = planner.nextRound(phase); round.length > 0; round = planner.nextRound(phase)) {
      for (const request of round) dispatch(request);
      await drain();
    }
  }
  await drain();
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
      skippedChecks: [...planner.skippedChecks],
      elapsedMs: Date.now() - started,
    },
  };
}
