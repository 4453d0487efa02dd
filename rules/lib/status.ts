import type { NodeLocation } from '../../src/engine/model/location';
import type { AnyRuleContext } from '../../src/engine/rule';
import { operationName, type OperationNode, type ResponseNode } from '../../src/engine/walk/nodes';
import { isObject } from '../../src/engine/model/json';
import { isWithin } from '../../src/engine/model/location';
import { schemaProperties } from './schema';

type Json = Record<string, unknown>;


/**
 * HTTP status codes in the IANA "HTTP Status Code Registry"
 * (iana.org/assignments/http-status-codes), RFC 9110 and later registrations. 306 and 418
 * are registered as "(Unused)": see UNUSED_STATUS_CODES.
 */
export const REGISTERED_STATUS_CODES: ReadonlyMap<number, string> = new Map([
  [100, 'Continue'],
  [101, 'Switching Protocols'],
  [102, 'Processing'],
  [103, 'Early Hints'],
  [104, 'Upload Resumption Supported'],
  [200, 'OK'],
  [201, 'Created'],
  [202, 'Accepted'],
  [203, 'Non-Authoritative Information'],
  [204, 'No Content'],
  [205, 'Reset Content'],
  [206, 'Partial Content'],
  [207, 'Multi-Status'],
  [208, 'Already Reported'],
  [226, 'IM Used'],
  [300, 'Multiple Choices'],
  [301, 'Moved Permanently'],
  [302, 'Found'],
  [303, 'See Other'],
  [304, 'Not Modified'],
  [305, 'Use Proxy'],
  [307, 'Temporary Redirect'],
  [308, 'Permanent Redirect'],
  [400, 'Bad Request'],
  [401, 'Unauthorized'],
  [402, 'Payment Required'],
  [403, 'Forbidden'],
  [404, 'Not Found'],
  [405, 'Method Not Allowed'],
  [406, 'Not Acceptable'],
  [407, 'Proxy Authentication Required'],
  [408, 'Request Timeout'],
  [409, 'Conflict'],
  [410, 'Gone'],
  [411, 'Length Required'],
  [412, 'Precondition Failed'],
  [413, 'Content Too Large'],
  [414, 'URI Too Long'],
  [415, 'Unsupported Media Type'],
  [416, 'Range Not Satisfiable'],
  [417, 'Expectation Failed'],
  [421, 'Misdirected Request'],
  [422, 'Unprocessable Content'],
  [423, 'Locked'],
  [424, 'Failed Dependency'],
  [425, 'Too Early'],
  [426, 'Upgrade Required'],
  [428, 'Precondition Required'],
  [429, 'Too Many Requests'],
  [431, 'Request Header Fields Too Large'],
  [451, 'Unavailable For Legal Reasons'],
  [500, 'Internal Server Error'],
  [501, 'Not Implemented'],
  [502, 'Bad Gateway'],
  [503, 'Service Unavailable'],
  [504, 'Gateway Timeout'],
  [505, 'HTTP Version Not Supported'],
  [506, 'Variant Also Negotiates'],
  [507, 'Insufficient Storage'],
  [508, 'Loop Detected'],
  [510, 'Not Extended (OBSOLETED)'],
  [511, 'Network Authentication Required'],
]);

/** Registered, but reserved with no meaning: "(Unused)". */
export const UNUSED_STATUS_CODES: ReadonlySet<number> = new Set([306, 418]);

/** A key of a Responses object that is a specification extension, not a status. */
export function isExtensionKey(status: string): boolean {
  return status.startsWith('x-');
}

/** The class digit of a status key (`4` for `404` or `4XX`), or undefined for `default` and junk. */
export function statusClass(status: string): number | undefined {
  const match = /^([1-5])(\d\d|XX)$/i.exec(status.trim());
  return match ? Number(match[1]) : undefined;
}

/** The response keys of an operation object, without extensions. */
export function statusKeys(operation: Json): string[] {
  const responses = operation.responses;
  return isObject(responses) ? Object.keys(responses).filter((status) => !isExtensionKey(status)) : [];
}

