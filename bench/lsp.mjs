#!/usr/bin/env node
// npm run bench:lsp [-- options]: the language server at typing speed, measured by a
// protocol-level client (vscode-jsonrpc over the server's stdio), as an editor sees it
// (incremental sync, one character at a time, in a description or summary):
//   - median and p95 of edit → the publishDiagnostics of that edit's version (alternately a
//     character typed and deleted, waiting for each edit's diagnostics);
//   - a burst: 10 keystrokes 30 ms apart, then the last keystroke → its diagnostics;
//   - beside them, in the same run, one full `restlint lint` of the same file by the CLI.
// Conduit, Stripe and GitHub type in the entry; DigitalOcean types in one fragment (a file the
// entry references, open beside it). Targets: issue 15. See bench/README.md.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');
const resultsDir = path.join(benchDir, '.results');
const MB = 1e6; // decimal megabytes, as bench/run.mjs

// The client libraries are restlint's dev dependencies (not bench/node_modules).
const requireFromRoot = createRequire(path.join(repoRoot, 'package.json'));
// Loaded in main(), after the corpus check.
let rpc;
let lsp;

const USAGE = `Usage: npm run bench:lsp -- [options]
  --spec NAME    conduit, stripe, github, do-fragment; repeatable or comma-separated
  --edits N      single-character edits per spec (default 20)
  --bursts N     bursts of 10 keystrokes 30 ms apart per spec (default 3)
  --json         also write bench/.results/lsp-latest.json
  RESTLINT_LSP_CMD="node other/cli.js lsp --stdio" overrides the server command
  (split on spaces; run from the repo root).`;

/** `typed`: the file typed in (the entry, unless a fragment of it); `entry`: what the CLI lints and the editor opens first. */
const SPECS = {
  conduit: { label: 'Conduit', entry: 'realworld-conduit-api/openapi.yml', target: { medianMs: 20 } },
  stripe: { label: 'Stripe', entry: 'stripe-api/spec3.yaml', target: { medianMs: 150 } },
  github: { label: 'GitHub', entry: 'github-rest-api/api.github.com.json', target: { medianMs: 300, peakMB: 500 } },
  'do-fragment': { label: 'DigitalOcean fragment', entry: 'digitalocean-api/DigitalOcean-public.v2.yaml', typed: 'digitalocean-api/resources/droplets/droplets_list.yml', target: { medianMs: 200 } },
};
const BURST_KEYS = 10;
const BURST_GAP_MS = 30;
/** Longest wait for one publishDiagnostics (first diagnostics of a 13 MB spec included). */
const WAIT_MS = 120_000;

const servers = new Set();
function killServers() {
  for (const child of servers) {
    try { child.kill('SIGKILL'); } catch { /* gone */ }
  }
  servers.clear();
}
process.on('exit', killServers);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    killServers();
    process.exit(130);
  });
}

