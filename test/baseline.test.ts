// Only new findings: `--write-baseline` / `--baseline` and `--since <git ref>`, through the real
// binary in temporary folders and git repositories, plus unit tests of the fingerprint matcher.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../src/engine/finding';
import { countKeys, fingerprint, keyFindings, newFindings } from '../src/cli/fingerprint';
import { describeRun, makeTempDir, parseFindings, removeDir, runCli, type RunResult } from './helpers/cli';
import { git, writeIn } from './helpers/git';

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));
function tempDir(): string {
  const dir = makeTempDir('restlint-baseline-');
  dirs.push(dir);
  return dir;
}

function assertExit(result: RunResult, code: number): void {
  assert.equal(result.code, code, `expected exit ${code}\n${describeRun(result)}`);
}

/** A path item that breaks no rule of its own: renaming it is an unrelated edit. */
const QUIET_PATH = (path: string) => `  ${path}:
    delete:
      operationId: delete${path.replace(/\W/g, '')}
      responses:
        '204':
          description: Deleted
        '404':
          description: Not found
        default:
          description: Error
`;
/** A GET on `path`, which breaks naming rules when the path does. */
const GET_PATH = (path: string) => `  ${path}:
    get:
      operationId: get${path.replace(/\W/g, '')}
      responses:
        '200':
          description: ok
`;
const spec = (blocks: string[], above = '') => `${above}openapi: 3.0.3
info:
  title: T
  version: 1.0.0
paths:
${blocks.join('')}`;
const BLOCKS = [QUIET_PATH('/pets'), GET_PATH('/getPets'), GET_PATH('/store/order_items')];
const BASELINE = '.restlint-baseline.json';

async function lintJson(cwd: string, args: string[], code: number) {
  const result = await runCli(['lint', '--format', 'json', ...args], { cwd });
  assertExit(result, code);
  return parseFindings(result.stdout);
}

/** A folder with openapi.yaml (BLOCKS) and its baseline written. */
async function baselined(): Promise<string> {
  const dir = tempDir();
  writeFileSync(join(dir, 'openapi.yaml'), spec(BLOCKS));
  const written = await runCli(['lint', 'openapi.yaml', '--write-baseline', BASELINE], { cwd: dir });
  assertExit(written, 0);
  assert.match(written.stderr, /^Recorded \d+ findings in \.restlint-baseline\.json; lint with --baseline \.restlint-baseline\.json to see only new ones\.\n$/);
  return dir;
}

