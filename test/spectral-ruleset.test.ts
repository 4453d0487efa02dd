// restlint's rules as a Spectral ruleset (dist/spectral-ruleset.js, exported as
// `restlint/spectral`): the real spectral-cli extends it, by path and by package name, and
// reports restlint's findings with restlint's codes, paths, messages and severities.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../rules';
import { describeRun, FIXTURES, makeTempDir, parseFindings, REPO_ROOT, removeDir, runCli, runSpectral, type JsonFinding } from './helpers/cli';

const RULESET = join(REPO_ROOT, 'dist', 'spectral-ruleset.js');
const SEVERITY_NAMES = ['error', 'warn', 'info', 'hint'];

/** Spectral's JSON results (same shape as restlint's `--format json`). */
async function spectralLint(ruleset: string, spec: string, cwd: string): Promise<JsonFinding[]> {
  const run = await runSpectral(['lint', '-r', ruleset, '-f', 'json', '--quiet', spec], cwd);
  // Exit 1 means "found errors"; anything else than 0/1 is a crash.
  assert.ok(run.code === 0 || run.code === 1, describeRun(run));
  return parseFindings(run.stdout.trim() === '' ? '[]' : run.stdout);
}

async function restlintLint(spec: string): Promise<JsonFinding[]> {
  const run = await runCli(['lint', '--format', 'json', spec]);
  assert.ok(run.code === 0 || run.code === 1, describeRun(run));
  return parseFindings(run.stdout);
}

const key = (finding: JsonFinding) => `${finding.code} ${JSON.stringify(finding.path)} ${finding.severity} ${finding.message}`;

describe('restlint/spectral (restlint rules in spectral-cli)', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir('restlint-spectral-');
  });
  after(() => removeDir(dir));

  const writeRuleset = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  test('every restlint rule that checks documents is a Spectral rule with its meta: severity, recommended, description, doc link', () => {
    const ruleset = require(RULESET) as { rules: Record<string, Record<string, unknown>> };
    const documentRules = allRules.filter((rule) => rule.create);
    assert.ok(documentRules.length < allRules.length, 'live-only rules are left out');
    assert.deepEqual(Object.keys(ruleset.rules).sort(), documentRules.map((rule) => rule.meta.id).sort());
    for (const { meta } of documentRules) {
      const rule = ruleset.rules[meta.id];
      assert.equal(rule.severity, meta.severity, meta.id);
      assert.equal(rule.recommended, meta.recommended !== false, meta.id);
      assert.equal(rule.description, meta.description, meta.id);
      assert.match(String(rule.documentationUrl), new RegExp(`/rules/${meta.id}\\.md$`), meta.id);
      assert.equal(rule.given, '$', meta.id);
    }
  });

  test('spectral lint with the ruleset extended by path reports exactly restlint\'s findings', async () => {
    const spec = join(FIXTURES, 'petstore-bad', 'openapi.yaml');
    const ruleset = writeRuleset('by-path.spectral.yaml', `extends: [${JSON.stringify(RULESET)}]\n`);
    const [spectral, restlint] = await Promise.all([spectralLint(ruleset, spec, dir), restlintLint(spec)]);
    assert.ok(restlint.length >= 10, 'the fixture has many findings');
    // Same codes, paths, severities and messages, one for one.
    assert.deepEqual(spectral.map(key).sort(), restlint.map(key).sort());
    const byKey = new Map(spectral.map((result) => [key(result), result]));
    for (const finding of restlint) {
      const result = byKey.get(key(finding))!;
      assert.equal(result.source, finding.source);
      // Spectral derives a result's range from its path (the node's value); restlint narrows
      // it to the key or the offending segment. Both point at the same lines.
      const { start, end } = result.range;
      assert.ok(
        finding.range.start.line >= start.line && finding.range.start.line <= end.line,
        `${key(finding)}: restlint line ${finding.range.start.line} outside Spectral's ${start.line}-${end.line}`,
      );
    }
  });

  test("a severity set in the user's .spectral.yaml overrides restlint's default", async () => {
    const spec = join(FIXTURES, 'petstore-bad', 'openapi.yaml');
    const ruleset = writeRuleset(
      'override.spectral.yaml',
      `extends: [${JSON.stringify(RULESET)}]\nrules:\n  no-verb-in-path: off\n  path-kebab-case: hint\n`,
    );
    const results = await spectralLint(ruleset, spec, dir);
    assert.ok(results.length > 0);
    assert.deepEqual(results.filter((result) => result.code === 'no-verb-in-path'), []);
    const kebab = results.filter((result) => result.code === 'path-kebab-case');
    assert.ok(kebab.length > 0);
    assert.deepEqual(new Set(kebab.map((result) => SEVERITY_NAMES[result.severity])), new Set(['hint']));
  });

  test('findings inside referenced files are reported at the $ref in the entry that leads there', async () => {
    const spec = join(FIXTURES, 'multi-file', 'openapi.yaml');
    const ruleset = writeRuleset('multi.spectral.yaml', `extends: [${JSON.stringify(RULESET)}]\n`);
    const [spectral, restlint] = await Promise.all([spectralLint(ruleset, spec, REPO_ROOT), restlintLint(spec)]);
    assert.equal(spectral.length, restlint.length, JSON.stringify(spectral, null, 1));
    assert.ok(spectral.every((result) => result.source === spec));
    // parameters/query.yaml is reached through paths/orders.yaml, itself reached from /orders.
    const casing = spectral.filter((result) => result.code === 'query-param-casing');
    assert.equal(casing.length, 1);
    assert.deepEqual(casing[0].path, ['paths', '/orders', '$ref']);
    assert.match(casing[0].message, /\(in fixtures\/multi-file\/parameters\/query\.yaml#\/sortOrder\/name\)$/);
    const empty = spectral.find((result) => result.code === 'no-empty-segment');
    assert.ok(empty);
    assert.match(empty.message, /\(in fixtures\/multi-file\/paths\/orders\.yaml#\/post\/servers\/0\/url\)$/);
  });

  test('extends: [restlint/spectral] resolves through the package exports (default .spectral.yaml)', async () => {
    const project = join(dir, 'project');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(REPO_ROOT, join(project, 'node_modules', 'restlint'), 'dir');
    writeFileSync(join(project, '.spectral.yaml'), 'extends: ["restlint/spectral"]\nrules:\n  no-verb-in-path: off\n');
    cpSync(join(FIXTURES, 'petstore-bad', 'openapi.yaml'), join(project, 'openapi.yaml'));
    const run = await runSpectral(['lint', '-f', 'json', '--quiet', 'openapi.yaml'], project);
    assert.ok(run.code === 0 || run.code === 1, describeRun(run));
    const codes = new Set(parseFindings(run.stdout).map((result) => result.code));
    for (const code of ['path-kebab-case', 'no-empty-segment', 'path-no-underscore', 'no-trailing-slash']) assert.ok(codes.has(code), `${code} in ${[...codes]}`);
    assert.ok(!codes.has('no-verb-in-path'));
  });

  test('a document that is not OpenAPI gets no restlint findings and no crash', async () => {
    const ruleset = writeRuleset('not-openapi.spectral.yaml', `extends: [${JSON.stringify(RULESET)}]\n`);
    const results = await spectralLint(ruleset, join(FIXTURES, 'not-openapi', 'asyncapi.yaml'), dir);
    assert.deepEqual(results, []);
  });
});