function fail(message) {
  console.error(`bench:lsp: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      spec: { type: 'string', multiple: true },
      edits: { type: 'string' },
      bursts: { type: 'string' },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const specs = (values.spec ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const s of specs) if (!SPECS[s]) fail(`unknown spec "${s}" for --spec (${Object.keys(SPECS).join(', ')})`);
  const edits = values.edits === undefined ? 20 : Number(values.edits);
  if (!Number.isInteger(edits) || edits < 2) fail('--edits needs a whole number ≥ 2');
  const bursts = values.bursts === undefined ? 3 : Number(values.bursts);
  if (!Number.isInteger(bursts) || bursts < 0) fail('--bursts needs a whole number ≥ 0');
  return { help: values.help, specs: specs.length ? specs : Object.keys(SPECS), edits, bursts, json: values.json };
}

function serverCommand() {
  if (process.env.RESTLINT_LSP_CMD) return process.env.RESTLINT_LSP_CMD.trim().split(/\s+/);
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'cli.js'))) {
    console.error('bench:lsp: dist/cli.js not found: run npm run build first');
    process.exit(2);
  }
  return ['node', 'dist/cli.js', 'lsp', '--stdio'];
}

/** Rejects after `ms` unless settled first; the timer never keeps the process alive. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms);
    timer.unref();
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Starts the server from the repo root, connects, initializes with the spec's folder as the
 * workspace. Publishes are matched by (uri, version): `waitFor(uri, version)`.
 */
async function startServer(command, folder) {
  const [program, ...args] = command;
  const child = spawn(program === 'node' ? process.execPath : program, args, {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  servers.add(child);
  const stderr = [];
  child.stderr.on('data', (chunk) => {
    stderr.push(chunk);
    if (stderr.length > 200) stderr.shift();
  });
  let exited = null;
  const exitWaiters = new Set();
  child.on('exit', (code, signal) => {
    exited = { code, signal };
    servers.delete(child);
    for (const reject of exitWaiters) reject(new Error(`the server exited (${code ?? signal})${stderrTail()}`));
  });
  const stderrTail = () => {
    const text = Buffer.concat(stderr).toString('utf8').trim();
    return text ? `\n--- server stderr (last lines)\n${text.split('\n').slice(-15).join('\n')}` : '';
  };

  const connection = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const published = new Map(); // `${uri}#${version}` → { at, diagnostics }
  const waiters = new Map(); // same key → resolve
  const firstByUri = new Map(); // uri → first publish (any version)
  connection.onNotification(lsp.PublishDiagnosticsNotification.type, (params) => {
    const at = performance.now();
    const entry = { at, count: params.diagnostics.length, version: params.version };
    if (!firstByUri.has(params.uri)) firstByUri.set(params.uri, entry);
    const key = `${params.uri}#${params.version}`;
    if (!published.has(key)) published.set(key, entry);
    waiters.get(key)?.(entry);
    waiters.get(`${params.uri}#first`)?.(entry);
  });
  // What a plain editor answers: default settings, no dynamic registrations kept.
  connection.onRequest(lsp.ConfigurationRequest.type, (params) =>
    params.items.map((item) => (item.section === 'restlint' ? { enable: true, configPath: '', minimumSeverity: 'hint', probe: { baseUrl: '' } } : null)));
  connection.onRequest(lsp.RegistrationRequest.type, () => null);
  connection.onRequest(lsp.UnregistrationRequest.type, () => null);
  connection.onRequest(lsp.WorkDoneProgressCreateRequest.type, () => null);
  connection.onRequest(() => null);
  connection.onNotification(() => {});
  connection.onError(() => {});
  connection.listen();

  const guard = (promise, what) => {
    if (exited) return Promise.reject(new Error(`the server exited (${exited.code ?? exited.signal})${stderrTail()}`));
    let rejectExit;
    const onExit = new Promise((_, reject) => { rejectExit = reject; exitWaiters.add(reject); });
    return withTimeout(Promise.race([promise, onExit]), WAIT_MS, what).finally(() => exitWaiters.delete(rejectExit));
  };

  const started = performance.now();
  const folderUri = pathToFileURL(folder).href;
  await guard(connection.sendRequest(lsp.InitializeRequest.type, {
    processId: process.pid,
    clientInfo: { name: 'restlint bench' },
    rootUri: folderUri,
    workspaceFolders: [{ uri: folderUri, name: path.basename(folder) }],
    capabilities: {
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: {
        synchronization: { dynamicRegistration: false, didSave: true },
        publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, relatedInformation: true },
      },
    },
  }), 'the initialize response');
  connection.sendNotification(lsp.InitializedNotification.type, {});
  const initMs = performance.now() - started;

  return {
    child,
    initMs,
    open(uri, languageId, text) {
      connection.sendNotification(lsp.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    },
    /** An incremental change: `text` replaces `range`. */
    edit(uri, version, range, text) {
      connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text }] });
    },
    /** The first publishDiagnostics of `uri` (whatever its version). */
    waitFirst(uri) {
      if (firstByUri.has(uri)) return Promise.resolve(firstByUri.get(uri));
      return guard(new Promise((resolve) => waiters.set(`${uri}#first`, resolve)), `the first diagnostics of ${path.basename(uri)}`)
        .finally(() => waiters.delete(`${uri}#first`));
    },
    /** The publishDiagnostics of `uri` for exactly `version`. */
    waitVersion(uri, version) {
      const key = `${uri}#${version}`;
      if (published.has(key)) return Promise.resolve(published.get(key));
      return guard(new Promise((resolve) => waiters.set(key, resolve)), `the diagnostics of version ${version} of ${path.basename(uri)}`)
        .finally(() => waiters.delete(key));
    },
    async stop() {
      if (exited) return;
      try {
        await withTimeout(connection.sendRequest(lsp.ShutdownRequest.type), 5000, 'shutdown');
        connection.sendNotification(lsp.ExitNotification.type);
        await withTimeout(new Promise((resolve) => (exited ? resolve() : child.once('exit', resolve))), 2000, 'exit');
      } catch {
        // killed below
      } finally {
        connection.dispose();
        child.kill('SIGKILL');
        servers.delete(child);
      }
    },
  };
}