describe('--write-baseline and --baseline', () => {
  test('the baseline records every finding, sorted, with counts, and writing it twice gives the same bytes', async () => {
    const dir = await baselined();
    const all = await lintJson(dir, ['openapi.yaml'], 1);
    assert.ok(all.length >= 5, 'the spec has findings to baseline');
    const text = readFileSync(join(dir, BASELINE), 'utf8');
    const file = JSON.parse(text);
    assert.equal(file.version, 1);
    assert.equal(file.findings.reduce((sum: number, entry: { count: number }) => sum + entry.count, 0), all.length);
    for (const entry of file.findings) assert.equal(entry.file, 'openapi.yaml', 'files are relative to the baseline folder');
    const order = file.findings.map((entry: { file: string; code: string; fingerprint: string }) => `${entry.file}\0${entry.code}\0${entry.fingerprint}`);
    assert.deepEqual(order, [...order].sort());
    assert.ok(text.endsWith('}\n') && text.includes('\n  "findings": ['), 'pretty-printed');
    assertExit(await runCli(['lint', 'openapi.yaml', '--write-baseline', BASELINE], { cwd: dir }), 0);
    assert.equal(readFileSync(join(dir, BASELINE), 'utf8'), text);
  });

  test('with the baseline, the same document reports nothing and exits 0', async () => {
    const dir = await baselined();
    assert.deepEqual(await lintJson(dir, ['openapi.yaml', '--baseline', BASELINE], 0), []);
  });

  test('the summary line says how many findings the baseline held back, not "No problems found"', async () => {
    const dir = await baselined();
    const count = (await lintJson(dir, ['openapi.yaml'], 1)).length;
    const held = await runCli(['lint', 'openapi.yaml', '--baseline', BASELINE], { cwd: dir });
    assertExit(held, 0);
    assert.deepEqual([held.stdout, held.stderr], [`No new problems (${count} in the baseline).\n`, '']);
    const summary = await runCli(['lint', 'openapi.yaml', '--baseline', BASELINE, '--format', 'summary'], { cwd: dir });
    assert.equal(summary.stdout, `No new problems (${count} in the baseline).\n`);
    // Writing the baseline holds back everything it records.
    const written = await runCli(['lint', 'openapi.yaml', '--write-baseline', BASELINE], { cwd: dir });
    assert.equal(written.stdout, `No new problems (${count} in the baseline).\n`);
    // A new finding: the counts, then what the baseline held back.
    writeFileSync(join(dir, 'openapi.yaml'), spec([...BLOCKS, GET_PATH('/listOwners')]));
    const found = await runCli(['lint', 'openapi.yaml', '--baseline', BASELINE], { cwd: dir });
    assertExit(found, 1);
    assert.match(found.stdout, new RegExp(`\\n✖ \\d+ problems? \\([^)]*\\) in 1 file; ${count} in the baseline\\n$`));
    // --quiet: no summary line at all.
    const quiet = await runCli(['lint', 'openapi.yaml', '--baseline', BASELINE, '--quiet'], { cwd: dir });
    assert.doesNotMatch(quiet.stdout, /baseline|✖/);
  });

  test('--write-baseline into a folder that is a file, or a missing folder outside the current one: a usage error naming the path', async () => {
    const dir = await baselined();
    writeFileSync(join(dir, 'afile'), '');
    const file = await runCli(['lint', 'openapi.yaml', '--write-baseline', 'afile/b.json'], { cwd: dir });
    assertExit(file, 2);
    assert.deepEqual([file.stdout, file.stderr], ['', 'error --write-baseline afile/b.json: afile is a file, not a folder\nRun `restlint --help` for usage.\n']);
    const outside = join(`${dir}-missing`, 'b.json');
    const away = await runCli(['lint', 'openapi.yaml', '--write-baseline', outside], { cwd: dir });
    assertExit(away, 2);
    assert.equal(
      away.stderr,
      `error --write-baseline ${outside}: the folder ${dir}-missing does not exist, and restlint creates missing folders only inside the current folder; create it first\nRun \`restlint --help\` for usage.\n`,
    );
    assert.ok(!existsSync(`${dir}-missing`));
    // A missing folder inside the current one is created.
    const nested = await runCli(['lint', 'openapi.yaml', '--write-baseline', 'ci/baselines/b.json'], { cwd: dir });
    assertExit(nested, 0);
    assert.equal(JSON.parse(readFileSync(join(dir, 'ci', 'baselines', 'b.json'), 'utf8')).version, 1);
  });

  test('lines inserted above, paths reordered and an unrelated path renamed leave baselined findings silent', async () => {
    const dir = await baselined();
    const [quiet, verb, underscore] = BLOCKS;
    const edits: Record<string, string> = {
      'lines inserted above': spec(BLOCKS, '# a comment\n# and another\n\n'),
      'paths reordered': spec([underscore, quiet, verb]),
      'an unrelated path renamed': spec([QUIET_PATH('/animals'), verb, underscore]),
      'an unrelated path added (counts in messages change)': spec([...BLOCKS, QUIET_PATH('/owners')]),
      'all at once': spec([underscore, QUIET_PATH('/animals'), verb], '# moved down\n'),
    };
    for (const [edit, text] of Object.entries(edits)) {
      writeFileSync(join(dir, 'openapi.yaml'), text);
      assert.deepEqual(await lintJson(dir, ['openapi.yaml', '--baseline', BASELINE], 0), [], edit);
    }
  });

  test('a new violation is reported, and is the only thing that makes the run fail', async () => {
    const dir = await baselined();
    const [, verb, underscore] = BLOCKS;
    writeFileSync(join(dir, 'openapi.yaml'), spec([underscore, GET_PATH('/listOwners'), QUIET_PATH('/animals'), verb], '# edited\n'));
    const found = await lintJson(dir, ['openapi.yaml', '--baseline', BASELINE], 1);
    assert.ok(found.some((finding) => finding.code === 'no-verb-in-path'));
    for (const finding of found) assert.match(finding.message, /\/listOwners/, `only the new path's findings: ${finding.code} ${finding.message}`);
  });

  test('a moved checkout still matches: files are keyed relative to the baseline', async () => {
    const dir = await baselined();
    const moved = join(tempDir(), 'elsewhere');
    cpSync(dir, moved, { recursive: true });
    assert.deepEqual(await lintJson(moved, ['openapi.yaml', '--baseline', BASELINE], 0), []);
    // and from another working folder, naming the baseline by a relative path
    assert.deepEqual(await lintJson(join(moved, '..'), ['elsewhere/openapi.yaml', '--baseline', `elsewhere/${BASELINE}`], 0), []);
  });

  test('a finding left out of the baseline is reported', async () => {
    const dir = await baselined();
    const path = join(dir, BASELINE);
    const file = JSON.parse(readFileSync(path, 'utf8'));
    const entry = file.findings.find((candidate: { code: string }) => candidate.code === 'no-verb-in-path');
    // As if the baseline had been written before this violation existed.
    file.findings = file.findings.filter((candidate: object) => candidate !== entry);
    writeFileSync(path, JSON.stringify(file));
    const found = await lintJson(dir, ['openapi.yaml', '--baseline', BASELINE], 1);
    assert.deepEqual(found.map((finding) => finding.code), ['no-verb-in-path']);
  });

  test('a missing, unparsable or foreign baseline file is a usage error naming the file', async () => {
    const dir = await baselined();
    const cases: [string, string, RegExp][] = [
      ['missing.json', '', /--baseline missing\.json: file not found; create it with `restlint lint --write-baseline missing\.json`/],
      ['broken.json', '{ not json', /--baseline broken\.json: not a restlint baseline \(invalid JSON/],
      ['array.json', '[]', /--baseline array\.json: not a restlint baseline \(expected a JSON object\)/],
      ['version.json', '{"version": 99, "findings": []}', /"version" is 99, expected 1/],
      ['entry.json', '{"version": 1, "findings": [{"file": "openapi.yaml"}]}', /findings\[0\] needs "file", "code", "fingerprint" and a positive "count"/],
    ];
    for (const [name, text, message] of cases) {
      if (text) writeFileSync(join(dir, name), text);
      const result = await runCli(['lint', 'openapi.yaml', '--baseline', name], { cwd: dir });
      assertExit(result, 2);
      assert.match(result.stderr, message, name);
    }
  });

  test('--write-baseline with --baseline or --since is a usage error', async () => {
    const dir = await baselined();
    const result = await runCli(['lint', 'openapi.yaml', '--write-baseline', 'b.json', '--baseline', BASELINE], { cwd: dir });
    assertExit(result, 2);
    assert.match(result.stderr, /--write-baseline records every finding: give it without --baseline and --since/);
  });
});

// ---------------------------------------------------------------- --since

/** A multi-file spec: `entry` references a schema in common/schemas.yaml by relative $ref. */
const REF_SPEC = (blocks: string[], above = '') =>
  spec(blocks, above) +
  `components:
  schemas:
    Pet:
      $ref: '../common/schemas.yaml#/Pet'
`;

/**
 * A repository whose first commit (tagged `base`) has specs/a.yaml (references
 * common/schemas.yaml), specs/b.yaml, specs/gone.yaml and specs/old-name.yaml.
 */
function repoAtBase(): string {
  const dir = tempDir();
  git(dir, 'init', '-q', '-b', 'main');
  writeIn(dir, 'common/schemas.yaml', 'Pet:\n  type: object\n  properties:\n    name: { type: string }\n');
  writeIn(dir, 'specs/a.yaml', REF_SPEC(BLOCKS));
  writeIn(dir, 'specs/b.yaml', spec([GET_PATH('/petTypes')]));
  writeIn(dir, 'specs/gone.yaml', spec([GET_PATH('/dead_path')]));
  writeIn(dir, 'specs/old-name.yaml', spec([GET_PATH('/movedPets'), QUIET_PATH('/things')]));
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'base');
  git(dir, 'tag', 'base');
  return dir;
}

