import type { Config } from '../engine/config/config';
import { FindingCollector, type Finding } from '../engine/finding';
import { ruleMessage, type AnyRule } from '../engine/rule';
import { requestLine, statusText } from '../engine/live/text';
import { evidenceOf, type Redactor } from './evidence';
import type { Exchange, LiveApi, LiveContext, LiveOperation, LiveReport, LiveSchema, LiveVisitors, ProbeRequest, ProbeResponse, SchemaFailure } from '../engine/live/types';

/** A finding that waits for its request to be sent again (see LiveReport.reproduces). */
export interface PendingConfirmation {
  exchange: Exchange;
  settle(response: ProbeResponse | undefined): void;
}

/**
 * Runs every enabled rule's live check over the exchanges the prober makes, and turns their
 * reports into findings located at the operation in the spec (severity from the config, as
 * `lint` does), with the evidence redacted.
 */
export class LiveChecks {
  private readonly visitors: { id: string; visitors: LiveVisitors }[] = [];
  private readonly findings: FindingCollector;
  private readonly pending: PendingConfirmation[] = [];
  /** The rules some part of the config turns on. */
  private readonly enabled: ReadonlySet<string>;
  /** API-wide reports (LiveReport.apiWide), grouped by rule, message and data, until the end. */
  private readonly apiWide = new Map<string, { rule: AnyRule; reports: LiveReport[] }>();

  constructor(
    private readonly rules: readonly AnyRule[],
    config: Config,
    private readonly api: LiveApi,
    validate: (schema: LiveSchema, value: unknown) => SchemaFailure | undefined,
    private readonly redactor: Redactor,
    target: URL,
  ) {
    this.findings = new FindingCollector(config);
    const enabled = (this.enabled = config.rulesEverEnabled());
    const settings = config.settingsFor(api.file);
    for (const rule of rules) {
      if (!rule.live || !enabled.has(rule.meta.id)) continue;
      const given = settings.get(rule.meta.id)?.options;
      const options = rule.meta.options ? { ...rule.meta.options.defaults, ...given } : {};
      const context: LiveContext<unknown> = { options, api, target, validate, report: (report) => this.report(rule, report) };
      this.visitors.push({ id: rule.meta.id, visitors: rule.live(context) });
    }
  }

  /** How many findings so far (for the progress line). */
  get count(): number {
    return this.findings.size;
  }

  /**
   * A finding the prober itself makes about an operation (one it could not send, say): no
   * exchange, so no evidence. The rule must be one of `rules` (it may have no live check).
   */
  note(ruleId: string, operation: LiveOperation, messageId: string, data: Record<string, string | number>): void {
    const rule = this.rules.find((candidate) => candidate.meta.id === ruleId);
    if (!rule || !this.enabled.has(ruleId)) return;
    const request: ProbeRequest = { purpose: 'valid', operation, method: operation.method.toUpperCase(), path: operation.path, headers: {}, credentials: false };
    this.add(rule, { messageId, data, exchange: { request } }, false, false);
  }

  /** The ids of the rules whose live checks run. */
  get ruleIds(): string[] {
    return this.visitors.map(({ id }) => id);
  }

  exchange(exchange: Exchange): void {
    for (const { id, visitors } of this.visitors) this.guard(id, () => visitors.exchange?.(exchange));
  }

  /** Findings waiting for a resend; the caller sends each request again and settles it. */
  takePending(): PendingConfirmation[] {
    return this.pending.splice(0);
  }

  end(): Finding[] {
    for (const { id, visitors } of this.visitors) this.guard(id, () => visitors.end?.());
    for (const { rule, reports } of this.apiWide.values()) this.addApiWide(rule, reports);
    return this.findings.results();
  }

  private report(rule: AnyRule, report: LiveReport): void {
    if (report.apiWide && !report.reproduces) {
      const key = `${rule.meta.id}\0${report.messageId}\0${JSON.stringify(report.data ?? {})}`;
      const group = this.apiWide.get(key) ?? { rule, reports: [] };
      group.reports.push(report);
      this.apiWide.set(key, group);
      return;
    }
    if (!report.reproduces) return this.add(rule, report, false);
    const { reproduces } = report;
    this.pending.push({
      exchange: report.exchange,
      // A resend that could not be made (a bound reached, no answer) does not clear the finding.
      settle: (response) => this.add(rule, report, response !== undefined && !reproduces(response)),
    });
  }

  /**
   * The reports of one API-wide group: as they are when they come from one operation; else one
   * finding at the API, with the statuses seen and the operations listed, evidence from the first.
   */
  private addApiWide(rule: AnyRule, reports: LiveReport[]): void {
    const order = (name: string) => this.api.operations.findIndex((operation) => operation.name === name);
    // In document order, whatever order the answers came in.
    const names = [...new Set(reports.map((report) => report.exchange.request.operation?.name).filter((name): name is string => name !== undefined))].sort((a, b) => order(a) - order(b));
    const unknownPath = reports.some((report) => !report.exchange.request.operation);
    if (names.length < 2) {
      for (const report of reports) this.add(rule, report, false);
      return;
    }
    const [first] = reports;
    const statuses = [...new Set(reports.map((report) => statusText(report.exchange)))].join(', ');
    // A message may name the operation or the request: for the whole API, both are "the API" (the evidence shows the first request).
    const data = { operation: 'the API', request: 'the API', status: statuses, ...first.data };
    const shown = names.length > 12 ? [...names.slice(0, 12), `${names.length - 12} more`] : names;
    const listed = `${shown.join(', ')}${unknownPath ? ', and an unknown path' : ''}`;
    const message = `${this.redactor.text(ruleMessage(rule, first.messageId, data))} (shared by ${names.length} operations: ${listed})`;
    const at = this.api.loc;
    const capped = reports.every((report) => report.severity !== undefined) ? first.severity : undefined;
    this.findings.add({
      code: rule.meta.id,
      message,
      at,
      range: () => at.file.rangeOf(at.pointer, 'key'),
      cap: capped,
      evidence: () => evidenceOf(first.exchange, first.detail, this.redactor),
    });
  }

  private add(rule: AnyRule, report: LiveReport, flaky: boolean, withEvidence = true): void {
    const { request } = report.exchange;
    const at = request.operation?.loc ?? this.api.loc;
    const data = { operation: request.operation?.name ?? 'the API', request: requestLine(request), status: statusText(report.exchange), ...report.data };
    let message = this.redactor.text(ruleMessage(rule, report.messageId, data));
    if (flaky) message += ' (did not happen again when the request was resent: flaky)';
    this.findings.add({
      code: rule.meta.id,
      message,
      at,
      range: () => at.file.rangeOf(at.pointer, 'key'),
      // A finding that did not reproduce is reported at info at most.
      cap: flaky ? 'info' : report.severity,
      evidence: withEvidence ? () => evidenceOf(report.exchange, report.detail, this.redactor) : undefined,
    });
  }

  private guard(id: string, run: () => void): void {
    try {
      run();
    } catch (error) {
      throw new Error(`rule ${id} failed in its live check: ${(error as Error).message}`, { cause: error });
    }
  }
}
