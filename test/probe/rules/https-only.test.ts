import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
servers:
  - url: https://api.example.com
paths:
  /v1/users:
    get:
      responses:
        '200': { description: the users }
`);

const answered = (status: number) => exchange(doc.api, { operation: 'GET /v1/users', status, headers: status === 308 ? { location: 'https://api.example.com/v1/users' } : {}, body: status === 308 ? '' : { items: [] } });

test('https-only live: an API that answers 2xx over plain http on a public host is reported once, at the API', () => {
  const findings = liveFindingsOf(runLive(doc, [answered(200), answered(200)], { target: 'http://api.example.com' }), 'https-only');
  assert.deepEqual(findings, [
    {
      message: 'the API at http://api.example.com answered GET /v1/users with 200 over plain http; serve it over https only (redirect http to https) so credentials and data are encrypted in transit',
      at: '1:1-1:8',
      severity: 0,
    },
  ]);
});

test('https-only live: https, local hosts and an http origin that only redirects pass', () => {
  for (const target of ['https://api.example.com', 'http://127.0.0.1:3000', 'http://localhost:8080', 'http://[::1]:3000', 'http://shop.local']) {
    assert.deepEqual(liveFindingsOf(runLive(doc, [answered(200)], { target }), 'https-only'), [], target);
  }
  assert.deepEqual(liveFindingsOf(runLive(doc, [answered(308)], { target: 'http://api.example.com' }), 'https-only'), []);
});
