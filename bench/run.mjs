#!/usr/bin/env node
// npm run bench [-- options]: times restlint, Spectral and Redocly on the same
// specs in the same run, as whole processes (startup included), and prints
// medians, peak memory and each tool's ratio to restlint. See bench/README.md.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import yaml from 'js-yaml';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(benchDir, '..');
const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');
const resultsDir = path.join(benchDir, '.results');
const TIME_BIN = '/usr/bin/time';
const MB = 1e6; // decimal megabytes, for file sizes and memory alike

const USAGE = `Usage: npm run bench -- [options]
  --only TOOL    restlint, spectral or redocly (repeatable or comma-separated)
  --spec NAME    github, stripe, conduit or corpus (repeatable or comma-separated)
  --runs N       timed runs per command (default: 5 for conduit, 3 otherwise,
                 1 for Spectral's spectral:oas on GitHub and on the corpus)
  --with-slow    also run Spectral's spectral:oas on the whole corpus (minutes)
  --no-cold      skip the cold-start rounds (bare node, restlint --version,
                 restlint on Conduit, in turn; run with restlint on conduit)
  --json         also write bench/.results/latest.json
  RESTLINT_CMD="node other/cli.js lint --format json" overrides the restlint
  command (split on spaces; the spec paths are appended).`;

// restlint's own targets, checked on its medians.
// Cold start (issue 10), checked on Conduit, a small spec, where start-up is most of the time:
// restlint at least 3× faster than Redocly, and at most 1.6× a bare `node -e 0`.
const COLD_START = { vsRedocly: 3, vsNode: 1.6, rounds: 10 };
// restlint diff (issue 13): a spec against a copy of itself with 50 scattered changes, at most
// 2.5× one `restlint lint` of the spec measured in the same run. Run for these specs when restlint is.
const DIFF = { specs: ['github', 'stripe'], changes: 50, vsLint: 2.5 };
const SPECS = {
  github: { label: 'GitHub', files: ['github-rest-api/api.github.com.json'], runs: 3, target: { wall: 0.6, mb: 300 } },
  stripe: { label: 'Stripe', files: ['stripe-api/spec3.yaml'], runs: 3, target: { wall: 0.45 } },
  conduit: { label: 'Conduit', files: ['realworld-conduit-api/openapi.yml'], runs: 5, target: { wall: 0.12 } },
  corpus: { label: 'All corpus', files: null /* from MANIFEST.tsv */, runs: 3, target: { wall: 3 } },
};

const bin = (name) => path.join('bench', 'node_modules', '.bin', name);

// Commands run from the repo root with relative paths, so that nothing printed
// or saved contains this machine's absolute paths. The spectral floor runs
// before spectral:oas so that the slow single runs find the file in the page cache.
const TOOLS = [
  { id: 'restlint', group: 'restlint', name: 'restlint', args: null /* set in main() */ },
  {
    id: 'spectral-floor', group: 'spectral', name: 'Spectral floor (1 rule)',
    args: [bin('spectral'), 'lint', '-r', 'bench/rulesets/one-rule.yaml', '-f', 'json'],
  },
  {
    id: 'spectral-oas', group: 'spectral', name: 'Spectral (spectral:oas)',
    args: [bin('spectral'), 'lint', '-r', 'bench/rulesets/oas.yaml', '-f', 'json'],
  },
  {
    // --max-problems: Redocly stops reporting after 100 problems by default;
    // the others report every problem, so make Redocly do the same work.
    id: 'redocly', group: 'redocly', name: 'Redocly (recommended)',
    args: [bin('redocly'), 'lint', '--config', 'bench/redocly.yaml', '--format', 'json', '--max-problems', '1000000'],
  },
];

// spectral:oas takes ~75 s on GitHub and many minutes on the corpus: one run,
// no warm-up, and on the corpus only with --with-slow.
const SINGLE_RUN = new Set(['spectral-oas/github', 'spectral-oas/corpus']);
const NEEDS_WITH_SLOW = new Set(['spectral-oas/corpus']);

