// The prober's parts on their own: redaction, option parsing, the scheduler's bounds, and
// the planner's choices (parameter values, discovery, negative probes, follow-ups).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDuration, parseHeaders, parseRate } from '../../src/cli/probe-command';
import { describeRequest, evidenceOf, Redactor } from '../../src/probe/evidence';
import { Planner, type Samples } from '../../src/probe/planner';
import { Scheduler } from '../../src/probe/scheduler';
import type { SendResult, Transport } from '../../src/probe/transport';
import type { LiveOperation, ProbeRequest } from '../../src/engine/live/types';
import { parseConfig } from '../../src/engine/config/config';
import { rulePlan } from '../../src/probe/probe';
import { allRules, probeRules } from '../../rules';
import { exchange, liveApi } from '../helpers/live';
import { openapi, VIRTUAL_ROOT } from '../helpers/lint-text';
import { everyRulePlan } from '../helpers/planner';

describe('redaction', () => {
  const redactor = new Redactor(new Set(['authorization', 'x-api-key']), ['Bearer abc.def.ghi', 'key-12345']);

  test('a credential keeps its scheme word; a bare value is all stars', () => {
    assert.equal(redactor.header('Bearer abc.def.ghi'), 'Bearer ***');
    assert.equal(redactor.header('key-12345'), '***');
  });

  test('the request shows given headers redacted and the probe headers as sent; other headers not at all', () => {
    const request: ProbeRequest = {
      purpose: 'valid',
      method: 'GET',
      path: '/v1/users',
      headers: { authorization: 'Bearer abc.def.ghi', 'x-api-key': 'key-12345', 'if-none-match': '"1"', 'user-agent': 'x' },
      credentials: true,
    };
    assert.equal(describeRequest(request, redactor), 'GET /v1/users\nauthorization: Bearer ***\nx-api-key: ***\nif-none-match: "1"');
  });

  test('a response that echoes a secret is masked in the evidence', () => {
    const { api } = liveApi(openapi("  /v1/users:\n    get:\n      responses:\n        '200': { description: ok }\n"));
    const echoed = exchange(api, { operation: 'GET /v1/users', status: 500, headers: { 'content-type': 'text/plain' }, body: 'denied: abc.def.ghi and key-12345' });
    assert.equal(evidenceOf(echoed, undefined, redactor).response, '500 text/plain\ndenied: *** and ***');
  });
});

describe('probe options', () => {
  test('--rate: per second or per minute, 0 for none', () => {
    assert.equal(parseRate('20/s'), 20);
    assert.equal(parseRate('20'), 20);
    assert.equal(parseRate('600/m'), 10);
    assert.equal(parseRate('0'), 0);
    assert.throws(() => parseRate('fast'), /--rate "fast": give requests per second or minute/);
  });

  test('--timeout and --deadline: ms, s, m; seconds without a unit', () => {
    assert.equal(parseDuration('500ms', '--timeout'), 500);
    assert.equal(parseDuration('5s', '--timeout'), 5000);
    assert.equal(parseDuration('2', '--timeout'), 2000);
    assert.equal(parseDuration('1.5m', '--deadline'), 90_000);
    assert.throws(() => parseDuration('0s', '--timeout'), /--timeout "0s": give a duration/);
  });

  test('--header: "Name: value", names lower-cased, a bad one rejected without echoing it', () => {
    assert.deepEqual(parseHeaders(['Authorization: Bearer a:b', 'X-Key:k']), { authorization: 'Bearer a:b', 'x-key': 'k' });
    assert.throws(() => parseHeaders(['Bearer secret']), (error: Error) => !error.message.includes('secret') && /write it as "Name: value"/.test(error.message));
  });
});

/** A transport that answers after `delayMs`, recording how many requests were in flight at once. */
class CountingTransport implements Transport {
  active = 0;
  maxActive = 0;
  starts: number[] = [];
  constructor(private readonly delayMs: number) {}
  async send(): Promise<SendResult> {
    this.starts.push(Date.now());
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    await new Promise((resolve) => setTimeout(resolve, this.delayMs));
    this.active--;
    return { failure: { kind: 'error', message: 'test' } };
  }
  async close(): Promise<void> {}
}

const REQUEST: ProbeRequest = { purpose: 'valid', method: 'GET', path: '/', headers: {}, credentials: false };

