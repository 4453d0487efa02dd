/**
 * Error bodies as the error rules read them, in the document and live: the error-format
 * profiles (RFC 9457 problem details, Azure's and Google's `{ error }` envelopes, a team's own
 * schema) and what makes a success body report an error (no-error-in-2xx). The spec checks and
 * the live checks share these names and member lists, so `lint` and `probe` agree.
 */
import type { LiveOperation, ProbeResponse } from '../../src/engine/live/types';
import { mediaTypeOf } from '../../src/engine/media-types';

/** error-format's `format` option. */
export type ErrorFormat = 'problem' | 'azure' | 'google' | { schema: Record<string, unknown> };

export const PROBLEM_MEDIA_TYPE = 'application/problem+json';
/** RFC 9457 members, as the spec check wants them in an error schema. */
export const PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance'];
/** The members a live problem body must carry (`detail` and `instance` are optional: checked only as strings). */
export const PROBLEM_REQUIRED_LIVE = ['type', 'title', 'status'];
export const AZURE_MEMBERS = ['error', 'error.code', 'error.message'];
export const GOOGLE_MEMBERS = ['error', 'error.code', 'error.message', 'error.status'];

/** How messages name each profile: `use the RFC 9457 problem details format`. */
export const FORMAT_LABELS = {
  problem: 'RFC 9457 problem details format',
  azure: 'Azure error format { error: { code, message } }',
  google: 'Google error format { error: { code, message, status } }',
  custom: 'configured error format',
} as const;

export function formatLabel(format: ErrorFormat): string {
  return typeof format === 'string' ? FORMAT_LABELS[format] : FORMAT_LABELS.custom;
}

// ---- no-error-in-2xx: what reports an error in a success body ----

/** Property names (lowercased, without `_`/`-`) that carry an error in a body. */
export const ERROR_PROPERTIES = new Set(['error', 'errors', 'errorcode']);
/** Values of a `status` that report failure. */
export const FAILURE_VALUE = /^(error|errors|err|fail|failed|failure|ko|nok|not_?ok)$/i;
/** Values of an outcome-only `status`: success or failure of this very request. */
export const OUTCOME_VALUE = /^(ok|success|successful|succeeded|error|errors|err|fail|failed|failure|ko|nok|not_?ok|warning|partial)$/i;
/** Properties that make a body a job or long-running operation, whose own failure is data (`status: failed`, `error`); also any `…status`/`…state`. */
export const LIFECYCLE_PROPERTIES = new Set(['done', 'percentcomplete', 'progress']);
export const LIFECYCLE_SUFFIX = /(status|state)$/;
/** Identifier properties: a body with one is a resource, whose `error` or `status` describes the resource (a message that failed to deliver), not the request. */
export const ID_PROPERTY = /^(id|uuid|guid|sid|gid)$|^.+(_id|Id|ID|_uuid|Uuid|_sid|Sid)$/;
/** Ids of the request, not of a resource: every envelope carries them. */
export const REQUEST_ID = /^(x_?)?(request|trace|correlation|transaction|idempotency|span)(_?id)$/i;
/** Media types of streams: an error can only arrive inside the stream, after the 200 was sent. */
export const STREAM_MEDIA = /event-stream|ndjson|x-json-stream|jsonl|stream\+json/i;
/** Properties that make a body a validation or dry-run report, whose `error` or `errors` is the result. */
export const REPORT_PROPERTIES = new Set(['valid', 'isvalid', 'warnings']);
/** A path segment of a resource about errors (`/jobs/{id}/errors`, `/failed-deliveries`) or a GraphQL endpoint. */
export const ABOUT_ERRORS_SEGMENT = /error|fail|graphql/i;
/** Timestamps of a job's lifecycle (live only): a body with one is a job, whose `status: failed` is data. */
const LIFECYCLE_TIMES = /^(started|completed|finished|ended|failed)(at|on|time|date|timestamp)?$/;

