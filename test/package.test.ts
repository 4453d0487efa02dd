// The package as a user gets it: `npm pack` (of the dist/ scripts/test.mjs built), installed
// into an empty project with npm, then run from there with `npx restlint`. The project lives
// in a folder with no node_modules above it, so nothing resolves from this repository: a
// package dist/ requires at run time but package.json does not install shows up here.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, parse } from 'node:path';
import { CLI, FIXTURES, HANG_GUARD_MS, makeTempDir, REPO_ROOT, removeDir } from './helpers/cli';

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

/** npm, with this process's environment minus what `npm test` adds (npm_config_*, npm_lifecycle_*). */
function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) if (!/^npm_/i.test(key)) env[key] = value;
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  return spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: HANG_GUARD_MS });
}

const hasNodeModulesAbove = (dir: string): boolean => {
  for (let at = dir; ; at = dirname(at)) {
    if (existsSync(join(at, 'node_modules'))) return true;
    if (at === parse(at).root) return false;
  }
};

/** A temporary folder with no node_modules in it or above it. */
function isolatedDir(): string {
  const base = [tmpdir(), '/var/tmp', '/dev/shm'].find((dir) => existsSync(dir) && !hasNodeModulesAbove(dir));
  if (!base) throw new Error(`every temporary folder (${tmpdir()}, /var/tmp, /dev/shm) has a node_modules above it: the installed package would resolve packages from there`);
  const dir = realpathSync(mkdtempSync(join(base, 'restlint-package-')));
  dirs.push(dir);
  return dir;
}

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: { path: string }[];
}

