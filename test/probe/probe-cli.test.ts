// End to end: the real CLI binary probes real HTTP servers on 127.0.0.1 (the fixture shop in
// fixtures/servers, with one good behaviour broken per variant), and the same apps in-process
// through --app.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import type { Finding } from '../../src/engine/finding';
import { makeTempDir, removeDir, runCli } from '../helpers/cli';
import { listen, SERVERS, SHOP_SPEC, startShop, type RunningServer } from '../helpers/servers';

/** Flags of a quick probe: no rate limit, JSON on stdout. */
const FAST = ['--rate', '0', '--format', 'json'];

interface Variant {
  module: string;
  breaks: Record<string, boolean>;
  /** Extra probe arguments (an id that reaches the broken route). */
  args?: string[];
  /** Every rule id the probe must report, with its severity (0 error … 3 hint). */
  expected: Record<string, number>;
}

// With --allow-mutations, so that writes, bodies and 405s are probed too.
const VARIANTS: Variant[] = [
  { module: 'good', breaks: {}, expected: {} },
  {
    module: 'express-dev-errors',
    breaks: { devErrors: true },
    expected: { 'error-is-json': 0, 'no-server-error': 0, 'no-stack-trace': 0, 'documented-content-type': 1 },
  },
  { module: 'stack-in-json', breaks: { stackInJson: true }, args: ['--param', 'userId=2'], expected: { 'no-server-error': 0, 'no-stack-trace': 0 } },
  { module: 'error-in-200', breaks: { errorIn200: true }, expected: { 'no-error-in-2xx': 0, 'response-matches-schema': 0 } },
  { module: 'no-cache-headers', breaks: { noCacheHeaders: true }, expected: { 'cacheability-stated': 1 } },
  { module: 'etag-no-304', breaks: { etagNo304: true }, expected: { 'etag-conditional': 2 } },
  { module: '405-no-allow', breaks: { noAllowHeader: true }, expected: { 'method-not-allowed': 1 } },
  { module: 'wrong-method-404', breaks: { wrongMethod404: true }, expected: { 'method-not-allowed': 1 } },
  { module: '201-no-location', breaks: { noLocation: true }, expected: { 'post-create-201-location': 1, 'documented-headers-present': 1 } },
  { module: 'undocumented-status', breaks: { undocumentedStatus: true }, expected: { 'documented-status': 0 } },
  { module: 'schema-violation', breaks: { schemaViolation: true }, expected: { 'response-matches-schema': 0 } },
  { module: 'malformed-json-500', breaks: { malformedJson500: true }, expected: { 'invalid-input-rejected': 1, 'no-server-error': 0 } },
  { module: 'unsecured', breaks: { unsecured: true }, expected: { 'operations-secured': 0 } },
];

/** `{ rule: severity }` of the findings, failing on a rule reported at two severities. */
function rulesOf(findings: Finding[]): Record<string, number> {
  const rules: Record<string, number> = {};
  for (const finding of findings) {
    assert.ok(!(finding.code in rules) || rules[finding.code] === finding.severity, `${finding.code} reported at two severities`);
    rules[finding.code] = finding.severity;
  }
  return rules;
}

function parse(stdout: string): Finding[] {
  return JSON.parse(stdout) as Finding[];
}

describe('probe: fixture servers over real HTTP', () => {
  for (const variant of VARIANTS) {
    test(`${variant.module}: reports exactly ${Object.keys(variant.expected).join(', ') || 'nothing'}`, async () => {
      const server = await startShop(variant.breaks);
      try {
        const result = await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', server.url, '--allow-mutations', ...FAST, ...(variant.args ?? [])]);
        const findings = parse(result.stdout);
        assert.deepEqual(rulesOf(findings), variant.expected, JSON.stringify(findings.map(({ code, message }) => ({ code, message })), null, 1));
        const failing = findings.some((finding) => finding.severity === 0);
        assert.equal(result.code, failing ? 1 : 0, result.stderr);
        for (const finding of findings) {
          assert.equal(finding.source, SHOP_SPEC);
          assert.ok(finding.evidence && finding.evidence.request.length > 0 && finding.evidence.response.length > 0, `${finding.code} has evidence`);
        }
      } finally {
        await server.close();
      }
    });
  }
});

describe('probe: the same apps in-process through --app', () => {
  for (const variant of VARIANTS) {
    test(`${variant.module}.js: reports exactly ${Object.keys(variant.expected).join(', ') || 'nothing'}`, async () => {
      const result = await runCli(['probe', '--spec', SHOP_SPEC, '--app', join(SERVERS, `${variant.module}.js`), '--allow-mutations', ...FAST, ...(variant.args ?? [])]);
      assert.deepEqual(rulesOf(parse(result.stdout)), variant.expected, result.stdout);
    });
  }

  for (const framework of ['koa', 'fastify']) {
    test(`a ${framework === 'koa' ? 'Koa' : 'Fastify'} app is loaded and probed`, async () => {
      const result = await runCli(['probe', '--spec', join(SERVERS, 'health', 'openapi.yaml'), '--app', join(SERVERS, `${framework}-good.js`), ...FAST]);
      assert.deepEqual(parse(result.stdout), []);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stderr, /^Probed 1 operation with \d+ requests/m);
    });
  }
});