/** Peak resident memory (VmHWM) of a process and of its child processes, in MB. */
function peakRssMB(pid) {
  const hwm = (p) => {
    try {
      const m = /^VmHWM:\s+(\d+)\s+kB/m.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'));
      return m ? (Number(m[1]) * 1024) / MB : null;
    } catch {
      return null;
    }
  };
  const children = (p) => {
    try {
      return fs.readdirSync(`/proc/${p}/task`).flatMap((tid) =>
        fs.readFileSync(`/proc/${p}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean));
    } catch {
      return [];
    }
  };
  const own = hwm(pid);
  let kids = 0;
  const seen = new Set();
  const visit = (p) => {
    for (const c of children(p)) {
      if (seen.has(c)) continue;
      seen.add(c);
      kids += hwm(c) ?? 0;
      visit(c);
    }
  };
  visit(pid);
  return { own, children: seen.size ? kids : null, childCount: seen.size };
}

/** Where typing happens: just before the first letter of the first `description:` or `summary:` value written on its key's line. */
function typingPoint(text) {
  const lines = text.split('\n');
  for (let line = 0; line < lines.length; line++) {
    const m = /^(\s*"?(?:description|summary)"?\s*:\s*"?)[A-Za-z]/.exec(lines[line]);
    if (m) return { line, character: m[1].length };
  }
  throw new Error('no description or summary to type in');
}
function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)];
}

const fmtMs = (ms) => (ms < 10 ? ms.toFixed(1) : ms.toFixed(0));
const fmtMB = (mb) => (mb < 10 ? mb.toFixed(1) : mb.toFixed(0));
const fmtSize = (b) => (b < MB ? `${Math.round(b / 1000)} kB` : `${fmtMB(b / MB)} MB`);

function specInfo(key) {
  const spec = SPECS[key];
  const entry = path.join(corpusDir, spec.entry);
  const typed = path.join(corpusDir, spec.typed ?? spec.entry);
  const bytes = fs.statSync(typed).size;
  const what = spec.typed ? `${path.basename(typed)}, ${fmtSize(bytes)}, of ${path.basename(entry)}` : `${path.basename(entry)}, ${fmtSize(bytes)}`;
  return { key, ...spec, entry, typed, rel: path.relative(repoRoot, typed), title: `${spec.label} (${what})`, bytes };
}

const languageOf = (file) => (file.endsWith('.json') ? 'json' : 'yaml');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** One full `restlint lint` of the entry by the CLI (a process of its own, as a user runs it), in ms. */
function cliLintMs(command, entry) {
  const [program, ...args] = command;
  const cli = program === 'node' && args[0]?.endsWith('cli.js') ? [process.execPath, args[0]] : [process.execPath, 'dist/cli.js'];
  const started = performance.now();
  const run = spawnSync(cli[0], [cli[1], 'lint', entry, '--format', 'json'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  if (run.status !== 0 && run.status !== 1) throw new Error(`restlint lint ${entry} exited ${run.status}: ${run.stderr}`);
  return performance.now() - started;
}

async function latencyCase(command, spec, edits, bursts) {
  const entryText = fs.readFileSync(spec.entry, 'utf8');
  const entryUri = pathToFileURL(spec.entry).href;
  const typedText = fs.readFileSync(spec.typed, 'utf8');
  const uri = pathToFileURL(spec.typed).href;
  const at = typingPoint(typedText);
  const cliMs = cliLintMs(command, spec.entry);
  const server = await startServer(command, path.dirname(spec.entry));
  try {
    let t = performance.now();
    server.open(entryUri, languageOf(spec.entry), entryText);
    const first = await server.waitFirst(entryUri);
    const openMs = first.at - t;
    let version = 1;
    if (spec.typed !== spec.entry) {
      server.open(uri, languageOf(spec.typed), typedText);
      await server.waitVersion(uri, 1);
    }
    const samples = [];
    process.stderr.write(`[bench:lsp] ${spec.label}: ${edits} edits, ${bursts} bursts ...`);
    // Odd edits type an "x" at the typing point, even ones delete it again.
    for (let i = 1; i <= edits; i++) {
      const typing = i % 2 === 1;
      const range = { start: at, end: typing ? at : { line: at.line, character: at.character + 1 } };
      t = performance.now();
      server.edit(uri, ++version, range, typing ? 'x' : '');
      samples.push((await server.waitVersion(uri, version)).at - t);
    }
    const burstMs = [];
    for (let b = 0; b < bursts; b++) {
      let last = 0;
      for (let k = 0; k < BURST_KEYS; k++) {
        if (k > 0) await sleep(BURST_GAP_MS);
        const here = { line: at.line, character: at.character + k };
        last = performance.now();
        server.edit(uri, ++version, { start: here, end: here }, 'x');
      }
      burstMs.push((await server.waitVersion(uri, version)).at - last);
      // Deletes the burst's keystrokes (not measured).
      server.edit(uri, ++version, { start: at, end: { line: at.line, character: at.character + BURST_KEYS } }, '');
      await server.waitVersion(uri, version);
    }
    process.stderr.write(' done\n');
    const rss = peakRssMB(server.child.pid);
    const medianMs = percentile(samples, 50);
    return {
      spec: spec.key,
      cliMs,
      initMs: server.initMs,
      openMs,
      firstFindings: first.count,
      typedAt: { file: spec.rel, line: at.line + 1, character: at.character + 1 },
      samplesMs: samples,
      medianMs,
      p95Ms: percentile(samples, 95),
      burstMs,
      burstMedianMs: burstMs.length ? percentile(burstMs, 50) : undefined,
      peakRssMB: rss.own,
      target: spec.target,
      met: medianMs <= spec.target.medianMs,
    };
  } finally {
    await server.stop();
  }
}

function printTable(results, specs, opts) {
  console.log(`\nEdit → diagnostics: single-character incremental edits (${opts.edits} per spec); burst: ${BURST_KEYS} keystrokes ${BURST_GAP_MS} ms apart, last keystroke → its diagnostics (median of ${opts.bursts}); CLI: one full \`restlint lint\` in the same run`);
  const head = { spec: 'document', cli: 'CLI lint', open: 'open → first', median: 'median', p95: 'p95', burst: 'burst', target: 'target (median)' };
  const rows = results.map((r) => {
    const spec = specs.find((s) => s.key === r.spec);
    if (r.error) return { spec: spec.title, cli: 'failed', open: '', median: '', p95: '', burst: '', target: '' };
    const by = r.met ? '' : ` by ${fmtMs(r.medianMs - r.target.medianMs)} ms`;
    return {
      spec: spec.title,
      cli: `${fmtMs(r.cliMs)} ms`,
      open: `${fmtMs(r.openMs)} ms`,
      median: `${fmtMs(r.medianMs)} ms`,
      p95: `${fmtMs(r.p95Ms)} ms`,
      burst: r.burstMedianMs === undefined ? '-' : `${fmtMs(r.burstMedianMs)} ms`,
      target: `≤ ${r.target.medianMs} ms ${r.met ? 'met' : `missed${by}`}`,
    };
  });
  const w = (k) => Math.max(...[head, ...rows].map((r) => r[k].length));
  for (const r of [head, ...rows]) {
    console.log(`  ${r.spec.padEnd(w('spec'))}  ${r.cli.padStart(w('cli'))}  ${r.open.padStart(w('open'))}  ${r.median.padStart(w('median'))}  ${r.p95.padStart(w('p95'))}  ${r.burst.padStart(w('burst'))}  ${r.target}`);
  }
  for (const r of results.filter((x) => !x.error)) {
    const memory = r.target.peakMB ? ` ≤ ${r.target.peakMB} MB ${r.peakRssMB <= r.target.peakMB ? 'met' : 'NOT met'}` : '';
    console.log(`  ${SPECS[r.spec].label}: typed at ${r.typedAt.file}:${r.typedAt.line}:${r.typedAt.character}; server peak RSS (VmHWM) ${fmtMB(r.peakRssMB)} MB${memory}`);
  }
}

async function main() {
  const opts = parseOptions();
  if (opts.help) return console.log(USAGE);
  if (!fs.existsSync(corpusDir)) {
    console.log('bench:lsp: corpus not found at ../shared/corpus (beside the repo): nothing to benchmark.');
    return;
  }
  const missing = opts.specs.filter((k) => !fs.existsSync(path.join(corpusDir, SPECS[k].typed ?? SPECS[k].entry)));
  if (missing.length) {
    console.log(`bench:lsp: not in ../shared/corpus: ${missing.map((k) => SPECS[k].typed ?? SPECS[k].entry).join(', ')}: skipped.`);
  }
  const specs = opts.specs.filter((k) => !missing.includes(k)).map(specInfo);
  if (!specs.length) return;
  const command = serverCommand();
  rpc = requireFromRoot('vscode-jsonrpc/node');
  lsp = requireFromRoot('vscode-languageserver-protocol');
  console.error(`[bench:lsp] server: ${command.join(' ')} (from the repo root)`);

  const results = [];
  for (const spec of specs) {
    try {
      results.push(await latencyCase(command, spec, opts.edits, opts.bursts));
    } catch (error) {
      process.stderr.write('\n');
      console.error(`[bench:lsp] ${spec.label}: FAILED: ${error.message}`);
      results.push({ spec: spec.key, error: error.message });
    }
  }
  printTable(results, specs, opts);
  const note = `${os.cpus().length} cores, Node ${process.version}; absolute times depend on the machine and its load.`;
  console.log(`\n${note}`);

  if (opts.json) {
    fs.mkdirSync(resultsDir, { recursive: true });
    const file = path.join(resultsDir, 'lsp-latest.json');
    const round = (x) => (typeof x === 'number' ? +x.toFixed(2) : x);
    const data = {
      date: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      server: process.env.RESTLINT_LSP_CMD ? 'RESTLINT_LSP_CMD' : command.join(' '),
      edits: opts.edits,
      bursts: opts.bursts,
      note,
      results: results.map((r) => {
        const spec = specs.find((s) => s.key === r.spec);
        const out = { spec: r.spec, file: spec.rel, bytes: spec.bytes };
        for (const [k, v] of Object.entries(r)) if (k !== 'spec') out[k] = Array.isArray(v) ? v.map(round) : round(v);
        return out;
      }),
    };
    fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
    console.log(`wrote ${path.relative(repoRoot, file)}`);
  }
  if (results.some((r) => r.error)) process.exitCode = 2;
}

main().catch((error) => {
  console.error(`bench:lsp: ${error.stack ?? error}`);
  killServers();
  process.exit(2);
});
