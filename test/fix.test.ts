// `restlint lint --fix` and `--fix-dry-run` through the real binary, on temp copies of
// fixtures/fix (every safe fix, in YAML and JSON), plus the edit and diff functions alone.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyFixes } from '../src/cli/fix';
import { unifiedDiff } from '../src/cli/unified-diff';
import { parseSourceText } from '../src/engine/source/source-file';
import { describeRun, FIXTURES, makeTempDir, parseFindings, removeDir, runCli, type JsonFinding, type RunResult } from './helpers/cli';

const temps: string[] = [];
after(() => temps.forEach(removeDir));

/** A temp folder holding the named files, copied from fixtures/fix or given as text. */
function workspace(files: Record<string, string>): string {
  const dir = makeTempDir('restlint-fix-');
  temps.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

const fixture = (name: string) => readFileSync(join(FIXTURES, 'fix', name), 'utf8');

function assertExit(result: RunResult, code: number | 'linted'): void {
  if (code === 'linted') assert.ok(result.code === 0 || result.code === 1, describeRun(result));
  else assert.equal(result.code, code, describeRun(result));
}

/** Replaces the one occurrence of `from` (failing when there is none or several). */
function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  assert.ok(at !== -1 && text.indexOf(from, at + 1) === -1, `exactly one "${from}"`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

const edits = (text: string, pairs: [string, string][]) => pairs.reduce((result, [from, to]) => replaceOnce(result, from, to), text);

/** What --fix must make of fixtures/fix/openapi.yaml: each change spelled out, nothing else. */
const YAML_FIXED = edits(fixture('openapi.yaml'), [
  ['https://api.example.com/v1/   #', 'https://api.example.com/v1   #'],
  ['  /pets/:   #', '  /pets:   #'],
  ['"/owners//pets"', '"/owners/pets"'],
  ["'/stores/':", "'/stores':"],
  ['  /orders//:', '  /orders:'], // two overlapping fixes, over two passes
  ['  /order_items/:', '  /order_items:'], // the slash only: path-no-underscore's rename is a doc fix
]);

const JSON_FIXED = edits(fixture('openapi.json'), [
  ['"https://api.example.com/v1/"', '"https://api.example.com/v1"'],
  ['"/pets/"', '"/pets"'],
  ['"/owners//pets"', '"/owners/pets"'],
  ['"/orders//"', '"/orders"'],
  ['"/order_items/"', '"/order_items"'],
]);

const SLASH_RULES = ['no-trailing-slash', 'no-empty-segment'];
const slashFindings = (findings: JsonFinding[]) => findings.filter((finding) => SLASH_RULES.includes(finding.code));

async function fix(dir: string, file: string, ...extra: string[]): Promise<{ result: RunResult; findings: JsonFinding[] }> {
  const result = await runCli(['lint', file, '--fix', '--format', 'json', ...extra], { cwd: dir });
  assertExit(result, 'linted');
  return { result, findings: parseFindings(result.stdout) };
}

describe('lint --fix', () => {
  for (const [name, expected] of [
    ['openapi.yaml', YAML_FIXED],
    ['openapi.json', JSON_FIXED],
  ]) {
    test(`${name}: every safe fix applied, only those characters changed, the rest byte-identical`, async () => {
      const dir = workspace({ [name]: fixture(name) });
      const { result, findings } = await fix(dir, name);
      const text = readFileSync(join(dir, name), 'utf8');
      assert.equal(text, expected);
      // What it fixed, and the fix it held back and why, on stderr (stdout is the report).
      const tags = name.endsWith('.json') ? 'openapi.json:23:11' : 'openapi.yaml:42:8';
      assert.equal(
        result.stderr,
        `fixed ${name.endsWith('.json') ? 6 : 7} findings in 1 file\nheld back the fix for no-trailing-slash at ${tags}: it would make a duplicate key (two paths would merge into one)\n`,
      );
      parseSourceText(name, text); // still a valid document
      // What is left: "/tags/" (its fix would make a second "/tags"), and the doc-fix rename.
      assert.deepEqual(
        slashFindings(findings).map((finding) => finding.message),
        ['"/tags/" ends with "/"; remove it: "/tags"'],
      );
      assert.ok(findings.some((finding) => finding.code === 'path-no-underscore' && finding.message.includes('"/order_items"')), 'doc fixes are not applied');
    });
  }

  test('a CRLF file with a byte-order mark keeps both', async () => {
    const crlf = '\ufeff' + fixture('openapi.yaml').replace(/\n/g, '\r\n');
    const dir = workspace({ 'openapi.yaml': crlf });
    const { result } = await fix(dir, 'openapi.yaml');
    assert.match(result.stderr, /^fixed 7 findings in 1 file\nheld back/);
    assert.equal(readFileSync(join(dir, 'openapi.yaml'), 'utf8'), '\ufeff' + YAML_FIXED.replace(/\n/g, '\r\n'));
  });

  test('a one-line JSON file with a byte-order mark: edits on the first line land on the right characters', async () => {
    const spec = '\ufeff{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a/":{},"/b//c":{}}}';
    const dir = workspace({ 'openapi.json': spec });
    await fix(dir, 'openapi.json');
    assert.equal(readFileSync(join(dir, 'openapi.json'), 'utf8'), '\ufeff{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a":{},"/b/c":{}}}');
  });

  test('after the fixes, the exit code reflects what is left: 0 when everything was fixable', async () => {
    const spec = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  /a//b/:\n    get:\n      responses:\n        "200": {description: ok}\n';
    const dir = workspace({ 'openapi.yaml': spec, '.restlint.yaml': 'extends: []\nrules:\n  no-trailing-slash: error\n  no-empty-segment: error\n' });
    const before = await runCli(['lint', 'openapi.yaml'], { cwd: dir });
    assertExit(before, 1);
    const { result, findings } = await fix(dir, 'openapi.yaml');
    assertExit(result, 0);
    assert.deepEqual(findings, []);
    assert.equal(result.stderr, 'fixed 2 findings in 1 file\n');
    assert.equal(readFileSync(join(dir, 'openapi.yaml'), 'utf8'), spec.replace('/a//b/:', '/a/b:'));
  });

  test('overlapping fixes converge over several passes', async () => {
    const spec = 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths:\n  "/a///b////c//":\n    get:\n      responses:\n        "200": {description: ok}\n';
    const dir = workspace({ 'openapi.yaml': spec });
    const { findings } = await fix(dir, 'openapi.yaml');
    assert.equal(readFileSync(join(dir, 'openapi.yaml'), 'utf8'), spec.replace('"/a///b////c//"', '"/a/b/c"'));
    assert.deepEqual(slashFindings(findings), []);
  });

  test('a file with nothing to fix is not rewritten', async () => {
    const dir = workspace({ 'openapi.yaml': 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n' });
    const path = join(dir, 'openapi.yaml');
    const old = new Date('2020-01-01T00:00:00Z');
    execFileSync('touch', ['-d', old.toISOString(), path]);
    const { result } = await fix(dir, 'openapi.yaml');
    assert.equal(statSync(path).mtimeMs, old.getTime());
    assert.equal(result.stderr, 'nothing to fix: no finding has a safe fix\n');
    const quiet = await runCli(['lint', 'openapi.yaml', '--fix', '--quiet'], { cwd: dir });
    assert.deepEqual([quiet.stdout, quiet.stderr], ['', ''], '--quiet: no summary of the fixes either');
  });

  test('a read-only file: exit 2 naming it, and no file is written', async () => {
    const dir = workspace({ 'a.yaml': fixture('openapi.yaml'), 'b.json': fixture('openapi.json') });
    chmodSync(join(dir, 'a.yaml'), 0o444);
    const result = await runCli(['lint', 'a.yaml', 'b.json', '--fix'], { cwd: dir });
    assertExit(result, 2);
    assert.match(result.stderr, /a\.yaml/);
    assert.match(result.stderr, /cannot apply fixes: the file is read-only/);
    assert.match(result.stderr, /make it writable/);
    assert.equal(readFileSync(join(dir, 'a.yaml'), 'utf8'), fixture('openapi.yaml'));
    assert.equal(readFileSync(join(dir, 'b.json'), 'utf8'), fixture('openapi.json'));
    assert.equal(statSync(join(dir, 'a.yaml')).mode & 0o777, 0o444);
  });

  test('an unparsable file: exit 2 naming it, left byte-identical; the other files are fixed', async () => {
    const broken = 'openapi: 3.0.3\npaths:\n  /pets/:\n    get: [unclosed\n';
    const dir = workspace({ 'broken.yaml': broken, 'good.yaml': fixture('openapi.yaml') });
    const result = await runCli(['lint', 'broken.yaml', 'good.yaml', '--fix'], { cwd: dir });
    assertExit(result, 2);
    assert.match(result.stderr, /broken\.yaml/);
    assert.match(result.stderr, /invalid YAML/);
    assert.equal(readFileSync(join(dir, 'broken.yaml'), 'utf8'), broken);
    assert.equal(readFileSync(join(dir, 'good.yaml'), 'utf8'), YAML_FIXED);
  });

  test('the file mode is kept', async () => {
    const dir = workspace({ 'openapi.yaml': fixture('openapi.yaml') });
    chmodSync(join(dir, 'openapi.yaml'), 0o664); // group-writable: a umask of 022 would narrow a fresh file
    await fix(dir, 'openapi.yaml');
    assert.equal(statSync(join(dir, 'openapi.yaml')).mode & 0o777, 0o664);
  });

  test('a symlink stays a link; the file it points to is fixed', async () => {
    const dir = workspace({ 'real/openapi.yaml': fixture('openapi.yaml') });
    symlinkSync(join(dir, 'real', 'openapi.yaml'), join(dir, 'link.yaml'));
    await fix(dir, 'link.yaml');
    assert.ok(lstatSync(join(dir, 'link.yaml')).isSymbolicLink());
    assert.equal(readFileSync(join(dir, 'real', 'openapi.yaml'), 'utf8'), YAML_FIXED);
  });

  test('--fix with --fix-dry-run: usage error', async () => {
    const dir = workspace({ 'openapi.yaml': fixture('openapi.yaml') });
    const result = await runCli(['lint', 'openapi.yaml', '--fix', '--fix-dry-run'], { cwd: dir });
    assertExit(result, 2);
    assert.match(result.stderr, /--fix and --fix-dry-run cannot be combined/);
    assert.equal(readFileSync(join(dir, 'openapi.yaml'), 'utf8'), fixture('openapi.yaml'));
  });
});

describe('lint --fix-dry-run', () => {
  test('prints the exact diff, changes nothing, exits on the findings as usual', async () => {
    const dir = workspace({ 'specs/openapi.json': fixture('openapi.json') });
    const result = await runCli(['lint', 'specs/openapi.json', '--fix-dry-run', '--format', 'json', '--output', 'findings.json'], { cwd: dir });
    assertExit(result, 1);
    assert.equal(
      result.stdout,
      [
        '--- a/specs/openapi.json',
        '+++ b/specs/openapi.json',
        '@@ -2,19 +2,19 @@',
        '   "openapi": "3.0.3",',
        '   "info": { "title": "Fix me", "version": "1.0" },',
        '   "servers": [',
        '-    { "url": "https://api.example.com/v1/" }',
        '+    { "url": "https://api.example.com/v1" }',
        '   ],',
        '   "paths": {',
        '-    "/pets/": {',
        '+    "/pets": {',
        '       "get": { "responses": { "200": { "description": "ok" } } }',
        '     },',
        '-    "/owners//pets": {',
        '+    "/owners/pets": {',
        '       "get": { "responses": { "200": { "description": "ok" } } }',
        '     },',
        '-    "/orders//": {',
        '+    "/orders": {',
        '       "get": { "responses": { "200": { "description": "ok" } } }',
        '     },',
        '-    "/order_items/": {',
        '+    "/order_items": {',
        '       "get": { "responses": { "200": { "description": "ok" } } }',
        '     },',
        '     "/tags": {',
        '',
      ].join('\n'),
    );
    assert.equal(readFileSync(join(dir, 'specs/openapi.json'), 'utf8'), fixture('openapi.json'));
    // The findings are those before any fix.
    const findings = parseFindings(readFileSync(join(dir, 'findings.json'), 'utf8'));
    assert.equal(slashFindings(findings).length, 7);
  });

  for (const name of ['openapi.yaml', 'openapi.json']) {
    test(`${name}: the diff applies with git apply and gives what --fix writes`, async () => {
      const dir = workspace({ [name]: fixture(name) });
      const result = await runCli(['lint', name, '--fix-dry-run', '--quiet', '--format', 'json', '--output', 'findings.json'], { cwd: dir });
      assertExit(result, 1);
      writeFileSync(join(dir, 'fix.patch'), result.stdout);
      assert.equal(readFileSync(join(dir, name), 'utf8'), fixture(name));
      execFileSync('git', ['apply', '--unidiff-zero', 'fix.patch'], { cwd: dir });
      assert.equal(readFileSync(join(dir, name), 'utf8'), name.endsWith('.json') ? JSON_FIXED : YAML_FIXED);
    });
  }

  test('a CRLF file: the diff keeps the carriage returns, and git apply takes it', async () => {
    const dir = workspace({ 'openapi.yaml': fixture('openapi.yaml').replace(/\n/g, '\r\n') });
    const result = await runCli(['lint', 'openapi.yaml', '--fix-dry-run', '--quiet', '-f', 'json', '-o', 'out.json'], { cwd: dir });
    assert.match(result.stdout, /^-  \/pets\/:   # no-trailing-slash on a plain key\r\n\+  \/pets:   # no-trailing-slash on a plain key\r\n/m);
    writeFileSync(join(dir, 'fix.patch'), result.stdout);
    execFileSync('git', ['apply', 'fix.patch'], { cwd: dir });
    assert.equal(readFileSync(join(dir, 'openapi.yaml'), 'utf8'), YAML_FIXED.replace(/\n/g, '\r\n'));
  });

  test('without --output the diff is alone on stdout (a patch, with -f json too) and the report and what it would fix go to stderr', async () => {
    const dir = workspace({ 'openapi.json': fixture('openapi.json') });
    const withOutput = await runCli(['lint', 'openapi.json', '--fix-dry-run', '-f', 'json', '-o', 'findings.json'], { cwd: dir });
    const json = await runCli(['lint', 'openapi.json', '--fix-dry-run', '-f', 'json'], { cwd: dir });
    assertExit(json, 1);
    assert.equal(json.stdout, withOutput.stdout, 'stdout: the diff, and nothing else');
    assert.match(json.stdout, /^--- a\/openapi\.json\n\+\+\+ b\/openapi\.json\n@@ /);
    const summary = 'would fix 6 findings in 1 file\nheld back the fix for no-trailing-slash at openapi.json:23:11: it would make a duplicate key (two paths would merge into one)\n';
    assert.ok(json.stderr.endsWith(`]\n${summary}`), json.stderr.slice(-300));
    const report = json.stderr.slice(0, -summary.length);
    assert.equal(report, readFileSync(join(dir, 'findings.json'), 'utf8'), 'stderr: the same report --output holds');
    assert.equal(withOutput.stderr, summary);
    // The default format: `> fix.diff` holds a patch, the stylish report is on stderr.
    const stylish = await runCli(['lint', 'openapi.json', '--fix-dry-run'], { cwd: dir });
    assert.equal(stylish.stdout, withOutput.stdout);
    assert.match(stylish.stderr, /^openapi\.json\n {2}\d+:\d+ [\s\S]*\n✖ \d+ problems [^\n]*\nwould fix 6 findings in 1 file\n/);
    assert.equal(readFileSync(join(dir, 'openapi.json'), 'utf8'), fixture('openapi.json'));
  });

  test('nothing to fix: no diff', async () => {
    const dir = workspace({ 'openapi.yaml': 'openapi: 3.0.3\ninfo: {title: t, version: "1"}\npaths: {}\n' });
    const result = await runCli(['lint', 'openapi.yaml', '--fix-dry-run', '-f', 'json', '-o', 'out.json'], { cwd: dir });
    assertExit(result, 'linted');
    assert.equal(result.stdout, '');
  });
});

describe('applyFixes', () => {
  const edit = (line: number, start: number, end: number, newText: string) => ({
    range: { start: { line, character: start }, end: { line, character: end } },
    newText,
  });

  test('applies disjoint fixes, each all or nothing, keeping everything else', () => {
    assert.equal(applyFixes('ab/\r\ncd//e\r\n', [[edit(0, 2, 3, '')], [edit(1, 2, 4, '/')]]), 'ab\r\ncd/e\r\n');
  });

  test('skips a fix that overlaps or touches one before it (the next pass takes it)', () => {
    assert.equal(applyFixes('/x//', [[edit(0, 2, 4, '')], [edit(0, 2, 4, '/')]]), '/x');
    assert.equal(applyFixes('abcd', [[edit(0, 0, 2, 'X')], [edit(0, 2, 3, 'Y')]]), 'Xcd');
    // A fix of two edits is dropped whole when one of them overlaps.
    assert.equal(applyFixes('abcdef', [[edit(0, 0, 1, 'A')], [edit(0, 0, 1, 'Z'), edit(0, 4, 5, 'E')]]), 'Abcdef');
  });

  test('skips a fix whose range lies outside the text', () => {
    assert.equal(applyFixes('ab\ncd', [[edit(0, 1, 5, '')], [edit(7, 0, 1, '')], [edit(1, 0, 1, 'C')]]), 'ab\nCd');
  });
});

describe('unifiedDiff', () => {
  test('equal texts: empty', () => {
    assert.equal(unifiedDiff('a\n', 'a\n', 'a/x', 'b/x'), '');
  });

  test('separate hunks for changes more than 6 lines apart, with 3 lines of context', () => {
    const before = Array.from({ length: 20 }, (_, index) => `line ${index + 1}\n`).join('');
    const after = before.replace('line 2\n', 'LINE 2\n').replace('line 15\n', '');
    assert.equal(
      unifiedDiff(before, after, 'a/x', 'b/x'),
      '--- a/x\n+++ b/x\n@@ -1,5 +1,5 @@\n line 1\n-line 2\n+LINE 2\n line 3\n line 4\n line 5\n' +
        '@@ -12,7 +12,6 @@\n line 12\n line 13\n line 14\n-line 15\n line 16\n line 17\n line 18\n',
    );
  });

  test('a last line without a newline is marked', () => {
    assert.equal(unifiedDiff('a\nb', 'a\nc', 'a/x', 'b/x'), '--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n');
  });

  test('an insertion into an empty text', () => {
    assert.equal(unifiedDiff('', 'a\n', 'a/x', 'b/x'), '--- a/x\n+++ b/x\n@@ -0,0 +1 @@\n+a\n');
  });
});