describe('probe: --app with a base path, other app forms, and an end', () => {
  const BASED_SPEC = join(SERVERS, 'based', 'openapi.yaml');

  test("an exported http.Server that holds a timer open for ever: requests go under the document's /api, and the process exits when done", async () => {
    // runCli resolves when the process exits; a process kept alive by the app is killed by the hang guard (timedOut).
    const result = await runCli(['probe', '--spec', BASED_SPEC, '--app', join(SERVERS, 'node-http-server.js'), ...FAST]);
    assert.equal(result.timedOut, false);
    assert.equal(result.signal, null);
    assert.deepEqual(parse(result.stdout), []);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^Probed 1 operation with \d+ requests/m);
  });

  for (const [form, module] of [
    ['a function of no parameters returning the http.Server', 'node-http-factory.js'],
    ['an ES module whose default export is a promise of the http.Server', 'node-http-promise.mjs'],
    ['an object shaped as a hapi server (listener, initialize()), not initialized: initialized first', 'hapi-shaped.js'],
    ['a promise of an object shaped as a NestJS application (getHttpServer(), init()), not initialized: initialized first', 'nest-shaped.mjs'],
  ]) {
    test(`${form} is loaded and probed`, async () => {
      const result = await runCli(['probe', '--spec', BASED_SPEC, '--app', join(SERVERS, module), ...FAST]);
      assert.deepEqual(parse(result.stdout), []);
      assert.equal(result.code, 0, result.stderr);
    });
  }

  test('--base-path replaces the document\'s: / sends the paths as documented, which this app does not serve', async () => {
    const result = await runCli(['probe', '--spec', BASED_SPEC, '--app', join(SERVERS, 'node-http-server.js'), '--base-path', '/', ...FAST]);
    assert.equal(result.timedOut, false);
    assert.ok(
      parse(result.stdout).some(
        (finding) =>
          finding.message ===
          'TRACE /v1/health answered 404 to a method the path does not support; answer 405 Method Not Allowed with an Allow header (a gateway in front of the API may answer 404 itself: configure it to pass 405 through)',
      ),
      result.stdout,
    );
    const dry = await runCli(['probe', '--spec', BASED_SPEC, '--app', join(SERVERS, 'node-http-server.js'), '--dry-run']);
    assert.match(dry.stdout, /^GET {5}\/api\/v1\/health {2}\(valid, GET \/v1\/health\)$/m);
    const other = await runCli(['probe', '--spec', BASED_SPEC, '--app', join(SERVERS, 'node-http-server.js'), '--dry-run', '--base-path', '/v2/']);
    assert.match(other.stdout, /^GET {5}\/v2\/v1\/health {2}\(valid, GET \/v1\/health\)$/m);
  });

  test('--base-path usage errors name the flag and the expected form', async () => {
    const notAbsolute = await runCli(['probe', '--spec', BASED_SPEC, '--app', join(SERVERS, 'node-http-server.js'), '--base-path', 'api']);
    assert.equal(notAbsolute.code, 2);
    assert.match(notAbsolute.stderr, /^error --base-path api: give a path that starts with \/, e\.g\. --base-path \/api \(\/ for none\)$/m);
    const withUrl = await runCli(['probe', '--spec', BASED_SPEC, '--base-url', 'http://127.0.0.1:9', '--base-path', '/api']);
    assert.equal(withUrl.code, 2);
    assert.match(withUrl.stderr, /^error --base-path \/api: it applies to --app; with --base-url put the path in the URL, e\.g\. --base-url http:\/\/127\.0\.0\.1:3000\/api$/m);
  });
});

