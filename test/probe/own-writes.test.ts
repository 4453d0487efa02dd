// End to end: what the probe changes with --allow-mutations. The fixture articles API
// (fixtures/servers/articles) changes an article's slug, the key in its path, when a PUT
// retitles it; the probe reads the new key back from the PUT's answer, acts only on what it
// created, deletes it at the end, and reports no 404 that its own requests explain.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../../src/engine/finding';
import { makeTempDir, removeDir, runCli, type RunResult } from '../helpers/cli';
import { listen, SERVERS, type RecordedRequest, type RunningServer } from '../helpers/servers';

const SPEC = join(SERVERS, 'articles', 'openapi.yaml');
/** Preloaded into an --app run: writes the app's state() out when the process exits. */
const APP_STATE = join(__dirname, 'app-state.cjs');
const FAST = ['--rate', '0', '--format', 'json'];
const DELETE_200 = 'DELETE /v1/articles/{slug} answered 200, which it does not document; document it (or a default response)';
const DUPLICATE_500 =
  "POST /v1/articles answered 500 to the same create sent a second time; a duplicate is the client's error: answer 409 Conflict (or 422 Unprocessable Content) that names what is taken, or 2xx when creating is idempotent";

function startArticles(breaks: Record<string, boolean>): Promise<RunningServer> {
  const create = require(join(SERVERS, 'articles', 'app.js')) as (breaks: Record<string, boolean>, hooks: { onRequest(request: RecordedRequest): void }) => import('node:http').RequestListener;
  const requests: RecordedRequest[] = [];
  return listen(create(breaks, { onRequest: (request) => requests.push(request) }), requests);
}

function byRule(findings: Finding[]): Record<string, string[]> {
  const rules: Record<string, string[]> = {};
  for (const finding of findings) (rules[finding.code] ??= []).push(finding.message);
  return rules;
}

/** The requests that write, as `METHOD /url` lines. */
const writes = (requests: (Pick<RecordedRequest, 'method' | 'url'> | string)[]) =>
  requests.map((request) => (typeof request === 'string' ? request : `${request.method} ${request.url}`)).filter((line) => !/^(GET|HEAD|TRACE) /.test(line));

/**
 * `restlint probe --app fixtures/servers/<module> --allow-mutations`, and what the app was
 * sent and holds when the process exits (its state(), written out by app-state.cjs).
 */
async function probeApp(module: string, args: string[] = []): Promise<{ result: RunResult; state: { requests: string[]; slugs: string[] } }> {
  const dir = makeTempDir();
  try {
    const app = join(SERVERS, module);
    const file = join(dir, 'state.json');
    const result = await runCli(['probe', '--spec', SPEC, '--app', app, '--allow-mutations', ...FAST, ...args], {
      nodeArgs: ['--require', APP_STATE],
      env: { RESTLINT_TEST_APP_STATE: JSON.stringify({ app, file }) },
    });
    return { result, state: JSON.parse(readFileSync(file, 'utf8')) as { requests: string[]; slugs: string[] } };
  } finally {
    removeDir(dir);
  }
}

async function slugsOn(server: RunningServer): Promise<string[]> {
  const list = (await (await fetch(`${server.url}/api/v1/articles`)).json()) as { articles: { slug: string }[] };
  return list.articles.map((article) => article.slug);
}

