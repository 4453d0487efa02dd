import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, response, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /orders:
    post:
      requestBody:
        content:
          application/json: { schema: { type: object, required: [sku], properties: { sku: { type: string } } } }
      responses:
        '201': { description: created }
        '400': { description: bad input }
`);

const post = (purpose: 'malformed-json' | 'invalid-body' | 'valid', status: number) =>
  exchange(doc.api, { operation: 'POST /orders', purpose, status, requestBody: purpose === 'malformed-json' ? '{"restlint":' : '{"sku":7}' });

test('invalid-input-rejected: malformed or schema-breaking input answered 2xx is reported', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [post('malformed-json', 201), post('invalid-body', 200)]), 'invalid-input-rejected'), [
    { message: 'POST /orders accepted a body that breaks its schema with 200; reject it with 400 Bad Request (or 422 Unprocessable Content) that says what is wrong', at: '5:5-5:9', severity: 1 },
    { message: 'POST /orders accepted a body that is not JSON with 201; reject it with 400 Bad Request (or 422 Unprocessable Content) that says what is wrong', at: '5:5-5:9', severity: 1 },
  ]);
});

test('invalid-input-rejected: bad input answered 5xx is reported', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [post('malformed-json', 500)]), 'invalid-input-rejected'), [
    {
      message: "POST /orders answered 500 to a body that is not JSON; bad input is the client's error: reject it with 400 Bad Request (or 422 Unprocessable Content) that says what is wrong",
      at: '5:5-5:9',
      severity: 1,
    },
  ]);
});

test('invalid-input-rejected: 400, 422 and 415 pass; valid requests are not judged', () => {
  const exchanges = [post('malformed-json', 400), post('invalid-body', 422), post('invalid-body', 415), post('valid', 201), post('valid', 500)];
  assert.deepEqual(liveFindingsOf(runLive(doc, exchanges), 'invalid-input-rejected'), []);
});

const putDoc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /orders/{id}:
    put:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      requestBody:
        content:
          application/json: { schema: { type: object, required: [sku], properties: { sku: { type: string } } } }
      responses:
        '200': { description: replaced }
        '400': { description: bad input }
`);
const put = (status: number) => exchange(putDoc.api, { operation: 'PUT /orders/{id}', purpose: 'invalid-body', path: '/orders/1', status, requestBody: '{"sku":7}' });

test('invalid-input-rejected: an answer that does not happen again on the resend is reported at info as flaky', () => {
  const findings = runLive(putDoc, [put(200)], { resend: () => response({ status: 422 }) });
  assert.deepEqual(liveFindingsOf(findings, 'invalid-input-rejected'), [
    {
      message: 'PUT /orders/{id} accepted a body that breaks its schema with 200; reject it with 400 Bad Request (or 422 Unprocessable Content) that says what is wrong (did not happen again when the request was resent: flaky)',
      at: '5:5-5:8',
      severity: 2,
    },
  ]);
  // A 2xx then a 5xx: not the same finding, so flaky too; a 201 then a 200 reproduces.
  assert.equal(liveFindingsOf(runLive(putDoc, [put(200)], { resend: () => response({ status: 500 }) }), 'invalid-input-rejected')[0].severity, 2);
  assert.equal(liveFindingsOf(runLive(putDoc, [put(201)], { resend: () => response({ status: 200 }) }), 'invalid-input-rejected')[0].severity, 1);
});

test('invalid-input-rejected: bad input a POST or PATCH accepted is reported without a resend, which would write again (a second create that answers 409 proves nothing)', () => {
  const resent: string[] = [];
  const findings = runLive(doc, [post('invalid-body', 201), post('malformed-json', 200)], {
    resend: (again) => {
      resent.push(again.request.purpose);
      return response({ status: 409 });
    },
  });
  assert.deepEqual(resent, []);
  assert.deepEqual(liveFindingsOf(findings, 'invalid-input-rejected'), [
    { message: 'POST /orders accepted a body that breaks its schema with 201; reject it with 400 Bad Request (or 422 Unprocessable Content) that says what is wrong', at: '5:5-5:9', severity: 1 },
    { message: 'POST /orders accepted a body that is not JSON with 200; reject it with 400 Bad Request (or 422 Unprocessable Content) that says what is wrong', at: '5:5-5:9', severity: 1 },
  ]);
});
