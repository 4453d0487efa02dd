import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../rules';
import { REPORTERS } from '../src/report/formats';
import { CHANGE_KINDS } from '../src/engine/diff/changes';

const root = join(__dirname, '..');
const readme = readFileSync(join(root, 'README.md'), 'utf8');

test('README lists every rule with its default severity', () => {
  for (const { meta } of allRules) {
    const row = readme.split('\n').find((line) => line.startsWith(`| [\`${meta.id}\`]`));
    assert.ok(row, `README has no table row for ${meta.id}`);
    assert.ok(row.includes(`| ${meta.severity} |`), `README row for ${meta.id} does not show its default severity ${meta.severity}`);
  }
});

test("README's quick start names files that exist and commands .ci/run runs", () => {
  const lint = /npx restlint lint (\S+)/.exec(readme);
  assert.ok(lint, 'the quick start has a lint command');
  assert.ok(existsSync(join(root, lint[1])), `${lint[1]} exists`);
  const ci = readFileSync(join(root, '.ci', 'run'), 'utf8');
  assert.ok(ci.includes(`npx restlint lint ${lint[1]}`), '.ci/run runs the same lint command');
  assert.ok(ci.includes('npm ci') && ci.includes('npm test'), '.ci/run runs npm ci and npm test');
  const probe = /npx restlint probe --spec (\S+) --app (\S+)/.exec(readme);
  assert.ok(probe, 'the quick start has a probe command');
  for (const file of [probe[1], probe[2]]) assert.ok(existsSync(join(root, file)), `${file} exists`);
  assert.ok(ci.includes(probe[0]), '.ci/run runs the same probe command');
});

test("README's lint synopsis lists every --format, and each is described under Output formats", () => {
  // The reporters' table is the CLI's list of choices.
  const synopsis = /restlint lint <files or globs…> \[--format ([a-z|]+) /.exec(readme);
  assert.ok(synopsis, 'the Commands block has the lint synopsis');
  assert.deepEqual(synopsis[1].split('|'), Object.keys(REPORTERS));
  for (const format of Object.keys(REPORTERS)) assert.match(readme, new RegExp(`\`${format}\`[ ,(:]`), `README describes --format ${format}`);
});

test('README says what --quiet, --fix and --fix-dry-run print, as --help does', () => {
  assert.ok(readme.includes('only the findings that fail the run are reported (those at or above `--fail-severity`, so errors by default), with no progress line and no summary line'));
  assert.ok(readme.includes('the diff alone goes to stdout'));
  assert.ok(readme.includes('`fixed 3 findings in 1 file`'));
});

test('README does not call the probe "still to come": the probe command exists', () => {
  assert.ok(existsSync(join(root, 'src', 'cli', 'probe-command.ts')), 'restlint probe exists');
  assert.deepEqual(readme.split('\n').filter((line) => /still to come/i.test(line)), []);
});

test('README describes restlint:all against restlint:recommended as the presets are', () => {
  const offInRecommended = allRules.filter((rule) => rule.meta.recommended === false).map((rule) => rule.meta.id);
  const presets = readme.split('\n').find((line) => line.startsWith('`extends` takes the presets'));
  assert.ok(presets, 'README describes the presets');
  if (offInRecommended.length === 0) {
    assert.ok(presets.includes('`restlint:all` (every rule at its default severity; today that is the same as `restlint:recommended`, since no rule is off there)'), presets);
  } else {
    assert.ok(presets.includes('including rules the recommended profile leaves off'), `README must say restlint:all adds ${offInRecommended.join(', ')}`);
  }
});

test("README says the probe summary counts the operations it left out (it does not list them)", () => {
  assert.ok(readme.includes('the summary counts the operations that left out and names the checks it could not make'));
  assert.ok(!readme.includes('the summary says which operations'));
});

test("README's restlint diff section lists every change id with its level and description, and CI runs diff --since", () => {
  const rows = readme.split('\n').filter((line) => /^\| `[a-z-]+` \| (error|warn|info) \|/.test(line));
  const expected = CHANGE_KINDS.map((kind) => `| \`${kind.id}\` | ${kind.level} | ${kind.description} |`);
  assert.deepEqual(rows, expected);
  assert.ok(readme.includes('restlint diff openapi.yaml --since origin/main'), 'the CI example has a restlint diff --since step');
});
