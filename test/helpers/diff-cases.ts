// Old/new document pairs for test/engine/diff.test.ts: for each change id, a pair that
// triggers it and one that must not; then the traps (changes that look breaking and are not).
// Documents are written as JSON (JSON.stringify(…, null, 2)), so every range is predictable.
import { openDocument, type OpenDocument } from '../../src/engine/document';
import { diffDocuments, type Change } from '../../src/engine/diff/diff';

export type Json = Record<string, unknown>;

/** A 3.0 document with these paths (and components). */
export function api(paths: Json, components?: Json, extra: Json = {}): Json {
  return { openapi: '3.0.3', info: { title: 't', version: '1' }, ...extra, paths, ...(components ? { components } : {}) };
}

const ok = (schema?: Json, extra: Json = {}): Json => ({ description: 'ok', ...(schema ? { content: { 'application/json': { schema } } } : {}), ...extra });

/** `GET /users/{id}` returning `schema` at 200, with `extra` on the operation. */
export function getUser(schema: Json, extra: Json = {}, components?: Json): Json {
  return api({ '/users/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: { '200': ok(schema) }, ...extra } } }, components);
}

/** `POST /users` taking `schema` as its JSON body, with `extra` on the operation. */
export function postUsers(schema: Json, extra: Json = {}, body: Json = {}, components?: Json): Json {
  return api({ '/users': { post: { requestBody: { content: { 'application/json': { schema } }, ...body }, responses: { '201': ok() }, ...extra } } }, components);
}

/** `GET /users` with these parameters. */
export function listUsers(parameters: Json[], extra: Json = {}): Json {
  return api({ '/users': { get: { parameters, responses: { '200': ok() }, ...extra } } });
}

const object = (properties: Json, required?: string[]): Json => ({ type: 'object', ...(required ? { required } : {}), properties });
const str: Json = { type: 'string' };

export interface Case {
  name: string;
  old: Json | string;
  new: Json | string;
  /** Extra files of each side, by name beside the entry. */
  oldFiles?: Record<string, string>;
  newFiles?: Record<string, string>;
  /** Each change as `id level side line:character message` (lines and characters one-based). */
  expect: string[];
}

/** Each change id: a pair that triggers it (`expect` lists every change), and one that must not (`expect` without it). */
export const CASES: Case[] = [
  { name: 'endpoint-removed', old: api({ '/users': { get: { responses: { '200': ok() } } }, '/pets': { get: { responses: { '200': ok() } } } }), new: api({ '/users': { get: { responses: { '200': ok() } } } }), expect: [
      'endpoint-removed error old openapi.json:17:5 /pets: the endpoint was removed, with GET; clients that call it will get a 404',
    ] },
  { name: 'endpoint-removed: deprecated, sunset passed → info', old: api({ '/users': { get: { responses: { '200': ok() } } }, '/pets': { get: { deprecated: true, 'x-sunset': '2020-01-01', responses: { '200': ok() } } } }), new: api({ '/users': { get: { responses: { '200': ok() } } } }), expect: [
      'endpoint-removed info old openapi.json:17:5 /pets: the endpoint was removed, with GET; it was deprecated and its sunset date has passed',
    ] },
  { name: 'endpoint-removed: deprecated, sunset to come → warn', old: api({ '/users': { get: { responses: { '200': ok() } } }, '/pets': { get: { deprecated: true, 'x-sunset': '2030-01-01', responses: { '200': ok() } } } }), new: api({ '/users': { get: { responses: { '200': ok() } } } }), expect: [
      'endpoint-removed warn old openapi.json:17:5 /pets: the endpoint was removed, with GET; it was deprecated, but clients that still call it will get a 404',
    ] },
  { name: 'method-removed', old: api({ '/users': { get: { responses: { '200': ok() } }, delete: { responses: { '204': { description: 'gone' } } } } }), new: api({ '/users': { get: { responses: { '200': ok() } } } }), expect: [
      'method-removed error old openapi.json:16:7 DELETE /users: the operation was removed; clients that call it will get a 404',
    ] },
  {
    name: 'method-removed: deprecated with a past Sunset header → info',
    old: api({ '/users': { get: { responses: { '200': ok() } }, delete: { deprecated: true, responses: { '204': { description: 'gone', headers: { Sunset: { schema: { type: 'string', example: 'Wed, 01 Jan 2025 00:00:00 GMT' } } } } } } } }),
    new: api({ '/users': { get: { responses: { '200': ok() } } } }),
    expect: [
      'method-removed info old openapi.json:16:7 DELETE /users: the operation was removed; it was deprecated and its sunset date has passed',
    ],
  },
  { name: 'endpoint-added, operation-deprecated (never breaking)', old: api({ '/users': { get: { responses: { '200': ok() } } } }), new: api({ '/users': { get: { deprecated: true, responses: { '200': ok() } }, post: { responses: { '201': ok() } } } }), expect: [
      'operation-deprecated info new openapi.json:10:9 GET /users: the operation is now deprecated; clients keep working',
      'endpoint-added info new openapi.json:17:7 POST /users: the operation was added',
    ] },
  { name: 'required-parameter-added', old: listUsers([]), new: listUsers([{ name: 'tenant', in: 'header', required: true, schema: str }]), expect: [
      'required-parameter-added error new openapi.json:11:11 GET /users: required header parameter "tenant" was added; clients that do not send it will get a 4xx',
    ] },
  { name: 'optional-parameter-added', old: listUsers([]), new: listUsers([{ name: 'limit', in: 'query', schema: { type: 'integer' } }]), expect: [
      'optional-parameter-added info new openapi.json:11:11 GET /users: optional query parameter "limit" was added',
    ] },
  { name: 'parameter-became-required', old: listUsers([{ name: 'limit', in: 'query', schema: { type: 'integer' } }]), new: listUsers([{ name: 'limit', in: 'query', required: true, schema: { type: 'integer' } }]), expect: [
      'parameter-became-required error new openapi.json:14:13 GET /users: query parameter "limit" is now required; clients that omit it will get a 4xx',
    ] },
  { name: 'parameter-removed', old: listUsers([{ name: 'limit', in: 'query', schema: { type: 'integer' } }]), new: listUsers([]), expect: [
      'parameter-removed warn old openapi.json:11:11 GET /users: query parameter "limit" was removed; clients that send it will have it ignored or refused',
    ] },
  { name: 'parameter-location-changed', old: listUsers([{ name: 'tenant', in: 'query', schema: str }]), new: listUsers([{ name: 'tenant', in: 'header', schema: str }]), expect: [
      'parameter-location-changed error new openapi.json:13:13 GET /users: parameter "tenant" moved from query to header; clients that send it in the query will not be understood',
    ] },
  { name: 'parameter-type-changed', old: listUsers([{ name: 'limit', in: 'query', schema: { type: 'string' } }]), new: listUsers([{ name: 'limit', in: 'query', schema: { type: 'integer' } }]), expect: [
      'parameter-type-changed error new openapi.json:14:13 GET /users: query parameter "limit" changed type from string to integer; clients that send string will get a 4xx',
    ] },
  { name: 'parameter-type-changed: integer → number widens, no change', old: listUsers([{ name: 'limit', in: 'query', schema: { type: 'integer' } }]), new: listUsers([{ name: 'limit', in: 'query', schema: { type: 'number' } }]), expect: [] },
  { name: 'parameter-enum-value-removed', old: listUsers([{ name: 'sort', in: 'query', schema: { type: 'string', enum: ['name', 'age'] } }]), new: listUsers([{ name: 'sort', in: 'query', schema: { type: 'string', enum: ['name'] } }]), expect: [
      'parameter-enum-value-removed error new openapi.json:16:15 GET /users: query parameter "sort" no longer accepts "age"; clients that send it will get a 4xx',
    ] },
  { name: 'parameter-constraint-tightened', old: listUsers([{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 } }]), new: listUsers([{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 50 } }]), expect: [
      'parameter-constraint-tightened error new openapi.json:16:15 GET /users: query parameter "limit" maximum went down from 100 to 50; clients that send values the old limit allowed will get a 4xx',
    ] },
  { name: 'parameter-constraint loosened: no change', old: listUsers([{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 50 } }]), new: listUsers([{ name: 'limit', in: 'query', schema: { type: 'integer', maximum: 100 } }]), expect: [] },
  { name: 'request-body-became-required', old: postUsers(object({ email: str })), new: postUsers(object({ email: str }), {}, { required: true }), expect: [
      'request-body-became-required error new openapi.json:23:11 POST /users: the request body is now required; clients that send none will get a 4xx',
    ] },
  {
    name: 'request-media-type-removed',
    old: api({ '/users': { post: { requestBody: { content: { 'application/json': { schema: str }, 'application/xml': { schema: str } } }, responses: { '201': ok() } } } }),
    new: api({ '/users': { post: { requestBody: { content: { 'application/json': { schema: str } } }, responses: { '201': ok() } } } }),
    expect: [
      'request-media-type-removed error old openapi.json:17:13 POST /users: request media type application/xml is no longer accepted; clients that send it will get a 415',
    ],
  },
  { name: 'request-property-added-required', old: postUsers(object({ email: str })), new: postUsers(object({ email: str, name: str }, ['name'])), expect: [
      'request-property-added-required error new openapi.json:22:19 POST /users: required request property "name" was added; clients that omit it will get a 4xx',
    ] },
  { name: 'request-property-added (optional)', old: postUsers(object({ email: str })), new: postUsers(object({ email: str, name: str })), expect: [
      'request-property-added info new openapi.json:19:19 POST /users: optional request property "name" was added',
    ] },
  { name: 'request-property-became-required', old: postUsers(object({ email: str })), new: postUsers(object({ email: str }, ['email'])), expect: [
      'request-property-became-required error new openapi.json:16:19 POST /users: request property "email" is now required; clients that omit it will get a 4xx',
    ] },
  { name: 'request-property-removed', old: postUsers(object({ email: str, nick: str })), new: postUsers(object({ email: str })), expect: [
      'request-property-removed warn old openapi.json:19:19 POST /users: request property "nick" was removed; clients that send it will have it ignored',
    ] },
  { name: 'request-property-removed: other properties refused → error', old: postUsers(object({ email: str, nick: str })), new: postUsers({ ...object({ email: str }), additionalProperties: false }), expect: [
      'request-property-removed error old openapi.json:19:19 POST /users: request property "nick" was removed and other properties are refused; clients that send it will get a 4xx',
    ] },
  { name: 'request-property-removed: a readOnly property removed is no change', old: postUsers(object({ email: str, id: { type: 'string', readOnly: true } })), new: postUsers(object({ email: str })), expect: [] },
  { name: 'request-property-type-changed: a schema that took any value gains a type', old: postUsers(object({ meta: { description: 'anything' } })), new: postUsers(object({ meta: { type: 'object' } })), expect: [
      'request-property-type-changed error new openapi.json:16:19 POST /users: request property "meta" now accepts only object, where it accepted any type; clients that send another type will get a 4xx',
    ] },
  { name: 'request-property-type-changed: an untyped object schema given type object is no change', old: postUsers({ properties: { email: str } }), new: postUsers(object({ email: str })), expect: [] },
  { name: 'request-property-type-changed', old: postUsers(object({ age: { type: 'string' } })), new: postUsers(object({ age: { type: 'integer' } })), expect: [
      'request-property-type-changed error new openapi.json:16:19 POST /users: request property "age" changed type from string to integer; clients that send string will get a 4xx',
    ] },
  {
    name: 'request-constraint-tightened: maxLength, minLength, minimum, pattern, maxItems',
    old: postUsers(object({ name: { type: 'string', maxLength: 100 }, code: str, age: { type: 'integer' }, tags: { type: 'array', items: str }, nick: { type: 'string', minLength: 1 } })),
    new: postUsers(object({ name: { type: 'string', maxLength: 50 }, code: { type: 'string', pattern: '^[A-Z]+$' }, age: { type: 'integer', minimum: 18 }, tags: { type: 'array', items: str, maxItems: 3 }, nick: { type: 'string', minLength: 3 } })),
    expect: [
      'request-constraint-tightened error new openapi.json:18:21 POST /users: request property "name" maxLength went down from 100 to 50; clients that send values the old limit allowed will get a 4xx',
      'request-constraint-tightened error new openapi.json:22:21 POST /users: request property "code" now must match pattern ^[A-Z]+$; clients that send values the old limit allowed will get a 4xx',
      'request-constraint-tightened error new openapi.json:26:21 POST /users: request property "age" now has minimum 18; clients that send values the old limit allowed will get a 4xx',
      'request-constraint-tightened error new openapi.json:33:21 POST /users: request property "tags" now has maxItems 3; clients that send values the old limit allowed will get a 4xx',
      'request-constraint-tightened error new openapi.json:37:21 POST /users: request property "nick" minLength went up from 1 to 3; clients that send values the old limit allowed will get a 4xx',
    ],
  },
  { name: 'request-enum-value-removed', old: postUsers(object({ role: { type: 'string', enum: ['admin', 'user'] } })), new: postUsers(object({ role: { type: 'string', enum: ['user'] } })), expect: [
      'request-enum-value-removed error new openapi.json:18:21 POST /users: request property "role" no longer accepts "admin"; clients that send it will get a 4xx',
    ] },
  {
    name: 'request-enum-value-removed: an enum where any value was accepted',
    old: postUsers(object({ role: { type: 'string' } })),
    new: postUsers(object({ role: { type: 'string', enum: ['user'] } })),
    expect: ['request-enum-value-removed error new openapi.json:18:21 POST /users: request property "role" now accepts only "user"; clients that send any other value will get a 4xx'],
  },
  { name: 'response-property-removed', old: getUser(object({ id: str, name: str }, ['id', 'name'])), new: getUser(object({ id: str }, ['id'])), expect: [
      'response-property-removed error old openapi.json:35:21 GET /users/{id}: 200 response property "name" was removed; clients that read it will not find it',
    ] },
  { name: 'response-property-removed: optional → warn', old: getUser(object({ id: str, nick: str }, ['id'])), new: getUser(object({ id: str }, ['id'])), expect: [
      'response-property-removed warn old openapi.json:34:21 GET /users/{id}: 200 response property "nick" was removed; clients that read it will not find it',
    ] },
  { name: 'response-property-became-optional', old: getUser(object({ id: str, name: str }, ['id', 'name'])), new: getUser(object({ id: str, name: str }, ['id'])), expect: [
      'response-property-became-optional error new openapi.json:34:21 GET /users/{id}: 200 response property "name" is no longer always returned; clients that expect it will not always find it',
    ] },
  { name: 'response-property-type-changed', old: getUser(object({ id: { type: 'integer' } })), new: getUser(object({ id: { type: 'string' } })), expect: [
      'response-property-type-changed error new openapi.json:28:21 GET /users/{id}: 200 response property "id" changed type from integer to string; clients that read it as integer will break',
    ] },
  { name: 'response-property-type-changed: number → integer narrows a response, no change', old: getUser(object({ id: { type: 'number' } })), new: getUser(object({ id: { type: 'integer' } })), expect: [] },
  { name: 'response-property-became-nullable', old: getUser(object({ name: str })), new: getUser(object({ name: { type: 'string', nullable: true } })), expect: [
      'response-property-became-nullable error new openapi.json:28:21 GET /users/{id}: 200 response property "name" may now be null; clients that read it as string will break',
    ] },
  { name: 'response-enum-value-added', old: getUser(object({ status: { type: 'string', enum: ['on', 'off'] } })), new: getUser(object({ status: { type: 'string', enum: ['on', 'off', 'gone'] } })), expect: [
      'response-enum-value-added warn new openapi.json:30:23 GET /users/{id}: 200 response property "status" may now be "gone"; clients that handle only the known values will break',
    ] },
  { name: 'response-enum-value-removed: no change', old: getUser(object({ status: { type: 'string', enum: ['on', 'off'] } })), new: getUser(object({ status: { type: 'string', enum: ['on'] } })), expect: [] },
  { name: 'response-alternative-added', old: getUser({ oneOf: [object({ a: str }), object({ b: str })] }), new: getUser({ oneOf: [object({ a: str }), object({ b: str }), object({ c: str })] }), expect: [
      'response-alternative-added error new openapi.json:43:21 GET /users/{id}: 200 response body may now be a new alternative of its oneOf/anyOf; clients that handle only the known ones will break',
    ] },
  { name: 'success-status-removed: 200 replaced by 2XX is no removal, and the bodies are compared', old: getUser(object({ id: str, name: str }, ['id', 'name'])), new: api({ '/users/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: { '2XX': ok(object({ id: str }, ['id'])) } } } }), expect: [
      'response-property-removed error old openapi.json:35:21 GET /users/{id}: 200 response property "name" was removed; clients that read it will not find it',
    ] },
  { name: 'success-status-removed: 2XX replaced by 200 is no change', old: api({ '/users/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: { '2XX': ok() } } } }), new: api({ '/users/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: { '200': ok() } } } }), expect: [] },
  { name: 'success-status-removed', old: getUser(object({ id: str })), new: api({ '/users/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: { '202': ok() } } } }), expect: [
      'success-status-removed error old openapi.json:21:11 GET /users/{id}: success status 200 is no longer returned; clients that expect it will see another status',
    ] },
  {
    name: 'response-media-type-removed',
    old: api({ '/users': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: str }, 'text/csv': { schema: str } } } } } } }),
    new: api({ '/users': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: str } } } } } } }),
    expect: [
      'response-media-type-removed error old openapi.json:19:15 GET /users: the 200 response is no longer returned as text/csv; clients that read it will not find it',
    ],
  },
  {
    name: 'response-required-header-removed (an optional one removed: no change)',
    old: api({ '/users': { get: { responses: { '200': { description: 'ok', headers: { 'X-Rate-Limit': { required: true, schema: { type: 'integer' } }, 'X-Trace': { schema: str } } } } } } }),
    new: api({ '/users': { get: { responses: { '200': { description: 'ok' } } } } }),
    expect: [
      'response-required-header-removed error old openapi.json:14:15 GET /users: required header X-Rate-Limit of the 200 response was removed; clients that read it will not find it',
    ],
  },
  {
    name: 'security-requirement-added',
    old: api({ '/users': { get: { responses: { '200': ok() } } } }, { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } }),
    new: api({ '/users': { get: { security: [{ key: [] }], responses: { '200': ok() } } } }, { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } }),
    expect: [
      'security-requirement-added error new openapi.json:10:9 GET /users: the operation now requires security scheme key; clients that do not send it will get a 401',
    ],
  },
  {
    name: 'security: an alternative added (or security removed) is no change',
    old: api({ '/users': { get: { security: [{ key: [] }], responses: { '200': ok() } } } }),
    new: api({ '/users': { get: { security: [{ key: [] }, { oauth: ['read'] }], responses: { '200': ok() } } } }),
    expect: [],
  },
  {
    name: 'security-scope-added',
    old: api({ '/users': { get: { responses: { '200': ok() } } } }, undefined, { security: [{ oauth: ['read'] }] }),
    new: api({ '/users': { get: { responses: { '200': ok() } } } }, undefined, { security: [{ oauth: ['read', 'admin'] }] }),
    expect: [
      'security-scope-added error new openapi.json:7:3 GET /users: the operation now requires scope oauth: admin; clients whose tokens lack it will get a 403',
    ],
  },
];

