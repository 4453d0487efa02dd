#!/usr/bin/env node
// npm run bench:probe [-- options]: times `restlint probe` as whole processes:
// 1. planning the full GitHub description (--dry-run), against a `node -e 0` floor;
// 2. the prober's own overhead per request at concurrency 8 against a local
//    server that answers instantly, against a raw node:http client sending the
//    same requests;
// 3. the request samples and the validator over every request and response
//    schema of the corpus (scripts/corpus-schemas.ts), against loading the
//    corpus alone. See bench/README.md.
//
// The same file is also the local server and the raw client: the bench starts
// `node bench/probe.mjs --role server|client ...` as child processes.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');
const githubSpec = path.join(corpusDir, 'github-rest-api', 'api.github.com.json');
const resultsDir = path.join(benchDir, '.results');
const SELF = path.relative(repoRoot, fileURLToPath(import.meta.url)); // bench/probe.mjs

const USAGE = `Usage: npm run bench:probe -- [options]
  --only CASE    plan (GitHub --dry-run), local (per-request overhead against
                 a local server) or schemas (samples and validation of every
                 corpus schema); repeatable or comma-separated; default all
  --runs N       timed runs per command, after one warm-up (default 5; 1 for
                 schemas, which takes half a minute a run)
  --ops N        GET operations in the generated spec for the local case (default 400)
  --json         also write bench/.results/probe-latest.json`;

const TARGET = { planS: 1, overheadMs: 1 };
const CONCURRENCY = 8;

// Nothing reaches the network (the local case talks to 127.0.0.1 only).
const TOOL_ENV = { ...process.env, NO_COLOR: '1', DO_NOT_TRACK: '1', NO_UPDATE_NOTIFIER: '1' };

// ---------------------------------------------------------------------------
// Child roles
// ---------------------------------------------------------------------------

/**
 * The local API: answers every request at once with 200 and a small JSON body
 * (304 when If-None-Match matches its ETag), over keep-alive connections.
 * Control paths, not counted: GET /__count (requests and connections so far)
 * and GET /__log (the `method path if-none-match` lines since the last
 * /__log, which the raw client replays). Prints its port as one JSON line on
 * stdout; exits when its stdin closes, so it never outlives the bench.
 */
function serverRole() {
  const BODY = JSON.stringify({ id: 1, name: 'x' });
  const ETAG = '"1"';
  let requests = 0;
  let connections = 0;
  let log = [];
  const matches = (inm) => inm !== undefined && inm.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === ETAG;
  });
  const server = http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
    req.resume();
    const url = req.url ?? '/';
    if (url === '/__count') return res.end(JSON.stringify({ requests, connections }));
    if (url === '/__log') {
      const text = log.length ? log.join('\n') + '\n' : '';
      log = [];
      return res.end(text);
    }
    requests++;
    const inm = req.headers['if-none-match'];
    log.push(`${req.method} ${url}${inm === undefined ? '' : ` ${inm}`}`);
    const headers = {
      'Cache-Control': 'max-age=60',
      'X-Content-Type-Options': 'nosniff',
      ETag: ETAG,
    };
    if (matches(inm)) {
      res.writeHead(304, headers);
      return res.end();
    }
    res.writeHead(200, { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(BODY) });
    res.end(BODY);
  });
  server.keepAliveTimeout = 60_000;
  server.on('connection', () => connections++);
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(JSON.stringify({ port: server.address().port }) + '\n');
  });
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}

/**
 * The raw client: replays a /__log file (`method path [if-none-match]` lines)
 * with node:http and a keep-alive Agent (maxSockets = concurrency), N requests
 * in flight at once, reading every body fully. An empty file makes it the
 * like-with-like startup floor (same script, same imports, no requests).
 */
