import { defineRule } from '../src/engine/rule';
import type { NodeLocation } from '../src/engine/model/location';
import type { RuleContext } from '../src/engine/rule';
import { operationName, type OperationNode, type ResponseNode } from '../src/engine/walk/nodes';
import { documentsClientError, locationName, responseSchemas, statusClass, topLevelProperties } from './lib/status';
import { schemaTypes } from './lib/schema';
import { isObject } from '../src/engine/model/json';
import { isWithin } from '../src/engine/model/location';
import { excerpt } from '../src/engine/live/text';
import type { ProbePurpose } from '../src/engine/live/types';
import { looksLikeError, ERROR_PROPERTIES, FAILURE_VALUE, OUTCOME_VALUE, LIFECYCLE_PROPERTIES, LIFECYCLE_SUFFIX, ID_PROPERTY, REQUEST_ID, STREAM_MEDIA, REPORT_PROPERTIES, ABOUT_ERRORS_SEGMENT, normalName } from './lib/error-bodies';
import { OUTCOME_PROPERTY_NAMES } from './lib/words';

type Json = Record<string, unknown>;

const normal = normalName;

interface Found {
  messageId: string;
  at: NodeLocation;
  data: Record<string, string>;
  shared: boolean;
  users: OperationNode[];
}

/**
 * A success response never reports an error in its body (the course; Zalando #220): a 2xx
 * schema with an `error`, `errors` or `errorCode` property, a boolean `success` flag, or a
 * `status` whose values are only outcomes (`ok`/`error`). Worse when the operation documents
 * no 4xx at all: then the body is the only way a client learns of a failure.
 *
 * Read from each 2xx response's schema (through `$ref`s): its top-level properties and those
 * of its `allOf` members. Legitimate, and not reported: 207 Multi-Status (per-item results);
 * a job or long-running operation, recognised by a lifecycle property (`…status`, `…state`,
 * `done`, `percentComplete`, `progress`) that is not an outcome-only enum, whose
 * `status: failed` and `error` describe the job; a resource, recognised by an identifier
 * (`id`, `sid`, `orderId`; not `request_id`), whose `error` or `status` is its own state (a
 * message that failed to deliver, a payment that failed); a validation report (`valid`,
 * `warnings` next to `error` or `errors`); an envelope the operation also uses for its error responses;
 * streams (`text/event-stream`, NDJSON, grpc-gateway `{ result, error }` chunks); resources
 * about errors (a path segment naming errors or failures); GraphQL endpoints. Reported at the property, in the component schema when it is
 * shared (once, with the number of operations).
 *
 * Live: an unknown id answered 2xx; the other provocations (malformed or invalid body, no
 * credentials, unknown version) answered 2xx with an error in the body (without one, other
 * rules report them); any other 2xx JSON body shaped like an error (lib/error-bodies.ts
 * `looksLikeError`), with the same exemptions as in the document.
 */
