/**
 * What the error rules (group D) share: which responses are error responses, how to name a
 * response in a message (an inline one by its operation, a shared component by its name), the
 * bodies a response declares in 2.0 and 3.x, and the properties of a schema read through
 * `$ref`s, `allOf` and friends without a walk over every schema of the document.
 */
import type { NodeLocation } from '../../src/engine/model/location';
import type { RuleContext } from '../../src/engine/rule';
import { operationName, type OperationNode, type ResponseNode } from '../../src/engine/walk/nodes';
import { isObject } from '../../src/engine/model/json';
import { isWithin } from '../../src/engine/model/location';
import { is1xxTo3xxStatusKey, is4xxOr5xxStatusKey } from '../../src/engine/status-ranges';
import { schemaProperties, type SchemaProperty } from './schema';

type Resolve = RuleContext<unknown>['resolve'];



/**
 * A 4xx or 5xx response, or a `default` one of an operation that documents its success
 * separately: a `default` that is the operation's only response describes the success.
 */
export function isErrorResponse(response: ResponseNode): boolean {
  if (is4xxOr5xxStatusKey(response.status)) return true;
  if (response.status !== 'default') return false;
  const responses = response.operation.value.responses;
  return isObject(responses) && Object.keys(responses).some(is1xxTo3xxStatusKey);
}

/** Whether a response was reached through a `$ref` to a component shared by many operations. */
export function isShared(response: ResponseNode): boolean {
  return !isWithin(response.loc, response.operation.loc);
}

/**
 * How a message names a response: `GET /users 404 response` when it is written inside the
 * operation, `shared response "NotFound"` for a component (then the message must not depend
 * on the operation, so that the engine reports it once with `usedBy`).
 */
export function responseName(response: ResponseNode): string {
  if (!isShared(response)) return `${operationName(response.operation)} ${response.status} response`;
  return `shared response "${componentName(response.loc)}"`;
}

/**
 * How a message names a component: the last segment of its pointer (`NotFound` for
 * `#/components/responses/NotFound`), or the file's name when the component is a whole file
 * (`not_found.yml`, as multi-file documents such as DigitalOcean's are written).
 */
export function componentName(loc: NodeLocation): string {
  const last = loc.pointer[loc.pointer.length - 1];
  if (last !== undefined && last !== '') return last;
  return loc.file.path.split(/[\\/]/).pop() ?? loc.file.path;
}

/** `usedBy` for a report on a response or on something reached through it. */
export function usedByOf(operation: OperationNode): string {
  return operationName(operation);
}

export interface Body {
  /** The media type; for 2.0, each `produces` entry (operation's, else the document's), or undefined when none is given. */
  mediaType: string | undefined;
  /** The schema as written (possibly a `$ref`). */
  schema: unknown;
  /** Where the schema is written. */
  at: NodeLocation;
}

/**
 * The bodies a response declares: 3.x `content` entries with a schema; 2.0 `schema`, once
 * per `produces` media type. `documentProduces` is the 2.0 document's `produces`.
 */
export function responseBodies(response: ResponseNode, version: string, documentProduces?: unknown): Body[] {
  const { value, loc } = response;
  if (version === '2.0') {
    if (value.schema === undefined) return [];
    const at = { file: loc.file, pointer: [...loc.pointer, 'schema'] };
    const produces = mediaTypes2(response.operation.value.produces) ?? mediaTypes2(documentProduces);
    if (!produces || produces.length === 0) return [{ mediaType: undefined, schema: value.schema, at }];
    return produces.map((mediaType) => ({ mediaType, schema: value.schema, at }));
  }
  const content = value.content;
  if (!isObject(content)) return [];
  const bodies: Body[] = [];
  for (const [mediaType, entry] of Object.entries(content)) {
    if (!isObject(entry) || entry.schema === undefined) continue;
    bodies.push({ mediaType, schema: entry.schema, at: { file: loc.file, pointer: [...loc.pointer, 'content', mediaType, 'schema'] } });
  }
  return bodies;
}

/** The media types a response declares (3.x `content` keys, even without a schema; 2.0 `produces` when it has a schema). */
export function responseMediaTypes(response: ResponseNode, version: string, documentProduces?: unknown): string[] {
  if (version === '2.0') {
    if (response.value.schema === undefined) return [];
    return mediaTypes2(response.operation.value.produces) ?? mediaTypes2(documentProduces) ?? [];
  }
  return isObject(response.value.content) ? Object.keys(response.value.content) : [];
}

function mediaTypes2(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : undefined;
}

/** A property of an error schema, as lib/schema.ts reads it. */
export type Property = SchemaProperty;

/** The properties of an error schema through `$ref`, `allOf`, `oneOf` and `anyOf` (see lib/schema.ts). */
export function propertiesOf(schema: unknown, at: NodeLocation, resolve: Resolve, prefix = ''): Property[] {
  return schemaProperties(schema, at, resolve, { alternatives: true, prefix, maxDepth: 4 });
}

/**
 * An OAuth 2.0 error response (RFC 6749 §5.2: `error` and `error_description`): token
 * endpoints must use this format, whatever the API's own error format is.
 */
export function isOAuthError(properties: readonly Property[]): boolean {
  return properties.some((property) => property.name === 'error') && properties.some((property) => property.name === 'error_description');
}
