#!/usr/bin/env node
// npm run bench:lsp [-- options]: the language server's latency and memory, measured by a
// protocol-level client (vscode-jsonrpc over the server's stdio), as an editor sees them:
//   - Conduit and Stripe: open the document, wait for its first diagnostics, then N edits
//     (didChange with the full text, alternately adding a violation and removing it); each
//     edit's latency is the time from sending didChange to receiving the publishDiagnostics
//     whose version is that edit's version. Median and p90 against the targets.
//   - GitHub: a fresh server opens the 13 MB description; its peak RSS (VmHWM) once the
//     diagnostics have arrived, against the target.
// See bench/README.md.
import { spawn } from 'node:child_process';
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
  --spec NAME    conduit, stripe (latency) or github (memory); repeatable or comma-separated
  --edits N      edits per latency case (default 20)
  --json         also write bench/.results/lsp-latest.json
  RESTLINT_LSP_CMD="node other/cli.js lsp --stdio" overrides the server command
  (split on spaces; run from the repo root).`;

const SPECS = {
  conduit: { label: 'Conduit', file: 'realworld-conduit-api/openapi.yml', kind: 'latency', target: { medianMs: 50 } },
  stripe: { label: 'Stripe', file: 'stripe-api/spec3.yaml', kind: 'latency', target: { medianMs: 300 } },
  github: { label: 'GitHub', file: 'github-rest-api/api.github.com.json', kind: 'memory', target: { peakMB: 500 } },
};
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
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const specs = (values.spec ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  for (const s of specs) if (!SPECS[s]) fail(`unknown spec "${s}" for --spec (${Object.keys(SPECS).join(', ')})`);
  const edits = values.edits === undefined ? 20 : Number(values.edits);
  if (!Number.isInteger(edits) || edits < 2) fail('--edits needs a whole number ≥ 2');
  return { help: values.help, specs: specs.length ? specs : Object.keys(SPECS), edits, json: values.json };
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
    change(uri, version, text) {
      connection.sendNotification(lsp.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
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

/**
 * The edit: the first path key of `paths` whose last segment is a plain word gets `_x`
 * appended (odd edits: a new path-no-underscore finding) and loses it again (even edits).
 */
function violationEdit(text) {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^paths:\s*$/.test(l));
  if (start === -1) throw new Error('no top-level "paths:" line');
  for (let i = start + 1; i < lines.length; i++) {
    if (/^\S/.test(lines[i])) break;
    const m = /^( +)(['"]?)(\/[^'":\s]*\/[a-z]+)\2:\s*$/.exec(lines[i]);
    if (m) {
      const renamed = [...lines];
      renamed[i] = `${m[1]}${m[2]}${m[3]}_x${m[2]}:`;
      return { line: i + 1, path: m[3], original: text, broken: renamed.join('\n') };
    }
  }
  throw new Error('no path key with a plain last segment under "paths:"');
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
  const abs = path.join(corpusDir, spec.file);
  const bytes = fs.statSync(abs).size;
  return { key, ...spec, abs, rel: path.relative(repoRoot, abs), title: `${spec.label} (${path.basename(abs)}, ${fmtSize(bytes)})`, bytes };
}

async function latencyCase(command, spec, edits) {
  const text = fs.readFileSync(spec.abs, 'utf8');
  const edit = violationEdit(text);
  const uri = pathToFileURL(spec.abs).href;
  const server = await startServer(command, path.dirname(spec.abs));
  try {
    let t = performance.now();
    server.open(uri, 'yaml', text);
    const first = await server.waitFirst(uri);
    const openMs = first.at - t;
    const samples = [];
    const counts = { broken: [], original: [] };
    if (!process.stderr.isTTY) process.stderr.write(`[bench:lsp] ${spec.label}: ${edits} edits ...`);
    for (let i = 1; i <= edits; i++) {
      const version = 1 + i;
      const broken = i % 2 === 1;
      if (process.stderr.isTTY) process.stderr.write(`\r[bench:lsp] ${spec.label}: edit ${i}/${edits} ...`);
      t = performance.now();
      server.change(uri, version, broken ? edit.broken : edit.original);
      const got = await server.waitVersion(uri, version);
      samples.push(got.at - t);
      counts[broken ? 'broken' : 'original'].push(got.count);
    }
    process.stderr.write(process.stderr.isTTY ? '\n' : ' done\n');
    const rss = peakRssMB(server.child.pid);
    // The edit must change what is published, or it measured nothing.
    const editSeen = Math.min(...counts.broken) > Math.max(...counts.original);
    return {
      spec: spec.key,
      initMs: server.initMs,
      openMs,
      firstFindings: first.count,
      edit: { line: edit.line, path: edit.path, to: `${edit.path}_x`, findingsWith: counts.broken[0], findingsWithout: counts.original[0], seen: editSeen },
      samplesMs: samples,
      medianMs: percentile(samples, 50),
      p90Ms: percentile(samples, 90),
      peakRssMB: rss.own,
      childrenPeakRssMB: rss.children,
      target: spec.target,
      met: percentile(samples, 50) <= spec.target.medianMs,
    };
  } finally {
    await server.stop();
  }
}

async function memoryCase(command, spec) {
  const text = fs.readFileSync(spec.abs, 'utf8');
  const uri = pathToFileURL(spec.abs).href;
  const server = await startServer(command, path.dirname(spec.abs));
  try {
    process.stderr.write(`[bench:lsp] ${spec.label}: open, waiting for diagnostics ...\n`);
    const t = performance.now();
    server.open(uri, spec.abs.endsWith('.json') ? 'json' : 'yaml', text);
    const first = await server.waitFirst(uri);
    const rss = peakRssMB(server.child.pid);
    const total = rss.own + (rss.children ?? 0);
    return {
      spec: spec.key,
      initMs: server.initMs,
      openMs: first.at - t,
      firstFindings: first.count,
      peakRssMB: rss.own,
      childrenPeakRssMB: rss.children,
      target: spec.target,
      met: total <= spec.target.peakMB,
    };
  } finally {
    await server.stop();
  }
}

function printTables(results, specs, edits) {
  const latency = results.filter((r) => SPECS[r.spec].kind === 'latency');
  if (latency.length) {
    console.log(`\nLatency: didChange (full text) → publishDiagnostics of that version, ${edits} edits`);
    const head = { spec: 'spec', open: 'open → first', median: 'median', p90: 'p90', target: 'target' };
    const rows = latency.map((r) => {
      const spec = specs.find((s) => s.key === r.spec);
      if (r.error) return { spec: spec.title, open: 'failed', median: '', p90: '', target: '' };
      return {
        spec: spec.title,
        open: `${fmtMs(r.openMs)} ms`,
        median: `${fmtMs(r.medianMs)} ms`,
        p90: `${fmtMs(r.p90Ms)} ms`,
        target: `≤ ${r.target.medianMs} ms ${r.met ? 'met' : 'NOT met'}`,
      };
    });
    const w = (k) => Math.max(...[head, ...rows].map((r) => r[k].length));
    for (const r of [head, ...rows]) {
      console.log(`  ${r.spec.padEnd(w('spec'))}  ${r.open.padStart(w('open'))}  ${r.median.padStart(w('median'))}  ${r.p90.padStart(w('p90'))}  ${r.target}`);
    }
    for (const r of latency.filter((x) => !x.error)) {
      const e = r.edit;
      console.log(`  ${SPECS[r.spec].label}: edit renames ${e.path} (line ${e.line}) to ${e.to} and back: ${e.findingsWithout} ↔ ${e.findingsWith} findings` +
        `${e.seen ? '' : ' (WARNING: the edit did not change the findings)'}; server peak RSS ${fmtMB(r.peakRssMB)} MB`);
    }
  }
  for (const r of results.filter((x) => SPECS[x.spec].kind === 'memory')) {
    const spec = specs.find((s) => s.key === r.spec);
    console.log(`\nMemory: ${spec.title}, a fresh server, open → diagnostics`);
    if (r.error) {
      console.log('  failed');
      continue;
    }
    const kids = r.childrenPeakRssMB === null ? '' : ` + ${fmtMB(r.childrenPeakRssMB)} MB in child processes`;
    console.log(`  open → first diagnostics ${fmtMs(r.openMs)} ms (${r.firstFindings} findings); peak RSS (VmHWM) ${fmtMB(r.peakRssMB)} MB${kids}` +
      ` ≤ ${r.target.peakMB} MB ${r.met ? 'met' : 'NOT met'}`);
  }
}

async function main() {
  const opts = parseOptions();
  if (opts.help) return console.log(USAGE);
  if (!fs.existsSync(corpusDir)) {
    console.log('bench:lsp: corpus not found at ../shared/corpus (beside the repo): nothing to benchmark.');
    return;
  }
  const missing = opts.specs.filter((k) => !fs.existsSync(path.join(corpusDir, SPECS[k].file)));
  if (missing.length) {
    console.log(`bench:lsp: not in ../shared/corpus: ${missing.map((k) => SPECS[k].file).join(', ')}: skipped.`);
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
      results.push(spec.kind === 'latency' ? await latencyCase(command, spec, opts.edits) : await memoryCase(command, spec));
    } catch (error) {
      process.stderr.write('\n');
      console.error(`[bench:lsp] ${spec.label}: FAILED: ${error.message}`);
      results.push({ spec: spec.key, error: error.message });
    }
  }
  printTables(results, specs, opts.edits);
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