/** `orderId` → `orderid`; `error_code` → `errorcode`. */
export const normalName = (name: string) => name.toLowerCase().replace(/[_-]/g, '');

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * What makes a parsed 2xx body report an error, as `"success": false` or `an "error" member`,
 * or undefined when it does not. Bodies that are legitimately about a failure pass: a resource
 * (an identifier other than a request id: a payment whose `status` is `failed`), a job (a
 * lifecycle member: `progress`, `done`, `percentComplete`, another `…Status`/`…State`, a
 * `completedAt`), a validation report (`valid`, `warnings`) and grpc-gateway's `{ result, error }`
 * stream chunk. The caller leaves out 207, streams and resources about errors.
 */
export function looksLikeError(json: unknown): string | undefined {
  if (!isObject(json)) return undefined;
  const keys = Object.keys(json);
  const names = new Map(keys.map((name) => [normalName(name), name]));
  if (keys.some((name) => ID_PROPERTY.test(name) && !REQUEST_ID.test(name) && !/^error/i.test(name))) return undefined;
  if (names.size === 2 && names.has('result') && names.has('error')) return undefined;
  const isJob = [...names.keys()].some((name) => LIFECYCLE_PROPERTIES.has(name) || LIFECYCLE_TIMES.test(name) || (LIFECYCLE_SUFFIX.test(name) && name !== 'status' && name !== 'state'));
  if (isJob) return undefined;
  const isReport = [...names.keys()].some((name) => REPORT_PROPERTIES.has(name));
  for (const flag of ['success', 'ok']) {
    const name = names.get(flag);
    if (name !== undefined && json[name] === false) return `"${name}": false`;
  }
  for (const outcome of ['status', 'result']) {
    const name = names.get(outcome);
    const value = name === undefined ? undefined : json[name];
    if (typeof value === 'string' && FAILURE_VALUE.test(value.trim())) return `"${name}": "${value.trim()}"`;
  }
  if (isReport) return undefined;
  const error = names.get('error');
  if (error !== undefined) {
    const value = json[error];
    if ((typeof value === 'string' && value.trim() !== '') || (isObject(value) && Object.keys(value).length > 0)) return `an "${error}" member`;
  }
  const errors = names.get('errors');
  if (errors !== undefined) {
    const value = json[errors];
    if ((Array.isArray(value) && value.length > 0) || (isObject(value) && Object.keys(value).length > 0)) return `a non-empty "${errors}" member`;
  }
  return undefined;
}

// ---- error-format, live ----

export interface ErrorBodyProblem {
  /** What is wrong, to follow "with an error body that": `lacks "type", "title"`. */
  problem: string;
  /** Only the media type is wrong (`application/json` carrying a complete problem): a weaker finding. */
  mediaTypeOnly: boolean;
}

/**
 * What is wrong with a JSON error body for a profile, or undefined when it follows it. The
 * response must be a 4xx/5xx with a parsed JSON body. Problem details: `application/problem+json`
 * with `type` and `title` strings and a `status` number equal to the HTTP status (`detail` and
 * `instance` strings when present). Azure: `{ error: { code: string, message: string } }`.
 * Google: `{ error: { code: <the HTTP status>, message: string, status: string } }`. A custom
 * `{ schema }` is validated with ajv (loaded on first use); a schema ajv cannot compile checks nothing.
 */
export function errorBodyProblem(response: ProbeResponse, format: ErrorFormat): ErrorBodyProblem | undefined {
  const json = response.json;
  const issues: string[] = [];
  let wrongMediaType = false;
  if (format === 'problem') {
    wrongMediaType = response.mediaType !== PROBLEM_MEDIA_TYPE;
    issues.push(...problemIssues(json, response.status));
  } else if (format === 'azure' || format === 'google') {
    issues.push(...envelopeIssues(json, response.status, format));
  } else if (isObject(format) && isObject(format.schema)) {
    const failure = validateCustom(format.schema, json);
    if (failure) issues.push(failure);
  }
  if (!wrongMediaType && issues.length === 0) return undefined;
  const parts = wrongMediaType ? [`is ${response.mediaType}, not ${PROBLEM_MEDIA_TYPE}`, ...issues] : issues;
  return { problem: joinIssues(parts), mediaTypeOnly: wrongMediaType && issues.length === 0 };
}

