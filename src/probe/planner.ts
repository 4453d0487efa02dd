import { randomBytes, randomUUID } from 'node:crypto';
import { isObject } from '../engine/model/json';
import { listIn } from '../engine/live/response';
import { isJsonMediaType } from '../engine/media-types';
import { is2xxStatus } from '../engine/status-ranges';
import { OwnWrites } from './writes';
import type { Exchange, LiveApi, LiveOperation, LiveParameter, LiveSchema, ProbeNeed, ProbePurpose, ProbeRequest } from '../engine/live/types';

export interface PlanOptions {
  /** The --base-url's path (`/api`), put before every documented path; '' for none. */
  basePath: string;
  /** --param values by parameter name. */
  params: ReadonlyMap<string, string>;
  /** Headers given with --header (lower-case names): sent with every request but the no-auth ones. */
  credentials: Readonly<Record<string, string>>;
  allowMutations: boolean;
  /** Request bodies given with --body (JSON text), by operation name (`POST /users`): sent instead of examples and samples. */
  bodies?: ReadonlyMap<string, string>;
  /** The probes the enabled rules need or use (their ProbePlan): no other probe is sent. */
  needs: ReadonlySet<ProbeNeed>;
  /** Whether an operation of a safe method may change data all the same (the rules' ProbePlan.mayChangeData). */
  mayChangeData(operation: LiveOperation): boolean;
  /** The parents of a path to ask for (the rules' ProbePlan.missingParents). */
  missingParents(path: string, documentedPaths: readonly string[]): { parent: string; segments: number }[];
  /** Where requests go (to read Location headers); default http://127.0.0.1/. */
  target?: URL;
}

/** Why a probe was not sent, as the summary says it (the prober names the rules that needed it). */
export const MUTATIONS_ONLY = {
  writes: 'the documented requests of operations that may change data (POST, PUT, PATCH, DELETE, and GETs whose path names a change) are sent only with --allow-mutations',
  bodies: 'malformed and schema-violating request bodies are sent only with --allow-mutations',
  wrongMethods: 'on paths that document GET and TRACE (or HEAD without GET), the undocumented methods left are mutating ones, sent only with --allow-mutations',
  duplicates: 'a create sent twice (to see a conflict answered 409 or 422, not 5xx) is sent only with --allow-mutations',
} as const;

/** Values for request bodies and parameters from a schema (src/probe/schema/samples.ts). */
export interface Samples {
  valid(schema: LiveSchema): unknown;
  invalid(schema: LiveSchema): unknown;
  /** Whether the schema accepts a value (a documented example); without it every example is taken as valid. */
  accepts?(schema: LiveSchema, value: unknown): boolean;
}

export interface Skip {
  operation: LiveOperation;
  reason: string;
}

/**
 * Which operations go in which phase: reads first, then writes, deletions last. With
 * --allow-mutations the reads that waited for ids get a second chance after the writes (a
 * resource the probe created), and the writes and deletions go one operation at a time, its
 * negative probes before its own request, so that each sees the resource as the one before
 * it left it.
 */
export type Phase = 'read' | 'write' | 'delete';

const SAFE_METHODS = new Set(['get', 'head', 'options']);
/** Methods sent to a path to see it answer 405, least destructive first (with --allow-mutations). */
const WRONG_METHODS = ['get', 'patch', 'put', 'delete', 'post'];
/** How many operations get each follow-up that says something about the API as a whole. */
const API_WIDE_SAMPLES = 3;

/**
 * Plans the requests of a probe from the document: each operation once with its parameters
 * filled (from --param, the document's examples, defaults and enums, then ids found in earlier
 * responses), the negative probes, and follow-ups of what came back. Operations whose path
 * parameters cannot be filled are skipped with the reason, never guessed.
 */