// Keep every tool off the network: no telemetry, no update checks.
const TOOL_ENV = {
  ...process.env,
  REDOCLY_TELEMETRY: 'off',
  REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
  REDOCLY_SUPPRESS_NOTIFICATIONS: 'true',
  SCARF_ANALYTICS: 'false',
  DO_NOT_TRACK: '1',
  NO_UPDATE_NOTIFIER: '1',
  NO_COLOR: '1',
};

function parseOptions() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string', multiple: true },
      spec: { type: 'string', multiple: true },
      runs: { type: 'string' },
      'with-slow': { type: 'boolean', default: false },
      'no-cold': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const list = (v) => (v ?? []).flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  const only = list(values.only);
  const specs = list(values.spec);
  const groups = ['restlint', 'spectral', 'redocly'];
  for (const g of only) if (!groups.includes(g)) fail(`unknown tool "${g}" for --only (${groups.join(', ')})`);
  for (const s of specs) if (!SPECS[s]) fail(`unknown spec "${s}" for --spec (${Object.keys(SPECS).join(', ')})`);
  let runs = null;
  if (values.runs !== undefined) {
    runs = Number(values.runs);
    if (!Number.isInteger(runs) || runs < 1) fail('--runs needs a whole number ≥ 1');
  }
  return {
    help: values.help,
    groups: only.length ? only : groups,
    specs: specs.length ? specs : Object.keys(SPECS),
    runs,
    withSlow: values['with-slow'],
    cold: !values['no-cold'],
    json: values.json,
  };
}

function fail(message) {
  console.error(`bench: ${message}\n\n${USAGE}`);
  process.exit(2);
}

function restlintArgs() {
  if (process.env.RESTLINT_CMD) return process.env.RESTLINT_CMD.trim().split(/\s+/);
  if (!fs.existsSync(path.join(repoRoot, 'dist', 'cli.js'))) {
    console.error('bench: dist/cli.js not found: run npm run build first');
    process.exit(2);
  }
  return ['node', 'dist/cli.js', 'lint', '--format', 'json'];
}

function ensureBenchDeps() {
  if (fs.existsSync(path.join(benchDir, 'node_modules'))) return;
  console.error('bench: bench/node_modules is missing, running npm ci --prefix bench ...');
  const r = spawnSync('npm', ['ci', '--prefix', benchDir], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('bench: npm ci --prefix bench failed');
    process.exit(2);
  }
}

// The corpus case lints every entry_file of MANIFEST.tsv in one invocation.
// Its size is the manifest's `bytes` column: that counts the files that
// multi-file specs $ref too, which the entry files alone do not.
function corpus() {
  const [header, ...lines] = fs.readFileSync(path.join(corpusDir, 'MANIFEST.tsv'), 'utf8').trim().split('\n');
  const cols = header.split('\t');
  const rows = lines.map((line) => line.split('\t'));
  return {
    files: rows.map((r) => r[cols.indexOf('entry_file')]),
    bytes: rows.reduce((sum, r) => sum + Number(r[cols.indexOf('bytes')]), 0),
  };
}

function specCase(key) {
  const spec = SPECS[key];
  const all = spec.files ? null : corpus();
  const files = (spec.files ?? all.files).map((f) => path.relative(repoRoot, path.join(corpusDir, f)));
  const bytes = all?.bytes ?? fs.statSync(path.join(repoRoot, files[0])).size;
  const what = files.length === 1 ? path.basename(files[0]) : `${files.length} specs`;
  return { key, ...spec, files, title: `${spec.label} (${what}, ${fmtSize(bytes)})` };
}

