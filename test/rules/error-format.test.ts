import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const PROBLEM = `      type: object\n      properties:\n        type: { type: string }\n        title: { type: string }\n        status: { type: integer }\n        detail: { type: string }\n        instance: { type: string }\n`;

/** GET /orders with a 200 and a 404 whose content is the given media type → schema (flow YAML). */
const doc404 = (mediaType: string, schema: string, extra = '') =>
  openapi(
    `  /orders:\n    get:\n      responses:\n        '200': { description: ok }\n        '404':\n          description: missing\n          content:\n            ${mediaType}:\n              schema: ${schema}\n`,
    extra,
  );

/** The format restlint:strict and the Zalando profile require (the default is the document's own). */
const PROBLEM_CONFIG = 'rules:\n  error-format: [warn, { format: problem }]\n';
const messages = (text: string, config = PROBLEM_CONFIG) => findingsOf(lintText(text, { config }), 'error-format').map((finding) => finding.message);

test('error-format (format problem): application/json with another shape is reported at the status, with what it lacks', () => {
  assert.deepEqual(findingsOf(lintText(doc404('application/json', '{ properties: { msg: { type: string }, status: { type: integer } } }'), { config: PROBLEM_CONFIG }), 'error-format'), [
    {
      message: 'GET /orders 404 response is application/json, not application/problem+json, and its schema lacks type, title, detail, instance; use the RFC 9457 problem details format',
      at: '8:9-8:14',
      severity: 1,
    },
  ]);
});

test('error-format: problem+json with missing members; the right members under the wrong media type', () => {
  assert.deepEqual(messages(doc404('application/problem+json', '{ properties: { type: { type: string }, title: { type: string } } }')), [
    'GET /orders 404 response schema lacks status, detail, instance; use the RFC 9457 problem details format',
  ]);
  const components = `components:\n  schemas:\n    Problem:\n${PROBLEM}`;
  assert.deepEqual(messages(doc404('application/json', "{ $ref: '#/components/schemas/Problem' }", components)), [
    'GET /orders 404 response is application/json, not application/problem+json; use the RFC 9457 problem details format',
  ]);
  assert.deepEqual(messages(doc404('application/problem+json', "{ $ref: '#/components/schemas/Problem' }", components)), []);
  // Members through allOf (a problem type extending the base) and a charset parameter.
  const extended = `components:\n  schemas:\n    Problem:\n${PROBLEM}    NotFound:\n      allOf:\n        - $ref: '#/components/schemas/Problem'\n        - properties: { orderId: { type: string } }\n`;
  assert.deepEqual(messages(doc404('application/problem+json; charset=utf-8', "{ $ref: '#/components/schemas/NotFound' }", extended)), []);
});

test('error-format: success responses, bodiless errors and a default that is the only response are not checked', () => {
  const doc = openapi(
    `  /orders:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json: { schema: { type: object } }\n        '404': { description: missing }\n  /health:\n    get:\n      responses:\n        default:\n          description: ok\n          content:\n            application/json: { schema: { type: object } }\n`,
  );
  assert.deepEqual(messages(doc), []);
});

test('error-format: an HTML error page, and a shared component response reported once', () => {
  assert.deepEqual(messages(doc404('text/html', '{ type: string }')), [
    'GET /orders 404 response is text/html, not application/problem+json; use the RFC 9457 problem details format',
  ]);
  const doc = openapi(
    `  /orders:\n    get:\n      responses:\n        '200': { description: ok }\n        '400': { $ref: '#/components/responses/Error' }\n    post:\n      responses:\n        '201': { description: ok }\n        default: { $ref: '#/components/responses/Error' }\n`,
    `components:\n  responses:\n    Error:\n      description: error\n      content:\n        application/json:\n          schema: { properties: { message: { type: string } } }\n`,
  );
  assert.deepEqual(findingsOf(lintText(doc, { config: PROBLEM_CONFIG }), 'error-format'), [
    {
      message: 'shared response "Error" is application/json, not application/problem+json, and its schema lacks type, title, status, detail, instance; use the RFC 9457 problem details format (shared by 2 operations)',
      at: '5:5-5:10',
      severity: 1,
    },
  ]);
});