export class Planner {
  /** Operations not planned yet, in document order. */
  private readonly waiting: LiveOperation[];
  /** Path parameter values found in collection responses, by item route and parameter name. */
  private readonly discovered = new Map<string, string>();
  private readonly wrongMethodPaths = new Set<string>();
  private readonly followUpCounts = new Map<ProbePurpose, number>();
  private readonly trailingSlashPaths = new Set<string>();
  private versionProbed = false;
  private readonly parentsProbed = new Set<string>();
  private readonly documentedPaths: string[];
  /** Probes not sent because mutations are off, with why (MUTATIONS_ONLY). */
  readonly notSent = new Map<ProbeNeed, string>();
  /** Operations not sent because mutations are off. */
  readonly mutationsSkipped: LiveOperation[] = [];
  /**
   * One skipped operation per path none of whose operations is sent (a POST-only `/users`):
   * the path still gets its safe wrong-method probe (GET, or TRACE when it documents GET).
   */
  private readonly wrongMethodOnly: LiveOperation[] = [];
  /** What the probe's own writes created, moved and removed. */
  readonly writes: OwnWrites;
  /** The request of the operation whose negative probes went in the last round: it goes next. */
  private deferred?: ProbeRequest;

  constructor(
    private readonly api: LiveApi,
    private readonly options: PlanOptions,
    private readonly samples: Samples,
  ) {
    // A GET whose path names a change (`/users/{id}/delete`) may change data when called:
    // without --allow-mutations it is left out like a POST (safe-methods-safe reports it when sent).
    this.documentedPaths = [...new Set(api.operations.map((operation) => operation.path))];
    this.writes = new OwnWrites(api, options.target ?? new URL('http://127.0.0.1/'));
    this.waiting = api.operations.filter((operation) => {
      if (options.allowMutations || (SAFE_METHODS.has(operation.method) && !options.mayChangeData(operation))) return true;
      this.mutationsSkipped.push(operation);
      return false;
    });
    if (this.mutationsSkipped.length > 0) this.notSent.set('writes', MUTATIONS_ONLY.writes);
    const sentPaths = new Set(this.waiting.map((operation) => operation.path));
    // Not a path whose GET names a change (`/users/{id}/delete`): a server that routes by path alone would act on any method.
    const changing = new Set(this.mutationsSkipped.filter((operation) => SAFE_METHODS.has(operation.method)).map((operation) => operation.path));
    for (const operation of this.mutationsSkipped) {
      if (sentPaths.has(operation.path) || changing.has(operation.path)) continue;
      sentPaths.add(operation.path);
      this.wrongMethodOnly.push(operation);
    }
    if (!options.allowMutations && api.operations.some((operation) => operation.requestBody && !SAFE_METHODS.has(operation.method))) {
      this.notSent.set('malformed-json', MUTATIONS_ONLY.bodies);
      this.notSent.set('invalid-body', MUTATIONS_ONLY.bodies);
    }
    if (!options.allowMutations && api.operations.some((operation) => operation.method === 'post')) this.notSent.set('duplicate', MUTATIONS_ONLY.duplicates);
  }

  /** Whether an enabled rule needs this probe. */
  private wants(need: ProbeNeed): boolean {
    return this.options.needs.has(need);
  }

  /** The request to an unknown path, sent once, when a rule needs it. */
  unknownPath(): ProbeRequest[] {
    if (!this.wants('unknown-path')) return [];
    const path = `${this.options.basePath}/restlint-probe-${randomBytes(4).toString('hex')}`;
    return [{ purpose: 'unknown-path', method: 'GET', path, headers: this.headers(undefined, true), credentials: this.hasCredentials }];
  }

  /**
   * The operations of a phase whose parameters can be filled now, as requests with their
   * negative probes. Call again after their responses came back: ids found there may fill
   * more. Empty when nothing more can be planned in this phase.
   */
  nextRound(phase: Phase): ProbeRequest[] {
    if (phase !== 'read') return this.nextWrite(phase);
    const requests: ProbeRequest[] = [];
    for (const operation of [...this.waiting]) {
      if (phaseOf(operation) !== phase) continue;
      const path = this.fillPath(operation);
      if (path === undefined) continue;
      this.waiting.splice(this.waiting.indexOf(operation), 1);
      requests.push(...this.requestsFor(operation, path));
    }
    if (phase === 'read' && this.wants('wrong-method')) {
      for (const operation of [...this.wrongMethodOnly]) {
        // A safe request (GET, TRACE): filled as a read is.
        const path = this.fillPath(operation, true);
        if (path === undefined) continue;
        this.wrongMethodOnly.splice(this.wrongMethodOnly.indexOf(operation), 1);
        const wrong = this.wrongMethodRequest(operation, `${path}${this.query(operation)}`);
        if (wrong) requests.push(wrong);
      }
    }
    return requests;
  }