describe('scheduler', () => {
  test('at most --concurrency requests in flight', async () => {
    const transport = new CountingTransport(20);
    const scheduler = new Scheduler(transport, { concurrency: 3, rate: 0, timeoutMs: 1000, maxRequests: 100, deadline: Date.now() + 10_000 });
    await Promise.all(Array.from({ length: 12 }, () => scheduler.send(REQUEST)));
    assert.equal(transport.maxActive, 3);
    assert.equal(scheduler.sent, 12);
  });

  test('--max-requests and the deadline drop the rest, counted', async () => {
    const transport = new CountingTransport(1);
    const bounded = new Scheduler(transport, { concurrency: 4, rate: 0, timeoutMs: 1000, maxRequests: 5, deadline: Date.now() + 10_000 });
    const results = await Promise.all(Array.from({ length: 8 }, () => bounded.send(REQUEST)));
    assert.equal(results.filter((result) => result === undefined).length, 3);
    assert.deepEqual([bounded.sent, bounded.dropped], [5, 3]);
    const late = new Scheduler(transport, { concurrency: 4, rate: 0, timeoutMs: 1000, maxRequests: 5, deadline: Date.now() - 1 });
    assert.equal(await late.send(REQUEST), undefined);
    assert.equal(late.dropped, 1);
  });

  test('--rate spaces the starts', async () => {
    const transport = new CountingTransport(0);
    const scheduler = new Scheduler(transport, { concurrency: 8, rate: 50, timeoutMs: 1000, maxRequests: 100, deadline: Date.now() + 10_000 });
    await Promise.all(Array.from({ length: 6 }, () => scheduler.send(REQUEST)));
    // Six starts at 50 per second: the last is at least 5 × 20 ms after the first.
    assert.ok(transport.starts[5] - transport.starts[0] >= 95, `${transport.starts[5] - transport.starts[0]} ms`);
  });
});

const SAMPLES: Samples = { valid: () => 'sample', invalid: () => ({ wrong: true }) };

const SHOP = openapi(
  [
    '  /users:',
    '    get:',
    "      responses: { '200': { description: ok, content: { application/json: {}, application/xml: {} } } }",
    '    post:',
    '      requestBody: { content: { application/json: { schema: { type: object } } } }',
    "      responses: { '201': { description: created } }",
    '  /users/{userId}:',
    '    get:',
    '      parameters: [{ name: userId, in: path, required: true, schema: { type: integer } }]',
    "      responses: { '200': { description: ok } }",
    '  /users/{userId}/orders/{orderId}:',
    '    get:',
    '      parameters:',
    '        - { name: userId, in: path, required: true, schema: { type: integer } }',
    '        - { name: orderId, in: path, required: true, schema: { type: string, example: o-1 } }',
    '        - { name: limit, in: query, required: true, schema: { type: integer, default: 10 } }',
    "      responses: { '200': { description: ok } }",
    '  /account:',
    '    get:',
    '      security: [{ bearer: [] }]',
    "      responses: { '200': { description: ok } }",
    '',
  ].join('\n'),
);

function planner(options: { credentials?: Record<string, string>; params?: Record<string, string>; allowMutations?: boolean } = {}) {
  const { api } = liveApi(SHOP);
  const plan = new Planner(api, { basePath: '/api', params: new Map(Object.entries(options.params ?? {})), credentials: options.credentials ?? {}, allowMutations: options.allowMutations ?? false, ...everyRulePlan() }, SAMPLES);
  return { api, plan };
}

const lines = (requests: ProbeRequest[]) => requests.map((request) => `${request.purpose} ${request.method} ${request.path}`);