describe('probe: --body', () => {
  test('the body given for an operation is the one sent; a malformed --body is a usage error naming the flag', async () => {
    const shop = await startShop();
    const dir = makeTempDir();
    try {
      writeFileSync(join(dir, 'user.json'), '{ "name": "Given By Body", "email": "given@example.org" }');
      // The shop's document without its DELETE: the users the probe creates stay, and the summary says so.
      const { readFileSync } = await import('node:fs');
      const text = readFileSync(SHOP_SPEC, 'utf8');
      const spec = join(dir, 'openapi.yaml');
      writeFileSync(spec, text.slice(0, text.indexOf('    delete:\n      operationId: deleteUser')) + text.slice(text.indexOf('  /v1/account:')));
      const result = await runCli(['probe', '--spec', spec, '--base-url', shop.url, '--allow-mutations', '--body', 'POST /v1/users=@user.json', ...FAST], { cwd: dir });
      assert.deepEqual(rulesOf(parse(result.stdout)), {}, result.stdout);
      const users = (await (await fetch(`${shop.url}/v1/users?limit=100`)).json()) as { items: { id: number; name: string; email: string }[] };
      // The create and its duplicate.
      const given = users.items.filter((user) => user.email === 'given@example.org');
      assert.deepEqual(given.map((user) => user.name), ['Given By Body', 'Given By Body']);
      for (const user of given) assert.ok(result.stderr.split('\n').includes(`Left on the server, created by the probe: /v1/users/${user.id} (POST /v1/users; no DELETE documented for it).`), result.stderr);

      const bad = await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', shop.url, '--body', 'user.json']);
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /^error --body "user\.json": write it as "METHOD \/path=@file\.json" or "METHOD \/path=\{…JSON…\}", e\.g\. --body "POST \/users=@user\.json"$/m);
    } finally {
      removeDir(dir);
      await shop.close();
    }
  });
});

