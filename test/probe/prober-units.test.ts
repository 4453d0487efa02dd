// The prober's parts on their own: redaction, option parsing, the scheduler's bounds (on a fake clock), and
// the planner's choices (parameter values, discovery, negative probes, follow-ups).
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseBodies, parseDuration, parseHeaders, parseRate } from '../../src/cli/probe-command';
import { SchemaValidator } from '../../src/engine/schema/validator';
import { makeTempDir, removeDir } from '../helpers/cli';
import { describeRequest, evidenceOf, Redactor } from '../../src/probe/evidence';
import { Planner, type Samples } from '../../src/probe/planner';
import { keyIn, OwnWrites } from '../../src/probe/writes';
import { probe, samplesFrom } from '../../src/probe/probe';
import { documentBasePath } from '../../src/probe/api';
import { Scheduler, type Limits } from '../../src/probe/scheduler';
import type { SendResult, Transport } from '../../src/probe/transport';
import type { LiveOperation, ProbeRequest } from '../../src/engine/live/types';
import { ConfigFinder, parseConfig } from '../../src/engine/config/config';
import { rulePlan } from '../../src/probe/probe';
import { allRules, probeRules } from '../../rules';
import { openDocument } from '../../src/engine/document';
import { FakeClock } from '../helpers/fake-clock';
import { exchange, liveApi } from '../helpers/live';
import { SHOP_SPEC } from '../helpers/servers';
import { openapi, VIRTUAL_ROOT } from '../helpers/lint-text';
import { everyRound, everyRulePlan } from '../helpers/planner';

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

/** A transport that answers after `delayMs` of the fake clock, recording when each request started, its timeout, and how many were in flight at once. */
class ClockedTransport implements Transport {
  active = 0;
  maxActive = 0;
  starts: number[] = [];
  timeouts: number[] = [];
  constructor(
    private readonly clock: FakeClock,
    private readonly delayMs: number,
  ) {}
  async send(_request: ProbeRequest, timeoutMs: number): Promise<SendResult> {
    this.starts.push(this.clock.now());
    this.timeouts.push(timeoutMs);
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    await this.clock.sleep(this.delayMs);
    this.active--;
    return { failure: { kind: 'error', message: 'test' } };
  }
  async close(): Promise<void> {}
}

const REQUEST: ProbeRequest = { purpose: 'valid', method: 'GET', path: '/', headers: {}, credentials: false };

/** `count` requests sent at once through a scheduler on a fake clock (time 0 at the start); resolves when all are answered or dropped. */
async function sendAll(limits: Partial<Limits>, count: number, delayMs: number) {
  const clock = new FakeClock();
  const transport = new ClockedTransport(clock, delayMs);
  const scheduler = new Scheduler(transport, { concurrency: 4, rate: 0, timeoutMs: 1000, maxRequests: 100, deadline: 60_000, ...limits }, () => {}, clock);
  const results = await clock.run(Promise.all(Array.from({ length: count }, () => scheduler.send(REQUEST))));
  return { scheduler, transport, results, end: clock.now() };
}

