import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Planner } from '../../../src/probe/planner';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';
import { everyRulePlan } from '../../helpers/planner';
import { MUTATIONS_ONLY } from '../../../src/probe/planner';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: the users }
  /users/{userId}/delete:
    get:
      parameters:
        - { name: userId, in: path, required: true, schema: { type: integer, example: 7 } }
      responses:
        '200': { description: deleted }
  /deleted-users:
    get:
      responses:
        '200': { description: the deleted users }
`);

const run = (exchanges: ReturnType<typeof exchange>[]) => liveFindingsOf(runLive(doc, exchanges), 'safe-methods-safe');

test('safe-methods-safe: a GET whose path names a change and answers 2xx is reported; a 404 or a noun like "deleted-users" is not', () => {
  const deleting = exchange(doc.api, { operation: 'GET /users/{userId}/delete', path: '/users/7/delete', status: 200, body: { deleted: true } });
  assert.deepEqual(run([deleting]), [
    {
      message:
        'GET /users/{userId}/delete names a change ("delete") and answered 200 to a GET; GET and HEAD must change nothing (crawlers, prefetchers and caches send them freely): make the change a POST, PUT, PATCH or DELETE',
      at: '9:5-9:8',
      severity: 1,
    },
  ]);
  assert.deepEqual(run([exchange(doc.api, { operation: 'GET /users/{userId}/delete', path: '/users/7/delete', status: 404, body: {} })]), []);
  assert.deepEqual(run([exchange(doc.api, { operation: 'GET /deleted-users', status: 200, body: [] })]), []);
});

test('safe-methods-safe: a collection that changed between two identical GETs (items or ETag) is reported; one that did not is not', () => {
  const first = exchange(doc.api, { operation: 'GET /users', status: 200, headers: { etag: '"a"' }, body: { items: [{ id: 1 }, { id: 2 }] } });
  const again = (headers: Record<string, string>, items: object[]) => exchange(doc.api, { operation: 'GET /users', purpose: 'repeat', basis: first, status: 200, headers, body: { items } });
  assert.deepEqual(run([first, again({ etag: '"b"' }, [{ id: 1 }, { id: 2 }, { id: 3 }])]), [
    {
      message: 'GET /users changed between two identical GETs (2 items, then 3; ETag "a", then "b"); reading a resource must not change it (if another client wrote in between, ignore this)',
      at: '5:5-5:8',
      severity: 1,
    },
  ]);
  assert.deepEqual(run([first, again({ etag: '"a"' }, [{ id: 1 }, { id: 2 }])]), []);
  // Without an ETag on either side, only the count is compared.
  assert.deepEqual(run([first, again({}, [{ id: 2 }, { id: 1 }])]), []);
});

test('safe-methods-safe: the prober holds back a GET that names a change, and repeats collection GETs, only with --allow-mutations', () => {
  const samples = { valid: () => 'x', invalid: () => undefined };
  const plan = (allowMutations: boolean, params = new Map<string, string>()) => new Planner(doc.api, { basePath: '', params, credentials: {}, allowMutations, ...everyRulePlan() }, samples);
  const safe = plan(false);
  const planned = safe.nextRound('read').map((request) => `${request.purpose} ${request.method} ${request.path}`);
  assert.ok(!planned.some((line) => line.endsWith('/delete')), planned.join('\n'));
  assert.deepEqual(safe.mutationsSkipped.map((operation) => operation.name), ['GET /users/{userId}/delete']);
  assert.equal(safe.notSent.get('writes'), MUTATIONS_ONLY.writes);
  const basis = exchange(doc.api, { operation: 'GET /users', status: 200, body: [] });
  assert.ok(!safe.followUps(basis).some((request) => request.purpose === 'repeat'));

  // With --allow-mutations it changes data like a DELETE: only on a resource the probe created, or on --param (never the document's example).
  const example = plan(true);
  assert.ok(!example.nextRound('read').some((request) => request.path.endsWith('/delete')));
  assert.match(example.unplanned()[0].reason, /^no value for path parameter \{userId\}: it changes data, so it acts only on a resource the probe created/);
  const unsafe = plan(true, new Map([['userId', '7']]));
  assert.ok(unsafe.nextRound('read').some((request) => request.purpose === 'valid' && request.path === '/users/7/delete'));
  assert.deepEqual(unsafe.followUps(basis).filter((request) => request.purpose === 'repeat').map((request) => request.path), ['/users']);
});