/** One whole-process run: wall time from here, max RSS from GNU time. */
function timeOnce(args, outFile, hasTime) {
  const timeFile = path.join(resultsDir, 'time.txt');
  const argv = hasTime ? [TIME_BIN, '-f', '%e %M', '-o', timeFile, ...args] : args;
  const out = fs.openSync(outFile, 'w');
  const start = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), {
    cwd: repoRoot,
    env: TOOL_ENV,
    stdio: ['ignore', out, 'pipe'],
    maxBuffer: 64 * MB,
  });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  fs.closeSync(out);
  let rssMB = null;
  if (hasTime && fs.existsSync(timeFile)) {
    // GNU time prints "Command exited with non-zero status N" first when N ≠ 0.
    const last = fs.readFileSync(timeFile, 'utf8').trim().split('\n').pop();
    rssMB = (Number(last.split(' ')[1]) * 1024) / MB; // %M is in KiB
    fs.rmSync(timeFile);
  }
  // Lint exit codes: 0 = clean, 1 = problems found; anything else is a failure.
  const ok = r.status === 0 || r.status === 1;
  const error = ok ? null : `exit ${r.status ?? r.signal}: ${String(r.stderr ?? r.error).trim().split('\n').slice(-5).join('\n')}`;
  return { wall, rssMB, ok, error };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function plan(opts, tools, specs) {
  const jobs = [];
  for (const spec of specs) {
    for (const tool of tools) {
      const key = `${tool.id}/${spec.key}`;
      const single = SINGLE_RUN.has(key);
      const job = {
        spec, tool,
        runs: opts.runs ?? (single ? 1 : spec.runs),
        warmup: !single,
        skipped: NEEDS_WITH_SLOW.has(key) && !opts.withSlow ? 'skipped (--with-slow)' : null,
      };
      jobs.push(job);
    }
  }
  return jobs;
}

function runJobs(jobs, hasTime) {
  const total = jobs.reduce((n, j) => n + (j.skipped ? 0 : j.runs + (j.warmup ? 1 : 0)), 0);
  let step = 0;
  fs.mkdirSync(path.join(resultsDir, 'out'), { recursive: true });
  for (const job of jobs) {
    const { spec, tool } = job;
    if (job.skipped) {
      console.error(`[bench] ${spec.label}: ${tool.name}: ${job.skipped}`);
      continue;
    }
    const args = [...tool.args, ...spec.files];
    const outFile = path.join(resultsDir, 'out', `${spec.key}.${tool.id}.json`);
    const labels = [...(job.warmup ? ['warm-up'] : []), ...Array.from({ length: job.runs }, (_, i) => `run ${i + 1}/${job.runs}`)];
    job.samples = [];
    for (const label of labels) {
      process.stderr.write(`[bench ${String(++step).padStart(String(total).length)}/${total}] ${spec.label}: ${tool.name}, ${label} ... `);
      const r = timeOnce(args, outFile, hasTime);
      process.stderr.write(r.ok ? `${fmtS(r.wall)} s${r.rssMB === null ? '' : `, ${fmtMB(r.rssMB)} MB`}\n` : 'FAILED\n');
      if (!r.ok) {
        job.error = r.error;
        console.error(r.error);
        step += labels.length - labels.indexOf(label) - 1;
        break;
      }
      if (label !== 'warm-up') job.samples.push(r);
    }
    if (!job.error) {
      job.wall = median(job.samples.map((s) => s.wall));
      job.rssMB = hasTime ? median(job.samples.map((s) => s.rssMB)) : null;
    }
  }
}

const fmtS = (s) => (s < 10 ? s.toFixed(2) : s.toFixed(1));
const fmtMB = (mb) => (mb < 10 ? mb.toFixed(1) : mb.toFixed(0));
const fmtSize = (b) => (b < MB ? `${Math.round(b / 1000)} kB` : `${fmtMB(b / MB)} MB`);
const fmtX = (x) => `${x < 10 ? x.toFixed(1) : x.toFixed(0)}×`;

/** Rows of one spec's table; ratio is the tool's median wall / restlint's. */
function rows(jobs, spec) {
  const mine = jobs.filter((j) => j.spec === spec);
  const base = mine.find((j) => j.tool.id === 'restlint' && j.wall !== undefined);
  return mine.map((j) => {
    const done = j.wall !== undefined;
    const note = j.skipped ?? (j.error ? 'failed' : null);
    return {
      tool: j.tool.name,
      wall: note ?? `${fmtS(j.wall)} s`,
      mem: note ? '' : j.rssMB === null ? 'n/a' : `${fmtMB(j.rssMB)} MB`,
      ratio: done && base && j !== base ? fmtX(j.wall / base.wall) : j === base ? '1×' : '',
      job: j, base,
    };
  });
}

