import { ERROR_PROBES } from '../src/engine/live/types';
import type { NodeLocation } from '../src/engine/model/location';
import { defineRule, type RuleContext } from '../src/engine/rule';
import { operationName, type DocumentNode, type OperationNode, type ResponseNode } from '../src/engine/walk/nodes';
import { isErrorResponse, isOAuthError, propertiesOf, responseBodies, responseMediaTypes, responseName } from './lib/errors';
import { isJsonMediaType, mediaTypeOf } from '../src/engine/media-types';
import { isObject } from '../src/engine/model/json';
import { AZURE_MEMBERS, FORMAT_LABELS, GOOGLE_MEMBERS, PROBLEM_MEDIA_TYPE, PROBLEM_MEMBERS, PROBLEM_REQUIRED_LIVE, errorBodyProblem, formatLabel, isOAuthErrorBody, servesBrowserPage, type ErrorFormat } from './lib/error-bodies';
import { excerpt } from '../src/engine/live/text';
import type { LiveApi, LiveSchema } from '../src/engine/live/types';
import { ErrorSchemas } from './lib/error-schemas';
import { documentedResponse } from './lib/live';

/** `own`: the document's own JSON error schema, whatever it is (the course's rule); the others name a standard format. */
type Format = ErrorFormat | 'own';

interface Options {
  /** The error format every error response follows. */
  format: Format;
}

const OWN_LABEL = "document's own error format";
const RECOMMENDATION = 'RFC 9457 problem details is the standard one';

interface Expected {
  /** Member paths the error schema must have: `type`, `error.code`. */
  members: string[];
  /** Whether a media type is the format's. */
  accepts(mediaType: string): boolean;
  /** `application/problem+json`, or `JSON`. */
  mediaType: string;
  label: string;
}


/**
 * Error responses (4xx, 5xx, and `default` beside documented successes) use one standard JSON
 * error format. By default (`format: own`) that is the course's rule: a JSON error schema of the
 * document's own, used by every error response (which schema is the document's is
 * single-error-schema's analysis, rules/lib/error-schemas.ts: that rule reports the responses
 * that use another); the rule reports error bodies that are not JSON, a document whose errors
 * show no common schema, and, once per document at info, that RFC 9457 problem details is the
 * standard format. `format: problem` requires problem details (`application/problem+json`
 * with `type`, `title`, `status`, `detail`, `instance`: restlint:strict, the Zalando profile);
 * Azure's and Google's `{ error: { code, message } }` envelopes, or a team's own schema, are
 * the other options. Responses that document no body are not
 * checked: there is no format to judge; nor are the errors of pages served to a browser (all
 * success responses HTML, like OAuth's `/authorize`), nor OAuth 2.0 errors (`error`, `error_description`),
 * whose format RFC 6749 mandates.
 *
 * Live: a 4xx/5xx JSON body that does not follow the profile (lib/error-bodies.ts: problem
 * details with `type`, `title` and a `status` equal to the HTTP status; a complete problem as
 * `application/json` at info; with `own`, the document's error schema, for the statuses the
 * operation does not document: response-matches-schema checks the documented ones), and an
 * error with an empty body (not to HEAD). Non-JSON and unparsable bodies are error-is-json's.
 */
