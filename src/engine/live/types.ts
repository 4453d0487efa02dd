/**
 * The prober's vocabulary: what a live check sees (an exchange: the request sent and the
 * response received, with the documented operation it probes) and how it reports. Rules
 * carry their live check beside their spec check (`RuleModule.live`), so `lint` and `probe`
 * share ids, severities, config and docs.
 */
import type { NodeLocation } from '../model/location';
import type { Severity } from '../rule';
import type { HttpMethod, OpenApiVersion } from '../walk/nodes';

type Json = Record<string, unknown>;

/** A schema as written in the document, with where it is (the validator compiles it from there). */
export interface LiveSchema {
  value: unknown;
  loc: NodeLocation;
}

export interface LiveParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  /** The parameter's schema (2.0: the parameter object itself, which carries `type`, `enum`, …). */
  schema?: LiveSchema;
  /** A value from the document: the parameter's `example`, first of `examples`, the schema's `example`, `default` or first `enum`. */
  documentedValue?: unknown;
}

/** One documented response (`200`, `4XX`, `default`) of an operation. */
export interface LiveResponse {
  status: string;
  /** Documented media types (lower case, as written) with their schemas; empty when the response has no content. */
  mediaTypes: Map<string, LiveSchema | undefined>;
  /** Documented headers by lower-case name. */
  headers: Map<string, { required: boolean; schema?: LiveSchema }>;
  loc: NodeLocation;
}

/** A documented operation, read from the document once, with every `$ref` followed. */
export interface LiveOperation {
  method: HttpMethod;
  /** The path template as written (`/users/{id}`). */
  path: string;
  /** `GET /users/{id}`. */
  name: string;
  /** Where findings about the operation go: its method key. */
  loc: NodeLocation;
  value: Json;
  parameters: LiveParameter[];
  requestBody?: {
    required: boolean;
    mediaTypes: Map<string, LiveSchema | undefined>;
    /** The media types' documented examples (`example`, then each of `examples`' values; 3.x), by media type. */
    examples?: Map<string, unknown[]>;
  };
  responses: LiveResponse[];
  /** The security requirements that apply (operation's, else the document's); empty when none or `security: []`. */
  security: Record<string, string[]>[];
  deprecated: boolean;
}

export interface LiveApi {
  version: OpenApiVersion;
  /** The spec's entry file, absolute. */
  file: string;
  /** Where API-wide findings go (the `openapi` / `swagger` key). */
  loc: NodeLocation;
  operations: LiveOperation[];
  /** `components.securitySchemes` (3.x) or `securityDefinitions` (2.0), resolved. */
  securitySchemes: Record<string, Json>;
}

/** Why a request was sent: a documented call, or one of the negative and follow-up probes. */
export type ProbePurpose =
  /** The documented operation, with its parameters filled. */
  | 'valid'
  /** An item route with an id that cannot exist: expects 404. */
  | 'unknown-id'
  /** A path under the base URL that no API has: expects 404. */
  | 'unknown-path'
  /** A method the path does not document: expects 405 with Allow. */
  | 'wrong-method'
  /** A body that is not JSON at all: expects 400. */
  | 'malformed-json'
  /** JSON that breaks the documented request schema: expects 400/422. */
  | 'invalid-body'
  /** A secured operation without the credentials given by --header: expects 401/403. */
  | 'no-auth'
  /** GET with If-None-Match / If-Modified-Since from the basis response: expects 304. */
  | 'conditional'
  /** HEAD of a GET: same status and headers, no body. */
  | 'head'
  /** With a valid W3C `traceparent`: answered as the basis was. */
  | 'traceparent-valid'
  /** With a malformed `traceparent`: ignored, answered as the basis was. */
  | 'traceparent-malformed'
  /** The basis path with a trailing `/`: the same answer, a redirect, or 404. */
  | 'trailing-slash'
  /** The basis request with another documented `Accept`: a different body needs `Vary`. */
  | 'accept-variant'
  /** The basis request with a version that does not exist (`/v999/…`): expects 4xx. */
  | 'unknown-version'
  /** The basis request without its version: expects 4xx or a redirect. */
  | 'unversioned'
  /** The basis GET of a collection sent again (with --allow-mutations): the same items, the same ETag. */
  | 'repeat'
  /** A parent resource of the basis path that the document does not list (`/users/7` of `/users/7/orders`): not 404. */
  | 'parent'
  /** A create (POST) that succeeded, sent again as it was (with --allow-mutations): 409/422, or 2xx for an idempotent create, never 5xx. */
  | 'duplicate'
  /** The DELETE, at the end of the run, of a resource the probe created and did not delete itself: not judged. */
  | 'cleanup';

/**
 * What a rule's live check needs the prober to send besides the documented requests of safe
 * operations: a probe (by its purpose), or `writes`, the documented requests of operations that
 * may change data (POST, PUT, PATCH, DELETE, and GETs whose path names a change), which are
 * sent only with --allow-mutations. The prober plans a probe only when an enabled rule needs it.
 */
export type ProbeNeed = Exclude<ProbePurpose, 'valid' | 'cleanup'> | 'writes';

