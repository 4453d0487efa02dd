// Spectral rulesets run inside restlint (src/engine/spectral/): `extends: [spectral:oas]` gives
// the findings spectral-cli gives with the same ruleset, and Spectral-style config (inline
// `given`/`then` rules, severities for Spectral ids, a lone `.spectral.yaml`) works through
// the real binary.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describeRun, FIXTURES, makeTempDir, parseFindings, REPO_ROOT, removeDir, runCli, runSpectral, type JsonFinding, type RunResult } from './helpers/cli';

const CORPUS = resolve(REPO_ROOT, '..', 'shared', 'corpus');

/**
 * Small corpus specs, each with the version it covers. Differences from spectral-cli are bugs
 * unless listed in DOCUMENTED_DIFFERENCES below (none so far).
 */
const PARITY_SPECS = [
  'oai-petstore-v2/petstore.yaml', // 2.0, YAML
  'oai-uber-v2/uber.json', // 2.0, JSON
  'oai-petstore-expanded-v3/petstore-expanded.yaml', // 3.0
  'oai-link-example-v3/link-example.yaml', // 3.0, links
  'scalar-galaxy/3.1.yaml', // 3.1
  'oai-webhook-example-v31/webhook-example.json', // 3.1, webhooks
  'oai-petstore-separate-json/spec/swagger.json', // 2.0, multi-file ($refs to sibling files)
  'realworld-conduit-api/openapi.yml', // 3.0, clean under spectral:oas
];
const DOCUMENTED_DIFFERENCES: Record<string, string> = {};

/** What parity compares: rule, place and severity (messages are Spectral's own either way). */
function keys(findings: readonly JsonFinding[]): string[] {
  return findings.map((finding) => JSON.stringify([finding.code, finding.path, finding.severity, finding.range, resolve(finding.source)])).sort();
}

describe('spectral:oas through restlint matches spectral-cli', { skip: !existsSync(CORPUS) && 'no ../shared/corpus' }, () => {
  let dir: string;
  before(() => {
    dir = makeTempDir('restlint-spectral-parity-');
    // restlint: Spectral's ruleset only (`extends` without restlint:recommended). spectral-cli: the same ruleset.
    writeFileSync(join(dir, 'restlint.yaml'), 'extends: [spectral:oas]\n');
    writeFileSync(join(dir, 'ruleset.yaml'), 'extends: [spectral:oas]\n');
  });
  after(() => removeDir(dir));

  for (const spec of PARITY_SPECS) {
    test(spec, { skip: !existsSync(join(CORPUS, spec)) && 'spec not in corpus' }, async () => {
      const file = join(CORPUS, spec);
      const out = join(dir, `${spec.replace(/\W/g, '_')}.json`);
      const [restlint, spectral] = await Promise.all([
        runCli(['lint', '--config', join(dir, 'restlint.yaml'), '-f', 'json', file], { cwd: dir }),
        runSpectral(['lint', '-r', join(dir, 'ruleset.yaml'), '-f', 'json', '-o', out, file], dir),
      ]);
      assert.ok(restlint.code === 0 || restlint.code === 1, describeRun(restlint));
      assert.ok(spectral.code === 0 || spectral.code === 1, describeRun(spectral));
      const expected = keys(JSON.parse(readFileSync(out, 'utf8')));
      const actual = keys(parseFindings(restlint.stdout));
      if (DOCUMENTED_DIFFERENCES[spec]) return;
      assert.deepEqual(actual, expected);
      // Timing, for the report: `RESTLINT_SPECTRAL_TIMING=1 npx tsx --test test/spectral-parity.test.ts`.
      if (process.env.RESTLINT_SPECTRAL_TIMING) console.log(`${spec}: ${expected.length} findings; restlint ${restlint.ms.toFixed(0)} ms, spectral-cli ${spectral.ms.toFixed(0)} ms`);
    });
  }
});

