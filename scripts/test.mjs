// Runs the whole test suite with node's test runner: builds first (end-to-end tests drive
// dist/cli.js), then every test/**/*.test.ts through tsx.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const build = spawnSync(process.execPath, [join(root, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const filter = process.argv.slice(2);
const files = readdirSync(join(root, 'test'), { recursive: true })
  .filter((file) => String(file).endsWith('.test.ts'))
  .map((file) => join('test', String(file)))
  .filter((file) => filter.length === 0 || filter.some((word) => file.includes(word)))
  .sort();
const run = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