async function clientRole(port, file, concurrency) {
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter(Boolean);
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  let next = 0;
  let failed = 0;
  const one = (line) => new Promise((resolve) => {
    const [method, target, ...inm] = line.split(' ');
    const headers = inm.length ? { 'if-none-match': inm.join(' ') } : {};
    const req = http.request({ host: '127.0.0.1', port, method, path: target, headers, agent }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        Buffer.concat(chunks).toString('utf8');
        resolve();
      });
      res.on('error', () => { failed++; resolve(); });
    });
    req.on('error', () => { failed++; resolve(); });
    req.end();
  });
  const worker = async () => {
    while (next < lines.length) await one(lines[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, lines.length) }, worker));
  agent.destroy();
  if (failed) {
    console.error(`client: ${failed} of ${lines.length} requests failed`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------
// The bench
// ---------------------------------------------------------------------------

function parseOptions() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      runs: { type: 'string' },
      ops: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      // internal: the child roles
      role: { type: 'string' },
      port: { type: 'string' },
      file: { type: 'string' },
      concurrency: { type: 'string' },
    },
  });
  const list = (v) => (v ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const only = list(values.only);
  const cases = ['plan', 'local', 'schemas'];
  for (const c of only) if (!cases.includes(c)) fail(`unknown case "${c}" for --only (${cases.join(', ')})`);
  const whole = (v, name, dflt) => {
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) fail(`${name} needs a whole number ≥ 1`);
    return n;
  };
  return {
    ...values,
    cases: only.length ? only : cases,
    runs: whole(values.runs, '--runs', 5),
    schemaRuns: whole(values.runs, '--runs', 1),
    ops: whole(values.ops, '--ops', 400),
  };
}

function fail(message) {
  console.error(`bench:probe: ${message}\n\n${USAGE}`);
  process.exit(2);
}