/** `a, b and c`. */
function joinIssues(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const quoted = (names: string[]) => names.map((name) => `"${name}"`).join(', ');

function problemIssues(json: unknown, status: number): string[] {
  if (!isObject(json)) return [`is ${Array.isArray(json) ? 'an array' : 'not an object'}`];
  const issues: string[] = [];
  const missing = PROBLEM_REQUIRED_LIVE.filter((name) => json[name] === undefined || json[name] === null);
  if (missing.length > 0) issues.push(`lacks ${quoted(missing)}`);
  const notStrings = ['type', 'title', 'detail', 'instance'].filter((name) => json[name] !== undefined && json[name] !== null && typeof json[name] !== 'string');
  if (notStrings.length > 0) issues.push(`has ${quoted(notStrings)} that ${notStrings.length === 1 ? 'is' : 'are'} not a string`);
  if (json.status !== undefined && json.status !== null) {
    if (typeof json.status !== 'number') issues.push(`has a "status" that is not a number`);
    else if (json.status !== status) issues.push(`says "status": ${json.status}`);
  }
  return issues;
}

function envelopeIssues(json: unknown, status: number, format: 'azure' | 'google'): string[] {
  if (!isObject(json)) return [`is ${Array.isArray(json) ? 'an array' : 'not an object'}`];
  const error = json.error;
  if (!isObject(error)) return [error === undefined ? 'lacks "error"' : 'has an "error" that is not an object'];
  const wanted = format === 'azure' ? { code: 'string', message: 'string' } : { code: 'number', message: 'string', status: 'string' };
  const missing = Object.keys(wanted).filter((name) => error[name] === undefined || error[name] === null);
  const issues: string[] = [];
  if (missing.length > 0) issues.push(`lacks ${quoted(missing.map((name) => `error.${name}`))}`);
  for (const [name, type] of Object.entries(wanted)) {
    const value = error[name];
    if (value === undefined || value === null || typeof value === type) continue;
    issues.push(`has an "error.${name}" that is not a ${type}`);
  }
  if (format === 'google' && typeof error.code === 'number' && error.code !== status) issues.push(`says "error.code": ${error.code}`);
  return issues;
}

type Check = ((value: unknown) => boolean) & { errors?: { instancePath: string; message?: string }[] | null };
const customChecks = new WeakMap<object, Check | undefined>();

/** A configured schema's first failure for the body, as `fails the configured schema at /code: must be string`. */
function validateCustom(schema: Record<string, unknown>, json: unknown): string | undefined {
  let check = customChecks.get(schema);
  if (!customChecks.has(schema)) {
    try {
      // Loaded on first use: the lint CLI loads every rule at startup and never needs ajv for this.
      const Ajv = (require('ajv') as typeof import('ajv')).default;
      check = new Ajv({ strict: false, allErrors: false }).compile(schema) as Check;
    } catch {
      check = undefined;
    }
    customChecks.set(schema, check);
  }
  if (!check || check(json)) return undefined;
  const error = check.errors?.[0];
  return `fails the configured schema${error ? ` at ${error.instancePath || '/'}: ${error.message ?? 'invalid'}` : ''}`;
}

/**
 * An OAuth 2.0 error body (RFC 6749 §5.2: `error` as a string, with `error_description`,
 * `error_uri` or `state` at most): a token endpoint's errors have this format whatever the API's is.
 */
export function isOAuthErrorBody(json: unknown): boolean {
  if (!isObject(json) || typeof json.error !== 'string') return false;
  return Object.keys(json).every((name) => ['error', 'error_description', 'error_uri', 'state'].includes(name));
}

/**
 * An operation that serves a page to a browser (every documented success response is
 * `text/html`, as OAuth's `/authorize`): its error pages are HTML too, by design.
 */
export function servesBrowserPage(operation: LiveOperation | undefined): boolean {
  if (!operation) return false;
  const types = operation.responses.filter((response) => /^2/.test(response.status)).flatMap((response) => [...response.mediaTypes.keys()]);
  return types.length > 0 && types.every((type) => mediaTypeOf(type) === 'text/html');
}

/** Whether a request's `Accept` leaves JSON out (it asked for `text/csv` only): then a non-JSON error is what it asked for. */
export function acceptsNoJson(headers: Record<string, string>): boolean {
  const accept = headers.accept;
  if (accept === undefined || accept.trim() === '') return false;
  return !/json|\*\/\*|application\/\*/i.test(accept);
}