  /**
   * One write (or deletion) at a time: the request of the operation whose negative probes
   * went last, else the next operation that can be filled, creations first (a POST to a
   * collection, then under a resource the probe created), then PUT and PATCH; deletions of
   * the deepest paths first (a comment before its article).
   */
  private nextWrite(phase: Phase): ProbeRequest[] {
    const deferred = this.deferred;
    if (deferred) {
      this.deferred = undefined;
      // The negative probes may have moved the resource (an unsecured PUT without credentials that succeeded).
      const path = deferred.operation ? this.fillPath(deferred.operation) : undefined;
      return [path === undefined ? deferred : { ...deferred, path: `${path}${this.query(deferred.operation!)}` }];
    }
    const candidates = this.waiting.filter((operation) => phaseOf(operation) === phase);
    const rank = (operation: LiveOperation) => (phase === 'delete' ? -operation.path.split('/').length : operation.method === 'post' ? 0 : 1);
    candidates.sort((a, b) => rank(a) - rank(b));
    for (const operation of candidates) {
      const path = this.fillPath(operation);
      if (path === undefined) continue;
      this.waiting.splice(this.waiting.indexOf(operation), 1);
      const [own, ...negatives] = this.requestsFor(operation, path);
      if (negatives.length === 0) return [own];
      this.deferred = own;
      return negatives;
    }
    return [];
  }