export default defineRule({
  meta: {
    id: 'no-error-in-2xx',
    group: 'status-codes',
    severity: 'error',
    description: 'Success (2xx) responses do not report errors in their body.',
    sources: ['course', 'Z#220'],
    fix: 'no',
    messages: {
      errorProperty: '{{subject}} has an "{{property}}" property: a success status with an error in the body hides failures from clients, caches and monitoring; answer failures with a 4xx or 5xx and the error body{{worse}}',
      successFlag: '{{subject}} has a boolean "{{property}}" flag: the status code already says whether the request succeeded; answer failures with a 4xx or 5xx instead of "{{property}}: false"{{worse}}',
      statusOutcome: '{{subject}} has a "{{property}}" that reports the request\'s outcome ({{values}}): answer failures with a 4xx or 5xx instead of "{{property}}: {{failure}}"{{worse}}',
      liveProvoked: '{{operation}} answered {{status}} to {{provocation}}: a success status for a failed request hides the failure from clients, caches and monitoring; answer {{expected}}',
      liveErrorBody: '{{operation}} answered {{status}} with a body that reports an error ({{found}}): a success status with an error in the body hides failures from clients, caches and monitoring; answer failures with a 4xx or 5xx and the error body',
    },
  },
  create(context) {
    const found = new Map<string, Found>();
    const errorResponseSchemas = (response: ResponseNode) => errorResponseSchemasOf(context, response.operation);
    const add = (entry: Omit<Found, 'users'>, operation: OperationNode) => {
      const key = `${entry.at.file.path}\0${entry.at.pointer.join('/')}\0${entry.messageId}`;
      const seen = found.get(key);
      if (seen) seen.users.push(operation);
      else found.set(key, { ...entry, users: [operation] });
    };
    function check(response: ResponseNode): void {
      const { status, operation } = response;
      if (statusClass(status) !== 2 || status === '207') return;
      if (isAboutErrors(operation)) return;
      if (isStream(response.value)) return;
      const errorSchemas = new Set(errorResponseSchemas(response).map((schema) => schema.value));
      for (const schema of responseSchemas(context, response)) {
        // An envelope shared with the operation's error responses: its `errors` are for those.
        if (errorSchemas.has(schema.value)) continue;
        const properties = topLevelProperties(context, schema);
        if (properties.size === 0) continue;
        const names = new Map([...properties.keys()].map((name) => [normal(name), name]));
        // A resource (it has an id) whose error or status is its own state, not the request's.
        if ([...properties.keys()].some((name) => ID_PROPERTY.test(name) && !REQUEST_ID.test(name))) continue;
        // grpc-gateway's stream chunk `{ result, error }`: the error arrives inside the stream.
        if (names.size === 2 && names.has('result') && names.has('error')) continue;
        const outcome = outcomeStatus(properties);
        const lifecycle = !outcome && [...names.keys()].some((name) => LIFECYCLE_PROPERTIES.has(name) || LIFECYCLE_SUFFIX.test(name));
        // Named by the schema that declares the property (an allOf member, say).
        const inline = `${operationName(operation)}: ${status} response body`;
        const isShared = (at: NodeLocation) => !isWithin(at, operation.loc);
        const subjectOf = (at: NodeLocation) => (isShared(at) ? sharedName({ file: at.file, pointer: at.pointer.slice(0, -2) }) : inline);
        for (const [name, property] of properties) {
          const key = normal(name);
          if (ERROR_PROPERTIES.has(key)) {
            if (lifecycle) continue;
            if (key !== 'errorcode' && [...names.keys()].some((other) => REPORT_PROPERTIES.has(other))) continue;
            add({ messageId: 'errorProperty', at: property.loc, data: { subject: subjectOf(property.loc), property: name }, shared: isShared(property.loc) }, operation);
          } else if (key === 'success' && schemaTypes(property.value).includes('boolean')) {
            add({ messageId: 'successFlag', at: property.loc, data: { subject: subjectOf(property.loc), property: name }, shared: isShared(property.loc) }, operation);
          }
        }
        if (outcome) {
          const values = outcome.values.map((value) => `"${value}"`).join(', ');
          add({ messageId: 'statusOutcome', at: outcome.loc, data: { subject: subjectOf(outcome.loc), property: outcome.name, values, failure: outcome.failure }, shared: isShared(outcome.loc) }, operation);
        }
      }
    }
    return {
      Response(response) {
        check(response);
      },
      'Document:exit'() {
        for (const entry of found.values()) {
          const without4xx = entry.users.filter((operation) => !documentsClientError(operation));
          let worse = '';
          if (without4xx.length > 0) {
            worse = entry.shared
              ? `; ${without4xx.length === entry.users.length ? 'the operations' : 'some operations'} returning it document no 4xx response either, so clients can only find failures by reading the body`
              : `; the operation documents no 4xx response either, so clients can only find failures by reading the body`;
          }
          for (const operation of entry.users) {
            context.report({ messageId: entry.messageId, data: { ...entry.data, worse }, at: entry.at, part: 'key', usedBy: entry.shared ? operationName(operation) : undefined });
          }
        }
      },
    };
  },
  probe: { needs: ['unknown-id'], uses: ['malformed-json', 'invalid-body', 'no-auth', 'unknown-version'] },
  live(context) {
    return {
      exchange(exchange) {
        const { request, response } = exchange;
        if (!response || response.status < 200 || response.status > 299 || response.status === 207) return;
        const provoked = PROVOKED[request.purpose];
        const found = isStreamLive(response.mediaType) || isAboutErrorsPath(request.operation?.path) ? undefined : looksLikeError(response.json);
        // An unknown id answered 2xx is this rule's alone; the other provocations answered 2xx are
        // invalid-input-rejected's, operations-secured's and api-versioned's, unless the body reports the error.
        const applies = provoked && (request.purpose === 'unknown-id' || found !== undefined) && !(request.purpose === 'no-auth' && !request.operation?.security.length);
        if (applies) {
          context.report({ messageId: 'liveProvoked', data: { provocation: provoked.provocation, expected: provoked.expected }, exchange, detail: found ? `${found} in ${excerpt(response.body, 160)}` : undefined });
        } else if (found) {
          context.report({ messageId: 'liveErrorBody', data: { found }, exchange, detail: excerpt(response.body, 200) });
        }
      },
    };
  },
});

