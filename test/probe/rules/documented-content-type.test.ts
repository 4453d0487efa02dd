import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: the user
          content:
            application/json: { schema: { type: object } }
        4XX:
          description: an error
          content:
            application/problem+json: { schema: { type: object } }
        default:
          description: anything
          content:
            application/*: { schema: {} }
  /files/{id}:
    get:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200':
          description: the file
          content:
            '*/*': { schema: { type: string, format: binary } }
        '204': { description: empty }
`);

const user = (status: number, contentType: string | undefined, body = '{}', purpose: 'valid' | 'unknown-id' | 'head' = 'valid') =>
  exchange(doc.api, { operation: 'GET /users/{id}', purpose, path: '/users/42', status, headers: contentType ? { 'content-type': contentType } : {}, body });

test('documented-content-type: a media type the status does not document is reported at the operation', () => {
  const findings = runLive(doc, [user(200, 'text/html; charset=utf-8', '<html></html>')]);
  assert.deepEqual(liveFindingsOf(findings, 'documented-content-type'), [
    {
      message: 'GET /users/{id} answered 200 with text/html, but its 200 response documents application/json; send a documented media type (or document text/html)',
      at: '5:5-5:8',
      severity: 1,
    },
  ]);
});

test('documented-content-type: application/json is not application/problem+json, either way', () => {
  const findings = runLive(doc, [user(404, 'application/json', '{"title":"no"}', 'unknown-id'), user(200, 'application/problem+json')]);
  assert.deepEqual(liveFindingsOf(findings, 'documented-content-type'), [
    {
      message: 'GET /users/{id} answered 200 with application/problem+json, but its 200 response documents application/json; send a documented media type (or document application/problem+json)',
      at: '5:5-5:8',
      severity: 1,
    },
    {
      message: 'GET /users/{id} answered 404 with application/json, but its 4XX response documents application/problem+json; send a documented media type (or document application/json)',
      at: '5:5-5:8',
      severity: 1,
    },
  ]);
});

test('documented-content-type: a body without Content-Type is reported', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [user(200, undefined, '{}')]), 'documented-content-type'), [
    { message: 'GET /users/{id} answered 200 with a body but no Content-Type; send one of the documented media types (application/json)', at: '5:5-5:8', severity: 1 },
  ]);
});

test('documented-content-type: exact types (parameters ignored), ranges, and wildcards pass', () => {
  const exchanges = [
    user(200, 'application/json; charset=utf-8'),
    user(404, 'application/problem+json', '{}', 'unknown-id'),
    // default documents application/*: any application type matches, text/plain would not.
    user(500, 'application/xml', '<error/>'),
    exchange(doc.api, { operation: 'GET /files/{id}', path: '/files/1', status: 200, headers: { 'content-type': 'image/png' }, body: 'PNG' }),
  ];
  assert.deepEqual(liveFindingsOf(runLive(doc, exchanges), 'documented-content-type'), []);
  assert.equal(liveFindingsOf(runLive(doc, [user(500, 'text/plain', 'oops')]), 'documented-content-type').length, 1);
});

test('documented-content-type: no body, a response documented without content, an undocumented status and follow-ups are skipped', () => {
  const exchanges = [
    user(200, 'text/html', ''),
    exchange(doc.api, { operation: 'GET /files/{id}', path: '/files/1', status: 204, headers: { 'content-type': 'text/html' }, body: '<p>' }),
    exchange(doc.api, { operation: 'GET /files/{id}', path: '/files/1', status: 404, headers: { 'content-type': 'text/html' }, body: '<p>' }),
    user(200, 'text/html', '<p>', 'head'),
  ];
  assert.deepEqual(liveFindingsOf(runLive(doc, exchanges), 'documented-content-type'), []);
});

test('documented-content-type: Swagger 2.0 media types come from produces', () => {
  const swagger = liveApi(`swagger: '2.0'
info: { title: Test, version: '1' }
produces: [application/xml]
paths:
  /users:
    get:
      responses:
        '200':
          description: the users
          schema: { type: array, items: { type: object } }
`);
  const at = (contentType: string) => exchange(swagger.api, { operation: 'GET /users', status: 200, headers: { 'content-type': contentType }, body: '[]' });
  assert.deepEqual(liveFindingsOf(runLive(swagger, [at('application/xml')]), 'documented-content-type'), []);
  assert.deepEqual(liveFindingsOf(runLive(swagger, [at('application/json')]), 'documented-content-type'), [
    {
      message: 'GET /users answered 200 with application/json, but its 200 response documents application/xml; send a documented media type (or document application/json)',
      at: '6:5-6:8',
      severity: 1,
    },
  ]);
});