describe('planner', () => {
  test('the first round sends what the document fills; item routes wait for ids; no writes by default', () => {
    const { plan } = planner();
    assert.deepEqual(lines(plan.nextRound('read')), ['valid GET /api/users', 'no-auth GET /api/account']);
    assert.deepEqual(plan.nextRound('read'), []);
    assert.deepEqual(plan.mutationsSkipped.map((operation) => operation.name), ['POST /users']);
    assert.deepEqual(
      plan.unplanned().map((skip) => skip.reason),
      [
        'no value for path parameter {userId}: give --param userId=…, an example in the document, or a collection GET that lists it',
        'no value for path parameter {userId}: give --param userId=…, an example in the document, or a collection GET that lists it',
      ],
    );
  });

  test('an id found in the collection fills the item route and the routes under it; required query parameters from their default', () => {
    const { api, plan } = planner();
    plan.nextRound('read');
    plan.learn(exchange(api, { operation: 'GET /users', path: '/api/users', status: 200, body: { items: [{ id: 7, name: 'x' }] } }));
    const round = lines(plan.nextRound('read'));
    assert.equal(round[0], 'valid GET /api/users/7');
    assert.match(round[1], /^unknown-id GET \/api\/users\/\d{9}$/);
    assert.equal(round[2], 'valid GET /api/users/7/orders/o-1?limit=10');
    assert.match(round[3], /^unknown-id GET \/api\/users\/7\/orders\/restlint-unknown-[0-9a-f]{8}\?limit=10$/);
    assert.deepEqual(plan.unplanned(), []);
  });

  test('--param wins over the document; credentials given: the secured operation twice, with and without them', () => {
    const { plan } = planner({ params: { userId: '42', orderId: 'o-9' }, credentials: { authorization: 'Bearer t' } });
    const requests = plan.nextRound('read');
    assert.ok(lines(requests).includes('valid GET /api/users/42/orders/o-9?limit=10'), lines(requests).join('\n'));
    const account = requests.filter((request) => request.operation?.name === 'GET /account');
    assert.deepEqual(account.map((request) => [request.purpose, request.headers.authorization, request.credentials]), [
      ['valid', 'Bearer t', true],
      ['no-auth', undefined, false],
    ]);
  });

  test('with mutations: writes in their phase, with a malformed and a schema-violating body, and 405 probes with mutating methods', () => {
    const { plan } = planner({ allowMutations: true });
    const reads = lines(plan.nextRound('read'));
    assert.ok(reads.includes('wrong-method PATCH /api/users'), reads.join('\n'));
    const writes = plan.nextRound('write');
    assert.deepEqual(writes.map((request) => [request.purpose, request.method, request.body]), [
      ['valid', 'POST', '"sample"'],
      ['malformed-json', 'POST', '{"restlint": '],
      ['invalid-body', 'POST', '{"wrong":true}'],
    ]);
  });

  test('follow-ups of a 2xx GET: HEAD, conditional GET with its ETag, tracing, trailing slash, the other media type, versions', () => {
    const { api, plan } = planner();
    const basis = exchange(api, { operation: 'GET /users', path: '/api/v1/users', status: 200, headers: { etag: '"abc"', 'content-type': 'application/json' }, body: { items: [] } });
    const followUps = plan.followUps(basis);
    assert.deepEqual(lines(followUps), [
      'head HEAD /api/v1/users',
      'conditional GET /api/v1/users',
      'traceparent-valid GET /api/v1/users',
      'traceparent-malformed GET /api/v1/users',
      'trailing-slash GET /api/v1/users/',
      'accept-variant GET /api/v1/users',
      'unknown-version GET /api/v999/users',
      'unversioned GET /api/users',
    ]);
    assert.equal(followUps[1].headers['if-none-match'], '"abc"');
    assert.match(followUps[2].headers.traceparent, /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
    assert.equal(followUps[5].headers.accept, 'application/xml');
    assert.ok(followUps.every((request) => request.basis === basis));
    // Versions are probed once per API; a non-2xx or a follow-up gets none.
    assert.ok(!lines(plan.followUps(basis)).some((line) => line.includes('version')));
    assert.deepEqual(plan.followUps(exchange(api, { operation: 'GET /users', status: 404 })), []);
    assert.deepEqual(plan.followUps({ request: followUps[0], response: basis.response }), []);
  });
});

describe('planner: only the probes enabled rules need or use', () => {
  const { api } = liveApi(SHOP);
  const followUpsWith = (config: string, allowMutations = false) => {
    const plan = rulePlan(probeRules, parseConfig(`${VIRTUAL_ROOT}/.restlint.yaml`, config, allRules));
    const planner = new Planner(api, { basePath: '/api', params: new Map([['userId', '7']]), credentials: {}, allowMutations, ...plan }, SAMPLES);
    const first = [...planner.nextRound('read'), ...planner.nextRound('write')];
    return { planner, purposes: new Set(first.map((request) => request.purpose)), unknownPath: planner.unknownPath() };
  };

  test('with every rule on, every probe is planned; with only documented-status, no probe beyond those it judges', () => {
    const all = followUpsWith('extends: [restlint:all]\n', true);
    assert.equal(all.unknownPath.length, 1);
    assert.ok(all.purposes.has('unknown-id') && all.purposes.has('wrong-method'), [...all.purposes].join(', '));
    const one = followUpsWith('extends: []\nrules:\n  documented-status: error\n', true);
    // documented-status judges the negative probes of an operation (unknown id), not wrong methods or unknown paths.
    assert.deepEqual([...one.purposes].sort(), ['invalid-body', 'malformed-json', 'no-auth', 'unknown-id', 'valid']);
    assert.deepEqual(one.unknownPath, []);
  });

  test('what is not sent names the enabled rules that need it, and none when no enabled rule does', () => {
    const on = followUpsWith('extends: []\nrules:\n  post-create-201-location: warn\n  documented-status: warn\n');
    assert.deepEqual([...on.planner.notSent.keys()].sort(), ['invalid-body', 'malformed-json', 'writes']);
    const plan = rulePlan(probeRules, parseConfig(`${VIRTUAL_ROOT}/.restlint.yaml`, 'extends: []\nrules:\n  post-create-201-location: warn\n  documented-status: warn\n', allRules));
    assert.deepEqual(plan.neededBy.get('writes'), ['post-create-201-location']);
    assert.equal(plan.neededBy.get('malformed-json'), undefined, 'documented-status only uses the body probes');
  });

  test('a GET whose path names a change is held back whether safe-methods-safe is on or off', () => {
    for (const config of ['extends: [restlint:all]\n', 'extends: []\nrules:\n  documented-status: error\n']) {
      const plan = rulePlan(probeRules, parseConfig(`${VIRTUAL_ROOT}/.restlint.yaml`, config, allRules));
      assert.equal(plan.mayChangeData({ method: 'get', path: '/users/{id}/delete' } as LiveOperation), true);
      assert.equal(plan.mayChangeData({ method: 'get', path: '/users/{id}' } as LiveOperation), false);
    }
  });
});