/** The probes that provoke an error, what messages call them, and the answer they expect. */
const PROVOKED: Partial<Record<ProbePurpose, { provocation: string; expected: string }>> = {
  'unknown-id': { provocation: 'a request for an id that does not exist', expected: 'with 404 Not Found' },
  'malformed-json': { provocation: 'a body that is not JSON', expected: 'with 400 Bad Request' },
  'invalid-body': { provocation: 'a body that breaks the request schema', expected: 'with 400 Bad Request or 422 Unprocessable Content' },
  'no-auth': { provocation: 'a request without credentials', expected: 'with 401 Unauthorized (or 403 Forbidden)' },
  'unknown-version': { provocation: 'a request for an API version that does not exist', expected: 'with a 4xx (404 Not Found, or 400 naming the supported versions)' },
};

function isStreamLive(mediaType: string | undefined): boolean {
  return mediaType !== undefined && STREAM_MEDIA.test(mediaType);
}

/** A path about errors (`/jobs/{id}/errors`, `/failed-deliveries`) or GraphQL, whose bodies rightly list errors. */
function isAboutErrorsPath(path: string | undefined): boolean {
  return path !== undefined && path.split('/').some((segment) => segment !== '' && !segment.startsWith('{') && ABOUT_ERRORS_SEGMENT.test(segment));
}

/** A `status` (or `state`, `result`, `outcome`) enum whose values are only the request's outcome, with a failure among them. */
function outcomeStatus(properties: Map<string, { value: Json; loc: NodeLocation }>): { name: string; loc: NodeLocation; values: string[]; failure: string } | undefined {
  for (const [name, property] of properties) {
    if (!OUTCOME_PROPERTY_NAMES.includes(normal(name))) continue;
    const values = enumValues(property.value);
    if (values.length < 2) continue;
    const failure = values.find((value) => FAILURE_VALUE.test(value));
    if (failure && values.every((value) => OUTCOME_VALUE.test(value))) return { name, loc: property.loc, values, failure };
  }
  return undefined;
}

function enumValues(schema: Json): string[] {
  return Array.isArray(schema.enum) ? schema.enum.filter((value): value is string => typeof value === 'string') : [];
}

/** How a message names a shared schema: `schema "Order"` for a component, else by its place. */
function sharedName(loc: NodeLocation): string {
  const { pointer } = loc;
  const container = pointer[pointer.length - 2];
  if (container === 'schemas' || container === 'definitions') return `schema "${pointer[pointer.length - 1]}" (returned by 2xx responses)`;
  const response = pointer.indexOf('responses');
  if (response >= 0 && pointer[response + 1] !== undefined) return `the schema of shared response "${pointer[response + 1]}"`;
  return pointer.length === 0 ? `schema "${locationName(loc)}" (returned by 2xx responses)` : 'a schema returned by 2xx responses';
}

/** The schemas of the operation's error responses (4xx, 5xx, default), resolved. */
function errorResponseSchemasOf(context: RuleContext<Record<string, never>>, operation: OperationNode): { value: Json }[] {
  const { value, loc } = operation;
  const responses = value.responses;
  if (!isObject(responses)) return [];
  const schemas: { value: Json }[] = [];
  for (const status of Object.keys(responses)) {
    const statusClassOf = statusClass(status);
    if (status !== 'default' && statusClassOf !== 4 && statusClassOf !== 5) continue;
    const at = { file: loc.file, pointer: [...loc.pointer, 'responses', status] };
    const resolved = context.resolve(responses[status], at);
    if (!resolved || !isObject(resolved.value)) continue;
    const node = { kind: 'Response', status, operation, value: resolved.value, loc: resolved.loc } as const;
    schemas.push(...responseSchemas(context, node));
  }
  return schemas;
}

/** Whether a response streams (its media types are all stream formats). */
function isStream(response: Json): boolean {
  const content = response.content;
  if (isObject(content)) {
    const types = Object.keys(content);
    return types.length > 0 && types.every((type) => STREAM_MEDIA.test(type));
  }
  return false;
}

/** A resource about errors (`/jobs/{id}/errors`, `/failed-deliveries`) or a GraphQL endpoint, whose body rightly lists errors. */
function isAboutErrors(operation: OperationNode): boolean {
  return operation.pathItem.segments.some((segment) => segment.kind !== 'param' && ABOUT_ERRORS_SEGMENT.test(segment.text));
}