/** Changes that look breaking and are not: each must give no change at all (or only the listed info). */
export const TRAPS: Case[] = [
  {
    name: 'allOf refactor that keeps every property',
    old: getUser(object({ id: str, name: str }, ['id', 'name'])),
    new: getUser({ allOf: [{ $ref: '#/components/schemas/Base' }, object({ name: str }, ['name'])] }, {}, { schemas: { Base: object({ id: str }, ['id']) } }),
    expect: [],
  },
  {
    name: 'component renamed, schema equal',
    old: getUser({ $ref: '#/components/schemas/User' }, {}, { schemas: { User: object({ id: str }, ['id']) } }),
    new: getUser({ $ref: '#/components/schemas/Person' }, {}, { schemas: { Person: object({ id: str }, ['id']) } }),
    expect: [],
  },
  {
    name: 'path parameter renamed consistently',
    old: api({ '/users/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, schema: str }], responses: { '200': ok() } } } }),
    new: api({ '/users/{userId}': { get: { parameters: [{ name: 'userId', in: 'path', required: true, schema: str }], responses: { '200': ok() } } } }),
    expect: [],
  },
  {
    name: 'parameter moved from the operation to the path item',
    old: api({ '/users': { get: { parameters: [{ name: 'tenant', in: 'header', required: true, schema: str }], responses: { '200': ok() } } } }),
    new: api({ '/users': { parameters: [{ name: 'tenant', in: 'header', required: true, schema: str }], get: { responses: { '200': ok() } } } }),
    expect: [],
  },
  { name: 'enum value added to a request', old: postUsers(object({ role: { type: 'string', enum: ['admin'] } })), new: postUsers(object({ role: { type: 'string', enum: ['admin', 'user'] } })), expect: [] },
  {
    name: 'readOnly property made required in a schema shared by request and response',
    old: api(
      { '/users': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } }, responses: { '201': ok({ $ref: '#/components/schemas/User' }) } } } },
      { schemas: { User: object({ id: { type: 'string', readOnly: true }, name: str }, ['name']) } },
    ),
    new: api(
      { '/users': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } }, responses: { '201': ok({ $ref: '#/components/schemas/User' }) } } } },
      { schemas: { User: object({ id: { type: 'string', readOnly: true }, name: str }, ['id', 'name']) } },
    ),
    expect: [],
  },
];