  /**
   * The DELETEs of the resources the probe created and did not delete, deepest first, each at
   * a documented DELETE of its item route; and the resources that have none.
   */
  cleanup(): { requests: ProbeRequest[]; kept: string[] } {
    const requests: ProbeRequest[] = [];
    const kept: string[] = [];
    const live = this.writes.resources.filter((resource) => !resource.deleted).sort((a, b) => b.at.split('/').length - a.at.split('/').length);
    for (const resource of live) {
      let planned: ProbeRequest | undefined;
      for (const operation of this.api.operations) {
        if (operation.method !== 'delete') continue;
        const name = /^(.*)\/\{([^}/]+)\}$/.exec(operation.path);
        if (!name || name[1] !== resource.collection) continue;
        const path = this.writes.itemPath(resource, name[2]);
        if (path === undefined) continue;
        planned = { purpose: 'cleanup', operation, method: 'DELETE', path: `${path}${this.query(operation)}`, headers: this.headers(operation, true), credentials: this.hasCredentials };
        break;
      }
      if (planned) requests.push(planned);
      else kept.push(`${resource.at}/${this.writes.keyOf(resource, [...resource.collection.matchAll(/\{([^}]+)\}/g)].at(-1)?.[1] ?? 'id') ?? '…'} (${resource.createdBy}; no DELETE documented for it)`);
    }
    return { requests, kept };
  }

  /** Operations left unplanned after every phase, with the reason. */
  unplanned(): Skip[] {
    return this.waiting.map((operation) => {
      const missing = this.missingParameters(operation);
      const braces = missing.map((name) => `{${name}}`).join(', ');
      const plural = missing.length > 1 ? 's' : '';
      if (this.changesData(operation)) {
        return {
          operation,
          reason: `no value for path parameter${plural} ${braces}: it changes data, so it acts only on a resource the probe created (a POST to the collection that answered with its key) or on --param ${missing[0]}=…`,
        };
      }
      return {
        operation,
        reason: `no value for path parameter${plural} ${braces}: give --param ${missing[0]}=…, an example in the document, or a collection GET that lists it`,
      };
    });
  }

  /** Whether a 404 to this request is explained by the probe's own earlier DELETE or key change. */
  explains(exchange: Exchange): boolean {
    return this.writes.explains(exchange);
  }

  /** Learns ids from a collection's response, for the item routes under it, and what the probe's own writes changed. */
  learn(exchange: Exchange): void {
    this.writes.learn(exchange);
    const { request, response } = exchange;
    if (request.purpose !== 'valid' || request.method !== 'GET' || !request.operation || !response || response.status >= 300) return;
    const item = listIn(response.json)?.find(isObject);
    if (!item) return;
    const collection = request.operation.path;
    for (const operation of this.api.operations) {
      const name = itemParameter(operation.path, collection);
      if (!name || this.discovered.has(`${operation.path}\0${name}`)) continue;
      const value = idOf(item, name);
      if (value !== undefined) this.discovered.set(`${operation.path}\0${name}`, value);
    }
  }

  /** Follow-ups of a documented GET that got a 2xx: HEAD, conditional GET, tracing, trailing slash, other media types, versions. */
  followUps(basis: Exchange): ProbeRequest[] {
    const { request, response } = basis;
    // A create that worked, sent again as it was: a conflict (409, 422) or the same resource (2xx), never a 5xx.
    if (request.purpose === 'valid' && request.method === 'POST' && request.operation?.method === 'post' && response && is2xxStatus(response.status) && this.wants('duplicate') && this.options.allowMutations) {
      return [{ ...request, purpose: 'duplicate', basis }];
    }
    if (request.purpose !== 'valid' || request.method !== 'GET' || !response || !is2xxStatus(response.status)) return [];
    const follow = (purpose: ProbePurpose, change: Partial<ProbeRequest> & { headers?: Record<string, string> }): ProbeRequest => ({
      ...request,
      ...change,
      purpose,
      basis,
      headers: { ...request.headers, ...change.headers },
    });
    const requests: ProbeRequest[] = [];
    if (this.wants('head')) requests.push(follow('head', { method: 'HEAD' }));
    const etag = response.headers['etag'];
    const lastModified = response.headers['last-modified'];
    if (this.wants('conditional')) {
      if (etag) requests.push(follow('conditional', { headers: { 'if-none-match': etag } }));
      else if (lastModified) requests.push(follow('conditional', { headers: { 'if-modified-since': lastModified } }));
    }
    if ((this.wants('traceparent-valid') || this.wants('traceparent-malformed')) && this.take('traceparent-valid')) {
      if (this.wants('traceparent-valid')) requests.push(follow('traceparent-valid', { headers: { traceparent: `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01` } }));
      if (this.wants('traceparent-malformed')) requests.push(follow('traceparent-malformed', { headers: { traceparent: 'not-a-trace-context' } }));
    }
    const [pathOnly, query] = splitQuery(request.path);
    if (this.wants('trailing-slash') && !pathOnly.endsWith('/') && !this.trailingSlashPaths.has(request.operation!.path) && this.trailingSlashPaths.size < API_WIDE_SAMPLES) {
      this.trailingSlashPaths.add(request.operation!.path);
      requests.push(follow('trailing-slash', { path: `${pathOnly}/${query}` }));
    }
    // The same GET again, to see that reading changed nothing (only where writes are allowed:
    // a GET that is not safe changes data each time it is sent).
    if (this.wants('repeat') && this.options.allowMutations && !lastIsParameter(request.operation!.path)) requests.push(follow('repeat', {}));
    const other = this.wants('accept-variant') ? this.otherMediaType(request.operation!, response.status, response.mediaType) : undefined;
    if (other) requests.push(follow('accept-variant', { headers: { accept: other } }));
    const parents = this.wants('parent') ? this.options.missingParents(request.operation!.path, this.documentedPaths) : [];
    for (const { parent, segments: kept } of parents) {
      if (this.parentsProbed.has(parent)) continue;
      this.parentsProbed.add(parent);
      // The filled path cut to the parent's segments (after the base path).
      const own = pathOnly.slice(this.options.basePath.length).split('/').slice(0, kept + 1).join('/');
      requests.push(follow('parent', { path: `${this.options.basePath}${own}` }));
    }
    const segments = pathOnly.split('/');
    const versionAt = segments.findIndex((segment) => /^v\d+$/i.test(segment));
    if (versionAt > 0 && !this.versionProbed && (this.wants('unknown-version') || this.wants('unversioned'))) {
      this.versionProbed = true;
      const unknown = segments.map((segment, index) => (index === versionAt ? 'v999' : segment)).join('/');
      const unversioned = segments.filter((_, index) => index !== versionAt).join('/') || '/';
      if (this.wants('unknown-version')) requests.push(follow('unknown-version', { path: `${unknown}${query}` }));
      if (this.wants('unversioned')) requests.push(follow('unversioned', { path: `${unversioned}${query}` }));
    }
    return requests;
  }

  private get hasCredentials(): boolean {
    return Object.keys(this.options.credentials).length > 0;
  }

  private take(purpose: ProbePurpose): boolean {
    const count = this.followUpCounts.get(purpose) ?? 0;
    if (count >= API_WIDE_SAMPLES) return false;
    this.followUpCounts.set(purpose, count + 1);
    return true;
  }

  /** The operation's request and the negative probes that go with it. */
  private requestsFor(operation: LiveOperation, path: string): ProbeRequest[] {
    const secured = operation.security.length > 0;
    const query = this.query(operation);
    const headers = this.headers(operation, true);
    const body = this.body(operation, 'valid');
    const method = operation.method.toUpperCase();
    // A secured operation without credentials to send is the no-auth probe itself.
    const purpose: ProbePurpose = secured && !this.hasCredentials ? 'no-auth' : 'valid';
    const base: ProbeRequest = { purpose, operation, method, path: `${path}${query}`, headers: { ...headers, ...body?.headers }, body: body?.text, credentials: this.hasCredentials };
    const requests = [base];
    if (secured && this.hasCredentials && this.wants('no-auth')) requests.push({ ...base, purpose: 'no-auth', headers: { ...this.headers(operation, false), ...body?.headers }, credentials: false });
    if (operation.method === 'get' && lastIsParameter(operation.path) && this.wants('unknown-id')) {
      const unknown = this.unknownId(operation);
      requests.push({ ...base, purpose: 'unknown-id', path: `${path.slice(0, path.lastIndexOf('/') + 1)}${encodeURIComponent(unknown)}${query}` });
    }
    const wrong = this.wants('wrong-method') ? this.wrongMethodRequest(operation, `${path}${query}`) : undefined;
    if (wrong) requests.push(wrong);
    if (operation.requestBody && !SAFE_METHODS.has(operation.method)) {
      const json = { 'content-type': 'application/json' };
      if (this.wants('malformed-json')) requests.push({ ...base, purpose: 'malformed-json', headers: { ...headers, ...json }, body: '{"restlint": ' });
      const invalid = this.wants('invalid-body') ? this.body(operation, 'invalid') : undefined;
      if (invalid) requests.push({ ...base, purpose: 'invalid-body', headers: { ...headers, ...invalid.headers }, body: invalid.text });
    }
    return requests;
  }

  /**
   * The request of an undocumented method to the operation's (filled) path, once per path.
   * With --allow-mutations, the least destructive undocumented one of GET, PATCH, PUT, DELETE,
   * POST. Without, only a safe one (RFC 9110 §9.2.1): GET on a path that documents neither GET
   * nor HEAD, TRACE on a path that documents GET. A method is documented for the path when any
   * template the path as sent matches documents it (a literal path under a parameter's). TRACE goes without credentials and without a
   * body (a server that supports it echoes the request: §9.3.8).
   */
  private wrongMethodRequest(operation: LiveOperation, path: string): ProbeRequest | undefined {
    if (this.wrongMethodPaths.has(operation.path)) return undefined;
    this.wrongMethodPaths.add(operation.path);
    // The methods of every template the path as sent matches: `/user/createWithList` (POST only)
    // is also `/user/{username}`, whose GET a server routes it to.
    const sent = splitQuery(path)[0].slice(this.options.basePath.length);
    const documented = new Set<string>(this.api.operations.filter((candidate) => candidate.path === operation.path || templateMatches(candidate.path, sent)).map((candidate) => candidate.method));
    let method: string | undefined;
    if (this.options.allowMutations) method = WRONG_METHODS.find((candidate) => !documented.has(candidate));
    else if (!documented.has('get') && !documented.has('head')) method = 'get';
    else if (documented.has('get') && !documented.has('trace')) method = 'trace';
    if (!method) {
      if (!this.options.allowMutations) this.notSent.set('wrong-method', MUTATIONS_ONLY.wrongMethods);
      return undefined;
    }
    const withCredentials = method !== 'trace';
    return { purpose: 'wrong-method', operation, method: method.toUpperCase(), path, headers: this.headers(operation, withCredentials), credentials: withCredentials && this.hasCredentials };
  }

  /**
   * The filled path (base path included), or undefined while a path parameter has no value.
   * Filled left to right: a parameter after a collection (`{slug}` of `/articles/{slug}`) may
   * take the key of a resource the probe created in that collection. An operation that changes
   * data takes only those (or --param): it never acts on data the probe did not make.
   */
  private fillPath(operation: LiveOperation, asRead = false): string | undefined {
    let filled = this.options.basePath;
    let template = '';
    for (const segment of operation.path.split('/').slice(1)) {
      const name = /^\{([^}]+)\}$/.exec(segment)?.[1];
      if (name === undefined) {
        filled += `/${segment.replace(/\{([^}]+)\}/g, (_, inner: string) => encodeURIComponent(this.plainValue(operation, inner) ?? ''))}`;
        template += `/${segment}`;
        continue;
      }
      const own = this.writes.valueFor(template, filled, name);
      const value = this.changesData(operation) && !asRead ? (own ?? this.options.params.get(name)) : (this.plainValue(operation, name) ?? own);
      if (value === undefined) return undefined;
      filled += `/${encodeURIComponent(value)}`;
      template += `/${segment}`;
    }
    return filled || '/';
  }

  /** The path parameters without a value now. */
  private missingParameters(operation: LiveOperation): string[] {
    const missing: string[] = [];
    let filled = this.options.basePath;
    let template = '';
    for (const segment of operation.path.split('/').slice(1)) {
      const name = /^\{([^}]+)\}$/.exec(segment)?.[1];
      let value: string | undefined = segment;
      if (name !== undefined) {
        const own = this.writes.valueFor(template, filled, name);
        value = this.changesData(operation) ? (own ?? this.options.params.get(name)) : (this.plainValue(operation, name) ?? own);
        if (value === undefined) missing.push(name);
      }
      filled += `/${encodeURIComponent(value ?? '')}`;
      template += `/${segment}`;
    }
    return missing;
  }

  /** Whether the operation may change data: not a safe method, or a GET whose path names a change. */
  private changesData(operation: LiveOperation): boolean {
    return !SAFE_METHODS.has(operation.method) || this.options.mayChangeData(operation);
  }

  /** A path parameter's value from --param, the document, or a collection GET. */
  private plainValue(operation: LiveOperation, name: string): string | undefined {
    const parameter = operation.parameters.find((candidate) => candidate.in === 'path' && candidate.name === name) ?? { name, in: 'path' as const, required: true };
    return this.valueOf(operation, parameter);
  }

  private valueOf(operation: LiveOperation, parameter: LiveParameter): string | undefined {
    const given = this.options.params.get(parameter.name);
    if (given !== undefined) return given;
    if (isScalar(parameter.documentedValue)) return String(parameter.documentedValue);
    if (parameter.in === 'path') return this.discovered.get(`${operation.path}\0${parameter.name}`);
    // Required query and header parameters are filled from their schema when nothing else says.
    const sample = parameter.schema ? this.samples.valid(parameter.schema) : 'restlint';
    return isScalar(sample) ? String(sample) : undefined;
  }

  private query(operation: LiveOperation): string {
    const pairs: string[] = [];
    for (const parameter of operation.parameters) {
      if (parameter.in !== 'query' || !(parameter.required || this.options.params.has(parameter.name))) continue;
      const value = this.valueOf(operation, parameter);
      if (value !== undefined) pairs.push(`${encodeURIComponent(parameter.name)}=${encodeURIComponent(value)}`);
    }
    return pairs.length > 0 ? `?${pairs.join('&')}` : '';
  }

  /** Accept (the documented success media types), required header parameters, and the credentials unless left out. */
  private headers(operation: LiveOperation | undefined, withCredentials: boolean): Record<string, string> {
    const headers: Record<string, string> = {};
    const types = operation ? [...new Set(operation.responses.filter((response) => /^2/.test(response.status)).flatMap((response) => [...response.mediaTypes.keys()]))] : [];
    headers['accept'] = types.length > 0 ? `${types.join(', ')}, */*;q=0.1` : 'application/json, */*;q=0.1';
    for (const parameter of operation?.parameters ?? []) {
      if (parameter.in !== 'header' || !(parameter.required || this.options.params.has(parameter.name))) continue;
      const value = this.valueOf(operation!, parameter);
      if (value !== undefined) headers[parameter.name.toLowerCase()] = value;
    }
    if (withCredentials) Object.assign(headers, this.options.credentials);
    return headers;
  }

  /**
   * A JSON body for the operation, or one that breaks its schema. Valid: the --body given for
   * it, else the first of the media type's documented examples (`example`, `examples`) that its
   * schema accepts, else a sample of the schema (schema and property examples first, then
   * generated values, format-valid).
   */
  private body(operation: LiveOperation, kind: 'valid' | 'invalid'): { text: string; headers: Record<string, string> } | undefined {
    if (SAFE_METHODS.has(operation.method)) return undefined;
    const content = operation.requestBody?.mediaTypes;
    const type = content ? [...content.keys()].find(isJsonMediaType) : undefined;
    const given = kind === 'valid' ? this.options.bodies?.get(operation.name) : undefined;
    if (given !== undefined) return { text: given, headers: { 'content-type': type ?? 'application/json' } };
    if (!content || !type) return undefined;
    const schema = content.get(type);
    let value: unknown;
    if (kind === 'invalid') {
      value = schema ? this.samples.invalid(schema) : undefined;
      if (value === undefined) return undefined;
    } else {
      const examples = operation.requestBody?.examples?.get(type) ?? [];
      const accepts = this.samples.accepts;
      const example = examples.find((candidate) => !schema || !accepts || accepts(schema, candidate));
      value = example !== undefined ? example : schema ? this.samples.valid(schema) : {};
    }
    return { text: JSON.stringify(value ?? {}), headers: { 'content-type': type } };
  }

  private unknownId(operation: LiveOperation): string {
    const name = /\{([^}]+)\}$/.exec(operation.path)?.[1];
    const parameter = operation.parameters.find((candidate) => candidate.in === 'path' && candidate.name === name);
    const schema = isObject(parameter?.schema?.value) ? parameter.schema.value : {};
    if (schema.format === 'uuid') return randomUUID();
    if (schema.type === 'integer' || schema.type === 'number') return String(900_000_000 + randomBytes(3).readUIntBE(0, 3));
    return `restlint-unknown-${randomBytes(4).toString('hex')}`;
  }

  private otherMediaType(operation: LiveOperation, status: number, got: string | undefined): string | undefined {
    const documented = operation.responses.find((response) => response.status === String(status)) ?? operation.responses.find((response) => response.status === '2XX');
    if (!documented || documented.mediaTypes.size < 2) return undefined;
    return [...documented.mediaTypes.keys()].find((type) => type !== got && !type.includes('*'));
  }
}