/** The local API's spec: N parameterless GETs, each a 200 JSON object with Cache-Control. */
function localSpec(n) {
  const paths = {};
  for (let i = 0; i < n; i++) {
    paths[`/items-${i}`] = {
      get: {
        operationId: `getItems${i}`,
        summary: `Item ${i}`,
        tags: ['items'],
        responses: {
          200: {
            description: 'The item',
            headers: { 'Cache-Control': { description: 'Caching', schema: { type: 'string' } } },
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'name'],
                  properties: { id: { type: 'integer' }, name: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    };
  }
  return {
    openapi: '3.0.3',
    info: { title: 'restlint probe bench', version: '1.0.0', description: 'Generated by bench/probe.mjs' },
    tags: [{ name: 'items', description: 'Items' }],
    paths,
  };
}

/**
 * One whole-process run, timed from here. spawnSync blocks this process, which
 * is why the server runs in a child of its own.
 */
function timeOnce(args, outFile, okCodes) {
  const out = outFile ? fs.openSync(outFile, 'w') : 'ignore';
  const start = process.hrtime.bigint();
  const r = spawnSync(args[0], args.slice(1), { cwd: repoRoot, env: TOOL_ENV, stdio: ['ignore', out, 'pipe'], maxBuffer: 64e6 });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  if (outFile) fs.closeSync(out);
  const ok = okCodes.includes(r.status);
  const error = ok ? null : `exit ${r.status ?? r.signal}: ${String(r.stderr ?? r.error).trim().split('\n').slice(-8).join('\n')}`;
  return { wall, ok, error };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const fmtS = (s) => (s < 10 ? s.toFixed(3) : s.toFixed(1));
const fmtMs = (ms) => (Math.abs(ms) < 10 ? ms.toFixed(3) : ms.toFixed(1));
const fmtX = (x) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)}×`;

function printTable(title, rows) {
  console.log(`\n${title}`);
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  // Text columns left-aligned, the last one (numbers) right-aligned.
  const last = rows[0].length - 1;
  for (const r of rows) console.log(`  ${r.map((c, i) => (i === last ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ')}`.trimEnd());
}

/**
 * Runs `labels` (warm-up + runs) of each command interleaved: one of each per
 * round, so that drift on the machine hits every command alike.
 */
function interleaved(cmds, runs, tag, hook = {}) {
  const rounds = ['warm-up', ...Array.from({ length: runs }, (_, i) => `run ${i + 1}/${runs}`)];
  for (const c of cmds) c.samples = [];
  return (async () => {
    for (const round of rounds) {
      for (const c of cmds) {
        process.stderr.write(`[bench:probe] ${tag}: ${c.name}, ${round} ... `);
        const before = hook.before ? await hook.before(c) : null;
        const r = timeOnce(c.args(), c.out, c.okCodes);
        if (!r.ok) {
          process.stderr.write('FAILED\n');
          c.error = r.error;
          console.error(r.error);
          return false;
        }
        const extra = hook.after ? await hook.after(c, before) : {};
        process.stderr.write(`${fmtS(r.wall)} s${extra?.note ? `, ${extra.note}` : ''}\n`);
        if (round !== 'warm-up') c.samples.push({ wall: r.wall, ...extra?.sample });
      }
    }
    for (const c of cmds) c.wall = median(c.samples.map((s) => s.wall));
    return true;
  })();
}

// --- case 1: planning on GitHub --------------------------------------------

async function planCase(opts) {
  if (!fs.existsSync(githubSpec)) {
    console.log('\nbench:probe: ../shared/corpus/github-rest-api/api.github.com.json not found (corpus beside the repo): planning case skipped.');
    return { skipped: 'corpus not found' };
  }
  const spec = path.relative(repoRoot, githubSpec);
  fs.mkdirSync(path.join(resultsDir, 'out'), { recursive: true });
  const cmds = [
    { id: 'node', name: 'node -e 0', argv: ['node', '-e', '0'], okCodes: [0] },
    {
      id: 'plan', name: 'probe --dry-run (GitHub)',
      argv: ['node', 'dist/cli.js', 'probe', '--spec', spec, '--dry-run', '--allow-mutations'],
      out: path.join(resultsDir, 'out', 'probe-plan.github.txt'), okCodes: [0],
    },
  ];
  for (const c of cmds) c.args = () => c.argv;
  const sizeMB = fs.statSync(githubSpec).size / 1e6;
  const ok = await interleaved(cmds, opts.runs, 'plan');
  const [node, planJob] = cmds;
  const planned = ok ? (fs.readFileSync(planJob.out, 'utf8').match(/^(\d+) requests planned/m)?.[1] ?? null) : null;
  const result = {
    spec, sizeMB: +sizeMB.toFixed(1),
    commands: cmds.map((c) => ({ id: c.id, command: c.argv.join(' '), error: c.error ?? null, runsS: c.samples.map((s) => +s.wall.toFixed(3)), medianS: c.wall === undefined ? null : +c.wall.toFixed(3) })),
    plannedRequests: planned === null ? null : Number(planned),
    target: { wallS: TARGET.planS },
  };
  if (!ok) return { ...result, error: cmds.find((c) => c.error).error };
  printTable(`Planning: GitHub (${path.basename(githubSpec)}, ${sizeMB.toFixed(0)} MB), medians of ${opts.runs} after one warm-up`, [
    ['command', 'median wall'],
    [`node -e 0`, `${fmtS(node.wall)} s`],
    [`node dist/cli.js probe --spec ${spec} --dry-run --allow-mutations`, `${fmtS(planJob.wall)} s`],
    ['  of which beyond node -e 0', `${fmtS(planJob.wall - node.wall)} s`],
  ]);
  if (planned) console.log(`  plan: ${planned} requests planned before any response`);
  console.log(`  target: ${fmtS(planJob.wall)} s ≤ ${TARGET.planS} s ${planJob.wall <= TARGET.planS ? 'met' : 'NOT met'}`);
  return result;
}

// --- case 2: per-request overhead against a local server --------------------

function startServer() {
  const child = spawn(process.execPath, [SELF, '--role', 'server'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'inherit'] });
  killOnExit(child);
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout.on('data', (d) => {
      buf += d;
      const nl = buf.indexOf('\n');
      if (nl >= 0) resolve({ child, port: JSON.parse(buf.slice(0, nl)).port });
    });
    child.on('exit', (code, signal) => reject(new Error(`server exited (${code ?? signal}) before listening`)));
    child.on('error', reject);
  });
}

const children = new Set();
function killOnExit(child) {
  children.add(child);
  child.on('exit', () => children.delete(child));
}
const tmpDirs = new Set();
function killChildren() {
  for (const c of children) {
    try { c.kill('SIGTERM'); } catch { /* already gone */ }
  }
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
}
/** Kill the server child on every way out: normal exit, error, Ctrl-C, kill. */
function killChildrenOnExit() {
  process.on('exit', killChildren);
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      killChildren();
      process.exit(130);
    });
  }
}