function printTables(jobs, specs, hasTime) {
  for (const spec of specs) {
    console.log(`\n${spec.title}`);
    const rs = rows(jobs, spec);
    const head = { tool: 'tool', wall: 'median wall', mem: 'peak RSS', ratio: 'vs restlint' };
    const w = (k) => Math.max(...[head, ...rs].map((r) => r[k].length));
    for (const r of [head, ...rs]) {
      console.log(`  ${r.tool.padEnd(w('tool'))}  ${r.wall.padStart(w('wall'))}  ${r.mem.padStart(w('mem'))}  ${r.ratio.padStart(w('ratio'))}`);
    }
    for (const r of rs) {
      if (r.base && r.job !== r.base && r.job.wall !== undefined) {
        console.log(`  ${r.tool} ${fmtS(r.job.wall)} s = ${fmtX(r.job.wall / r.base.wall)} restlint`);
      }
    }
    const base = rs.find((r) => r.job === r.base)?.job;
    if (base) console.log(`  restlint target: ${targetText(spec, base)}`);
  }
  if (!hasTime) console.log('\npeak memory: n/a (install the Debian package time)');
}

function targetText(spec, job) {
  const parts = [`${fmtS(job.wall)} s ≤ ${spec.target.wall} s ${job.wall <= spec.target.wall ? 'met' : 'NOT met'}`];
  if (spec.target.mb) {
    parts.push(job.rssMB === null
      ? `≤ ${spec.target.mb} MB: n/a`
      : `${fmtMB(job.rssMB)} MB ≤ ${spec.target.mb} MB ${job.rssMB <= spec.target.mb ? 'met' : 'NOT met'}`);
  }
  return parts.join('; ');
}

function printMarkdown(jobs, specs, runsNote) {
  console.log('\nMarkdown (for the README):\n');
  console.log('| Spec | Tool | Median wall | Peak RSS | vs restlint |');
  console.log('| --- | --- | ---: | ---: | ---: |');
  for (const spec of specs) {
    rows(jobs, spec).forEach((r, i) => console.log(`| ${i ? '' : spec.title} | ${r.tool} | ${r.wall} | ${r.mem} | ${r.ratio} |`));
  }
  console.log(`\n${runsNote}`);
}

function toolVersions() {
  const version = (p) => {
    try { return JSON.parse(fs.readFileSync(p, 'utf8')).version; } catch { return null; }
  };
  return {
    restlint: process.env.RESTLINT_CMD ? 'RESTLINT_CMD' : version(path.join(repoRoot, 'package.json')),
    spectral: version(path.join(benchDir, 'node_modules/@stoplight/spectral-cli/package.json')),
    redocly: version(path.join(benchDir, 'node_modules/@redocly/cli/package.json')),
  };
}

function writeJson(jobs, versions, runsNote, cold, diffs) {
  const file = path.join(resultsDir, 'latest.json');
  const data = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    note: runsNote,
    versions,
    results: jobs.map((j) => ({
      spec: j.spec.key,
      tool: j.tool.id,
      command: [...j.tool.args, j.spec.files.length === 1 ? j.spec.files[0] : `<${j.spec.files.length} corpus files>`].join(' '),
      skipped: j.skipped,
      error: j.error ?? null,
      warmup: j.warmup,
      runs: (j.samples ?? []).map((s) => ({ wallS: +s.wall.toFixed(3), rssMB: s.rssMB === null ? null : +s.rssMB.toFixed(1) })),
      medianWallS: j.wall === undefined ? null : +j.wall.toFixed(3),
      medianRssMB: j.rssMB == null ? null : +j.rssMB.toFixed(1),
      target: j.tool.id === 'restlint' ? j.spec.target : undefined,
    })),
    coldStart: cold ? { ...cold, target: { vsRedocly: COLD_START.vsRedocly, vsNode: COLD_START.vsNode } } : null,
    diff: diffs,
  };
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  console.log(`\nwrote ${path.relative(repoRoot, file)}`);
}

/**
 * Cold start: rounds of bare `node -e 0`, `restlint --version` and restlint on Conduit, one
 * after another, so that each round's ratios see the same machine; the ratios are the medians
 * of the rounds' ratios. The warm-up round also leaves restlint's code cache for this build.
 */