export function phaseOf(operation: LiveOperation): Phase {
  if (SAFE_METHODS.has(operation.method)) return 'read';
  return operation.method === 'delete' ? 'delete' : 'write';
}

function lastIsParameter(path: string): boolean {
  return /\/\{[^}/]+\}$/.test(path);
}

/** `userId` when `path` is `collection` followed by a `/{userId}` segment (and maybe more: `/users/{userId}/orders`). */
function itemParameter(path: string, collection: string): string | undefined {
  const prefix = collection.endsWith('/') ? collection : `${collection}/`;
  if (!path.startsWith(prefix)) return undefined;
  return /^\{([^}/]+)\}(?:\/|$)/.exec(path.slice(prefix.length))?.[1];
}

/** The item's value for a path parameter: `userId`, then `user_id`-style and `id`-style members. */
function idOf(item: Record<string, unknown>, name: string): string | undefined {
  const stem = name.replace(/[_-]?(id|key|name|uuid)$/i, '');
  const candidates = [name, stem ? `${stem}_id` : '', 'id', 'uuid', 'key', 'slug', 'name'];
  for (const key of candidates) if (key && isScalar(item[key])) return String(item[key]);
  return undefined;
}

function isScalar(value: unknown): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** Whether a path as sent (`/user/createWithList`, no query) matches a path template (`/user/{username}`): segment by segment, a parameter matching any non-empty text. */
function templateMatches(template: string, path: string): boolean {
  const parts = template.split('/');
  const segments = path.split('/');
  if (parts.length !== segments.length) return false;
  return parts.every((part, index) => {
    const segment = segments[index];
    if (!part.includes('{')) return part === segment;
    const pattern = part.split(/\{[^}/]*\}/).map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^/]+');
    return new RegExp(`^${pattern}$`).test(segment);
  });
}

function splitQuery(path: string): [string, string] {
  const at = path.indexOf('?');
  return at === -1 ? [path, ''] : [path.slice(0, at), path.slice(at)];
}
