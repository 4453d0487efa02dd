import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /orders:
    post:
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } } } }
  /orders/{id}:
    put:
      parameters:
        - { name: id, in: path, required: true, schema: { type: string } }
      responses:
        '201': { description: created }
        '204': { description: replaced }
`);

test('post-create-201-location: a live 201 without Location is reported, for any method', () => {
  const findings = runLive(doc, [
    exchange(doc.api, { operation: 'POST /orders', status: 201, body: { id: 1 } }),
    exchange(doc.api, { operation: 'PUT /orders/{id}', path: '/orders/7', status: 201 }),
  ]);
  assert.deepEqual(liveFindingsOf(findings, 'post-create-201-location'), [
    { message: 'POST /orders answered 201 without a Location header; add one with the URI of the created resource', at: '5:5-5:9', severity: 1 },
    { message: 'PUT /orders/{id} answered 201 without a Location header; add one with the URI of the created resource', at: '9:5-9:8', severity: 1 },
  ]);
});

test('post-create-201-location: a 201 with Location, errors, and the other successes of a PUT pass', () => {
  const findings = runLive(doc, [
    exchange(doc.api, { operation: 'POST /orders', status: 201, headers: { Location: '/orders/1' } }),
    exchange(doc.api, { operation: 'POST /orders', status: 422 }),
    exchange(doc.api, { operation: 'POST /orders', purpose: 'duplicate', status: 200 }),
    exchange(doc.api, { operation: 'PUT /orders/{id}', path: '/orders/7', status: 204 }),
  ]);
  assert.deepEqual(liveFindingsOf(findings, 'post-create-201-location'), []);
});

test('post-create-201-location: a POST that documents 201 and answers another success is reported, whatever default says; a documented 200 passes', () => {
  const withDefault = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /orders:
    post:
      responses:
        '201': { description: created, headers: { Location: { schema: { type: string } } } }
        default: { description: an error }
  /carts:
    post:
      responses:
        '200': { description: the cart, when it existed }
        '201': { description: created, headers: { Location: { schema: { type: string } } } }
`);
  const findings = runLive(withDefault, [
    exchange(withDefault.api, { operation: 'POST /orders', status: 200, body: { id: 1 } }),
    exchange(withDefault.api, { operation: 'POST /carts', status: 200, body: { id: 1 } }),
  ]);
  assert.deepEqual(liveFindingsOf(findings, 'post-create-201-location'), [
    { message: 'POST /orders answered 200 where it documents 201 Created; answer 201 with a Location header naming the created resource', at: '5:5-5:9', severity: 1 },
  ]);
  // documented-status says the same 200 is not documented: default describes errors.
  assert.deepEqual(liveFindingsOf(findings, 'documented-status').map((finding) => finding.message), [
    'POST /orders answered 200, a success it does not document: it documents 201, and its default response describes errors; answer a documented status (or document 200)',
  ]);
});