test('error-format: option format azure and google check the error envelope and a JSON media type', () => {
  const azure = "rules:\n  error-format: [warn, { format: azure }]\n";
  const google = "rules:\n  error-format: [warn, { format: google }]\n";
  const envelope = '{ properties: { error: { properties: { code: { type: string }, message: { type: string } } } } }';
  assert.deepEqual(messages(doc404('application/json', envelope), azure), []);
  assert.deepEqual(messages(doc404('application/json', envelope), google), [
    'GET /orders 404 response schema lacks error.status; use the Google error format { error: { code, message, status } }',
  ]);
  assert.deepEqual(messages(doc404('application/json', '{ properties: { code: { type: string } } }'), azure), [
    'GET /orders 404 response schema lacks error; use the Azure error format { error: { code, message } }',
  ]);
  assert.deepEqual(messages(doc404('application/xml', envelope), azure), [
    'GET /orders 404 response is application/xml, not JSON; use the Azure error format { error: { code, message } }',
  ]);
});

test('error-format: option format { schema } compares required property names, one level down', () => {
  const config =
    'rules:\n  error-format: [warn, { format: { schema: { required: [code, error], properties: { error: { required: [reason] } } } } }]\n';
  assert.deepEqual(messages(doc404('application/json', '{ properties: { code: { type: string }, error: { properties: { reason: { type: string } } } } }'), config), []);
  assert.deepEqual(messages(doc404('application/vnd.api+json', '{ properties: { error: { properties: { text: { type: string } } } } }'), config), [
    'GET /orders 404 response schema lacks code, error.reason; use the configured error format',
  ]);
  assert.throws(() => lintText(doc404('application/json', '{}'), { config: 'rules:\n  error-format: [warn, { format: xml }]\n' }), /error-format options/);
});

test('error-format: Swagger 2.0 reads produces and the response schema', () => {
  const swagger = (produces: string) =>
    `swagger: '2.0'\ninfo: { title: T, version: '1' }\n${produces}paths:\n  /orders:\n    get:\n      responses:\n        '200': { description: ok }\n        '500':\n          description: failed\n          schema: { properties: { type: { type: string }, title: { type: string }, status: { type: integer }, detail: { type: string }, instance: { type: string } } }\n`;
  assert.deepEqual(messages(swagger('produces: [application/json]\n')), [
    'GET /orders 500 response is application/json, not application/problem+json; use the RFC 9457 problem details format',
  ]);
  assert.deepEqual(messages(swagger('produces: [application/json, application/problem+json]\n')), []);
  assert.deepEqual(messages(swagger('')), [
    'GET /orders 500 response is of no stated media type (no produces), not application/problem+json; use the RFC 9457 problem details format',
  ]);
  assert.deepEqual(messages(swagger(''), "rules:\n  error-format: [warn, { format: azure }]\n"), [
    'GET /orders 500 response schema lacks error; use the Azure error format { error: { code, message } }',
  ]);
});

test('error-format: OAuth 2.0 errors and the error pages of a browser page are not checked', () => {
  assert.deepEqual(messages(doc404('application/json', '{ properties: { error: { type: string }, error_description: { type: string } } }')), []);
  const page = openapi(
    `  /authorize:\n    get:\n      responses:\n        '200':\n          description: a login page\n          content: { text/html: { schema: { type: string } } }\n        default:\n          description: an error page\n          content: { text/html: { schema: { type: string } } }\n`,
  );
  assert.deepEqual(messages(page), []);
});

/** Two operations whose 404 and 500 use the given error schemas (component names), and the components. */
const ownDoc = (notFound: string, failed: string, schemas: string) =>
  openapi(
    `  /orders:\n    get:\n      responses:\n        '200': { description: ok }\n        '404':\n          description: missing\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/${notFound}' }\n  /orders/{id}:\n    get:\n      parameters:\n        - { name: id, in: path, required: true, schema: { type: string } }\n      responses:\n        '200': { description: ok }\n        '500':\n          description: failed\n          content:\n            application/json:\n              schema: { $ref: '#/components/schemas/${failed}' }\n`,
    `components:\n  schemas:\n${schemas}`,
  );
const ERROR = `    Error:\n      type: object\n      properties:\n        code: { type: string }\n        message: { type: string }\n`;
const FAILURE = `    Failure:\n      type: object\n      properties:\n        reason: { type: string }\n        when: { type: string }\n`;