/** Today's changes: a.yaml edited (lines above, reorder, a new violation), an added file, a deleted one, a renamed one. */
function changeTree(dir: string): void {
  const [quiet, verb, underscore] = BLOCKS;
  writeIn(dir, 'specs/a.yaml', REF_SPEC([underscore, verb, quiet, GET_PATH('/newThings_here')], '# edited\n\n'));
  writeIn(dir, 'specs/added.yaml', spec([GET_PATH('/addedPets')]));
  rmSync(join(dir, 'specs/gone.yaml'));
  mkdirSync(join(dir, 'moved'));
  renameSync(join(dir, 'specs/old-name.yaml'), join(dir, 'moved/new-name.yaml'));
  writeIn(dir, 'moved/new-name.yaml', '# moved, with a line above\n' + readFileSync(join(dir, 'moved/new-name.yaml'), 'utf8'));
}

/** Every finding --since reported mentions one of these paths: the new violations. */
function assertOnlyNew(found: { code: string; message: string; source: string }[], dir: string): void {
  assert.ok(found.some((finding) => /\/newThings_here/.test(finding.message)), 'the new violation in a.yaml is reported');
  assert.ok(found.some((finding) => finding.source === join(dir, 'specs/added.yaml')), 'the added file is all new');
  for (const finding of found) {
    assert.match(finding.message, /\/newThings_here|\/addedPets/, `not new: ${finding.code} in ${finding.source}: ${finding.message}`);
  }
}