function get(port, p) {
  return new Promise((resolve, reject) => {
    http.get({ host: '127.0.0.1', port, path: p, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });
}

async function localCase(opts) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'restlint-bench-probe-'));
  tmpDirs.add(tmp);
  let server;
  try {
    const specFile = path.join(tmp, 'openapi.json');
    fs.writeFileSync(specFile, JSON.stringify(localSpec(opts.ops), null, 2) + '\n');
    const replay = path.join(tmp, 'replay.txt');
    const empty = path.join(tmp, 'empty.txt');
    fs.writeFileSync(empty, '');
    fs.mkdirSync(path.join(resultsDir, 'out'), { recursive: true });

    server = await startServer();
    const { port } = server;
    const base = `http://127.0.0.1:${port}`;
    const show = (argv) => argv.join(' ').replaceAll(tmp, '<tmp>').replaceAll(String(port), '<port>');

    const cmds = [
      {
        id: 'A', name: 'A probe', okCodes: [0, 1],
        argv: ['node', 'dist/cli.js', 'probe', '--spec', specFile, '--base-url', base, '--concurrency', String(CONCURRENCY), '--rate', '0', '--max-requests', '100000', '--format', 'json', '-q'],
        out: path.join(resultsDir, 'out', 'probe-local.json'),
      },
      { id: 'B', name: 'B probe --dry-run', okCodes: [0], argv: ['node', 'dist/cli.js', 'probe', '--spec', specFile, '--dry-run'], out: path.join(tmp, 'plan.txt') },
      { id: 'C', name: 'C raw client', okCodes: [0], argv: ['node', SELF, '--role', 'client', '--port', String(port), '--file', replay, '--concurrency', String(CONCURRENCY)] },
      { id: 'C0', name: 'C0 raw client, 0 requests', okCodes: [0], argv: ['node', SELF, '--role', 'client', '--port', String(port), '--file', empty, '--concurrency', String(CONCURRENCY)] },
      { id: 'node', name: 'node -e 0', okCodes: [0], argv: ['node', '-e', '0'] },
    ];
    for (const c of cmds) c.args = () => c.argv;

    let lastR = null;
    const count = async () => JSON.parse(await get(port, '/__count'));
    const ok = await interleaved(cmds, opts.runs, `local (${opts.ops} GETs)`, {
      before: async () => {
        await get(port, '/__log'); // drop anything not from this command
        return count();
      },
      after: async (c, before) => {
        const now = await count();
        const R = now.requests - before.requests;
        // − 1: the /__count request just made opened a connection of its own.
        const conns = now.connections - before.connections - 1;
        if (c.id === 'A') {
          // C replays exactly what A just sent.
          fs.writeFileSync(replay, await get(port, '/__log'));
          lastR = R;
          return { note: `${R} requests, ${conns} connections`, sample: { requests: R, connections: conns } };
        }
        if (c.id === 'C') {
          if (R !== lastR) console.error(`[bench:probe] odd: C sent ${R} requests, A ${lastR}`);
          return { note: `${R} requests, ${conns} connections`, sample: { requests: R, connections: conns } };
        }
        if (R !== 0) console.error(`[bench:probe] odd: ${c.name} reached the server (${R} requests)`);
        return {};
      },
    });

    const byId = Object.fromEntries(cmds.map((c) => [c.id, c]));
    const result = {
      spec: `<tmp>/openapi.json (${opts.ops} GET operations, generated)`,
      concurrency: CONCURRENCY,
      commands: cmds.map((c) => ({
        id: c.id, command: show(c.argv), error: c.error ?? null,
        runs: c.samples.map((s) => ({ wallS: +s.wall.toFixed(4), ...(s.requests !== undefined && { requests: s.requests, connections: s.connections }) })),
        medianS: c.wall === undefined ? null : +c.wall.toFixed(4),
      })),
      target: { overheadMsPerRequest: TARGET.overheadMs },
    };
    if (!ok) return { ...result, error: cmds.find((c) => c.error).error };

    const { A, B, C, C0, node } = byId;
    const R = median(A.samples.map((s) => s.requests));
    const Rs = new Set(A.samples.map((s) => s.requests));
    const proberPhase = A.wall - B.wall;
    const rawPhase = C.wall - C0.wall;
    const overheadMs = ((proberPhase - rawPhase) / R) * 1000;
    const ratio = proberPhase / rawPhase;
    Object.assign(result, {
      medianRequests: R,
      requestsVaried: Rs.size > 1 ? [...Rs] : undefined,
      proberRequestPhaseS: +proberPhase.toFixed(4),
      rawRequestPhaseS: +rawPhase.toFixed(4),
      overheadMsPerRequest: +overheadMs.toFixed(4),
      ratio: +ratio.toFixed(2),
      formula: 'overhead = ((T_A − T_B) − (T_C − T_C0)) / R; ratio = (T_A − T_B) / (T_C − T_C0)',
    });

    printTable(`Per-request overhead: ${opts.ops} GETs (generated spec), concurrency ${CONCURRENCY}, local server in a child process; medians of ${opts.runs} after one warm-up`, [
      ['', 'command', 'median wall'],
      ['T_A', show(A.argv), `${fmtS(A.wall)} s`],
      ['T_B', show(B.argv), `${fmtS(B.wall)} s`],
      ['T_C', `${show(C.argv).replace(/ --port.*/, '')} (replays A's requests)`, `${fmtS(C.wall)} s`],
      ['T_C0', 'the same client with 0 requests', `${fmtS(C0.wall)} s`],
      ['T_node', 'node -e 0', `${fmtS(node.wall)} s`],
    ]);
    const conns = (c) => median(c.samples.map((s) => s.connections));
    console.log(`  R = ${R} requests per probe run${Rs.size > 1 ? ` (varied: ${[...Rs].join(', ')})` : ''}; connections opened: A ${conns(A)}, C ${conns(C)}`);
    console.log(`  prober request phase T_A − T_B = ${fmtS(proberPhase)} s; raw client T_C − T_C0 = ${fmtS(rawPhase)} s`);
    console.log(`  overhead = ((T_A − T_B) − (T_C − T_C0)) / R = ${fmtMs(overheadMs)} ms/request`);
    console.log(`  prober vs raw client, request phase: ${fmtX(ratio)}`);
    console.log(`  target: ${fmtMs(overheadMs)} ms/request ≤ ${TARGET.overheadMs} ms ${overheadMs <= TARGET.overheadMs ? 'met' : 'NOT met'}`);
    return result;
  } finally {
    if (server) {
      server.child.stdin.end(); // the server exits when its stdin closes
      server.child.kill('SIGTERM');
    }
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

// --- case 3: samples and validation over the corpus schemas -----------------

async function schemasCase(opts) {
  if (!fs.existsSync(path.join(corpusDir, 'MANIFEST.tsv'))) {
    console.log('\nbench:probe: ../shared/corpus/MANIFEST.tsv not found (corpus beside the repo): schemas case skipped.');
    return { skipped: 'corpus not found' };
  }
  fs.mkdirSync(path.join(resultsDir, 'out'), { recursive: true });
  // The sweep exits 1 when it finds a bug (an invalid value accepted): still a timing.
  const sweep = (id, name, extra) => ({
    id, name, okCodes: [0, 1],
    argv: ['node', '--import', 'tsx', 'scripts/corpus-schemas.ts', ...extra],
    out: path.join(resultsDir, 'out', `probe-schemas.${id}.txt`),
  });
  const cmds = [sweep('load', 'load the corpus only', ['--per-document', '0']), sweep('all', 'every schema', [])];
  for (const c of cmds) c.args = () => c.argv;
  const runs = opts.schemaRuns;
  const ok = await interleaved(cmds, runs, 'schemas');
  const [load, all] = cmds;
  const report = ok ? fs.readFileSync(all.out, 'utf8') : '';
  const schemas = Number(/: ([\d,]+) schemas in /.exec(report)?.[1]?.replace(/,/g, '') ?? NaN);
  const result = {
    commands: cmds.map((c) => ({ id: c.id, command: c.argv.join(' '), error: c.error ?? null, runsS: c.samples.map((s) => +s.wall.toFixed(3)), medianS: c.wall === undefined ? null : +c.wall.toFixed(3) })),
    schemas: Number.isNaN(schemas) ? null : schemas,
  };
  if (!ok) return { ...result, error: cmds.find((c) => c.error).error };
  const beyond = all.wall - load.wall;
  Object.assign(result, { beyondLoadingS: +beyond.toFixed(3), msPerSchema: +((beyond / schemas) * 1000).toFixed(4), ratio: +(all.wall / load.wall).toFixed(2) });
  printTable(`Samples and validation: every request and response schema of the corpus (${schemas.toLocaleString('en-US')} schemas); ${runs === 1 ? 'one run' : `medians of ${runs}`} after one warm-up`, [
    ['command', 'median wall'],
    [load.argv.join(' '), `${fmtS(load.wall)} s`],
    [all.argv.join(' '), `${fmtS(all.wall)} s`],
    ['  of which beyond loading the corpus', `${fmtS(beyond)} s`],
  ]);
  console.log(`  ${fmtMs((beyond / schemas) * 1000)} ms per schema; the sweep takes ${fmtX(all.wall / load.wall)} the time to load the corpus`);
  const counts = report.split('\n').find((line) => line.includes('validate their own samples'));
  if (counts) console.log(`  ${counts.replace(/:$/, '')}`);
  return result;
}

async function main() {
  const opts = parseOptions();
  if (opts.role === 'server') return serverRole();
  if (opts.role === 'client') return clientRole(Number(opts.port), opts.file, Number(opts.concurrency ?? CONCURRENCY));
  if (opts.help) return console.log(USAGE);
  killChildrenOnExit();
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'cli.js'))) {
    console.error('bench:probe: dist/cli.js not found: run npm run build first');
    process.exit(2);
  }
  const results = {};
  if (opts.cases.includes('plan')) results.plan = await planCase(opts);
  if (opts.cases.includes('local')) results.local = await localCase(opts);
  if (opts.cases.includes('schemas')) results.schemas = await schemasCase(opts);
  const note = `Whole processes timed from the repo root; medians of ${opts.runs} runs (schemas: ${opts.schemaRuns}) after one warm-up, commands interleaved; ` +
    `same run on the same machine (${os.cpus().length} cores, Node ${process.version}).`;
  console.log(`\n${note}`);
  if (opts.json) {
    const file = path.join(resultsDir, 'probe-latest.json');
    fs.mkdirSync(resultsDir, { recursive: true });
    const version = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).version;
    fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), node: process.version, cpus: os.cpus().length, restlint: version, note, ...results }, null, 2) + '\n');
    console.log(`wrote ${path.relative(repoRoot, file)}`);
  }
  if (Object.values(results).some((r) => r.error)) process.exit(2);
}

// Run only as a script (node bench/probe.mjs), not when imported.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main().catch((error) => {
  console.error(`bench:probe: ${error.stack ?? error}`);
  killChildren();
  process.exit(2);
});