export default defineRule<Options>({
  meta: {
    id: 'error-format',
    group: 'errors',
    severity: 'warn',
    description: "Error responses use one JSON error format: the document's own, or a standard one (RFC 9457 problem details) by option.",
    sources: ['course', 'RFC 9457', 'Z#176'],
    fix: 'no',
    options: {
      schema: {
        type: 'object',
        properties: {
          format: {
            oneOf: [
              { type: 'string', enum: ['own', 'problem', 'azure', 'google'] },
              { type: 'object', properties: { schema: { type: 'object' } }, required: ['schema'], additionalProperties: false },
            ],
          },
        },
        additionalProperties: false,
      },
      defaults: { format: 'own' },
    },
    habits: {
      other:
        'the document does not use the {{format}}: {{share}} operations with documented error bodies use another one; define it once (a shared schema and component responses) and use it for every error response',
      notJson:
        'error bodies are not JSON: {{share}} operations with documented error bodies answer errors in another media type; give every error response one JSON error format (' + RECOMMENDATION + ')',
    },
    messages: {
      mediaType: '{{response}} is {{found}}, not {{expected}}; use the {{format}}',
      mediaTypeAndMembers: '{{response}} is {{found}}, not {{expected}}, and its schema lacks {{missing}}; use the {{format}}',
      members: '{{response}} schema lacks {{missing}}; use the {{format}}',
      notJson: '{{response}} is {{found}}, not JSON; give every error response one JSON error format (' + RECOMMENDATION + ')',
      mixed: '{{count}} error responses use {{groups}} different error schemas, none more than the others; choose one JSON error format for every error (' + RECOMMENDATION + ')',
      recommendProblem:
        'error responses use {{schema}}, a format of the document\'s own; consider RFC 9457 problem details (application/problem+json with type, title, status, detail, instance), the standard format that generic clients and tools read',
      liveBody: '{{operation}} answered {{status}} with an error body that {{problem}}; use the {{format}}',
      liveNoBody: '{{operation}} answered {{status}} with no body; send an error body in the {{format}} so that clients can tell what went wrong',
    },
  },
  create(context) {
    if (context.options.format === 'own') return ownFormat(context);
    const expected = expectation(context.options.format);
    let document: DocumentNode | undefined;
    return {
      Document(node) {
        document = node;
      },
      Response(response) {
        if (!isErrorResponse(response)) return;
        const produces = document?.value.produces;
        if (isBrowserPage(response.operation, context.version, produces, context.resolve)) return;
        const bodies = responseBodies(response, context.version, produces);
        const found = responseMediaTypes(response, context.version, produces);
        // 2.0 with a schema but no `produces` anywhere: tools assume JSON, but the type is unstated.
        const unstated = found.length === 0 && bodies.length > 0;
        if (found.length === 0 && !unstated) return;
        context.checked('other', operationName(response.operation));
        const typeOk = unstated ? expected.mediaType === 'JSON' : found.some((mediaType) => expected.accepts(mediaType));
        const body = bodies.find((entry) => entry.mediaType === undefined || expected.accepts(entry.mediaType)) ?? bodies.find((entry) => isJsonMediaType(entry.mediaType!));
        // OAuth 2.0 token errors (RFC 6749 §5.2) have a format of their own, mandated by the standard.
        if (body && isOAuthError(propertiesOf(body.schema, body.at, context.resolve))) return;
        const missing = body ? missingMembers(body.schema, body.at, expected.members, context.resolve) : [];
        if (typeOk && missing.length === 0) return;
        const data = { response: responseName(response), found: unstated ? 'of no stated media type (no produces)' : found.join(', '), expected: expected.mediaType, missing: missing.join(', '), format: expected.label };
        const messageId = typeOk ? 'members' : missing.length > 0 ? 'mediaTypeAndMembers' : 'mediaType';
        context.report({ messageId, data, at: response.loc, part: 'key', usedBy: operationName(response.operation), habit: 'other' });
      },
    };
  },
  probe: { needs: [], uses: ERROR_PROBES },
  live(context) {
    const format = context.options.format;
    const label = format === 'own' ? OWN_LABEL : formatLabel(format);
    let own: { schema: LiveSchema; name: string } | null | undefined;
    return {
      exchange(exchange) {
        const { request, response } = exchange;
        if (!response || response.status < 400 || response.status > 599 || request.method === 'HEAD') return;
        if (servesBrowserPage(request.operation)) return;
        if (response.body.trim() === '') {
          // What every error of the API does alike is said once, for the API (LiveReport.apiWide).
          context.report({ messageId: 'liveNoBody', apiWide: true, data: { format: label }, exchange });
          return;
        }
        // Bodies that are not JSON, or do not parse, are error-is-json's.
        if (response.json === undefined || isOAuthErrorBody(response.json)) return;
        let found: { problem: string; mediaTypeOnly: boolean } | undefined;
        if (format === 'own') {
          // A status the operation documents with a schema is response-matches-schema's to check.
          const documented = request.operation && documentedResponse(request.operation, response.status);
          if (documented && [...documented.mediaTypes].some(([type, schema]) => schema && isJsonMediaType(type))) return;
          own ??= documentErrorSchema(context.api) ?? null;
          if (!own) return;
          const failure = context.validate(own.schema, response.json);
          if (failure) found = { problem: `fails the document's error schema ${own.name} at ${failure.pointer || '/'}: ${failure.message}`, mediaTypeOnly: false };
        } else found = errorBodyProblem(response, format);
        if (!found) return;
        context.report({
          messageId: 'liveBody',
          apiWide: true,
          data: { problem: found.problem, format: label },
          exchange,
          detail: excerpt(response.body, 200),
          severity: found.mediaTypeOnly ? 'info' : undefined,
        });
      },
    };
  },
});