/** Whether the operation documents a client error: a 4xx code or the `4XX` range. */
export function documentsClientError(operation: OperationNode): boolean {
  return statusKeys(operation.value).some((status) => statusClass(status) === 4);
}


/**
 * How a message names a response: `GET /users: 204 response` when it is written inside the
 * operation; a shared (`$ref`d) response is named without the operation, so the engine can
 * report it once, at the component, with the number of operations using it.
 */
export function responseSubject(response: ResponseNode): { subject: string; usedBy?: string } {
  if (isWithin(response.loc, response.operation.loc)) return { subject: `${operationName(response.operation)}: ${response.status} response` };
  return { subject: `shared response "${locationName(response.loc)}" (used as ${response.status})`, usedBy: operationName(response.operation) };
}

/** The name of a component: the last pointer segment, or the file's name for a whole-file one (`responses/accepted.yml`). */
export function locationName(loc: NodeLocation): string {
  const last = loc.pointer[loc.pointer.length - 1];
  if (last !== undefined) return last;
  return loc.file.path.split('/').slice(-2).join('/');
}

/** Where the operation lists a response: the key under `responses`. */
export function responseKeyLocation(response: ResponseNode): NodeLocation {
  const { loc } = response.operation;
  return { file: loc.file, pointer: [...loc.pointer, 'responses', response.status] };
}

/** The response's headers, resolved, by lowercase name. */
export function responseHeaders(context: AnyRuleContext, response: ResponseNode): Map<string, Json> {
  const headers = new Map<string, Json>();
  const raw = response.value.headers;
  if (!isObject(raw)) return headers;
  for (const name of Object.keys(raw)) {
    const resolved = context.resolve(raw[name], { file: response.loc.file, pointer: [...response.loc.pointer, 'headers', name] });
    headers.set(name.toLowerCase(), resolved && isObject(resolved.value) ? resolved.value : {});
  }
  return headers;
}

/**
 * The schemas of a response's body: each media type's `schema` (3.x) or the `schema` (2.0),
 * resolved, with where they are written.
 */
export function responseSchemas(context: AnyRuleContext, response: ResponseNode): { value: Json; loc: NodeLocation }[] {
  const found: { value: Json; loc: NodeLocation }[] = [];
  const add = (raw: unknown, at: NodeLocation) => {
    if (raw === undefined) return;
    const resolved = context.resolve(raw, at);
    if (resolved && isObject(resolved.value) && !found.some((schema) => schema.value === resolved.value)) found.push({ value: resolved.value, loc: resolved.loc });
  };
  if (context.version === '2.0') {
    add(response.value.schema, { file: response.loc.file, pointer: [...response.loc.pointer, 'schema'] });
  } else if (isObject(response.value.content)) {
    const content = response.value.content;
    for (const mediaType of Object.keys(content)) {
      const media = content[mediaType];
      if (isObject(media)) add(media.schema, { file: response.loc.file, pointer: [...response.loc.pointer, 'content', mediaType, 'schema'] });
    }
  }
  return found;
}

/**
 * A schema's top-level properties, including those of its `allOf` members (resolved, a few
 * levels deep), each with where it is declared (`loc`, the key under `properties`) and where
 * its schema is written (`valueLoc`, through a `$ref`: resolve further from there). The first
 * definition of a name wins.
 */
export function topLevelProperties(
  context: AnyRuleContext,
  schema: { value: Json; loc: NodeLocation },
  /** Also the members of `oneOf`/`anyOf` (the properties the body may have). */
  alternatives = false,
): Map<string, { value: Json; loc: NodeLocation; valueLoc: NodeLocation }> {
  const properties = schemaProperties(schema.value, schema.loc, context.resolve, { alternatives, maxDepth: 5 });
  // Report at the property's key, where it is declared, even when its schema is a $ref.
  return new Map(properties.map((property) => [property.name, { value: property.value ?? {}, loc: property.at, valueLoc: property.valueLoc ?? property.at }]));
}