function runColdStart(opts, lintArgs, conduit, hasTime) {
  const rounds = opts.runs ?? COLD_START.rounds;
  const cmds = [
    { id: 'node', name: 'node -e 0', args: ['node', '-e', '0'] },
    ...(process.env.RESTLINT_CMD ? [] : [{ id: 'version', name: 'restlint --version', args: ['node', 'dist/cli.js', '--version'] }]),
    { id: 'lint', name: `restlint on ${conduit.label}`, args: [...lintArgs, ...conduit.files] },
  ];
  const samples = Object.fromEntries(cmds.map((c) => [c.id, []]));
  const outFile = path.join(resultsDir, 'out', 'cold-start.out');
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  for (let round = 0; round <= rounds; round++) {
    process.stderr.write(`[bench cold start] ${round === 0 ? 'warm-up' : `round ${round}/${rounds}`} ...`);
    for (const c of cmds) {
      const r = timeOnce(c.args, outFile, hasTime);
      if (!r.ok) {
        process.stderr.write(' FAILED\n');
        console.error(r.error);
        return { error: `${c.name}: ${r.error}` };
      }
      if (round > 0) samples[c.id].push(r.wall);
      process.stderr.write(` ${c.id} ${fmtS(r.wall)} s`);
    }
    process.stderr.write('\n');
  }
  const ratio = (id) => (samples[id] ? median(samples[id].map((wall, i) => wall / samples.node[i])) : null);
  return {
    rounds,
    commands: cmds.map((c) => ({ id: c.id, name: c.name, medianWallS: median(samples[c.id]) })),
    versionVsNode: ratio('version'),
    lintVsNode: ratio('lint'),
  };
}

const verdict = (ok) => (ok ? 'PASS' : 'MISS');

/**
 * The copy `restlint diff` is timed against: the spec with DIFF.changes changes spread evenly
 * over its shared schemas and its operations (removed, a required or optional parameter added,
 * deprecated, a security requirement added), written beside the results in the spec's format.
 */
function changedCopy(spec) {
  const source = path.join(repoRoot, spec.files[0]);
  const json = source.endsWith('.json');
  const text = fs.readFileSync(source, 'utf8');
  const doc = json ? JSON.parse(text) : yaml.load(text);
  const ops = [];
  for (const item of Object.values(doc.paths ?? {})) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) if (item?.[method]) ops.push({ item, method });
  }
  // A fifth of the changes are in shared schemas (a property removed or made required), so the
  // diff also compares schemas that many operations reach; the rest are on operations.
  const schemas = Object.values(doc.components?.schemas ?? doc.definitions ?? {}).filter((schema) => schema?.properties && Object.keys(schema.properties).length > 1);
  const inSchemas = Math.min(schemas.length, Math.floor(DIFF.changes / 5));
  const schemaStep = Math.max(1, Math.floor(schemas.length / Math.max(1, inSchemas)));
  for (let i = 0; i < inSchemas; i++) {
    const schema = schemas[i * schemaStep];
    const names = Object.keys(schema.properties);
    if (i % 2 === 0) Reflect.deleteProperty(schema.properties, names[0]);
    else schema.required = [...new Set([...(schema.required ?? []), names[names.length - 1]])];
  }
  const onOperations = DIFF.changes - inSchemas;
  const step = Math.max(1, Math.floor(ops.length / onOperations));
  for (let i = 0; i < onOperations && i * step < ops.length; i++) {
    const { item, method } = ops[i * step];
    const op = item[method];
    switch (i % 5) {
      case 0: Reflect.deleteProperty(item, method); break;
      case 1: op.parameters = [...(op.parameters ?? []), { name: `bench_required_${i}`, in: 'query', required: true, schema: { type: 'string' } }]; break;
      case 2: op.parameters = [...(op.parameters ?? []), { name: `bench_optional_${i}`, in: 'query', schema: { type: 'integer' } }]; break;
      case 3: op.deprecated = true; break;
      default: op.security = [{ bench_key: [] }];
    }
  }
  const dir = path.join(resultsDir, 'diff');
  fs.mkdirSync(dir, { recursive: true });
  const copy = path.join(dir, `${spec.key}-changed${json ? '.json' : '.yaml'}`);
  fs.writeFileSync(copy, json ? JSON.stringify(doc) : yaml.dump(doc, { noRefs: true, lineWidth: -1 }));
  return path.relative(repoRoot, copy);
}