/**
 * `format: own`: error bodies are JSON, the document's errors share one schema (the responses
 * that use another are single-error-schema's findings, not repeated here) and, once per
 * document, an info note that RFC 9457 problem details is the standard format, unless the
 * document's error schema already has its members.
 */
function ownFormat(context: RuleContext<Options>) {
  let document: DocumentNode | undefined;
  const schemas = new ErrorSchemas(context.resolve);
  return {
    Document(node: DocumentNode) {
      document = node;
    },
    Response(response: ResponseNode) {
      if (!isErrorResponse(response)) return;
      const produces = document?.value.produces;
      if (isBrowserPage(response.operation, context.version, produces, context.resolve)) return;
      schemas.add(response, context.version, produces);
      const found = responseMediaTypes(response, context.version, produces);
      if (found.length === 0) return;
      const operation = operationName(response.operation);
      context.checked('notJson', operation);
      if (found.some(isJsonMediaType)) return;
      context.report({ messageId: 'notJson', data: { response: responseName(response), found: found.join(', ') }, at: response.loc, part: 'key', usedBy: operation, habit: 'notJson' });
    },
    'Document:exit'(node: DocumentNode) {
      const { uses, majority, majorityName, groups } = schemas.analyse();
      if (uses.length === 0) return;
      if (!majority && groups > 1) {
        context.report({ messageId: 'mixed', data: { count: uses.length, groups }, at: { file: node.loc.file, pointer: [...node.loc.pointer, 'paths'] }, part: 'key' });
        return;
      }
      const own = majority?.[0] ?? uses[0];
      if (PROBLEM_REQUIRED_LIVE.every((member) => own.names.includes(member))) return;
      const schema = majorityName ?? (own.name.startsWith('"') ? `error schema ${own.name}` : `the inline error schema of ${responseName(own.response)}`);
      context.report({ messageId: 'recommendProblem', data: { schema }, at: own.schemaAt, part: 'key', severity: 'info' });
    },
  };
}

/**
 * The live form of the document's own error schema: the JSON schema most documented error
 * responses use (compared by its `$ref`, or where it is written), when one is used more than
 * every other and at least twice. The live API is read without a walk, so this counts schemas
 * by reference where ErrorSchemas groups shapes; for the common case (one shared component) both agree.
 */
