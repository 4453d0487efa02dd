// Runs the test suite with node's test runner, every test/**/*.test.ts through tsx, in two parts:
//   unit  the in-process suites: rules, the engine, the probe rules through the check helpers,
//         the prober's parts (the scheduler on a fake clock), the rule docs, the report formats,
//         the README. No child process, no HTTP, no language server: fast.
//   e2e   the end-to-end suites: the CLI binary (dist/cli.js), probes over HTTP, spectral-cli,
//         the language server over stdio, Neovim, code-server, the sweeps of ../shared/corpus.
//         The build runs first (they drive dist/).
//
//   node scripts/test.mjs                     both parts, unit first (what `npm test` runs)
//   node scripts/test.mjs --part unit         one part (npm run test:unit, npm run test:e2e)
//   node scripts/test.mjs lsp/diagnostics     the files whose path contains a word, in any part
//
// Every test file belongs to exactly one part, by what it does (PARTS, below): a file in none
// fails the run, so a new one is placed on purpose.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

/** Folders (ending in /) and files of each part. */
const PARTS = {
  unit: [
    'test/engine/',
    'test/rules/',
    'test/probe/rules/',
    'test/probe/prober-units.test.ts',
    'test/probe/schema.test.ts',
    'test/probe/stack-traces.test.ts',
    'test/cli-fast-path.test.ts',
    'test/lexicon.test.ts',
    'test/migration.test.ts',
    'test/readme.test.ts',
    'test/report-formats.test.ts',
    'test/report-html.test.ts',
    'test/diff-docs.test.ts',
    'test/rule-docs.test.ts',
    'test/rule-fixes.test.ts',
  ],
  e2e: [
    'test/editor/',
    'test/lsp/',
    'test/probe/corpus-plan.test.ts',
    'test/probe/probe-cli.test.ts',
    'test/probe/own-writes.test.ts',
    'test/probe/schema-corpus.test.ts',
    'test/baseline.test.ts',
    'test/bundle.test.ts',
    'test/cli-code-cache.test.ts',
    'test/cli.test.ts',
    'test/cli-profiles.test.ts',
    'test/diff-cli.test.ts',
    'test/corpus.test.ts',
    'test/ranges.test.ts',
    'test/fix.test.ts',
    'test/readme-probe.test.ts',
    'test/hostile.test.ts',
    'test/html-report.test.ts',
    'test/spectral-habits.test.ts',
    'test/integrations.test.ts',
    'test/package.test.ts',
    'test/spectral-parity.test.ts',
    'test/spectral-ruleset.test.ts',
  ],
};

const root = join(import.meta.dirname, '..');
const { values, positionals: filter } = parseArgs({ options: { part: { type: 'string' } }, allowPositionals: true });
if (values.part !== undefined && !(values.part in PARTS)) {
  console.error(`--part ${values.part}: give ${Object.keys(PARTS).join(' or ')}`);
  process.exit(2);
}

const files = readdirSync(join(root, 'test'), { recursive: true })
  .filter((file) => String(file).endsWith('.test.ts'))
  .map((file) => join('test', String(file)).split('\\').join('/'))
  .sort();
const partsOf = (file) => Object.keys(PARTS).filter((part) => PARTS[part].some((entry) => (entry.endsWith('/') ? file.startsWith(entry) : file === entry)));
const misplaced = files.filter((file) => partsOf(file).length !== 1);
if (misplaced.length > 0) {
  for (const file of misplaced) console.error(`${file} is in ${partsOf(file).length === 0 ? 'no part' : 'both parts'} of scripts/test.mjs: list it (or its folder) in PARTS.unit or PARTS.e2e`);
  process.exit(2);
}

const parts = (values.part ? [values.part] : Object.keys(PARTS))
  .map((part) => ({ part, files: files.filter((file) => partsOf(file)[0] === part && (filter.length === 0 || filter.some((word) => file.includes(word)))) }))
  .filter(({ files }) => files.length > 0);
if (parts.length === 0) {
  console.error(`no test file matches ${filter.join(' ')}${values.part ? ` in the ${values.part} part` : ''}`);
  process.exit(2);
}

if (parts.some(({ part }) => part === 'e2e')) {
  const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Both parts run even when the first fails, so that one run reports every failure.
let failed = false;
for (const { part, files } of parts) {
  if (parts.length > 1) console.log(`\n# ${part}: ${files.length} test files`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