describe('--since <git ref>', () => {
  test('uncommitted changes: modified, added, deleted and renamed files report only what is new', async () => {
    const dir = repoAtBase();
    changeTree(dir);
    git(dir, 'add', '-A'); // so git sees the rename (an untracked file is just "added")
    const found = await lintJson(dir, ['specs/*.yaml', 'moved/*.yaml', '--since', 'HEAD'], 1);
    assertOnlyNew(found, dir);
  });

  test('committed changes against HEAD~1, a branch and a tag', async () => {
    const dir = repoAtBase();
    git(dir, 'branch', 'base-branch');
    changeTree(dir);
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'change');
    for (const ref of ['HEAD~1', 'base-branch', 'base']) {
      assertOnlyNew(await lintJson(dir, ['specs/*.yaml', 'moved/*.yaml', '--since', ref], 1), dir);
    }
    // Nothing changed since HEAD: nothing is new, exit 0.
    assert.deepEqual(await lintJson(dir, ['specs/*.yaml', 'moved/*.yaml', '--since', 'HEAD'], 0), []);
  });

  test('run from a subfolder, the files at the ref are read from the repository root', async () => {
    const dir = repoAtBase();
    changeTree(dir);
    git(dir, 'add', '-A');
    assertOnlyNew(await lintJson(join(dir, 'specs'), ['*.yaml', '../moved/*.yaml', '--since', 'HEAD'], 1), dir);
  });

  test("the old files are linted with today's config", async () => {
    const dir = repoAtBase();
    writeIn(dir, '.restlint.yaml', 'rules:\n  path-kebab-case: off\n');
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'config');
    // Today the rule is on for specs/ (an override, whose glob is relative to the config): its
    // findings existed at the ref too, under today's rules, so none is new.
    writeIn(dir, '.restlint.yaml', 'rules:\n  path-kebab-case: off\noverrides:\n  - files: ["specs/**"]\n    rules: { path-kebab-case: error }\n');
    assert.ok((await lintJson(dir, ['specs/*.yaml'], 1)).some((finding) => finding.code === 'path-kebab-case'));
    assert.deepEqual(await lintJson(dir, ['specs/*.yaml', '--since', 'HEAD'], 0), []);
  });

  test('--since and --baseline together report what is in neither', async () => {
    const dir = repoAtBase();
    changeTree(dir);
    git(dir, 'add', '-A');
    assertExit(await runCli(['lint', 'specs/*.yaml', 'moved/*.yaml', '--write-baseline', BASELINE], { cwd: dir }), 0);
    assert.deepEqual(await lintJson(dir, ['specs/*.yaml', 'moved/*.yaml', '--since', 'HEAD', '--baseline', BASELINE], 0), []);
    // The summary line says what each held back: --since first (it runs first), then the baseline.
    const all = (await lintJson(dir, ['specs/*.yaml', 'moved/*.yaml'], 1)).length;
    const old = all - (await lintJson(dir, ['specs/*.yaml', 'moved/*.yaml', '--since', 'HEAD'], 1)).length;
    const both = await runCli(['lint', 'specs/*.yaml', 'moved/*.yaml', '--since', 'HEAD', '--baseline', BASELINE], { cwd: dir });
    assert.equal(both.stdout, `No new problems (${old} already at HEAD, ${all - old} in the baseline).\n`);
  });

  test('nothing new since the ref: the summary line says how many findings the files already had there', async () => {
    const dir = repoAtBase();
    const all = (await lintJson(dir, ['specs/*.yaml'], 1)).length;
    const result = await runCli(['lint', 'specs/*.yaml', '--since', 'HEAD'], { cwd: dir });
    assertExit(result, 0);
    assert.equal(result.stdout, `No new problems (${all} already at HEAD).\n`);
  });

  test('outside a git repository, or with an unknown ref, it is a usage error', async () => {
    const plain = tempDir();
    writeIn(plain, 'openapi.yaml', spec(BLOCKS));
    const outside = await runCli(['lint', 'openapi.yaml', '--since', 'HEAD'], { cwd: plain, env: { GIT_CEILING_DIRECTORIES: join(plain, '..') } });
    assertExit(outside, 2);
    assert.match(outside.stderr, /--since HEAD: .* is not in a git repository/);

    const dir = repoAtBase();
    const unknown = await runCli(['lint', 'specs/a.yaml', '--since', 'no-such-branch'], { cwd: dir });
    assertExit(unknown, 2);
    assert.match(unknown.stderr, /--since no-such-branch: unknown git ref/);

    const missing = await runCli(['lint', 'specs/a.yaml', 'nowhere/x.yaml', '--since', 'HEAD'], { cwd: dir });
    assertExit(missing, 2);
    assert.doesNotMatch(missing.stderr, /crashed|--since/, 'a missing file is reported as itself');

    const option = await runCli(['lint', 'specs/a.yaml', '--since=--output=x'], { cwd: dir });
    assertExit(option, 2);
    assert.match(option.stderr, /not a git ref/);
  });
});