describe('scheduler (on a fake clock: exact times)', () => {
  test('at most --concurrency requests in flight: each starts when one before it is answered', async () => {
    const { scheduler, transport, end } = await sendAll({ concurrency: 3 }, 12, 20);
    assert.equal(transport.maxActive, 3);
    assert.deepEqual(transport.starts, [0, 0, 0, 20, 20, 20, 40, 40, 40, 60, 60, 60]);
    assert.deepEqual([scheduler.sent, scheduler.dropped, end], [12, 0, 80]);
  });

  test('--max-requests: the requests beyond it are dropped, counted, never sent', async () => {
    const { scheduler, transport, results } = await sendAll({ maxRequests: 5 }, 8, 1);
    assert.equal(results.filter((result) => result === undefined).length, 3);
    assert.deepEqual([scheduler.sent, scheduler.dropped, transport.starts.length], [5, 3, 5]);
  });

  test('the deadline: nothing is sent once it has passed, and each timeout is cut to what is left of the run', async () => {
    const late = await sendAll({ deadline: 0 }, 1, 1);
    assert.deepEqual([late.results, late.scheduler.sent, late.scheduler.dropped, late.transport.starts], [[undefined], 0, 1, []]);
    // One at a time, 30 ms each, deadline at 100 ms: starts at 0, 30, 60 and 90; the fifth's turn (120) is past it.
    const { scheduler, transport, results } = await sendAll({ concurrency: 1, deadline: 100, timeoutMs: 50 }, 5, 30);
    assert.deepEqual(transport.starts, [0, 30, 60, 90]);
    assert.deepEqual(transport.timeouts, [50, 50, 40, 10]);
    assert.deepEqual([scheduler.sent, scheduler.dropped, results.at(-1)], [4, 1, undefined]);
  });

  test('--rate spaces the starts evenly: at 50/s the n-th starts at n × 20 ms, whatever the concurrency', async () => {
    const { scheduler, transport, end } = await sendAll({ concurrency: 8, rate: 50 }, 6, 0);
    assert.deepEqual(transport.starts, [0, 20, 40, 60, 80, 100]);
    assert.deepEqual([scheduler.sent, end], [6, 100]);
    // With a deadline: at 10/s, starts at 0, 100 and 200; the fourth's turn (300) is past 250.
    const bounded = await sendAll({ concurrency: 8, rate: 10, deadline: 250 }, 5, 0);
    assert.deepEqual(bounded.transport.starts, [0, 100, 200]);
    assert.deepEqual([bounded.scheduler.sent, bounded.scheduler.dropped], [3, 2]);
  });

  test('probe() runs its limits on the clock it is given: --rate spacing, the deadline, the elapsed time', async () => {
    const run = async (limits: { rate: number; maxRequests: number; totalMs: number }) => {
      const clock = new FakeClock();
      const transport = new ClockedTransport(clock, 5);
      const outcome = await clock.run(
        probe({ document: openDocument(SHOP_SPEC), baseUrl: new URL('http://127.0.0.1:1/'), transport, rules: probeRules, config: new ConfigFinder(allRules).configFor(SHOP_SPEC), headers: {}, params: new Map(), allowMutations: false, limits: { concurrency: 8, timeoutMs: 1000, ...limits }, clock }),
      );
      return { outcome, transport };
    };
    // Without mutations, and every answer a failure (no follow-ups): the shop's plan is 10 requests
    // (6, and a TRACE to each of its 4 paths).
    const paced = await run({ rate: 10, maxRequests: 100, totalMs: 60_000 });
    assert.deepEqual(paced.transport.starts, [0, 100, 200, 300, 400, 500, 600, 700, 800, 900]);
    assert.deepEqual([paced.outcome.summary.planned, paced.outcome.summary.sent, paced.outcome.summary.dropped], [10, 10, 0]);
    // The last request starts at 900 ms and is answered 5 ms later.
    assert.equal(paced.outcome.summary.elapsedMs, 905);
    const bounded = await run({ rate: 10, maxRequests: 100, totalMs: 250 });
    assert.deepEqual(bounded.transport.starts, [0, 100, 200]);
    assert.deepEqual(bounded.transport.timeouts, [250, 150, 50]);
    assert.deepEqual([bounded.outcome.summary.sent, bounded.outcome.summary.dropped, bounded.outcome.summary.elapsedMs], [3, 7, 205]);
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
    assert.deepEqual(lines(plan.nextRound('read')), ['valid GET /api/users', 'wrong-method TRACE /api/users', 'no-auth GET /api/account', 'wrong-method TRACE /api/account']);
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
    assert.equal(round[2], 'wrong-method TRACE /api/users/7');
    assert.equal(round[3], 'valid GET /api/users/7/orders/o-1?limit=10');
    assert.match(round[4], /^unknown-id GET \/api\/users\/7\/orders\/restlint-unknown-[0-9a-f]{8}\?limit=10$/);
    assert.deepEqual(plan.unplanned(), []);
  });

  test('--param wins over the document; credentials given: the secured operation twice, with and without them', () => {
    const { plan } = planner({ params: { userId: '42', orderId: 'o-9' }, credentials: { authorization: 'Bearer t' } });
    const requests = plan.nextRound('read');
    assert.ok(lines(requests).includes('valid GET /api/users/42/orders/o-9?limit=10'), lines(requests).join('\n'));
    const account = requests.filter((request) => request.operation?.name === 'GET /account');
    // TRACE goes without credentials: a server that supports it echoes the request.
    assert.deepEqual(account.map((request) => [request.purpose, request.method, request.headers.authorization, request.credentials]), [
      ['valid', 'GET', 'Bearer t', true],
      ['no-auth', 'GET', undefined, false],
      ['wrong-method', 'TRACE', undefined, false],
    ]);
  });

  test('read-only wrong methods are safe: GET on a path that documents neither GET nor HEAD, TRACE where it documents GET, none where only mutating ones are left or the GET names a change', () => {
    const { api } = liveApi(
      openapi(
        [
          '  /login:',
          '    post:',
          "      responses: { '200': { description: ok } }",
          '  /articles/{slug}/favorite:',
          '    post:',
          '      parameters: [{ name: slug, in: path, required: true, schema: { type: string } }]',
          "      responses: { '200': { description: ok } }",
          '    delete:',
          '      parameters: [{ name: slug, in: path, required: true, schema: { type: string } }]',
          "      responses: { '200': { description: ok } }",
          '  /users/{id}/delete:',
          '    get:',
          '      parameters: [{ name: id, in: path, required: true, schema: { type: string, example: u1 } }]',
          "      responses: { '200': { description: ok } }",
          '  /probe:',
          '    get:',
          "      responses: { '200': { description: ok } }",
          '    trace:',
          "      responses: { '200': { description: ok } }",
          '  /articles:',
          '    get:',
          "      responses: { '200': { description: ok } }",
          '',
        ].join('\n'),
      ),
    );
    const plan = new Planner(api, { basePath: '/api', params: new Map(), credentials: { authorization: 'Bearer t' }, allowMutations: false, ...everyRulePlan() }, SAMPLES);
    const first = plan.nextRound('read');
    assert.deepEqual(lines(first), [
      'valid GET /api/probe',
      'valid GET /api/articles',
      'wrong-method TRACE /api/articles',
      'wrong-method GET /api/login',
    ]);
    // GET carries the credentials; TRACE does not.
    assert.deepEqual(first.filter((request) => request.purpose === 'wrong-method').map((request) => [request.method, request.operation?.name, request.headers.authorization]), [
      ['TRACE', 'GET /articles', undefined],
      ['GET', 'POST /login', 'Bearer t'],
    ]);
    // A path documenting GET and TRACE gets no wrong method without --allow-mutations.
    assert.equal(plan.notSent.get('wrong-method'), 'on paths that document GET and TRACE (or HEAD without GET), the undocumented methods left are mutating ones, sent only with --allow-mutations');
    // The POST-only path waits for its slug, found in the collection.
    plan.learn(exchange(api, { operation: 'GET /articles', path: '/api/articles', status: 200, body: { items: [{ slug: 'how-to' }] } }));
    assert.deepEqual(lines(plan.nextRound('read')), ['wrong-method GET /api/articles/how-to/favorite']);
    assert.deepEqual(plan.nextRound('read'), []);
    assert.ok([...first, ...plan.nextRound('write'), ...plan.nextRound('delete')].every((request) => ['GET', 'HEAD', 'TRACE'].includes(request.method)));
  });

  test('a literal path that a parameter\'s template also matches takes that template\'s methods as its own: /user/createWithList is asked TRACE, not the GET of /user/{username}', () => {
    const { api } = liveApi(
      openapi(
        [
          '  /user/{username}:',
          '    get:',
          '      parameters: [{ name: username, in: path, required: true, schema: { type: string, example: ada } }]',
          "      responses: { '200': { description: ok } }",
          '  /user/createWithList:',
          '    post:',
          "      responses: { '200': { description: ok } }",
          '  /files/{name}.json:',
          '    get:',
          '      parameters: [{ name: name, in: path, required: true, schema: { type: string, example: a } }]',
          "      responses: { '200': { description: ok } }",
          '  /files/index.json:',
          '    post:',
          "      responses: { '200': { description: ok } }",
          '  /files/index.yaml:',
          '    post:',
          "      responses: { '200': { description: ok } }",
          '',
        ].join('\n'),
      ),
    );
    const plan = new Planner(api, { basePath: '/api', params: new Map(), credentials: {}, allowMutations: false, ...everyRulePlan() }, SAMPLES);
    const wrong = lines(plan.nextRound('read')).filter((line) => line.startsWith('wrong-method'));
    assert.deepEqual(wrong, [
      'wrong-method TRACE /api/user/ada',
      'wrong-method TRACE /api/files/a.json',
      'wrong-method TRACE /api/user/createWithList',
      'wrong-method TRACE /api/files/index.json',
      'wrong-method GET /api/files/index.yaml',
    ]);
  });

  test('with mutations: writes in their phase, with a malformed and a schema-violating body, and 405 probes with mutating methods', () => {
    const { plan } = planner({ allowMutations: true });
    const reads = lines(plan.nextRound('read'));
    assert.ok(reads.includes('wrong-method PATCH /api/users'), reads.join('\n'));
    // One operation at a time: its negative probes first, then its own request.
    assert.deepEqual(plan.nextRound('write').map((request) => [request.purpose, request.method, request.body]), [
      ['malformed-json', 'POST', '{"restlint": '],
      ['invalid-body', 'POST', '{"wrong":true}'],
    ]);
    assert.deepEqual(plan.nextRound('write').map((request) => [request.purpose, request.method, request.body]), [['valid', 'POST', '"sample"']]);
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
    const first = [...planner.nextRound('read'), ...everyRound(planner, 'write')];
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
    assert.deepEqual([...on.planner.notSent.keys()].sort(), ['duplicate', 'invalid-body', 'malformed-json', 'writes']);
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

describe("the document's base path (for --app)", () => {
  test('the path of the first server URL when it is relative or on this machine, 2.0 basePath; none for a public URL', () => {
    const of = (servers: unknown) => documentBasePath({ openapi: '3.1.0', servers });
    assert.equal(of([{ url: '/api' }, { url: 'https://example.com/other' }]), '/api');
    assert.equal(of([{ url: '/api/v1/' }]), '/api/v1');
    assert.equal(of([{ url: 'api' }]), '/api');
    assert.equal(of([{ url: './api' }]), '/api');
    assert.equal(of([{ url: '/' }]), '');
    assert.equal(of([{ url: 'http://localhost:3000/api' }]), '/api');
    assert.equal(of([{ url: 'http://127.0.0.1:8080/v2' }]), '/v2');
    assert.equal(of([{ url: 'http://[::1]/x' }]), '/x');
    assert.equal(of([{ url: 'http://app.localhost/y' }]), '/y');
    assert.equal(of([{ url: '{scheme}://localhost/{base}', variables: { scheme: { default: 'http' }, base: { default: 'api' } } }]), '/api');
    assert.equal(of([{ url: 'https://api.example.com/api' }]), '');
    assert.equal(of([]), '');
    assert.equal(of(undefined), '');
    assert.equal(documentBasePath({ swagger: '2.0', basePath: '/api/' }), '/api');
  });
});

describe('request bodies: the document\'s examples first, then format-valid samples, or --body', () => {
  const bodiesOf = (text: string, bodies: Record<string, string> = {}) => {
    const live = liveApi(text);
    const plan = new Planner(
      live.api,
      { basePath: '', params: new Map(), bodies: new Map(Object.entries(bodies)), credentials: {}, allowMutations: true, ...everyRulePlan() },
      samplesFrom(new SchemaValidator(live.api.version, live.load)),
    );
    const sent = everyRound(plan, 'write').filter((request) => request.purpose === 'valid');
    return Object.fromEntries(sent.map((request) => [request.operation!.name, JSON.parse(request.body!) as unknown]));
  };
  const USER = "{ type: object, required: [email, name], properties: { email: { type: string, format: email }, name: { type: string, minLength: 2 } } }";

  test('3.0: the media type\'s example, an examples entry (a $ref followed) when example breaks the schema, the schema\'s example, property examples, format-valid values', () => {
    const bodies = bodiesOf(
      openapi(
        [
          '  /a:',
          '    post:',
          `      requestBody: { content: { application/json: { schema: ${USER}, example: { email: ada@example.org, name: Ada } } } }`,
          "      responses: { '201': { description: ok } }",
          '  /b:',
          '    post:',
          '      requestBody:',
          '        content:',
          '          application/json:',
          `            schema: ${USER}`,
          "            examples: { broken: { value: { email: 1 } }, good: { $ref: '#/components/examples/Grace' } }",
          "      responses: { '201': { description: ok } }",
          '  /c:',
          '    post:',
          `      requestBody: { content: { application/json: { schema: { type: object, example: { email: linus@example.org, name: Linus } } } } }`,
          "      responses: { '201': { description: ok } }",
          '  /d:',
          '    post:',
          "      requestBody: { content: { application/json: { schema: { type: object, required: [email, name, id, site, at, day], properties: { email: { type: string, format: email }, name: { type: string, example: Joan }, id: { type: string, format: uuid }, site: { type: string, format: uri }, at: { type: string, format: date-time }, day: { type: string, format: date } } } } } }",
          "      responses: { '201': { description: ok } }",
          'components:',
          '  examples:',
          '    Grace: { value: { email: grace@example.org, name: Grace } }',
          '',
        ].join('\n'),
      ),
    );
    assert.deepEqual(bodies, {
      'POST /a': { email: 'ada@example.org', name: 'Ada' },
      'POST /b': { email: 'grace@example.org', name: 'Grace' },
      'POST /c': { email: 'linus@example.org', name: 'Linus' },
      'POST /d': { email: 'user@example.com', name: 'Joan', id: '123e4567-e89b-12d3-a456-426614174000', site: 'https://example.com/', at: '2024-01-01T00:00:00Z', day: '2024-01-01' },
    });
  });

  test('3.1: the schema\'s examples array; --body wins over every example', () => {
    const text = [
      'openapi: 3.1.0',
      'info: { title: t, version: "1" }',
      'paths:',
      '  /users:',
      '    post:',
      `      requestBody: { content: { application/json: { schema: { type: object, examples: [{ email: hedy@example.org, name: Hedy }] } } } }`,
      "      responses: { '201': { description: ok } }",
      '',
    ].join('\n');
    assert.deepEqual(bodiesOf(text), { 'POST /users': { email: 'hedy@example.org', name: 'Hedy' } });
    assert.deepEqual(bodiesOf(text, { 'POST /users': '{"email":"given@example.org"}' }), { 'POST /users': { email: 'given@example.org' } });
  });
});

describe('--body parsing', () => {
  const operations = new Set(['POST /users', 'PUT /users/{id}']);
  test('inline JSON or @file, method case-insensitive; usage errors name the flag and the expected form', () => {
    const dir = makeTempDir();
    try {
      writeFileSync(join(dir, 'user.json'), '{ "name": "Ada" }\n');
      assert.deepEqual([...parseBodies(['POST /users=@user.json', 'put /users/{id}={"name": "Grace"}'], dir, operations)], [
        ['POST /users', '{"name":"Ada"}'],
        ['PUT /users/{id}', '{"name":"Grace"}'],
      ]);
      const form = 'write it as "METHOD /path=@file.json" or "METHOD /path={…JSON…}", e.g. --body "POST /users=@user.json"';
      assert.throws(() => parseBodies(['users.json'], dir, operations), { message: `--body "users.json": ${form}` });
      assert.throws(() => parseBodies(['POST /nope={}'], dir, operations), { message: `--body "POST /nope={}": the document has no operation POST /nope; ${form}` });
      assert.throws(() => parseBodies(['POST /users=@missing.json'], dir, operations), { message: `--body "POST /users=@missing.json": missing.json: file not found; ${form}` });
      assert.throws(() => parseBodies(['POST /users={name:'], dir, operations), (error: Error) => error.message.startsWith('--body "POST /users={name:": not JSON (') && error.message.endsWith(`); ${form}`));
      assert.throws(() => parseBodies(['POST /users={}', 'POST /users=[]'], dir, operations), { message: '--body "POST /users=[]": POST /users has a body already; give one --body per operation' });
    } finally {
      removeDir(dir);
    }
  });
});

describe("the probe's own writes: keys read back from its answers", () => {
  test('a path parameter from the member named as it, or by its last word, at the top or inside a wrapper; never inside a list', () => {
    assert.equal(keyIn({ id: 7 }, 'id'), '7');
    assert.equal(keyIn({ id: 'a1', name: 'x' }, 'articleId'), 'a1');
    assert.equal(keyIn({ articleId: 'b2', id: 'other' }, 'articleId'), 'b2');
    assert.equal(keyIn({ article: { slug: 'how-to', id: 3 } }, 'slug'), 'how-to');
    assert.equal(keyIn({ data: { article: { slug: 'deep' } } }, 'slug'), 'deep');
    assert.equal(keyIn({ order_id: 9 }, 'orderId'), '9');
    assert.equal(keyIn({ user: { user_slug: 'u' } }, 'user_slug'), 'u');
    assert.equal(keyIn({ items: [{ id: 1 }] }, 'id'), undefined);
    assert.equal(keyIn({ id: '' }, 'id'), undefined);
  });

  const { api } = liveApi(
    openapi(
      [
        '  /articles:',
        '    post:',
        "      responses: { '201': { description: ok } }",
        '  /articles/{slug}:',
        '    put:',
        '      parameters: [{ name: slug, in: path, required: true, schema: { type: string } }]',
        "      responses: { '200': { description: ok } }",
        '    delete:',
        '      parameters: [{ name: slug, in: path, required: true, schema: { type: string }, example: documented }]',
        "      responses: { '204': { description: ok } }",
        '  /articles/{slug}/comments:',
        '    post:',
        '      parameters: [{ name: slug, in: path, required: true, schema: { type: string } }]',
        "      responses: { '201': { description: ok } }",
        '  /articles/{slug}/comments/{commentId}:',
        '    delete:',
        '      parameters: [{ name: slug, in: path, required: true, schema: { type: string } }, { name: commentId, in: path, required: true, schema: { type: string } }]',
        "      responses: { '204': { description: ok } }",
        '',
      ].join('\n'),
    ),
  );

  test('writes act on what the probe created (never the example), follow a key its PUT changed, and a 404 on the old key is explained', () => {
    const plan = new Planner(api, { basePath: '/api', params: new Map(), credentials: {}, allowMutations: true, ...everyRulePlan() }, { valid: () => ({}), invalid: () => undefined });
    // The rounds up to the next operation's own request (its negative probes go first).
    const round = () => {
      const sent: string[] = [];
      for (let next = plan.nextRound('write'); next.length > 0; next = plan.nextRound('write')) {
        sent.push(...lines(next));
        if (next.some((request) => request.purpose === 'valid')) break;
      }
      return sent;
    };
    assert.ok(round().includes('valid POST /api/articles'));
    plan.learn(exchange(api, { operation: 'POST /articles', path: '/api/articles', status: 201, body: { article: { slug: 'how-to' } } }));
    assert.ok(round().includes('valid POST /api/articles/how-to/comments'));
    // The comment's key is only in its Location.
    plan.learn(exchange(api, { operation: 'POST /articles/{slug}/comments', path: '/api/articles/how-to/comments', status: 201, headers: { location: 'http://127.0.0.1/api/articles/how-to/comments/c9' }, body: {} }));
    assert.deepEqual(round().filter((line) => line.startsWith('valid')), ['valid PUT /api/articles/how-to']);
    const put = exchange(api, { operation: 'PUT /articles/{slug}', path: '/api/articles/how-to', status: 200, body: { article: { slug: 'how-to-revised' } } });
    plan.learn(put);
    assert.deepEqual(plan.nextRound('write'), []);
    assert.deepEqual(everyRound(plan, 'delete').filter((request) => request.purpose === 'valid').map((request) => request.path), ['/api/articles/how-to-revised/comments/c9', '/api/articles/how-to-revised']);
    const late = exchange(api, { operation: 'DELETE /articles/{slug}', path: '/api/articles/how-to', status: 404 });
    assert.equal(plan.explains(late), true);
    assert.equal(plan.explains(exchange(api, { operation: 'DELETE /articles/{slug}', path: '/api/articles/other', status: 404 })), false);
    // What was deleted needs no cleanup; what was not is deleted at the end.
    plan.learn(exchange(api, { operation: 'DELETE /articles/{slug}', path: '/api/articles/how-to-revised', status: 204 }));
    assert.deepEqual(plan.cleanup().requests, []);
  });

  test('what it could not address afterwards: a create without a key, or one that answered or documents 201; not an action such as a login', () => {
    const { api: actions } = liveApi(`openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users/login:
    post:
      responses:
        '200': { description: the user, with a token }
  /users:
    post:
      responses:
        '201': { description: registered }
  /searches:
    post:
      responses:
        '200': { description: results }
  /notes:
    post:
      responses:
        '200': { description: the note }
  /notes/{noteId}:
    get:
      responses:
        '200': { description: the note }
`);
    const writes = new OwnWrites(actions, new URL('http://127.0.0.1/'));
    const answered = (operation: string, path: string, status: number, body: object, headers: Record<string, string> = {}) => writes.learn(exchange(actions, { operation, method: 'POST', path, status, body, headers }));
    answered('POST /users/login', '/users/login', 200, { user: { token: 't' } });
    // Conduit answers its registration 200 where it documents 201: still a creation.
    answered('POST /users', '/users', 200, { user: { username: 'ada' } });
    answered('POST /searches', '/searches', 200, { results: [] }, { location: '/searches/s1' });
    // An item route, but no key in the answer: created, and not to be found again.
    answered('POST /notes', '/notes', 200, { text: 'x' });
    assert.deepEqual([...writes.unaddressable.keys()], ['POST /users', 'POST /searches', 'POST /notes']);
    assert.deepEqual(writes.resources, []);
  });

  test('without a resource of its own, a write waits and says why; the document\'s example is never used for it', () => {
    const plan = new Planner(api, { basePath: '', params: new Map(), credentials: {}, allowMutations: true, ...everyRulePlan() }, { valid: () => ({}), invalid: () => undefined });
    everyRound(plan, 'write');
    assert.deepEqual(everyRound(plan, 'delete'), []);
    const reasons = plan.unplanned().map((skip) => `${skip.operation.name}: ${skip.reason}`);
    assert.ok(reasons.includes('DELETE /articles/{slug}: no value for path parameter {slug}: it changes data, so it acts only on a resource the probe created (a POST to the collection that answered with its key) or on --param slug=…'), reasons.join('\n'));
  });
});