describe('probe --allow-mutations: its own writes', () => {
  /** What both runs against the Conduit-like fixture (delete200, duplicate500) must show, over HTTP and through --app. */
  const checkSlugRun = (stdout: string, sent: string[], slugsLeft: string[]) => {
    assert.deepEqual(byRule(JSON.parse(stdout) as Finding[]), {
      'documented-status': [DELETE_200],
      'invalid-input-rejected': [DUPLICATE_500],
      'no-server-error': ['POST /api/v1/articles answered 500; a server error is never the answer to a request, valid or not'],
    });
    // The PUT went to the slug the create answered with; the comment and the article were deleted at the slug the PUT answered with.
    assert.ok(sent.includes('PUT /api/v1/articles/how-to-train-your-dragon'), sent.join('\n'));
    assert.deepEqual(sent.filter((line) => line.startsWith('DELETE')), ['DELETE /api/v1/articles/how-to-train-your-dragon-revised/comments/1', 'DELETE /api/v1/articles/how-to-train-your-dragon-revised']);
    // Nothing the probe did not create was changed: the article that was there stays, and nothing else is left.
    assert.ok(!sent.some((line) => line.includes('/welcome') && !line.startsWith('PATCH')), sent.join('\n'));
    assert.deepEqual(slugsLeft, ['welcome']);
  };

  test('a PUT that changes the slug: later requests use the new one, the DELETE exposes 200 where 204 is documented, no 404 is reported, nothing is left behind', async () => {
    const server = await startArticles({ delete200: true, duplicate500: true });
    try {
      const result = await runCli(['probe', '--spec', SPEC, '--base-url', `${server.url}/api`, '--allow-mutations', ...FAST]);
      checkSlugRun(result.stdout, writes(server.requests), await slugsOn(server));
      assert.equal(result.code, 1, result.stderr);
      assert.match(result.stderr, /^Probed 8 operations with \d+ requests/m);
    } finally {
      await server.close();
    }
  });

  test('the same through --app: the same findings and requests, nothing left in the app', async () => {
    const { result, state } = await probeApp('articles.js');
    checkSlugRun(result.stdout, writes(state.requests), state.slugs);
    assert.equal(result.code, 1, result.stderr);
    assert.match(result.stderr, /^Probed 8 operations with \d+ requests/m);
  });

  test("through --app, the app's own console output is apart from the report, its secrets hidden", async () => {
    const secret = 's3cr3t-T0ken-value';
    const result = await runCli(['probe', '--spec', SPEC, '--app', join(SERVERS, 'articles.js'), '--allow-mutations', '--header', `Authorization: Bearer ${secret}`, ...FAST]);
    // stdout is the JSON report alone.
    const findings = byRule(JSON.parse(result.stdout) as Finding[]);
    assert.deepEqual(Object.keys(findings).sort(), ['documented-status', 'invalid-input-rejected', 'no-server-error']);
    assert.deepEqual(findings['documented-status'], [DELETE_200]);
    const lines = result.stderr.split('\n');
    const heading = lines.indexOf(`Output of the app (--app ${join(SERVERS, 'articles.js')}), kept apart from the report:`);
    assert.ok(heading >= 0, result.stderr);
    assert.ok(lines.slice(heading).includes('  articles app: GET /api/v1/articles (authorization: ***)'), result.stderr);
    // Its first 40 lines are shown; all of it is in the file named.
    const more = lines.map((line) => /^ {2}… \d+ more lines; all \d+ in (.+)$/.exec(line)?.[1]).find(Boolean);
    assert.ok(more, result.stderr);
    const saved = readFileSync(more, 'utf8');
    assert.ok(saved.includes('articles app: PUT /api/v1/articles/how-to-train-your-dragon (authorization: ***)\n'), saved);
    assert.ok(!saved.includes(secret));
    assert.ok(!result.stderr.includes(secret) && !result.stdout.includes(secret));
    // The summary comes after the app's output.
    assert.ok(lines.findIndex((line) => line.startsWith('Probed ')) > heading, result.stderr);
  });

  const checkCleanup = (result: RunResult, sent: string[], slugsLeft: string[]) => {
    assert.deepEqual(JSON.parse(result.stdout), []);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(sent.includes('DELETE /api/v1/articles/how-to-train-your-dragon-2'), sent.join('\n'));
    assert.ok(result.stderr.split('\n').includes('Deleted at the end 1 resource the probe had created.'), result.stderr);
    assert.deepEqual(slugsLeft, ['welcome']);
  };

  test('a duplicate create answered 201: accepted, and the second resource is deleted at the end', async () => {
    const server = await startArticles({});
    try {
      const result = await runCli(['probe', '--spec', SPEC, '--base-url', `${server.url}/api`, '--allow-mutations', ...FAST]);
      checkCleanup(result, writes(server.requests), await slugsOn(server));
    } finally {
      await server.close();
    }
  });

  test('the same through --app: nothing the probe created is left in the app', async () => {
    const { result, state } = await probeApp('articles-good.js');
    checkCleanup(result, writes(state.requests), state.slugs);
  });

  test('a create that failed and worked when resent (flaky): what the resend made is followed and deleted like the rest', async () => {
    const server = await startArticles({ flakyCreate: true });
    try {
      const result = await runCli(['probe', '--spec', SPEC, '--base-url', `${server.url}/api`, '--allow-mutations', ...FAST]);
      assert.deepEqual(
        (JSON.parse(result.stdout) as Finding[]).filter((finding) => finding.code === 'no-server-error').map((finding) => finding.message),
        ['POST /api/v1/articles answered 500; a server error is never the answer to a request, valid or not (did not happen again when the request was resent: flaky)'],
      );
      assert.deepEqual(await slugsOn(server), ['welcome'], result.stderr);
      assert.ok(!result.stderr.includes('Left on the server'), result.stderr);
    } finally {
      await server.close();
    }
  });

  test('told to act on an existing article (--param), a 404 that its own key change explains is not reported', async () => {
    const server = await startArticles({ delete200: true });
    const dir = makeTempDir();
    try {
      // No create in the document: the writes act on --param slug=welcome, which the PUT renames.
      const text = readFileSync(SPEC, 'utf8');
      const spec = join(dir, 'openapi.yaml');
      writeFileSync(spec, text.slice(0, text.indexOf('    post:\n      operationId: createArticle')) + text.slice(text.indexOf('  /v1/articles/{slug}:')));
      const result = await runCli(['probe', '--spec', spec, '--base-url', `${server.url}/api`, '--allow-mutations', '--param', 'slug=welcome', ...FAST]);
      const findings = byRule(JSON.parse(result.stdout) as Finding[]);
      assert.deepEqual(findings['documented-status'], undefined, result.stdout);
      assert.ok(writes(server.requests).includes('DELETE /api/v1/articles/welcome'), writes(server.requests).join('\n'));
      assert.ok(
        result.stderr.split('\n').includes("1 answer of 404 not judged: the probe's own earlier DELETE, or a PUT or PATCH that changed the key in the path, had removed or moved the resource."),
        result.stderr,
      );
    } finally {
      removeDir(dir);
      await server.close();
    }
  });

  const CREATED_200 = {
    'documented-status': [
      'POST /v1/articles answered 200, a success it does not document: it documents 201, and its default response describes errors; answer a documented status (or document 200)',
    ],
    'post-create-201-location': ['POST /v1/articles answered 200 where it documents 201 Created; answer 201 with a Location header naming the created resource'],
  };

  test('a create answered 200 where 201 is documented, beside a default response: reported by post-create-201-location and documented-status, over HTTP', async () => {
    const server = await startArticles({ created200: true });
    try {
      const result = await runCli(['probe', '--spec', SPEC, '--base-url', `${server.url}/api`, '--allow-mutations', ...FAST]);
      assert.deepEqual(byRule(JSON.parse(result.stdout) as Finding[]), CREATED_200);
    } finally {
      await server.close();
    }
  });

  test('the same through --app', async () => {
    const result = await runCli(['probe', '--spec', SPEC, '--app', join(SERVERS, 'articles-created-200.js'), '--allow-mutations', ...FAST]);
    assert.deepEqual(byRule(JSON.parse(result.stdout) as Finding[]), CREATED_200);
  });
});

