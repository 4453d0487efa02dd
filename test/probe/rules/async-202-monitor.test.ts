import { test } from 'node:test';
import assert from 'node:assert/strict';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /exports:
    post:
      responses:
        '202': { description: accepted }
    get:
      responses:
        '200': { description: the exports }
        '202': { description: not ready yet }
`);

const post = (headers: Record<string, string> = {}, body?: object) => exchange(doc.api, { operation: 'POST /exports', status: 202, headers, body });

test('async-202-monitor: a live 202 without Location or Operation-Location is reported', () => {
  assert.deepEqual(liveFindingsOf(runLive(doc, [post({}, { accepted: true })]), 'async-202-monitor'), [
    { message: 'POST /exports answered 202 without a Location (or Operation-Location) header; point the client to a status monitor it can poll', at: '5:5-5:9', severity: 2 },
  ]);
});

test('async-202-monitor: Location, Operation-Location, a monitor link or an embedded job in the body pass; a 202 to GET is exempt', () => {
  const exchanges = [
    post({ Location: '/exports/1/status' }),
    post({ 'Operation-Location': 'https://api.example.com/operations/1' }),
    post({}, { statusUrl: '/exports/1/status' }),
    post({}, { job: { id: 'j1', status: 'queued' } }),
    exchange(doc.api, { operation: 'GET /exports', status: 202 }),
  ];
  assert.deepEqual(liveFindingsOf(runLive(doc, exchanges), 'async-202-monitor'), []);
});