describe('Spectral rulesets in a restlint config', () => {
  let dir: string;
  before(() => {
    dir = makeTempDir('restlint-spectral-config-');
  });
  after(() => removeDir(dir));

  /** A fresh project folder holding the clean petstore fixture and these files. */
  const project = (name: string, files: Record<string, string>): string => {
    const folder = join(dir, name);
    cpSync(join(FIXTURES, 'petstore-good'), folder, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
    return folder;
  };

  test('an inline given/then rule with a core function runs beside restlint:recommended', async () => {
    const folder = project('inline', {
      '.restlint.yaml': [
        'rules:',
        '  title-no-pet:',
        '    message: "{{error}}"',
        '    severity: error',
        '    given: $.info.title',
        '    then:',
        '      function: pattern',
        '      functionOptions:',
        '        notMatch: "^Pet"',
        '',
      ].join('\n'),
    });
    const result = await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd: folder });
    assert.equal(result.code, 1, describeRun(result));
    const findings = parseFindings(result.stdout);
    // petstore-good is clean under restlint's rules: the custom rule's finding is the only one.
    assert.deepEqual(
      findings.map((finding) => [finding.code, finding.path, finding.severity, finding.source]),
      [['title-no-pet', ['info', 'title'], 0, join(folder, 'openapi.yaml')]],
    );
    assert.equal(findings[0].message, '"Petstore" must not match the pattern "^Pet"');
  });

  test('a custom function from functionsDir, as a Spectral ruleset declares it', async () => {
    const folder = project('custom-function', {
      '.restlint.yaml': 'extends: []\nfunctionsDir: fns\nfunctions: [lowerTitle]\nrules:\n  lower-title:\n    given: $.info.title\n    severity: warn\n    then:\n      function: lowerTitle\n',
    });
    mkdirSync(join(folder, 'fns'));
    writeFileSync(join(folder, 'fns', 'lowerTitle.js'), "module.exports = (input) => (input === input.toLowerCase() ? [] : [{ message: 'the title is lower case' }]);\n");
    const result = await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd: folder });
    assert.deepEqual(
      parseFindings(result.stdout).map((finding) => [finding.code, finding.message, finding.severity]),
      [['lower-title', 'the title is lower case', 1]],
      describeRun(result),
    );
  });

  test('extends a Spectral ruleset in JavaScript by relative path', async () => {
    const folder = project('js-ruleset', {
      '.restlint.yaml': 'extends: [./team.spectral.js]\n',
      'team.spectral.js': [
        "const { truthy } = require('@stoplight/spectral-functions');",
        "module.exports = { rules: { 'has-external-docs': { given: '$', severity: 'error', then: { field: 'externalDocs', function: truthy } } } };",
        '',
      ].join('\n'),
    });
    const result = await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd: folder });
    assert.equal(result.code, 1, describeRun(result));
    assert.deepEqual(
      parseFindings(result.stdout).map((finding) => [finding.code, finding.severity]),
      [['has-external-docs', 0]],
    );
  });

  test('a remote $ref is refused by the Spectral pass too: a finding, never a request', async () => {
    const folder = project('remote-ref', { '.restlint.yaml': 'extends: [spectral:oas]\n' });
    const file = join(folder, 'openapi.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace("$ref: '#/components/parameters/limit'", "$ref: 'https://example.invalid/params.yaml#/limit'"));
    const result = await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd: folder });
    const refs = parseFindings(result.stdout).filter((finding) => finding.code === 'invalid-ref');
    assert.equal(refs.length, 1, describeRun(result));
    assert.match(refs[0].message, /^restlint does not fetch remote \$refs \(https:\/\/example\.invalid\/params\.yaml\)/);
  });

  test('spectral:asyncapi lints an AsyncAPI document, which restlint alone refuses', async () => {
    const asyncApi = 'asyncapi: 2.6.0\ninfo:\n  title: Events\n  version: 1.0.0\nchannels:\n  user/signedup:\n    subscribe:\n      operationId: onSignup\n      message:\n        payload:\n          type: object\n';
    const folder = project('asyncapi', { 'events.yaml': asyncApi, '.restlint.yaml': 'extends: [spectral:asyncapi]\n' });
    const result = await runCli(['lint', '-f', 'json', 'events.yaml'], { cwd: folder });
    assert.equal(result.code, 0, describeRun(result));
    assert.ok(parseFindings(result.stdout).some((finding) => finding.code === 'asyncapi-info-contact'), describeRun(result));
    writeFileSync(join(folder, '.restlint.yaml'), 'extends: [restlint:recommended]\n');
    const without = await runCli(['lint', 'events.yaml'], { cwd: folder });
    assert.equal(without.code, 2, describeRun(without));
    assert.match(without.stderr, /not an OpenAPI document: it is an AsyncAPI 2\.6\.0 document/);
  });

  test('a folder with only a .spectral.yaml is linted with it', async () => {
    const folder = project('spectral-only', { '.spectral.yaml': 'extends: [spectral:oas]\nrules:\n  oas3-schema: off\n  operation-tags: off\n' });
    const result = await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd: folder });
    assert.equal(result.code, 0, describeRun(result));
    const codes = new Set(parseFindings(result.stdout).map((finding) => finding.code));
    assert.deepEqual([...codes].sort(), ['info-contact', 'operation-description']);
  });

  test('severity overrides and off for Spectral rule ids, at the top level and in overrides', async () => {
    const base = 'extends: [spectral:oas]\nrules:\n  oas3-schema: off\n  operation-tags: off\n';
    const plain = await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd: project('severity-default', { '.restlint.yaml': base }) });
    const severities = (result: RunResult) => new Map(parseFindings(result.stdout).map((finding) => [finding.code, finding.severity]));
    assert.deepEqual(severities(plain), new Map([['info-contact', 1], ['operation-description', 1]]), describeRun(plain));

    const changed = project('severity', {
      '.restlint.yaml': `${base}  info-contact: error\n  operation-description: 'off'\noverrides:\n  - files: ['openapi.yaml#/info']\n    rules:\n      info-contact: hint\n`,
    });
    const result = await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd: changed });
    // Top level: error, then the override lowers it to a hint under #/info; operation-description is off.
    assert.deepEqual(severities(result), new Map([['info-contact', 3]]), describeRun(result));
    assert.equal(result.code, 0);
  });

  test('x-restlint-ignore silences a Spectral rule and is not an unknown rule', async () => {
    const folder = project('ignore', { '.restlint.yaml': 'extends: [restlint:recommended, spectral:oas]\nrules:\n  oas3-schema: off\n  operation-tags: off\n' });
    const text = readFileSync(join(folder, 'openapi.yaml'), 'utf8').replace('info:\n', 'info:\n  x-restlint-ignore: [info-contact]\n');
    writeFileSync(join(folder, 'openapi.yaml'), text);
    const result = await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd: folder });
    const codes = new Set(parseFindings(result.stdout).map((finding) => finding.code));
    assert.deepEqual([...codes], ['operation-description'], describeRun(result));
  });

  test('a severity for a rule the Spectral ruleset does not have: exit 2 naming the config', async () => {
    const folder = project('unknown', { '.restlint.yaml': 'extends: [spectral:oas]\nrules:\n  no-such-rule: warn\n' });
    const result = await runCli(['lint', 'openapi.yaml'], { cwd: folder });
    assert.equal(result.code, 2, describeRun(result));
    assert.match(result.stderr, /\.restlint\.yaml: invalid config: Spectral ruleset: Cannot extend non-existing rule: "no-such-rule"/);
  });

  test('without a Spectral ruleset, an unknown rule id is still a config error', async () => {
    const folder = project('no-spectral', { '.restlint.yaml': 'rules:\n  info-contact: warn\n' });
    const result = await runCli(['lint', 'openapi.yaml'], { cwd: folder });
    assert.equal(result.code, 2, describeRun(result));
    assert.match(result.stderr, /unknown rule "info-contact"/);
  });

  test("invalid-ref with restlint:recommended and spectral:oas: reported once, in restlint's words", async () => {
    const folder = project('ref-once', { '.restlint.yaml': 'extends: [restlint:recommended, spectral:oas]\nrules:\n  oas3-schema: off\n  operation-tags: off\n' });
    const file = join(folder, 'openapi.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll("$ref: '#/components/parameters/limit'", "$ref: './missing.yaml'"));
    const result = await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd: folder });
    assert.equal(result.code, 1, describeRun(result));
    const refs = parseFindings(result.stdout).filter((finding) => finding.code === 'invalid-ref');
    assert.deepEqual(
      refs.map((finding) => [finding.range.start.line + 1, finding.range.start.character + 1, finding.message]),
      [
        [16, 17, '$ref "./missing.yaml": file missing.yaml not found'],
        [96, 17, '$ref "./missing.yaml": file missing.yaml not found'],
      ],
    );
    // With spectral:oas alone, Spectral's invalid-ref is the one there is.
    writeFileSync(join(folder, '.restlint.yaml'), 'extends: [spectral:oas]\nrules:\n  oas3-schema: off\n  operation-tags: off\n');
    const alone = await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd: folder });
    const spectralRefs = parseFindings(alone.stdout).filter((finding) => finding.code === 'invalid-ref');
    assert.deepEqual(spectralRefs.map((finding) => [finding.range.start.line + 1, finding.message]), [[16, `ENOENT: no such file or directory, open '${join(folder, 'missing.yaml')}'`]], describeRun(alone));
  });

  test('a Spectral ruleset error keeps the file:line:col spectral-cli reports', async () => {
    const ruleset = 'extends: [spectral:oas]\nrules:\n  my-rule:\n    given: $.info\n    severity: error\n    then:\n      function: pattern\n      functionOptions:\n        nope: 1\n';
    const folder = project('ruleset-error-line', { '.spectral.yaml': ruleset });
    const spectral = await runSpectral(['lint', 'openapi.yaml'], folder);
    assert.match(spectral.stdout + spectral.stderr, /\.spectral\.yaml:9:15 — "pattern" function does not support "nope" option/, describeRun(spectral));
    const result = await runCli(['lint', 'openapi.yaml'], { cwd: folder });
    assert.equal(result.code, 2, describeRun(result));
    assert.equal(
      result.stderr,
      'error .spectral.yaml:9:15: invalid config: Spectral ruleset: rules.my-rule.then.functionOptions.nope: "pattern" function does not support "nope" option\n',
    );
    // The same rule inline in a .restlint.yaml: the line is the config's.
    writeFileSync(join(folder, '.restlint.yaml'), ruleset.replace('[spectral:oas]', '[restlint:recommended]'));
    const inline = await runCli(['lint', 'openapi.yaml'], { cwd: folder });
    assert.equal(inline.code, 2, describeRun(inline));
    assert.equal(
      inline.stderr,
      'error .restlint.yaml:9:15: invalid config: Spectral ruleset: rules.my-rule.then.functionOptions.nope: "pattern" function does not support "nope" option\n',
    );
  });

  test('an inline rule naming a function that does not exist: exit 2 naming the config and the line', async () => {
    const folder = project('bad-function', { '.restlint.yaml': 'rules:\n  r1:\n    given: $.info\n    then:\n      function: noSuchFunction\n' });
    const result = await runCli(['lint', 'openapi.yaml'], { cwd: folder });
    assert.equal(result.code, 2, describeRun(result));
    assert.match(result.stderr, /\.restlint\.yaml:5:17: invalid config: Spectral ruleset: rules\.r1\.then\.function: Function is not defined \("noSuchFunction" is not a core Spectral function/);
  });
});

