import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200':
          description: the users
          content:
            application/json:
              schema: { $ref: '#/components/schemas/Users' }
        4XX:
          description: an error
          content:
            application/problem+json:
              schema:
                type: object
                required: [title]
                properties: { title: { type: string }, status: { type: integer } }
  /reports:
    get:
      responses:
        '200':
          description: a report in any format
          content:
            '*/*': { schema: { type: object } }
        '204': { description: nothing yet }
components:
  schemas:
    Users:
      type: object
      required: [items]
      properties:
        items:
          type: array
          items:
            type: object
            required: [id]
            properties:
              id: { type: integer }
              nickname: { type: string, nullable: true }
`);

const users = (status: number, body: string | object, contentType = 'application/json', purpose: 'valid' | 'unknown-id' | 'accept-variant' = 'valid') =>
  exchange(doc.api, { operation: 'GET /users', purpose, status, headers: { 'content-type': contentType }, body });

test('response-matches-schema: names the failing pointer and keyword; the evidence is the failing value', () => {
  const findings = runLive(doc, [users(200, { items: [{ id: 'u-1' }] })]);
  assert.deepEqual(liveFindingsOf(findings, 'response-matches-schema'), [
    { message: 'GET /users 200 response does not match its schema: /items/0/id must be integer (type)', at: '5:5-5:8', severity: 0 },
  ]);
  const [finding] = findings.filter((item) => item.code === 'response-matches-schema');
  assert.equal(finding.evidence?.response, '200 application/json\n/items/0/id: "u-1"');
});

test('response-matches-schema: a missing required member is named at its object, and the body itself as "the body"', () => {
  const findings = runLive(doc, [users(200, { items: [{ nickname: 'x' }] }), users(200, [])]);
  assert.deepEqual(liveFindingsOf(findings, 'response-matches-schema'), [
    { message: "GET /users 200 response does not match its schema: /items/0 must have required property 'id' (required)", at: '5:5-5:8', severity: 0 },
    { message: 'GET /users 200 response does not match its schema: the body must be object (type)', at: '5:5-5:8', severity: 0 },
  ]);
});

test('response-matches-schema: a 3.0 nullable field that is null passes', () => {
  const findings = runLive(doc, [users(200, { items: [{ id: 1, nickname: null }, { id: 2, nickname: 'bo' }] })]);
  assert.deepEqual(liveFindingsOf(findings, 'response-matches-schema'), []);
});

test('response-matches-schema: a 4XX range is validated with its own schema and media type', () => {
  const findings = runLive(doc, [users(404, { status: 404 }, 'application/problem+json', 'unknown-id'), users(400, { title: 'bad', status: 400 }, 'application/problem+json')]);
  assert.deepEqual(liveFindingsOf(findings, 'response-matches-schema'), [
    { message: "GET /users 404 response does not match its schema: the body must have required property 'title' (required)", at: '5:5-5:8', severity: 0 },
  ]);
});

test('response-matches-schema: a body that is not JSON under a documented JSON media type is reported', () => {
  const findings = runLive(doc, [users(200, '{"items": [')]);
  const found = liveFindingsOf(findings, 'response-matches-schema');
  assert.equal(found.length, 1);
  assert.match(found[0].message, /^GET \/users answered 200 with a body that is not valid JSON: /);
  assert.equal(found[0].at, '5:5-5:8');
  assert.equal(found[0].severity, 0);
});

test('response-matches-schema: not judged: invalid JSON under a documented wildcard, non-JSON bodies, undocumented media types and statuses, follow-ups', () => {
  const reports = (status: number, contentType: string, body: string) => exchange(doc.api, { operation: 'GET /reports', status, headers: { 'content-type': contentType }, body });
  const exchanges = [
    reports(200, 'application/json', '{"broken'),
    reports(200, 'text/csv', 'a,b\n1,2'),
    reports(204, 'application/json', '[1]'),
    users(200, '<users/>', 'application/xml'),
    users(200, { items: 'none' }, 'application/vnd.other+json'),
    users(500, { items: 'none' }),
    users(200, { items: 'none' }, 'application/json', 'accept-variant'),
    users(200, ''),
  ];
  assert.deepEqual(liveFindingsOf(runLive(doc, exchanges), 'response-matches-schema'), []);
  // A JSON body under the wildcard is still validated.
  assert.deepEqual(liveFindingsOf(runLive(doc, [reports(200, 'application/json', '[1]')]), 'response-matches-schema'), [
    { message: 'GET /reports 200 response does not match its schema: the body must be object (type)', at: '21:5-21:8', severity: 0 },
  ]);
});

test('response-matches-schema: Swagger 2.0 response schemas validate', () => {
  const swagger = liveApi(`swagger: '2.0'
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200':
          description: the users
          schema: { type: array, items: { type: integer } }
`);
  const at = (body: object) => exchange(swagger.api, { operation: 'GET /users', status: 200, body });
  assert.deepEqual(liveFindingsOf(runLive(swagger, [at([1, 2])]), 'response-matches-schema'), []);
  assert.deepEqual(liveFindingsOf(runLive(swagger, [at([1, 'two'])]), 'response-matches-schema'), [
    { message: 'GET /users 200 response does not match its schema: /1 must be integer (type)', at: '5:5-5:8', severity: 0 },
  ]);
});