export const ROOT_OLD = '/virtual-diff/old';
export const ROOT_NEW = '/virtual-diff/new';

/** Opens a side from in-memory files (the entry is openapi.json, or openapi.yaml for a string). */
export function openSide(root: string, entry: Json | string, files: Record<string, string> = {}): OpenDocument {
  const name = typeof entry === 'string' ? 'openapi.yaml' : 'openapi.json';
  const all: Record<string, string> = { ...files, [name]: typeof entry === 'string' ? entry : JSON.stringify(entry, null, 2) };
  const overlay = { get: (path: string) => all[path.slice(root.length + 1)] };
  return openDocument(`${root}/${name}`, { root, overlay });
}

/** The changes of a case, each as `id level side line:character message`. */
export function changesOf(testCase: Pick<Case, 'old' | 'new' | 'oldFiles' | 'newFiles'>): string[] {
  const changes = diffDocuments(openSide(ROOT_OLD, testCase.old, testCase.oldFiles), openSide(ROOT_NEW, testCase.new, testCase.newFiles), { now: new Date('2026-01-01T00:00:00Z') });
  return changes.map(describe);
}

export function describe(change: Change): string {
  const file = change.at.file.path.slice((change.side === 'old' ? ROOT_OLD : ROOT_NEW).length + 1);
  return `${change.id} ${change.level} ${change.side} ${file}:${change.range.start.line + 1}:${change.range.start.character + 1} ${change.message}`;
}
