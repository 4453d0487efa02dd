// npm run corpus-report [-- --rule <id>] [--samples N]: lints every document of
// ../shared/corpus (its MANIFEST.tsv) with the built CLI and prints, per rule, the number of
// findings, how they spread over the documents, and a sample to read. Precision on real
// documents is how the heuristic rules are judged.
// npm run corpus-report -- --schemas [--per-document N]: instead, the prober's request samples
// against its validator over every request and response schema of the corpus
// (scripts/corpus-schemas.ts; exit 1 when an invalid value is accepted).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = join(import.meta.dirname, '..');
const corpus = resolve(root, '..', 'shared', 'corpus');
const { values } = parseArgs({ options: { rule: { type: 'string', multiple: true }, samples: { type: 'string', default: '8' }, schemas: { type: 'boolean' }, 'per-document': { type: 'string' } } });
if (values.schemas) {
  // TypeScript sources (the validator and the samplers are not in dist/ on their own): through tsx.
  const sweep = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'scripts', 'corpus-schemas.ts'), ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
  process.exit(sweep.status ?? 1);
}
const samples = Number(values.samples);

if (!existsSync(join(corpus, 'MANIFEST.tsv'))) {
  console.log(`corpus not found at ${relative(process.cwd(), corpus)}: nothing to report`);
  process.exit(0);
}
if (!existsSync(join(root, 'dist', 'cli.js'))) {
  console.error('dist/cli.js is missing: run npm run build first');
  process.exit(2);
}
const entries = readFileSync(join(corpus, 'MANIFEST.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t')[1]);
const run = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), 'lint', '--format', 'json', '--config', join(root, 'scripts', 'corpus-report.restlint.yaml'), ...entries], {
  cwd: corpus,
  encoding: 'utf8',
  maxBuffer: 512 * 1024 * 1024,
});
if (run.status === 2) {
  console.error(run.stderr);
  process.exit(2);
}
const findings = JSON.parse(run.stdout);
const byRule = new Map();
for (const finding of findings) {
  if (values.rule && !values.rule.includes(finding.code)) continue;
  const list = byRule.get(finding.code) ?? [];
  list.push(finding);
  byRule.set(finding.code, list);
}
console.log(`${entries.length} documents, ${findings.length} findings\n`);
for (const [code, list] of [...byRule].sort((a, b) => b[1].length - a[1].length)) {
  const perDocument = new Map();
  for (const finding of list) {
    const document = relative(corpus, finding.source).split('/')[0];
    perDocument.set(document, (perDocument.get(document) ?? 0) + 1);
  }
  const spread = [...perDocument].sort((a, b) => b[1] - a[1]).map(([document, count]) => `${document} ${count}`).join(', ');
  console.log(`## ${code}: ${list.length} in ${perDocument.size} documents (${spread})`);
  // An even sample across documents, not the first N of the biggest one.
  const picked = [];
  const queues = [...perDocument.keys()].map((document) => list.filter((finding) => relative(corpus, finding.source).startsWith(document + '/')));
  for (let round = 0; picked.length < samples && queues.some((queue) => queue.length > round); round++) {
    for (const queue of queues) if (queue[round] && picked.length < samples) picked.push(queue[round]);
  }
  for (const finding of picked) {
    console.log(`  ${relative(corpus, finding.source)}:${finding.range.start.line + 1}  ${finding.message}`);
  }
  console.log('');
}