describe('probe: a server-wide problem is said once', () => {
  const SERVER_WIDE = `(req, res) => {
    res.writeHead(401, { 'content-type': 'text/html', 'cache-control': 'no-store' });
    res.end('<html><body>Unauthorized</body></html>');
  }`;
  const SPEC_TEXT = [
    'openapi: 3.0.3',
    'info: { title: t, version: "1" }',
    'security: [{ bearer: [] }]',
    'components: { securitySchemes: { bearer: { type: http, scheme: bearer } } }',
    'paths:',
    ...['/v1/things', '/v1/others', '/v1/more'].flatMap((path) => [`  ${path}:`, '    get:', '      responses:', '        "200": { description: ok }', '        "401": { description: no credentials }']),
    '',
  ].join('\n');

  const check = (stdout: string) => {
    const findings = byRule(JSON.parse(stdout) as Finding[]);
    const shared = '(shared by 3 operations: GET /v1/things, GET /v1/others, GET /v1/more';
    for (const rule of ['security-headers', 'unauthorized-has-challenge', 'error-is-json']) {
      assert.equal(findings[rule]?.length, 1, `${rule}: ${JSON.stringify(findings[rule])}`);
      assert.ok(findings[rule][0].startsWith('the API ') && findings[rule][0].includes(shared), findings[rule][0]);
    }
  };

  test('security-headers, unauthorized-has-challenge and error-is-json: one finding each for the API, listing the operations, over HTTP and through --app', async () => {
    const dir = makeTempDir();
    const server = await listen(eval(SERVER_WIDE) as import('node:http').RequestListener);
    try {
      const spec = join(dir, 'openapi.yaml');
      writeFileSync(spec, SPEC_TEXT);
      writeFileSync(join(dir, 'app.js'), `module.exports = ${SERVER_WIDE};\n`);
      check((await runCli(['probe', '--spec', spec, '--base-url', server.url, ...FAST])).stdout);
      check((await runCli(['probe', '--spec', spec, '--app', join(dir, 'app.js'), ...FAST])).stdout);
    } finally {
      await server.close();
      removeDir(dir);
    }
  });
});