function documentErrorSchema(api: LiveApi): { schema: LiveSchema; name: string } | undefined {
  const counts = new Map<string, { schema: LiveSchema; name: string; count: number }>();
  for (const operation of api.operations) {
    const hasSuccess = operation.responses.some((response) => /^[123]/.test(response.status));
    for (const response of operation.responses) {
      const status = response.status.trim();
      if (!/^[45]/.test(status) && !(status === 'default' && hasSuccess)) continue;
      const entry = [...response.mediaTypes].find(([type, schema]) => schema && isJsonMediaType(type));
      if (!entry) continue;
      const schema = entry[1]!;
      const ref = isObject(schema.value) && typeof schema.value.$ref === 'string' ? schema.value.$ref : undefined;
      const key = ref !== undefined ? `${schema.loc.file.path}|${ref}` : `${schema.loc.file.path}#${schema.loc.pointer.join('/')}`;
      const name = ref !== undefined ? `"${ref.split('/').pop()}"` : `of ${operation.name} ${status}`;
      const seen = counts.get(key) ?? { schema, name, count: 0 };
      seen.count++;
      counts.set(key, seen);
    }
  }
  const [top, second] = [...counts.values()].sort((a, b) => b.count - a.count);
  if (!top || top.count < 2 || (second && second.count === top.count)) return undefined;
  return { schema: top.schema, name: top.name };
}

function expectation(format: ErrorFormat): Expected {
  const json = { accepts: isJsonMediaType, mediaType: 'JSON' };
  if (format === 'azure') return { ...json, members: AZURE_MEMBERS, label: FORMAT_LABELS.azure };
  if (format === 'google') return { ...json, members: GOOGLE_MEMBERS, label: FORMAT_LABELS.google };
  if (isObject(format)) return { ...json, members: requiredMembers(format.schema), label: FORMAT_LABELS.custom };
  return {
    members: PROBLEM_MEMBERS,
    accepts: (mediaType) => mediaTypeOf(mediaType) === PROBLEM_MEDIA_TYPE,
    mediaType: PROBLEM_MEDIA_TYPE,
    label: FORMAT_LABELS.problem,
  };
}

/** The required property names of a configured schema, and those of its object properties one level down (`error.code`). */
function requiredMembers(schema: Record<string, unknown>): string[] {
  const members: string[] = [];
  const required = Array.isArray(schema.required) ? schema.required.filter((name): name is string => typeof name === 'string') : [];
  const properties = isObject(schema.properties) ? schema.properties : {};
  for (const name of required) {
    members.push(name);
    const property = properties[name];
    if (isObject(property) && Array.isArray(property.required)) {
      for (const child of property.required) if (typeof child === 'string') members.push(`${name}.${child}`);
    }
  }
  return members;
}

/**
 * An operation that serves a page to a browser (every success response is HTML, as in OAuth's
 * `/authorize`): its error pages are HTML too, by design.
 */
function isBrowserPage(operation: OperationNode, version: string, documentProduces: unknown, resolve: RuleContext<unknown>['resolve']): boolean {
  const responses = operation.value.responses;
  if (!isObject(responses)) return false;
  const types: string[] = [];
  for (const [status, raw] of Object.entries(responses)) {
    if (!/^2/.test(status)) continue;
    const resolved = resolve(raw, { file: operation.loc.file, pointer: [...operation.loc.pointer, 'responses', status] });
    if (!resolved || !isObject(resolved.value)) continue;
    const node = { kind: 'Response', status, operation, value: resolved.value, loc: resolved.loc } as const;
    types.push(...responseMediaTypes(node, version, documentProduces));
  }
  return types.length > 0 && types.every((type) => mediaTypeOf(type) === 'text/html');
}

/** The member paths the schema lacks; a missing parent hides its children (`error`, not `error.code`). */
function missingMembers(schema: unknown, at: NodeLocation, members: string[], resolve: RuleContext<unknown>['resolve']): string[] {
  const top = propertiesOf(schema, at, resolve);
  const missing: string[] = [];
  for (const member of members) {
    const [parent, child] = member.split('.', 2);
    const property = top.find((entry) => entry.name === parent);
    if (child === undefined) {
      if (!property) missing.push(member);
      continue;
    }
    if (!property) continue;
    const children = property.value && property.valueLoc ? propertiesOf(property.value, property.valueLoc, resolve) : [];
    if (!children.some((entry) => entry.name === child)) missing.push(member);
  }
  return missing;
}
