import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Planner } from '../../../src/probe/planner';
import { exchange, liveApi, liveFindingsOf, runLive } from '../../helpers/live';
import { everyRulePlan } from '../../helpers/planner';

const doc = liveApi(`openapi: 3.0.3
info: { title: Test, version: '1' }
paths:
  /users:
    get:
      responses:
        '200': { description: the users }
  /users/{userId}/orders:
    get:
      parameters:
        - { name: userId, in: path, required: true, schema: { type: integer, example: 7 } }
      responses:
        '200': { description: the orders }
`);

const ORDERS = 'GET /users/{userId}/orders';

test('parent-paths-exist live: the prober asks once for a parent the document does not list, cut from the filled path', () => {
  const planner = new Planner(doc.api, { basePath: '/api', params: new Map(), credentials: {}, allowMutations: false, ...everyRulePlan() }, { valid: () => 'x', invalid: () => undefined });
  const basis = exchange(doc.api, { operation: ORDERS, path: '/api/users/7/orders?limit=1', status: 200, body: [] });
  const parents = planner.followUps(basis).filter((request) => request.purpose === 'parent');
  assert.deepEqual(
    parents.map((request) => `${request.method} ${request.path}`),
    ['GET /api/users/7'],
  );
  assert.deepEqual(planner.followUps(basis).filter((request) => request.purpose === 'parent'), [], 'once per parent');
  // `/users` is documented: it is probed as an operation of its own, not as a parent.
  const users = planner.followUps(exchange(doc.api, { operation: 'GET /users', path: '/api/users', status: 200, body: [] }));
  assert.deepEqual(users.filter((request) => request.purpose === 'parent'), []);
});

test('parent-paths-exist live: a parent that answers 404 is reported at the operation; one that answers is not', () => {
  const basis = exchange(doc.api, { operation: ORDERS, path: '/users/7/orders', status: 200, body: [] });
  const parent = (status: number) => exchange(doc.api, { operation: ORDERS, purpose: 'parent', path: '/users/7', basis, status, body: {} });
  assert.deepEqual(liveFindingsOf(runLive(doc, [basis, parent(404)]), 'parent-paths-exist'), [
    {
      message: 'GET /users/7, a parent of GET /users/{userId}/orders, answered 404; a client that walks up the path finds nothing there: serve the parent resource',
      at: '9:5-9:8',
      severity: 2,
    },
  ]);
  assert.deepEqual(liveFindingsOf(runLive(doc, [basis, parent(200)]), 'parent-paths-exist'), []);
});