describe('the packed package installed into an empty project', () => {
  let packed: PackResult;
  let install: SpawnSyncReturns<string>;
  let consumer: string;
  const restlint = (args: string[]) => {
    const result = spawnSync(join(consumer, 'node_modules', '.bin', 'restlint'), args, { cwd: consumer, encoding: 'utf8', timeout: HANG_GUARD_MS });
    return { code: result.status, output: `${result.stdout}${result.stderr}` };
  };

  before(() => {
    if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first with \`node scripts/build.mjs\``);
    const out = makeTempDir('restlint-pack-');
    dirs.push(out);
    // --ignore-scripts: dist/ is built already (prepack would build it again under running tests).
    const pack = npm(['pack', '--json', '--ignore-scripts', '--pack-destination', out], REPO_ROOT);
    assert.equal(pack.status, 0, pack.stderr);
    packed = (JSON.parse(pack.stdout) as PackResult[])[0];
    consumer = isolatedDir();
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true }));
    install = npm(['install', '--save-dev', '--no-audit', '--no-fund', '--prefer-offline', join(out, packed.filename)], consumer);
    assert.equal(install.status, 0, `${install.stdout}${install.stderr}`);
    const project = join(FIXTURES, 'integrations', 'project');
    writeFileSync(join(consumer, '.restlint.yaml'), readFileSync(join(project, '.restlint.yaml')));
    writeFileSync(join(consumer, 'openapi.yaml'), readFileSync(join(project, 'openapi.yaml')));
    writeFileSync(join(consumer, 'broken-openapi.yaml'), readFileSync(join(project, 'specs', 'broken-openapi.yaml')));
  });

  test('the tarball holds what runs: dist/*.js, the rule docs and the change id docs, README, LICENSE, package.json', () => {
    const paths = packed.files.map((file) => file.path);
    const outside = paths.filter((path) => !/^(dist\/[\w-]+\.js|rules\/(changes\/)?[\w-]+\.md|README\.md|LICENSE|package\.json)$/.test(path));
    assert.deepEqual(outside, []);
    for (const bundle of ['cli', 'restlint', 'probe-command', 'lsp-command', 'bundle-command', 'spectral-ruleset']) {
      assert.ok(paths.includes(`dist/${bundle}.js`), `dist/${bundle}.js is not in the tarball`);
    }
    assert.ok(paths.includes('LICENSE'));
    assert.ok(paths.includes('rules/path-no-underscore.md'));
    assert.ok(paths.includes('rules/changes/endpoint-removed.md'));
  });

  test('npm installs it without a warning, no install script and only the runtime dependencies', () => {
    assert.doesNotMatch(install.stderr, /warn/i, install.stderr);
    const manifest = JSON.parse(readFileSync(join(consumer, 'node_modules', 'restlint', 'package.json'), 'utf8')) as {
      scripts?: Record<string, string>;
      dependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(manifest.scripts?.[script], undefined, `a ${script} script would run in every project`);
    assert.deepEqual(Object.keys(manifest.dependencies ?? {}).sort(), ['ajv', 'ajv-formats']);
    assert.ok(!existsSync(join(consumer, 'node_modules', '@stoplight')), 'Spectral is installed although only a Spectral config needs it');
    assert.ok(!existsSync(join(consumer, 'node_modules', 'supertest')), 'supertest is installed although only probe --app needs it');
  });

  test('npx restlint lint: findings exit 1, a good document exits 0; explain and bundle work', () => {
    const npx = spawnSync('npx', ['--no-install', 'restlint', 'lint', 'openapi.yaml'], { cwd: consumer, encoding: 'utf8', timeout: HANG_GUARD_MS });
    assert.equal(npx.status, 0, `${npx.stdout}${npx.stderr}`);
    assert.match(npx.stdout, /No problems found in 1 file/);

    const broken = restlint(['lint', 'broken-openapi.yaml']);
    assert.equal(broken.code, 1, broken.output);
    assert.match(broken.output, /path-no-underscore/);
    const explain = restlint(['explain', 'path-no-underscore']);
    assert.equal(explain.code, 0, explain.output);
    assert.match(explain.output, /## Why is this bad\?|Why is this bad/);
    const change = restlint(['explain', 'endpoint-removed']);
    assert.equal(change.code, 0, change.output);
    assert.match(change.output, /Checks: two versions of the document \(restlint diff\)\n[\s\S]*How to evolve without breaking/);
    const bundle = restlint(['bundle', 'openapi.yaml']);
    assert.equal(bundle.code, 0, bundle.output);
    assert.match(bundle.output, /\/orders:/);
  });

  test('a config that extends spectral:oas, without Spectral installed: exit 2 naming the packages to install', () => {
    const dir = join(consumer, 'with-spectral');
    mkdirSync(dir);
    writeFileSync(join(dir, '.restlint.yaml'), 'extends: [restlint:recommended, spectral:oas]\n');
    writeFileSync(join(dir, 'openapi.yaml'), readFileSync(join(consumer, 'openapi.yaml')));
    const result = spawnSync(join(consumer, 'node_modules', '.bin', 'restlint'), ['lint', 'openapi.yaml'], { cwd: dir, encoding: 'utf8', timeout: HANG_GUARD_MS });
    const output = `${result.stdout}${result.stderr}`;
    assert.equal(result.status, 2, output);
    assert.match(output, /extends: spectral:oas needs @stoplight\/spectral-core/);
    assert.match(output, /npm install --save-dev @stoplight\/spectral-core@\^1\.\d+\.\d+ .*@stoplight\/spectral-rulesets@/);
    assert.doesNotMatch(output, /crashed|Cannot find module|at .*\.js:\d+/);
  });

  test('probe --app without supertest: a usage error (exit 2) naming it', () => {
    writeFileSync(join(consumer, 'app.js'), "module.exports = (req, res) => res.end('{}');\n");
    const result = restlint(['probe', '--spec', 'openapi.yaml', '--app', './app.js']);
    assert.equal(result.code, 2, result.output);
    assert.match(result.output, /--app \.\/app\.js: probe --app needs supertest, which restlint does not install itself: npm install --save-dev supertest@\^7/);
    assert.doesNotMatch(result.output, /crashed|Cannot find module/);
  });
});

describe('the development install', () => {
  test("every locked package's engines accept this Node (npm ci prints no EBADENGINE)", () => {
    const semver = createRequire(__filename)('semver') as { satisfies(version: string, range: string): boolean };
    const lock = JSON.parse(readFileSync(join(REPO_ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, { version?: string; engines?: unknown }> };
    const refused = Object.entries(lock.packages)
      .filter(([, entry]) => typeof entry.engines === 'object' && entry.engines !== null && typeof (entry.engines as { node?: unknown }).node === 'string')
      .filter(([, entry]) => !semver.satisfies(process.version, (entry.engines as { node: string }).node))
      .map(([path, entry]) => `${path}@${entry.version}: node ${(entry.engines as { node: string }).node}`);
    assert.deepEqual(refused, []);
  });

  test('package.json: no script runs in a project that installs restlint; npm ci here builds dist/', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; allowScripts: Record<string, boolean> };
    for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) assert.equal(manifest.scripts[script], undefined, script);
    // `dependencies` runs after npm ci/install changed node_modules, in the root project only.
    assert.equal(manifest.scripts.dependencies, 'node scripts/build.mjs');
    assert.equal(manifest.scripts.prepack, 'node scripts/build.mjs');
  });
});
