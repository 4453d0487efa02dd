// What Spectral users type and write, through the real binary: `--ruleset`, `--skip-rule`,
// `-D/--display-only-failures`, numeric severities in `.restlint.yaml`, SARIF that describes
// Spectral rules, and config errors that say what they expected.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRun, FIXTURES, makeTempDir, parseFindings, removeDir, runCli } from './helpers/cli';

/** Spectral's oas rules that petstore-good breaks, once the two noisy ones are off. */
const SPECTRAL_RULESET = 'extends: [spectral:oas]\nrules:\n  oas3-schema: off\n  operation-tags: off\n';

describe("Spectral users' habits", () => {
  let dir: string;
  before(() => {
    dir = makeTempDir('restlint-spectral-habits-');
  });
  after(() => removeDir(dir));

  /** A fresh folder holding petstore-good and these files. */
  const project = (name: string, files: Record<string, string>): string => {
    const folder = join(dir, name);
    cpSync(join(FIXTURES, 'petstore-good'), folder, { recursive: true });
    for (const [file, text] of Object.entries(files)) writeFileSync(join(folder, file), text);
    return folder;
  };

  /** petstore-good with both references to the `limit` parameter pointing at a file that is not there. */
  const brokenRefs = (name: string, config: string): string => {
    const folder = project(name, { '.restlint.yaml': config });
    const file = join(folder, 'openapi.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll("$ref: '#/components/parameters/limit'", "$ref: './missing.yaml'"));
    return folder;
  };

  const codesOf = (stdout: string) => [...new Set(parseFindings(stdout).map((finding) => finding.code))].sort();

  test('--ruleset names the Spectral ruleset file, as in spectral lint: its rules run, restlint:recommended does not', async () => {
    // Discovery would not pick up team.spectral.yaml; the folder's .restlint.yaml would be used instead.
    const folder = project('ruleset', { 'team.spectral.yaml': SPECTRAL_RULESET, '.restlint.yaml': 'rules:\n  no-verb-in-path: error\n' });
    const result = await runCli(['lint', '--ruleset', 'team.spectral.yaml', '-f', 'json', 'openapi.yaml'], { cwd: folder });
    assert.equal(result.code, 0, describeRun(result));
    assert.deepEqual(codesOf(result.stdout), ['info-contact', 'operation-description']);
  });

  test('--ruleset is listed in --help beside --config', async () => {
    const result = await runCli(['lint', '--help']);
    assert.equal(result.code, 0, describeRun(result));
    // Without the layout (it follows the terminal's width).
    const help = result.stdout.replace(/\s+/g, ' ');
    assert.ok(help.includes('-c, --config, --ruleset Config file: a .restlint.yaml, or a Spectral ruleset (.spectral.yaml; --ruleset, as in Spectral)'), result.stdout);
  });

  test('--skip-rule leaves a rule out (repeatable), Spectral ones and restlint ones', async () => {
    const folder = project('skip', { '.restlint.yaml': `${SPECTRAL_RULESET.replace('[spectral:oas]', '[restlint:recommended, spectral:oas]')}  path-kebab-case: error\n` });
    writeFileSync(join(folder, 'openapi.yaml'), readFileSync(join(folder, 'openapi.yaml'), 'utf8').replace('/pets/{petId}:', '/pets/{petId}/Photos:'));
    const all = await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd: folder });
    assert.deepEqual(codesOf(all.stdout), ['info-contact', 'operation-description', 'parent-paths-exist', 'path-kebab-case'], describeRun(all));
    const one = await runCli(['lint', '-f', 'json', '--skip-rule', 'operation-description', 'openapi.yaml'], { cwd: folder });
    assert.deepEqual(codesOf(one.stdout), ['info-contact', 'parent-paths-exist', 'path-kebab-case'], describeRun(one));
    const skipAll = ['operation-description', 'path-kebab-case', 'info-contact', 'parent-paths-exist'].flatMap((id) => ['--skip-rule', id]);
    const none = await runCli(['lint', '-f', 'json', ...skipAll, 'openapi.yaml'], { cwd: folder });
    assert.equal(none.code, 0, describeRun(none));
    assert.deepEqual(codesOf(none.stdout), []);
  });

  test('--skip-rule with an id no rule has: a usage error with the closest id', async () => {
    const folder = project('skip-typo', { '.restlint.yaml': SPECTRAL_RULESET });
    const spectralTypo = await runCli(['lint', '--skip-rule', 'operation-descripton', 'openapi.yaml'], { cwd: folder });
    assert.equal(spectralTypo.code, 2, describeRun(spectralTypo));
    assert.equal(spectralTypo.stdout, '');
    assert.equal(
      spectralTypo.stderr,
      'error --skip-rule operation-descripton: no such rule (did you mean "operation-description"?); `restlint rules` lists restlint\'s\nRun `restlint --help` for usage.\n',
    );
    const restlintTypo = await runCli(['lint', '--skip-rule', 'path-kebab', 'openapi.yaml'], { cwd: folder });
    assert.equal(restlintTypo.code, 2, describeRun(restlintTypo));
    assert.equal(restlintTypo.stderr, 'error --skip-rule path-kebab: no such rule (did you mean "path-kebab-case"?); `restlint rules` lists restlint\'s\nRun `restlint --help` for usage.\n');
  });

  test('--skip-rule of a Spectral id when the config fails to load: the config error, not a usage error', async () => {
    const folder = project('skip-broken-config', { '.restlint.yaml': 'extends: [spectral:oas]\nrules:\n  r1:\n    given: $.info\n    then:\n      function: noSuchFunction\n' });
    const result = await runCli(['lint', '--skip-rule', 'operation-tags', 'openapi.yaml'], { cwd: folder });
    assert.equal(result.code, 2, describeRun(result));
    assert.match(result.stderr, /^error \.restlint\.yaml:6:17: invalid config: Spectral ruleset: rules\.r1\.then\.function: Function is not defined/);
    assert.doesNotMatch(result.stderr, /--skip-rule/);
  });

  test('-D/--display-only-failures shows only errors, with their summary; the exit code still counts every finding', async () => {
    const folder = brokenRefs('only-failures', 'extends: [restlint:recommended]\n');
    const plain = await runCli(['lint', 'openapi.yaml'], { cwd: folder });
    assert.match(plain.stdout, /no-unused-components/, describeRun(plain));
    for (const flag of ['-D', '--display-only-failures']) {
      const result = await runCli(['lint', flag, 'openapi.yaml'], { cwd: folder });
      assert.equal(result.code, 1, describeRun(result));
      assert.equal(
        result.stdout,
        [
          'openapi.yaml',
          '  16:17  error  $ref "./missing.yaml": file missing.yaml not found  invalid-ref',
          '  96:17  error  $ref "./missing.yaml": file missing.yaml not found  invalid-ref',
          '',
          '✖ 2 problems (2 errors, 0 warnings, 0 infos, 0 hints) in 1 file',
          '',
        ].join('\n'),
      );
    }
    // Only warnings: -D shows nothing, and --fail-severity warn still fails on them.
    const warnings = project('only-warnings', { '.restlint.yaml': SPECTRAL_RULESET });
    const shown = await runCli(['lint', '-D', '-f', 'json', 'openapi.yaml'], { cwd: warnings });
    assert.equal(shown.code, 0, describeRun(shown));
    assert.deepEqual(parseFindings(shown.stdout), []);
    const failing = await runCli(['lint', '-D', '-F', 'warn', '-f', 'json', 'openapi.yaml'], { cwd: warnings });
    assert.equal(failing.code, 1, describeRun(failing));
    assert.deepEqual(parseFindings(failing.stdout), []);
  });

  test('--help says what -D shows and how it differs from --quiet', async () => {
    const result = await runCli(['lint', '--help']);
    const help = result.stdout.replace(/\s+/g, ' ');
    assert.ok(
      help.includes("-D, --display-only-failures Show only error-severity findings (Spectral's -D); the summary stays and the exit code still counts every finding (--quiet: errors only, no summary)"),
      result.stdout,
    );
  });

  test('numeric severities in .restlint.yaml, as in .spectral.yaml: 0 error, 1 warn, 2 info, 3 hint', async () => {
    const folder = brokenRefs('numeric', 'rules:\n  invalid-ref: 2\n  no-unused-components: [0]\n');
    const result = await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd: folder });
    assert.equal(result.code, 1, describeRun(result));
    assert.deepEqual(
      parseFindings(result.stdout).map((finding) => [finding.code, finding.severity]),
      [
        ['invalid-ref', 2],
        ['invalid-ref', 2],
        ['no-unused-components', 0],
      ],
    );
    writeFileSync(join(folder, '.restlint.yaml'), 'rules:\n  invalid-ref: 3\n  no-unused-components: 1\n');
    const hints = await runCli(['lint', '-f', 'json', 'openapi.yaml'], { cwd: folder });
    assert.deepEqual(parseFindings(hints.stdout).map((finding) => [finding.code, finding.severity]), [['invalid-ref', 3], ['invalid-ref', 3], ['no-unused-components', 1]], describeRun(hints));
    writeFileSync(join(folder, '.restlint.yaml'), 'rules:\n  invalid-ref: 4\n');
    const bad = await runCli(['lint', 'openapi.yaml'], { cwd: folder });
    assert.equal(bad.code, 2, describeRun(bad));
    assert.equal(bad.stderr, 'error .restlint.yaml:2:16: invalid config: severity 4 for invalid-ref: expected off, error, warn, info or hint (or, as in Spectral, 0 error, 1 warn, 2 info, 3 hint)\n');
  });

  test('an option outside its allowed values: the error lists them', async () => {
    const folder = project('enum', { '.restlint.yaml': 'rules:\n  path-kebab-case: [warn, { case: upper }]\n' });
    const result = await runCli(['lint', 'openapi.yaml'], { cwd: folder });
    assert.equal(result.code, 2, describeRun(result));
    assert.equal(
      result.stderr,
      'error .restlint.yaml:2:35: invalid config: path-kebab-case options: case must be equal to one of the allowed values: "kebab", "camel", "snake"\n',
    );
  });

  test('SARIF describes a Spectral rule with its description and doc link, not only its id', async () => {
    const folder = project('sarif', { '.restlint.yaml': SPECTRAL_RULESET });
    const result = await runCli(['lint', '-f', 'sarif', 'openapi.yaml'], { cwd: folder });
    assert.equal(result.code, 0, describeRun(result));
    const rules = (JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: Record<string, unknown>[] } } }[] }).runs[0].tool.driver.rules;
    assert.deepEqual(rules, [
      {
        id: 'info-contact',
        shortDescription: { text: 'Info object must have "contact" object.' },
        fullDescription: { text: 'Info object must have "contact" object.' },
        helpUri: 'https://meta.stoplight.io/docs/spectral/docs/reference/openapi-rules.md#info-contact',
      },
      {
        id: 'operation-description',
        shortDescription: { text: 'Operation "description" must be present and non-empty string.' },
        fullDescription: { text: 'Operation "description" must be present and non-empty string.' },
        helpUri: 'https://meta.stoplight.io/docs/spectral/docs/reference/openapi-rules.md#operation-description',
      },
    ]);
  });
});