// ---------------------------------------------------------------- the matcher

describe('fingerprints and count-based matching', () => {
  const TEXT = 'paths:\n  /getPets:\n    get: {}\n';
  const finding = (over: Partial<Finding> = {}): Finding => ({
    code: 'no-verb-in-path',
    message: '"/getPets": segment "getPets" starts with the verb "get"',
    path: ['paths', '/getPets'],
    severity: 0,
    source: '/specs/openapi.yaml',
    range: { start: { line: 1, character: 2 }, end: { line: 1, character: 10 } },
    ...over,
  });
  const moveDown = (f: Finding, lines: number): Finding => ({
    ...f,
    range: { start: { ...f.range.start, line: f.range.start.line + lines }, end: { ...f.range.end, line: f.range.end.line + lines } },
  });

  test('the fingerprint ignores the line, far ancestors, array positions and counts in the message', () => {
    const base = fingerprint(finding(), TEXT);
    assert.equal(fingerprint(moveDown(finding(), 3), '\n\n\n' + TEXT), base, 'lines above');
    const deep = finding({ path: ['paths', '/a', 'get', 'parameters', 0, 'schema'] });
    assert.equal(fingerprint(deep, TEXT), fingerprint(finding({ path: ['x', '/b', 'get', 'parameters', 4, 'schema'] }), TEXT));
    assert.equal(fingerprint(finding({ message: '9 of 9 operations' }), TEXT), fingerprint(finding({ message: '10 of 10 operations' }), TEXT));
  });

  test('it changes with the rule, the message, the nearby path and the offending text', () => {
    const base = fingerprint(finding(), TEXT);
    assert.notEqual(fingerprint(finding({ code: 'other' }), TEXT), base);
    assert.notEqual(fingerprint(finding({ message: '"/getOwners": …' }), TEXT), base);
    assert.notEqual(fingerprint(finding({ path: ['paths', '/getOwners'] }), TEXT), base);
    assert.notEqual(fingerprint(finding(), TEXT.replace('/getPets', '/getCats')), base);
  });

  test('a multi-line range is fingerprinted by its first line, so edits inside the block do not count', () => {
    const block = finding({ range: { start: { line: 1, character: 2 }, end: { line: 2, character: 11 } } });
    assert.equal(fingerprint(block, TEXT), fingerprint(block, TEXT.replace('get: {}', 'get: { x: 1 }')));
  });

  test('duplicates are matched by count: as many as before stay silent, one more is new', () => {
    const one = finding();
    const fileKey = () => 'openapi.yaml';
    const readText = () => TEXT;
    const known = countKeys(keyFindings([one, one], fileKey, readText));
    assert.deepEqual(newFindings([one, one], keyFindings([one, one], fileKey, readText), known), []);
    const three = [one, one, moveDown(one, 0)];
    assert.equal(newFindings(three, keyFindings(three, fileKey, readText), known).length, 1);
    assert.equal(newFindings([one], keyFindings([one], fileKey, readText), new Map()).length, 1);
  });

  test('the file key is part of the match', () => {
    const readText = () => TEXT;
    const known = countKeys(keyFindings([finding()], () => 'a.yaml', readText));
    assert.equal(newFindings([finding()], keyFindings([finding()], () => 'b.yaml', readText), known).length, 1);
    assert.equal(newFindings([finding()], keyFindings([finding()], () => 'a.yaml', readText), known).length, 0);
  });
});

describe('--since with a Spectral ruleset in the config', () => {
  test("the base branch is linted with the Spectral part too: its existing findings are not new", async () => {
    const dir = tempDir();
    git(dir, 'init', '-q', '-b', 'main');
    // Only a Spectral rule, so the test is about the Spectral pass alone.
    writeIn(dir, '.restlint.yaml', 'extends: []\nrules:\n  path-has-owner:\n    given: $.paths[*]\n    severity: error\n    then: { field: x-owner, function: truthy }\n');
    writeIn(dir, 'openapi.yaml', spec([QUIET_PATH('/things')]));
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', 'base');
    // Unchanged since HEAD: the Spectral finding on /things is old.
    assert.deepEqual(await lintJson(dir, ['openapi.yaml', '--since', 'HEAD'], 0), []);
    writeIn(dir, 'openapi.yaml', spec([QUIET_PATH('/things'), QUIET_PATH('/stuff')]));
    const found = await lintJson(dir, ['openapi.yaml', '--since', 'HEAD'], 1);
    assert.deepEqual(found.map((finding) => `${finding.code} ${finding.path.join('/')}`), ['path-has-owner paths//stuff']);
  });
});