/** The probes that provoke error responses: rules that judge error responses need them. */
export const ERROR_PROBES = ['unknown-path', 'unknown-id', 'wrong-method', 'malformed-json', 'invalid-body', 'no-auth'] as const satisfies readonly ProbeNeed[];

/** What a rule with a live check tells the prober's planner (RuleModule.probe). */
export interface ProbePlan {
  /** The probes its live check is about: without them it checks nothing of its own (the summary names the rule when they are not sent). */
  needs: readonly ProbeNeed[];
  /** Probes its live check also judges when they are sent (the error responses they provoke, say). */
  uses?: readonly ProbeNeed[];
  /**
   * Whether an operation of a safe method may still change data when called (a GET whose path
   * names a change). Asked of every rule the prober runs, enabled or not: it decides what is
   * safe to send, not what is checked.
   */
  mayChangeData?(operation: LiveOperation): boolean;
  /**
   * With need `parent`: the parent resources of a path that the document does not list, each
   * with how many segments of the path it keeps (`/users/{id}` of `/users/{id}/orders`: 2).
   */
  missingParents?(path: string, documentedPaths: readonly string[]): { parent: string; segments: number }[];
}

export interface ProbeRequest {
  purpose: ProbePurpose;
  /** The documented operation this request probes; none for an unknown path. */
  operation?: LiveOperation;
  /** Upper case: `GET`. */
  method: string;
  /** Path and query as sent, from the origin: `/v1/users/42?limit=1`. */
  path: string;
  /** Headers as sent, lower-case names (credentials included: evidence redacts them). */
  headers: Record<string, string>;
  body?: string;
  /** The exchange a follow-up is compared with (HEAD with its GET, a conditional GET with the first GET, …). */
  basis?: Exchange;
  /** Whether the request carried credentials given with --header. */
  credentials: boolean;
}

export interface ProbeResponse {
  status: number;
  /** Lower-case names; repeated headers joined with `, ` (set-cookie with `\n`). */
  headers: Record<string, string>;
  /** The body as text (UTF-8), cut at the prober's body limit. */
  body: string;
  /** `Content-Type` without parameters, lower case; undefined when absent. */
  mediaType?: string;
  /** The parsed body when the media type is JSON (`application/json`, `*+json`) and it parses. */
  json?: unknown;
  /** Why a JSON media type's body did not parse. */
  jsonError?: string;
  /** Milliseconds from sending to the end of the body. */
  elapsedMs: number;
}

export interface ProbeFailure {
  /** `malformed`: what came back is not HTTP. */
  kind: 'timeout' | 'refused' | 'reset' | 'malformed' | 'error';
  message: string;
}

/** A request and what came back: a response, or a failure (timeout, refused, reset). */
export interface Exchange {
  request: ProbeRequest;
  response?: ProbeResponse;
  failure?: ProbeFailure;
}

export interface LiveReport {
  messageId: string;
  data?: Record<string, string | number>;
  /** The evidence: its request and response are shown; its operation (else the API) locates the finding. */
  exchange: Exchange;
  /** The relevant part of the response (a stack-trace line, a header, the failing value); default: the start of the body. */
  detail?: string;
  /** At most this severity (a weaker case of the rule). */
  severity?: Severity;
  /**
   * For findings a flaky server could cause (a 5xx, a 2xx to bad input): the prober resends the
   * request once and reports the finding as it is when this still holds for the new response,
   * else at info as flaky.
   */
  reproduces?: (response: ProbeResponse) => boolean;
  /**
   * What the whole server does (a header missing on every response, HTML error pages): the
   * same report (message and data) from two or more operations is one finding at the API,
   * listing the operations, not one per operation.
   */
  apiWide?: boolean;
}

/**
 * Data every message template may use besides the rule's own: `{{operation}}` (`GET
 * /users/{id}`, or `the API`), `{{request}}` (`GET /v1/users/42`) and `{{status}}` (`404`, or
 * the failure: `no answer within 5000 ms`).
 */
export interface LiveContext<Options> {
  readonly options: Options;
  readonly api: LiveApi;
  /** Where the requests go (--base-url; for --app, the in-process server on 127.0.0.1). */
  readonly target: URL;
  report(report: LiveReport): void;
  /**
   * Validates a value against a schema of the document (JSON Schema as OpenAPI's version
   * reads it): the first failure, or undefined when the value is valid.
   */
  validate(schema: LiveSchema, value: unknown): SchemaFailure | undefined;
}

export interface SchemaFailure {
  /** JSON pointer inside the value (`/items/0/id`; empty string for the value itself). */
  pointer: string;
  /** The JSON Schema keyword that failed (`type`, `required`, …). */
  keyword: string;
  /** ajv's message (`must be integer`). */
  message: string;
  /** additionalProperties / unevaluatedProperties: the property that is not allowed (it sits at `pointer` + `/property`). */
  property?: string;
}

export interface LiveVisitors {
  /** Every exchange, in the order responses arrive. */
  exchange?(exchange: Exchange): void;
  /** After the last exchange: API-wide conclusions (one versioning strategy, say). */
  end?(): void;
}

export type LiveCheck<Options> = (context: LiveContext<Options>) => LiveVisitors;