/** Times `restlint diff <spec> <changed copy>` for each DIFF spec that restlint linted in this run. */
function runDiff(opts, jobs, specs, hasTime) {
  const results = [];
  for (const spec of specs.filter((sp) => DIFF.specs.includes(sp.key))) {
    const lint = jobs.find((j) => j.tool.id === 'restlint' && j.spec === spec && j.wall !== undefined);
    if (!lint) continue;
    const copy = changedCopy(spec);
    const args = ['node', 'dist/cli.js', 'diff', spec.files[0], copy, '--format', 'json'];
    const runs = opts.runs ?? spec.runs;
    const samples = [];
    const outFile = path.join(resultsDir, 'out', `${spec.key}.diff.json`);
    let error = null;
    for (let run = 0; run <= runs; run++) {
      process.stderr.write(`[bench diff] ${spec.label}: ${run === 0 ? 'warm-up' : `run ${run}/${runs}`} ... `);
      const r = timeOnce(args, outFile, hasTime);
      process.stderr.write(r.ok ? `${fmtS(r.wall)} s\n` : 'FAILED\n');
      if (!r.ok) { error = r.error; console.error(r.error); break; }
      if (run > 0) samples.push(r);
    }
    const changes = error ? null : JSON.parse(fs.readFileSync(outFile, 'utf8')).length;
    const wall = error ? null : median(samples.map((x) => x.wall));
    results.push({ spec: spec.key, label: spec.label, command: args.join(' '), error, changes, wallS: wall, rssMB: error || !hasTime ? null : median(samples.map((x) => x.rssMB)), lintWallS: lint.wall, vsLint: wall === null ? null : wall / lint.wall, target: DIFF.vsLint });
  }
  return results;
}

function diffLines(results) {
  return results.map((r) => (r.error
    ? `${r.label}: diff failed (${r.error})`
    : `${r.label}: diff ${fmtS(r.wallS)} s (${r.changes} changes reported) / lint ${fmtS(r.lintWallS)} s = ${r.vsLint.toFixed(2)}× one lint (target ≤ ${r.target}×) ${verdict(r.vsLint <= r.target)}`));
}

/** The cold-start lines: each ratio with its target and PASS or MISS. */
function coldStartLines(cold, jobs) {
  const lines = [];
  if (cold.error) return [`cold start: failed (${cold.error})`];
  const wall = (id) => cold.commands.find((c) => c.id === id);
  for (const c of cold.commands) lines.push(`${c.name}: median ${fmtS(c.medianWallS)} s`);
  const lint = jobs.find((j) => j.tool.id === 'restlint' && j.spec.key === 'conduit' && j.wall !== undefined);
  const redocly = jobs.find((j) => j.tool.id === 'redocly' && j.spec.key === 'conduit' && j.wall !== undefined);
  if (lint && redocly) {
    const x = redocly.wall / lint.wall;
    lines.push(`Conduit: Redocly ${fmtS(redocly.wall)} s / restlint ${fmtS(lint.wall)} s = restlint ${x.toFixed(2)}× faster (target ≥ ${COLD_START.vsRedocly}×) ${verdict(x >= COLD_START.vsRedocly)}`);
  } else {
    lines.push(`Conduit vs Redocly (target ≥ ${COLD_START.vsRedocly}×): n/a (needs restlint and redocly on conduit)`);
  }
  lines.push(`Conduit: restlint ${cold.lintVsNode.toFixed(2)}× a bare node -e 0 (target ≤ ${COLD_START.vsNode}×) ${verdict(cold.lintVsNode <= COLD_START.vsNode)}`);
  if (wall('version')) lines.push(`restlint --version: ${cold.versionVsNode.toFixed(2)}× a bare node -e 0`);
  lines.push(`(node/restlint ratios: medians of ${cold.rounds} rounds' ratios, the three commands in turn each round)`);
  return lines;
}

