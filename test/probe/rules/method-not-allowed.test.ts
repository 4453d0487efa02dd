import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: the users }
`);

const wrong = (status: number, headers: Record<string, string> = {}, method = 'DELETE') =>
  exchange(doc.api, { operation: 'GET /users', purpose: 'wrong-method', method, status, headers });

test('method-not-allowed: 405 without Allow is reported at the operation of the path', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [wrong(405)]), 'method-not-allowed'), [
    { message: 'DELETE /users answered 405 without an Allow header; list the methods the path supports in Allow', at: '5:5-5:8', severity: 1 },
  ]);
});

test('method-not-allowed: 405 whose Allow lists the method sent is reported', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [wrong(405, { allow: 'GET, HEAD, delete' })]), 'method-not-allowed'), [
    { message: 'DELETE /users answered 405, but its Allow header (GET, HEAD, delete) lists DELETE; list only the methods the path supports', at: '5:5-5:8', severity: 1 },
  ]);
});

test('method-not-allowed: 404 or 403 is reported capped at warn, since a gateway may answer so', () => {
  const config = 'rules:\n  method-not-allowed: error\n';
  assert.deepEqual(liveFindingsOf(runLive(doc, [wrong(404), wrong(403, {}, 'PATCH')], { config }), 'method-not-allowed'), [
    {
      message: 'DELETE /users answered 404 to a method the path does not support; answer 405 Method Not Allowed with an Allow header (a gateway in front of the API may answer 404 itself: configure it to pass 405 through)',
      at: '5:5-5:8',
      severity: 1,
    },
    {
      message: 'PATCH /users answered 403 to a method the path does not support; answer 405 Method Not Allowed with an Allow header (a gateway in front of the API may answer 403 itself: configure it to pass 405 through)',
      at: '5:5-5:8',
      severity: 1,
    },
  ]);
});

test('method-not-allowed: 2xx and 5xx are reported at the configured severity', () => {
  const config = 'rules:\n  method-not-allowed: error\n';
  assert.deepEqual(liveFindingsOf(runLive(doc, [wrong(200), wrong(500, {}, 'PUT')], { config }), 'method-not-allowed'), [
    { message: 'DELETE /users answered 200 to a method the path does not document; answer 405 Method Not Allowed with an Allow header (or document the method)', at: '5:5-5:8', severity: 0 },
    { message: 'PUT /users answered 500 to a method the path does not support; answer 405 Method Not Allowed with an Allow header', at: '5:5-5:8', severity: 0 },
  ]);
});

test('method-not-allowed: 405 with an Allow header passes; other purposes are not judged', () => {
  const exchanges = [
    wrong(405, { allow: 'GET, HEAD' }),
    wrong(405, { allow: '' }),
    exchange(doc.api, { operation: 'GET /users', status: 404 }),
    exchange(doc.api, { operation: 'GET /users', purpose: 'unknown-path', path: '/restlint-probe-x', status: 200 }),
  ];
  assert.deepEqual(liveFindingsOf(runLive(doc, exchanges), 'method-not-allowed'), []);
});

test('method-not-allowed: a TRACE answered 404 or 200 is reported; 501 to a method the document uses nowhere (TRACE, PUT here) is not judged', () => {
  const config = 'rules:\n  method-not-allowed: error\n';
  assert.deepEqual(liveFindingsOf(runLive(doc, [wrong(404, {}, 'TRACE'), wrong(200, {}, 'TRACE'), wrong(501, {}, 'TRACE')], { config }), 'method-not-allowed'), [
    { message: 'TRACE /users answered 200 to a method the path does not document; answer 405 Method Not Allowed with an Allow header (or document the method)', at: '5:5-5:8', severity: 0 },
    {
      message: 'TRACE /users answered 404 to a method the path does not support; answer 405 Method Not Allowed with an Allow header (a gateway in front of the API may answer 404 itself: configure it to pass 405 through)',
      at: '5:5-5:8',
      severity: 1,
    },
  ]);
  assert.deepEqual(liveFindingsOf(runLive(doc, [wrong(501, {}, 'PUT')], { config }), 'method-not-allowed'), []);
  // A method the document uses on another path is implemented: a 501 to it on this path is a server error.
  const withPut = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: the users }
  /users/{id}:
    put:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '200': { description: replaced }
`);
  const put = exchange(withPut.api, { operation: 'GET /users', purpose: 'wrong-method', method: 'PUT', status: 501 });
  assert.deepEqual(liveFindingsOf(runLive(withPut, [put], { config }), 'method-not-allowed'), [
    { message: 'PUT /users answered 501 to a method the path does not support; answer 405 Method Not Allowed with an Allow header', at: '5:5-5:8', severity: 0 },
  ]);
});

test("method-not-allowed: the prober's HEAD answered 405 without Allow is reported; with Allow, or another status, it is not", () => {
  const head = (status: number, headers: Record<string, string> = {}) => exchange(doc.api, { operation: 'GET /users', purpose: 'head', method: 'HEAD', status, headers });
  assert.deepEqual(liveFindingsOf(runLive(doc, [head(405), head(405, { allow: 'GET' }), head(404), head(200)]), 'method-not-allowed'), [
    { message: 'HEAD /users answered 405 without an Allow header; list the methods the path supports in Allow', at: '5:5-5:8', severity: 1 },
  ]);
});

test('method-not-allowed: what every path answers alike (405 without Allow, a 404) is one finding for the API, listing the operations', () => {
  const paths = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: the users }
  /orders:
    get:
      responses:
        '200': { description: the orders }
  /login:
    post:
      responses:
        '200': { description: a token }
`);
  const sent = (operation: string, method: string, path: string, status: number, purpose: 'wrong-method' | 'head' = 'wrong-method') => exchange(paths.api, { operation, purpose, method, path, status });
  const config = 'rules:\n  method-not-allowed: error\n';
  const findings = runLive(paths, [sent('GET /users', 'TRACE', '/users', 405), sent('GET /orders', 'HEAD', '/orders', 405, 'head'), sent('GET /users', 'TRACE', '/users', 404), sent('POST /login', 'GET', '/login', 404)], { config });
  assert.deepEqual(liveFindingsOf(findings, 'method-not-allowed'), [
    {
      message:
        'the API answered 404 to a method the path does not support; answer 405 Method Not Allowed with an Allow header (a gateway in front of the API may answer 404 itself: configure it to pass 405 through) (shared by 2 operations: GET /users, POST /login)',
      at: '1:1-1:8',
      severity: 1,
    },
    { message: 'the API answered 405 without an Allow header; list the methods the path supports in Allow (shared by 2 operations: GET /users, GET /orders)', at: '1:1-1:8', severity: 0 },
  ]);
});