describe('probe: where the user went wrong', () => {
  const HINT_401 = 'every secured operation answered 401: pass credentials with --header "Authorization: …"';

  test('every secured operation answered 401 and no --header: the summary says to pass credentials; not with --header, nor when one answered otherwise', async () => {
    const shop = await startShop();
    const unsecured = await startShop({ unsecured: true });
    try {
      const bare = await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', shop.url, ...FAST]);
      assert.ok(bare.stderr.split('\n').includes(HINT_401), bare.stderr);
      const given = await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', shop.url, '--header', 'Authorization: Bearer t', ...FAST]);
      assert.ok(!given.stderr.includes('every secured operation'), given.stderr);
      const open = await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', unsecured.url, ...FAST]);
      assert.ok(!open.stderr.includes('every secured operation'), open.stderr);
    } finally {
      await Promise.all([shop.close(), unsecured.close()]);
    }
  });

  test('an API key in a header, refused with 403 (as a NestJS guard does): the hint names the status and the header the document gives', async () => {
    const dir = makeTempDir();
    const server = await listen((request, response) => {
      const known = request.headers['x-api-key'] === 'k';
      response.writeHead(known ? 200 : 403, { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      response.end(known ? '{}' : '{"statusCode":403,"message":"Forbidden resource","error":"Forbidden"}');
    });
    try {
      const spec = join(dir, 'openapi.yaml');
      writeFileSync(
        spec,
        [
          'openapi: 3.0.3',
          'info: { title: t, version: "1" }',
          'security: [{ key: [] }]',
          'components: { securitySchemes: { key: { type: apiKey, in: header, name: X-Api-Key } } }',
          'paths:',
          ...['/v1/things', '/v1/others'].flatMap((path) => [`  ${path}:`, '    get:', '      responses:', '        "200": { description: ok }', '        "403": { description: no key }']),
          '',
        ].join('\n'),
      );
      const bare = await runCli(['probe', '--spec', spec, '--base-url', server.url, ...FAST]);
      assert.ok(bare.stderr.split('\n').includes('every secured operation answered 403: pass credentials with --header "X-Api-Key: …"'), bare.stderr);
      const given = await runCli(['probe', '--spec', spec, '--base-url', server.url, '--header', 'X-Api-Key: k', ...FAST]);
      assert.ok(!given.stderr.includes('every secured operation'), given.stderr);
    } finally {
      await server.close();
      removeDir(dir);
    }
  });

  test('the same through --app: the hint without --header, none with it nor when the app lets one in', async () => {
    const bare = await runCli(['probe', '--spec', SHOP_SPEC, '--app', join(SERVERS, 'good.js'), ...FAST]);
    assert.ok(bare.stderr.split('\n').includes(HINT_401), bare.stderr);
    const given = await runCli(['probe', '--spec', SHOP_SPEC, '--app', join(SERVERS, 'good.js'), '--header', 'Authorization: Bearer t', ...FAST]);
    assert.ok(!given.stderr.includes('every secured operation'), given.stderr);
    const open = await runCli(['probe', '--spec', SHOP_SPEC, '--app', join(SERVERS, 'unsecured.js'), ...FAST]);
    assert.ok(!open.stderr.includes('every secured operation'), open.stderr);
  });

  test("every request answered 404 and the document's servers put /api before the paths: the summary names the prefix and the option to give", async () => {
    const { createServer } = require(join(SERVERS, 'based', 'server.js')) as { createServer(): import('node:http').Server };
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as import('node:net').AddressInfo).port}`;
    const spec = join(SERVERS, 'based', 'openapi.yaml');
    try {
      const without = await runCli(['probe', '--spec', spec, '--base-url', url, ...FAST]);
      assert.ok(without.stderr.split('\n').includes(`every request answered 404: the document's servers put /api before its paths and the requests lacked it; try --base-url ${url}/api`), without.stderr);
      const withPrefix = await runCli(['probe', '--spec', spec, '--base-url', `${url}/api`, ...FAST]);
      assert.ok(!withPrefix.stderr.includes('every request answered 404'), withPrefix.stderr);
      const app = await runCli(['probe', '--spec', spec, '--app', join(SERVERS, 'node-http-server.js'), '--base-path', '/', ...FAST]);
      assert.ok(app.stderr.split('\n').includes("every request answered 404: the document's servers put /api before its paths and the requests lacked it; try --base-path /api"), app.stderr);
      // The shop's document has a server without a path: no such hint even where requests got 404.
      const shop = await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', url, ...FAST]);
      assert.ok(!shop.stderr.includes('every request answered 404'), shop.stderr);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});

describe('probe: safe by default', () => {
  test('without --allow-mutations no POST, PUT, PATCH or DELETE reaches the server; with it, they do', async () => {
    const safe = await startShop();
    const unsafe = await startShop();
    try {
      const plain = await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', safe.url, ...FAST]);
      assert.equal(plain.code, 0, plain.stderr);
      const methods = new Set(safe.requests.map((request) => request.method));
      assert.ok(safe.requests.length >= 10, `${safe.requests.length} requests`);
      // TRACE is safe (RFC 9110 §9.2.1): the wrong-method probe of paths that document GET.
      assert.deepEqual([...methods].filter((method) => !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method)), []);
      // Honest counts: the operations probed of all, what was not sent and why, how many rules could not check.
      assert.match(plain.stderr, /^Probed 4 of 6 operations with \d+ requests in [\d.]+ s\.$/m);
      assert.match(plain.stderr, /^5 rules not checked, for want of requests not sent:$/m);
      assert.ok(plain.stderr.includes('2 operations that may change data not sent (POST, PUT, PATCH, DELETE, and GETs whose path names a change; safe by default: --allow-mutations sends them).'), plain.stderr);
      assert.match(plain.stderr, /Not checked: invalid-input-rejected: malformed and schema-violating request bodies are sent only with --allow-mutations\./);
      assert.match(plain.stderr, /Not checked: delete-success-code, post-create-201-location, safe-methods-safe, no-body-on-204-304: the documented requests of operations that may change data/);

      await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', unsafe.url, '--allow-mutations', ...FAST]);
      const written = new Set(unsafe.requests.map((request) => request.method));
      for (const method of ['POST', 'DELETE']) assert.ok(written.has(method), `${method} sent with --allow-mutations`);
    } finally {
      await Promise.all([safe.close(), unsafe.close()]);
    }
  });

  test('read-only, the methods a path lacks are asked safely: TRACE where it documents GET, GET where it documents neither GET nor HEAD', async () => {
    const noAllow = await startShop({ noAllowHeader: true });
    const notFound = await startShop({ wrongMethod404: true });
    const dir = makeTempDir();
    try {
      const safe = (server: RunningServer) => assert.deepEqual([...new Set(server.requests.map((request) => request.method))].filter((method) => !['GET', 'HEAD', 'OPTIONS', 'TRACE'].includes(method)), []);
      const first = await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', noAllow.url, ...FAST]);
      safe(noAllow);
      const traces = noAllow.requests.filter((request) => request.method === 'TRACE');
      assert.deepEqual(traces.map((request) => request.url).sort(), ['/v1/account', '/v1/health', '/v1/users', '/v1/users/1']);
      assert.ok(traces.every((request) => request.headers.authorization === undefined));
      const noAllowFindings = parse(first.stdout).filter((finding) => finding.code === 'method-not-allowed').map((finding) => finding.message).sort();
      // What every path does alike is said once, for the API.
      assert.deepEqual(noAllowFindings, [
        'the API answered 405 without an Allow header; list the methods the path supports in Allow (shared by 4 operations: GET /v1/users, GET /v1/users/{userId}, GET /v1/account, GET /v1/health)',
      ]);
      assert.doesNotMatch(first.stderr, /Not checked: [^\n]*method-not-allowed/);

      // A POST-only path (the document lists only the create) is asked with a GET.
      const spec = join(dir, 'openapi.yaml');
      writeFileSync(
        spec,
        'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /v1/health:\n    post:\n      responses:\n        "200": { description: ok }\n  /v1/users/{userId}:\n    get:\n      parameters: [{ name: userId, in: path, required: true, schema: { type: integer }, example: 2 }]\n      responses:\n        "200": { description: ok }\n        "404": { description: none }\n',
      );
      const second = await runCli(['probe', '--spec', spec, '--base-url', notFound.url, ...FAST]);
      safe(notFound);
      assert.ok(notFound.requests.some((request) => request.method === 'GET' && request.url === '/v1/health'));
      assert.ok(!notFound.requests.some((request) => request.url === '/v1/health' && request.method !== 'GET'));
      assert.deepEqual(parse(second.stdout).filter((finding) => finding.code === 'method-not-allowed').map((finding) => finding.message), [
        'GET /v1/health answered 200 to a method the path does not document; answer 405 Method Not Allowed with an Allow header (or document the method)',
        'TRACE /v1/users/2 answered 404 to a method the path does not support; answer 405 Method Not Allowed with an Allow header (a gateway in front of the API may answer 404 itself: configure it to pass 405 through)',
      ]);
    } finally {
      removeDir(dir);
      await Promise.all([noAllow.close(), notFound.close()]);
    }
  });

  test('a server that implements TRACE for no resource and answers it 501 (as koa-router does): neither a server error nor a wrong-method finding', async () => {
    const methods: string[] = [];
    const server = await listen((request, response) => {
      methods.push(request.method ?? '');
      const headers = { 'x-content-type-options': 'nosniff', 'cache-control': 'no-store', 'x-request-id': '7d1f0a52-5a7b-4f3e-9d43-1c0e2f6b9a10' };
      if (request.method === 'TRACE') {
        response.writeHead(501, { ...headers, 'content-type': 'application/problem+json' });
        return response.end('{"type":"about:blank","title":"Not Implemented","status":501}');
      }
      response.writeHead(200, { ...headers, 'content-type': 'application/json' });
      response.end(request.method === 'HEAD' ? undefined : '{"status":"ok"}');
    });
    try {
      const result = await runCli(['probe', '--spec', join(SERVERS, 'health', 'openapi.yaml'), '--base-url', server.url, ...FAST]);
      assert.ok(methods.includes('TRACE'), methods.join(' '));
      const findings = parse(result.stdout);
      assert.deepEqual(findings.filter((finding) => ['no-server-error', 'method-not-allowed'].includes(finding.code)), [], result.stdout);
    } finally {
      await server.close();
    }
  });

  test('secrets given with --header never appear in any output format', async () => {
    const secret = 's3cr3t-T0ken-value';
    // Echoes the request's Authorization header in a 500 with a stack trace: evidence shows the body.
    const server = await listen((request, response) => {
      response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`Error: denied for ${String(request.headers.authorization)}\n    at check (/srv/app/auth.js:10:5)\n`);
    });
    const dir = makeTempDir();
    try {
      const spec = join(dir, 'openapi.yaml');
      writeFileSync(spec, 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /v1/things:\n    get:\n      responses:\n        "200": { description: ok }\n');
      const formats = ['stylish', 'json', 'sarif', 'junit', 'github', 'markdown'];
      const args = ['probe', '--spec', spec, '--base-url', server.url, '--rate', '0', '--header', `Authorization: Bearer ${secret}`, '--header', `X-Api-Key: ${secret}-2`];
      for (const format of formats.slice(1)) args.push('--format', format, '--output', join(dir, `out.${format}`));
      const result = await runCli([...args, '--format', 'stylish']);
      assert.equal(result.code, 1, result.stderr);
      assert.ok(!result.stdout.includes(secret) && !result.stderr.includes(secret), result.stdout);
      assert.match(result.stdout, /authorization: Bearer \*\*\*/);
      assert.match(result.stdout, /x-api-key: \*\*\*/);
      for (const format of formats.slice(1)) {
        const { readFileSync } = await import('node:fs');
        const text = readFileSync(join(dir, `out.${format}`), 'utf8');
        assert.ok(!text.includes(secret), `${format} output leaks the secret`);
      }
    } finally {
      await server.close();
      removeDir(dir);
    }
  });

  test('a redirect is reported, never followed: the other server receives nothing', async () => {
    const elsewhere = await startShop();
    const redirecting = await listen((_, response) => {
      response.writeHead(302, { location: `${elsewhere.url}/v1/users` });
      response.end();
    });
    try {
      await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', redirecting.url, ...FAST]);
      assert.equal(elsewhere.requests.length, 0);
    } finally {
      await Promise.all([elsewhere.close(), redirecting.close()]);
    }
  });
});

describe('probe: bounded, whatever the server does', () => {
  let dir: string;
  let spec: string;
  before(() => {
    dir = makeTempDir();
    spec = join(dir, 'openapi.yaml');
    writeFileSync(spec, 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /v1/things:\n    get:\n      responses:\n        "200": { description: ok }\n  /v1/others:\n    get:\n      responses:\n        "200": { description: ok }\n');
  });
  after(() => removeDir(dir));

  // The --timeout given to the product is an input; how long the runs below take is not asserted
  // (the kill bound of runCli, minutes, guards against a hang). The scheduler's timeouts and
  // deadline are checked exactly on a fake clock in prober-units.test.ts.
  test('a server that accepts connections and never answers: findings (the --timeout applied) and a clean exit', async () => {
    const silent = createServer(() => {
      /* accept and hold the connection, never answer */
    });
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const result = await runCli(['probe', '--spec', spec, '--base-url', `http://127.0.0.1:${port}`, '--timeout', '300ms', ...FAST]);
      assert.equal(result.timedOut, false);
      assert.equal(result.code, 1, result.stderr);
      const findings = parse(result.stdout);
      assert.ok(findings.some((finding) => finding.code === 'no-server-error' && /no complete answer within 300 ms/.test(finding.message)), result.stdout);
    } finally {
      silent.close();
    }
  });

  test('a server that closes every connection without an answer: findings, a clean exit', async () => {
    const closing = createServer((socket) => socket.on('data', () => socket.destroy()));
    await new Promise<void>((resolve) => closing.listen(0, '127.0.0.1', resolve));
    const { port } = closing.address() as { port: number };
    try {
      const result = await runCli(['probe', '--spec', spec, '--base-url', `http://127.0.0.1:${port}`, ...FAST]);
      assert.equal(result.code, 1, result.stderr);
      assert.ok(parse(result.stdout).some((finding) => finding.code === 'no-server-error' && /closed the connection/.test(finding.message)), result.stdout);
    } finally {
      closing.close();
    }
  });

  test('a 500 that does not happen again when resent is reported at info, as flaky', async () => {
    let failures = 0;
    const flaky = await listen((request, response) => {
      // The first GET /v1/things fails; everything after it works.
      const fail = request.url === '/v1/things' && request.method === 'GET' && failures++ === 0;
      response.writeHead(fail ? 500 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      response.end(fail ? '{"type":"about:blank","title":"Internal Server Error","status":500}' : '{}');
    });
    try {
      const result = await runCli(['probe', '--spec', spec, '--base-url', flaky.url, ...FAST, '--concurrency', '1']);
      const serverErrors = parse(result.stdout).filter((finding) => finding.code === 'no-server-error');
      assert.deepEqual(
        serverErrors.map(({ message, severity }) => ({ message, severity })),
        [{ message: 'GET /v1/things answered 500; a server error is never the answer to a request, valid or not (did not happen again when the request was resent: flaky)', severity: 2 }],
      );
    } finally {
      await flaky.close();
    }
  });

  test('a 20 MB body is read up to the prober\'s limit and the run goes on; a server that speaks no HTTP gives findings, not a hang', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 'x');
    const huge = await listen((_, response) => {
      response.writeHead(200, { 'content-type': 'text/plain', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
      let sent = 0;
      const more = () => {
        while (sent < 20 && response.write(chunk)) sent++;
        if (sent < 20) response.once('drain', more);
        else response.end();
      };
      more();
    });
    const garbage = createServer((socket) => socket.on('data', () => socket.end('this is not HTTP\r\n\r\n')));
    await new Promise<void>((resolve) => garbage.listen(0, '127.0.0.1', resolve));
    const { port } = garbage.address() as { port: number };
    try {
      const big = await runCli(['probe', '--spec', spec, '--base-url', huge.url, ...FAST]);
      assert.equal(big.timedOut, false);
      assert.ok(big.code === 0 || big.code === 1, big.stderr);
      assert.match(big.stderr, /^Probed 2 operations with \d+ requests/m);
      const nonsense = await runCli(['probe', '--spec', spec, '--base-url', `http://127.0.0.1:${port}`, '--timeout', '1s', ...FAST]);
      assert.equal(nonsense.code, 1, nonsense.stderr);
      assert.ok(parse(nonsense.stdout).some((finding) => finding.code === 'no-server-error'), nonsense.stdout);
    } finally {
      await huge.close();
      garbage.close();
    }
  });

  test('nothing listening: exit 2, and the error says so', async () => {
    const server: RunningServer = await listen(() => {});
    const url = server.url;
    await server.close();
    const result = await runCli(['probe', '--spec', spec, '--base-url', url, ...FAST]);
    assert.equal(result.code, 2);
    const origin = new URL(url).origin;
    assert.equal(result.stderr, `error ${origin}/: every request was refused: nothing listens at ${origin}\n  start the API first, or check --base-url\n`);
  });

  test('--max-requests bounds what the server receives, and the summary says what was left', async () => {
    const shop = await startShop();
    try {
      const result = await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', shop.url, '--max-requests', '3', '--rate', '0']);
      assert.equal(shop.requests.length, 3);
      assert.match(result.stderr, /planned requests? (was|were) not sent: --max-requests or --deadline reached/);
    } finally {
      await shop.close();
    }
  });

  test('--rate: a rate-limited run sends what it is allowed and exits normally', async () => {
    const shop = await startShop();
    try {
      // The spacing of the starts is checked exactly, on a fake clock, in prober-units.test.ts.
      const result = await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', shop.url, '--max-requests', '6', '--rate', '10/s', '--concurrency', '8']);
      assert.equal(result.timedOut, false);
      assert.ok(result.code === 0 || result.code === 1, result.stderr);
      assert.match(result.stderr, /^Probed \d+ of \d+ operations with 6 requests/m);
      assert.equal(shop.requests.length, 6);
    } finally {
      await shop.close();
    }
  });
});

describe('probe: configured like lint', () => {
  test('the .restlint.yaml beside the spec sets live rules off, their severity, and overrides by JSON pointer', async () => {
    const dir = makeTempDir();
    const server = await listen((_, response) => {
      response.writeHead(500, { 'content-type': 'text/plain', 'x-content-type-options': 'nosniff' });
      response.end('boom');
    });
    try {
      const spec = join(dir, 'openapi.yaml');
      writeFileSync(spec, 'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /v1/things:\n    get:\n      responses:\n        "200": { description: ok }\n  /v1/others:\n    get:\n      responses:\n        "200": { description: ok }\n');
      writeFileSync(
        join(dir, '.restlint.yaml'),
        ['rules:', '  error-is-json: off', '  documented-status: warn', 'overrides:', '  - files: ["openapi.yaml#/paths/~1v1~1others"]', '    rules:', '      no-server-error: info', ''].join('\n'),
      );
      const result = await runCli(['probe', '--spec', spec, '--base-url', server.url, ...FAST]);
      const findings = parse(result.stdout);
      assert.ok(!findings.some((finding) => finding.code === 'error-is-json'), result.stdout);
      const byOperation = (code: string) => findings.filter((finding) => finding.code === code).map((finding) => `${finding.path.join('/')} ${finding.severity}`);
      assert.deepEqual(byOperation('documented-status'), ['paths//v1/things/get 1', 'paths//v1/others/get 1']);
      // Each path's GET and its TRACE (the wrong-method probe) answered 500.
      assert.deepEqual(byOperation('no-server-error'), ['openapi 0', 'paths//v1/things/get 0', 'paths//v1/things/get 0', 'paths//v1/others/get 2', 'paths//v1/others/get 2']);
      assert.equal(result.code, 1, result.stderr);
    } finally {
      await server.close();
      removeDir(dir);
    }
  });
});

describe('probe: x-restlint-ignore', () => {
  test('an ignore on an operation silences its live findings of that rule, as it does for lint', async () => {
    const dir = makeTempDir();
    const server = await listen((_, response) => {
      response.writeHead(500, { 'content-type': 'application/problem+json', 'x-content-type-options': 'nosniff' });
      response.end('{"type":"about:blank","title":"Internal Server Error","status":500}');
    });
    try {
      const spec = join(dir, 'openapi.yaml');
      writeFileSync(
        spec,
        'openapi: 3.0.3\ninfo: { title: t, version: "1" }\npaths:\n  /v1/things:\n    get:\n      x-restlint-ignore: [no-server-error]\n      responses:\n        "200": { description: ok }\n  /v1/others:\n    get:\n      responses:\n        "200": { description: ok }\n',
      );
      const result = await runCli(['probe', '--spec', spec, '--base-url', server.url, ...FAST]);
      const paths = parse(result.stdout)
        .filter((finding) => finding.code === 'no-server-error')
        .map((finding) => finding.path.join('/'));
      // The GET and the TRACE of /v1/others.
      assert.deepEqual(paths, ['openapi', 'paths//v1/others/get', 'paths//v1/others/get']);
    } finally {
      await server.close();
      removeDir(dir);
    }
  });
});

describe('probe: planning', () => {
  test('an operation whose path parameter cannot be filled is reported as skipped, with the reason', async () => {
    const dir = makeTempDir();
    const shop = await startShop();
    try {
      const spec = join(dir, 'openapi.yaml');
      writeFileSync(
        spec,
        [
          'openapi: 3.0.3',
          'info: { title: t, version: "1" }',
          'paths:',
          '  /v1/orders/{orderId}:',
          '    get:',
          '      parameters:',
          '        - { name: orderId, in: path, required: true, schema: { type: integer } }',
          '      responses:',
          '        "200": { description: ok }',
          '',
        ].join('\n'),
      );
      const result = await runCli(['probe', '--spec', spec, '--base-url', shop.url, ...FAST]);
      const skipped = parse(result.stdout).filter((finding) => finding.code === 'probe-skipped');
      assert.deepEqual(
        skipped.map(({ message, severity, range }) => ({ message, severity, line: range.start.line })),
        [
          {
            message: 'GET /v1/orders/{orderId} was not probed: no value for path parameter {orderId}: give --param orderId=…, an example in the document, or a collection GET that lists it',
            severity: 2,
            line: 4,
          },
        ],
      );
      assert.ok(!shop.requests.some((request) => request.url.startsWith('/v1/orders/')), 'no id was guessed');
    } finally {
      await shop.close();
      removeDir(dir);
    }
  });

  test('ids found in a collection fill the item route: GET /v1/users lists, GET /v1/users/{userId} fetches one', async () => {
    const dir = makeTempDir();
    const shop = await startShop();
    try {
      // The shop's spec without the example on userId: the id must come from the list.
      const { readFileSync } = await import('node:fs');
      const spec = join(dir, 'openapi.yaml');
      writeFileSync(spec, readFileSync(SHOP_SPEC, 'utf8').replace(/\n\s*example: 1\n/, '\n'));
      await runCli(['probe', '--spec', spec, '--base-url', shop.url, ...FAST]);
      const urls = shop.requests.map((request) => `${request.method} ${request.url}`);
      const list = urls.indexOf('GET /v1/users');
      const item = urls.indexOf('GET /v1/users/1');
      assert.ok(list >= 0 && item > list, urls.join('\n'));
    } finally {
      await shop.close();
      removeDir(dir);
    }
  });

  test('--dry-run prints the plan and sends nothing', async () => {
    const result = await runCli(['probe', '--spec', SHOP_SPEC, '--dry-run']);
    assert.equal(result.code, 0, result.stderr);
    const lines = result.stdout.split('\n');
    assert.ok(lines.includes('GET     /v1/users  (valid, GET /v1/users)'), result.stdout);
    assert.ok(lines.includes('GET     /v1/account  (no-auth, GET /v1/account)'), result.stdout);
    assert.ok(lines.some((line) => /^GET {5}\/v1\/users\/\d{9}  \(unknown-id, GET \/v1\/users\/\{userId\}\)$/.test(line)), result.stdout);
    assert.ok(lines.some((line) => /^GET {5}\/restlint-probe-[0-9a-f]{8}  \(unknown-path\)$/.test(line)), result.stdout);
  });

  test('usage errors: no target, a malformed --header (its value never echoed), a spec that cannot be parsed', async () => {
    const none = await runCli(['probe', '--spec', SHOP_SPEC]);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /give one of --base-url \(a running API\) or --app \(a module exporting the app\)/);
    const header = await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', 'http://127.0.0.1:9', '--header', 'Bearer hunter2']);
    assert.equal(header.code, 2);
    assert.ok(!header.stderr.includes('hunter2'), header.stderr);
    assert.match(header.stderr, /--header "…": write it as "Name: value"/);
    const broken = await runCli(['probe', '--spec', join(SERVERS, '..', 'broken', 'bad-indent.yaml'), '--base-url', 'http://127.0.0.1:9']);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^error fixtures\/broken\/bad-indent\.yaml:\d+:\d+: /m);
  });

  test('usage errors name the flag and the form it takes: exit 2, no "crashed", no stack, no header value', async () => {
    const base = ['probe', '--spec', SHOP_SPEC];
    const url = ['--base-url', 'http://127.0.0.1:9'];
    const cases: { args: string[]; message: string }[] = [
      { args: ['--app', './nope.js'], message: '--app ./nope.js: file not found; give the JavaScript module that exports the app, e.g. --app ./src/app.js' },
      {
        args: ['--app', SHOP_SPEC],
        message: `--app ${SHOP_SPEC}: not a JavaScript module; give the module that exports the app (.js, .cjs or .mjs), e.g. --app ./src/app.js (the OpenAPI document goes to --spec)`,
      },
      { args: ['--base-url', '127.0.0.1:3999'], message: "--base-url 127.0.0.1:3999: not a URL; give the API's address with its scheme, e.g. http://127.0.0.1:3999" },
      { args: ['--base-url', 'localhost:3999'], message: "--base-url localhost:3999: not a URL; give the API's address with its scheme, e.g. http://localhost:3999" },
      { args: [...url, '--rate', 'fast'], message: '--rate "fast": give requests per second or minute, e.g. 20/s or 600/m (0: no limit)' },
      { args: [...url, '--header', 'Authorization Bearer hunter2'], message: '--header "…": write it as "Name: value", e.g. --header "Authorization: Bearer …"' },
      { args: [...url, '--param', 'listId'], message: '--param "listId": write it as name=value, e.g. --param userId=42' },
      { args: [...url, '--concurrency', '0'], message: '--concurrency 0: give a whole number of at least 1, e.g. --concurrency 4' },
    ];
    for (const { args, message } of cases) {
      const result = await runCli([...base, ...args]);
      assert.equal(result.code, 2, `${args.join(' ')}\n${result.stderr}`);
      assert.equal(result.stderr, `error ${message}\nRun \`restlint --help\` for usage.\n`, args.join(' '));
      assert.equal(result.stdout, '');
    }
  });
});