describe('Spectral rulesets published as packages', () => {
  test('extends names an installed package: its ruleset runs; an unknown name is a config error naming the file and line', async () => {
    const dir = makeTempDir();
    try {
      writeFileSync(join(dir, 'package.json'), '{}');
      mkdirSync(join(dir, 'node_modules', 'acme-ruleset'), { recursive: true });
      writeFileSync(join(dir, 'node_modules', 'acme-ruleset', 'package.json'), '{"name":"acme-ruleset","main":"ruleset.yaml"}');
      writeFileSync(
        join(dir, 'node_modules', 'acme-ruleset', 'ruleset.yaml'),
        'rules:\n  info-has-team:\n    description: info names the owning team\n    given: $.info\n    severity: error\n    then: { field: x-team, function: truthy }\n',
      );
      cpSync(join(FIXTURES, 'petstore-good', 'openapi.yaml'), join(dir, 'openapi.yaml'));
      writeFileSync(join(dir, '.restlint.yaml'), 'extends: [acme-ruleset]\n');
      const found = await runCli(['lint', '--format', 'json', 'openapi.yaml'], { cwd: dir });
      assert.equal(found.code, 1, describeRun(found));
      assert.deepEqual(parseFindings(found.stdout).map((finding) => `${finding.code} ${finding.severity} ${finding.message}`), ['info-has-team 0 info names the owning team']);
      writeFileSync(join(dir, '.restlint.yaml'), 'extends: [nope-ruleset]\n');
      const missing = await runCli(['lint', 'openapi.yaml'], { cwd: dir });
      assert.equal(missing.code, 2, describeRun(missing));
      assert.match(missing.stderr, /\.restlint\.yaml:1:11: invalid config: extends "nope-ruleset": no such file, and no installed package of that name/);
    } finally {
      removeDir(dir);
    }
  });
});