function main() {
  const opts = parseOptions();
  if (opts.help) return console.log(USAGE);
  if (!fs.existsSync(path.join(corpusDir, 'MANIFEST.tsv'))) {
    console.log('bench: corpus not found at ../shared/corpus (beside the repo): nothing to benchmark.');
    return;
  }
  const tools = TOOLS.filter((t) => opts.groups.includes(t.group));
  const restlint = tools.find((t) => t.id === 'restlint');
  if (restlint) restlint.args = restlintArgs();
  if (tools.some((t) => t.id !== 'restlint')) ensureBenchDeps();
  const hasTime = fs.existsSync(TIME_BIN);
  if (!hasTime) console.error('[bench] /usr/bin/time not found: peak memory: n/a (install the Debian package time)');

  const specs = opts.specs.map(specCase);
  const jobs = plan(opts, tools, specs);
  const versions = toolVersions();
  console.error(`[bench] ${tools.map((t) => t.name).join(', ')} on ${specs.map((s) => s.label).join(', ')}`);
  for (const t of tools) console.error(`[bench]   ${t.name}: ${t.args.join(' ')} <spec...>`);
  runJobs(jobs, hasTime);
  const conduit = specs.find((sp) => sp.key === 'conduit');
  const cold = opts.cold && restlint && conduit ? runColdStart(opts, restlint.args, conduit, hasTime) : null;
  const diffs = restlint && !process.env.RESTLINT_CMD ? runDiff(opts, jobs, specs, hasTime) : [];

  const runsNote = `Medians of ${opts.runs ?? '5 (Conduit) or 3'} run${opts.runs === 1 ? '' : 's'} after one warm-up run` +
    `${opts.runs ? '' : '; Spectral spectral:oas on GitHub and the corpus: 1 run, no warm-up'}` +
    `. All tools measured in the same run on the same machine (${os.cpus().length} cores, Node ${process.version}); ` +
    `restlint ${versions.restlint}, Spectral CLI ${versions.spectral}, Redocly CLI ${versions.redocly}. ` +
    'Ratios are what carries over to another machine, not the absolute times.';
  printTables(jobs, specs, hasTime);
  if (cold) {
    console.log('\nCold start');
    for (const line of coldStartLines(cold, jobs)) console.log(`  ${line}`);
  }
  if (diffs.length > 0) {
    console.log(`\nDiff (a spec against a copy with ${DIFF.changes} scattered changes)`);
    for (const line of diffLines(diffs)) console.log(`  ${line}`);
  }
  printMarkdown(jobs, specs, runsNote);
  if (diffs.some((r) => !r.error)) {
    console.log('\n| Diff | restlint diff | one lint | Ratio | Target |');
    console.log('| --- | ---: | ---: | ---: | --- |');
    for (const r of diffs.filter((each) => !each.error)) console.log(`| ${r.label} vs ${DIFF.changes} changes | ${fmtS(r.wallS)} s | ${fmtS(r.lintWallS)} s | ${r.vsLint.toFixed(2)}× | ≤ ${r.target}× ${verdict(r.vsLint <= r.target)} |`);
  }
  if (cold && !cold.error) {
    console.log('\n| Cold start | Ratio | Target |');
    console.log('| --- | ---: | --- |');
    const lint = jobs.find((j) => j.tool.id === 'restlint' && j.spec.key === 'conduit' && j.wall !== undefined);
    const redocly = jobs.find((j) => j.tool.id === 'redocly' && j.spec.key === 'conduit' && j.wall !== undefined);
    if (lint && redocly) {
      const x = redocly.wall / lint.wall;
      console.log(`| Conduit lint, Redocly / restlint | ${x.toFixed(1)}× | ≥ ${COLD_START.vsRedocly}× ${verdict(x >= COLD_START.vsRedocly)} |`);
    }
    console.log(`| Conduit lint, restlint / \`node -e 0\` | ${cold.lintVsNode.toFixed(2)}× | ≤ ${COLD_START.vsNode}× ${verdict(cold.lintVsNode <= COLD_START.vsNode)} |`);
    if (cold.versionVsNode !== null) console.log(`| \`restlint --version\` / \`node -e 0\` | ${cold.versionVsNode.toFixed(2)}× | |`);
  }
  if (opts.json) writeJson(jobs, versions, runsNote, cold, diffs);
  if (jobs.some((j) => j.error) || cold?.error || diffs.some((r) => r.error)) process.exit(2);
}

main();