test('error-format (default, the course): one JSON error schema of its own satisfies the rule; problem details is an info note, once, at the schema', () => {
  assert.deepEqual(findingsOf(lintText(ownDoc('Error', 'Error', ERROR)), 'error-format'), [
    {
      message:
        'error responses use error schema "Error", a format of the document\'s own; consider RFC 9457 problem details (application/problem+json with type, title, status, detail, instance), the standard format that generic clients and tools read',
      at: '5:5-5:10',
      severity: 2,
    },
  ]);
  // A document whose error schema is already problem details gets no note.
  const problem = `    Problem:\n${PROBLEM}`;
  assert.deepEqual(findingsOf(lintText(ownDoc('Problem', 'Problem', problem)), 'error-format'), []);
});

test('error-format (default): error bodies that are not JSON, and errors with no common schema, are reported', () => {
  assert.deepEqual(findingsOf(lintText(doc404('text/html', '{ type: string }')), 'error-format'), [
    {
      message: 'GET /orders 404 response is text/html, not JSON; give every error response one JSON error format (RFC 9457 problem details is the standard one)',
      at: '8:9-8:14',
      severity: 1,
    },
  ]);
  assert.deepEqual(findingsOf(lintText(ownDoc('Error', 'Failure', ERROR + FAILURE)), 'error-format'), [
    {
      message: '2 error responses use 2 different error schemas, none more than the others; choose one JSON error format for every error (RFC 9457 problem details is the standard one)',
      at: '15:1-15:6',
      severity: 1,
    },
  ]);
});

test('error-format (default): a document with a majority schema and an outlier leaves the outlier to single-error-schema', () => {
  const doc = openapi(
    `  /a:\n    get:\n      responses:\n        '200': { description: ok }\n        '400': { description: bad, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }\n        '404': { description: missing, content: { application/json: { schema: { $ref: '#/components/schemas/Error' } } } }\n        '500': { description: failed, content: { application/json: { schema: { $ref: '#/components/schemas/Failure' } } } }\n`,
    `components:\n  schemas:\n${ERROR}${FAILURE}`,
  );
  const found = lintText(doc);
  assert.deepEqual(findingsOf(found, 'error-format').map((finding) => [finding.severity, finding.message.slice(0, 41)]), [[2, 'error responses use error schema "Error",']]);
  assert.deepEqual(findingsOf(found, 'single-error-schema').map((finding) => finding.message), [
    'GET /a 500 response uses error schema "Failure", not error schema "Error" like 2 of 3 error responses; use one error schema for every error (extending it with allOf is fine)',
  ]);
});

test('error-format: restlint:strict requires problem details', () => {
  assert.deepEqual(messages(ownDoc('Error', 'Error', ERROR), 'extends: [restlint:strict]\n'), [
    'GET /orders 404 response is application/json, not application/problem+json, and its schema lacks type, title, status, detail, instance; use the RFC 9457 problem details format',
    'GET /orders/{id} 500 response is application/json, not application/problem+json, and its schema lacks type, title, status, detail, instance; use the RFC 9457 problem details format',
  ]);
});

test('error-format: a format the whole document does not use is one finding at paths; a minority is reported per response', () => {
  const paths = (count: number, problems: number) =>
    Array.from({ length: count }, (_, index) => {
      const body = index < problems ? `application/problem+json: { schema: { $ref: '#/components/schemas/Problem' } }` : `application/json: { schema: { $ref: '#/components/schemas/Error' } }`;
      return `  /r${index}:\n    get:\n      responses:\n        '200': { description: ok }\n        '404': { description: missing, content: { ${body} } }\n`;
    }).join('');
  const components = `components:\n  schemas:\n    Problem:\n${PROBLEM}${ERROR}`;
  assert.deepEqual(findingsOf(lintText(openapi(paths(6, 0), components), { config: PROBLEM_CONFIG }), 'error-format'), [
    {
      message:
        'the document does not use the RFC 9457 problem details format: all 6 operations with documented error bodies use another one; define it once (a shared schema and component responses) and use it for every error response',
      at: '18:1-18:6',
      severity: 1,
    },
  ]);
  assert.deepEqual(messages(openapi(paths(6, 4), components)), [
    'GET /r4 404 response is application/json, not application/problem+json, and its schema lacks type, title, status, detail, instance; use the RFC 9457 problem details format',
    'GET /r5 404 response is application/json, not application/problem+json, and its schema lacks type, title, status, detail, instance; use the RFC 9457 problem details format',
  ]);
});
