// `restlint diff` end to end, through the built binary (dist/cli.js): two files, git-ref:path
// sides and --since in a temporary git repository, the formats, the config, exit codes 0/1/2.
import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRun, makeTempDir, removeDir, REPO_ROOT, runCli } from './helpers/cli';
import { git, writeIn } from './helpers/git';

const dirs: string[] = [];
after(() => dirs.forEach(removeDir));

function folder(files: Record<string, string>): string {
  const dir = makeTempDir('restlint-diff-');
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) writeIn(dir, name, text);
  return dir;
}

const entry = (extra = '') =>
  [
    'openapi: 3.0.3',
    'info: { title: t, version: "1" }',
    'paths:',
    '  /users:',
    '    post:',
    '      requestBody:',
    '        content:',
    "          application/json: { schema: { $ref: 'schemas/user.yaml#/User' } }",
    '      responses:',
    "        '201': { description: created }",
    extra,
  ].join('\n');
const user = (required: string) => ['User:', '  type: object', `  required: [${required}]`, '  properties:', '    email: { type: string }', '    name: { type: string }', ''].join('\n');

const oldFiles = { 'openapi.yaml': entry(), 'schemas/user.yaml': user('name') };
const newFiles = { 'openapi.yaml': entry(), 'schemas/user.yaml': user('name, email') };

interface Item {
  code: string;
  message: string;
  severity: number;
  source: string;
  line: number;
  operation: string | null;
  breaking: boolean;
  document: string;
}

function items(stdout: string, dir: string): Item[] {
  return (JSON.parse(stdout) as (Item & { range: { start: { line: number } } })[]).map(({ code, message, severity, source, range, operation, breaking, document }) => ({
    code,
    message,
    severity,
    source: source.startsWith(dir) ? source.slice(dir.length + 1) : source,
    line: range.start.line + 1,
    operation,
    breaking,
    document,
  }));
}

const emailRequired: Item = {
  code: 'request-property-became-required',
  message: 'POST /users: request property "email" is now required; clients that omit it will get a 4xx',
  severity: 0,
  source: 'new/schemas/user.yaml',
  line: 3,
  operation: 'POST /users',
  breaking: true,
  document: 'new',
};

describe('restlint diff <old> <new>', () => {
  test('a breaking change inside a referenced file: exit 1, json with operation, breaking and document', async () => {
    const dir = folder({ ...Object.fromEntries(Object.entries(oldFiles).map(([name, text]) => [`old/${name}`, text])), ...Object.fromEntries(Object.entries(newFiles).map(([name, text]) => [`new/${name}`, text])) });
    const result = await runCli(['diff', 'old/openapi.yaml', 'new/openapi.yaml', '-f', 'json'], { cwd: dir });
    assert.equal(result.code, 1, describeRun(result));
    assert.deepEqual(items(result.stdout, dir), [emailRequired]);
    assert.equal(result.stderr, '');
  });

  test('only additions: exit 0 with the stylish report; --fail-severity info makes them fail', async () => {
    const dir = folder({ 'old.yaml': entry(), 'new.yaml': entry("  /pets:\n    get:\n      responses:\n        '200': { description: ok }\n"), 'schemas/user.yaml': user('name') });
    const result = await runCli(['diff', 'old.yaml', 'new.yaml'], { cwd: dir });
    assert.equal(result.code, 0, describeRun(result));
    assert.equal(result.stdout, ['new.yaml', '  12:5  info  GET /pets: the operation was added  endpoint-added', '', '✖ 1 problem (0 errors, 0 warnings, 1 info, 0 hints) in 1 file', ''].join('\n'));
    const strict = await runCli(['diff', 'old.yaml', 'new.yaml', '--fail-severity', 'info', '-f', 'json'], { cwd: dir });
    assert.equal(strict.code, 1, describeRun(strict));
  });

  test('the same document: no change, exit 0', async () => {
    const dir = folder({ 'a.yaml': entry(), 'schemas/user.yaml': user('name') });
    const result = await runCli(['diff', 'a.yaml', 'a.yaml', '-f', 'json'], { cwd: dir });
    assert.equal(result.code, 0, describeRun(result));
    assert.equal(result.stdout, '[]\n');
  });

  test('a side that does not exist or does not parse: exit 2 naming the side and the file', async () => {
    const dir = folder({ 'a.yaml': entry(), 'bad.yaml': 'openapi: [\n', 'schemas/user.yaml': user('name') });
    const missing = await runCli(['diff', 'a.yaml', 'nope.yaml'], { cwd: dir });
    assert.equal(missing.code, 2, describeRun(missing));
    assert.equal(missing.stderr, 'error the new side (nope.yaml) cannot be read: nope.yaml: file not found\n');
    const bad = await runCli(['diff', 'bad.yaml', 'a.yaml'], { cwd: dir });
    assert.equal(bad.code, 2, describeRun(bad));
    assert.match(bad.stderr, /^error the old side \(bad\.yaml\) cannot be read: bad\.yaml:2: invalid YAML/);
    assert.equal(bad.stdout, '');
  });

  test('the config: a change id under rules: takes a severity or off, and lint accepts the same config', async () => {
    const dir = folder({ ...Object.fromEntries(Object.entries(oldFiles).map(([name, text]) => [`old/${name}`, text])), ...Object.fromEntries(Object.entries(newFiles).map(([name, text]) => [`new/${name}`, text])) });
    writeIn(dir, 'warn.yaml', 'rules:\n  request-property-became-required: warn\n');
    writeIn(dir, 'off.yaml', 'rules:\n  request-property-became-required: off\n');
    const warned = await runCli(['diff', 'old/openapi.yaml', 'new/openapi.yaml', '-f', 'json', '--config', 'warn.yaml'], { cwd: dir });
    assert.equal(warned.code, 0, describeRun(warned));
    assert.deepEqual(items(warned.stdout, dir), [{ ...emailRequired, severity: 1 }]);
    const off = await runCli(['diff', 'old/openapi.yaml', 'new/openapi.yaml', '-f', 'json', '--config', 'off.yaml'], { cwd: dir });
    assert.equal(off.code, 0, describeRun(off));
    assert.equal(off.stdout, '[]\n');
    writeIn(dir, 'override.yaml', "overrides:\n  - files: ['new/schemas/user.yaml#/User']\n    rules: { request-property-became-required: info }\n");
    const overridden = await runCli(['diff', 'old/openapi.yaml', 'new/openapi.yaml', '-f', 'json', '--config', 'override.yaml'], { cwd: dir });
    assert.equal(overridden.code, 0, describeRun(overridden));
    assert.deepEqual(items(overridden.stdout, dir), [{ ...emailRequired, severity: 2, breaking: false }]);
    const lint = await runCli(['lint', 'new/openapi.yaml', '--config', 'warn.yaml', '-f', 'json'], { cwd: dir });
    assert.notEqual(lint.code, 2, describeRun(lint));
  });

  test('x-restlint-ignore on a node of the new document accepts a change there; lint does not call it unknown or unused', async () => {
    const accepted = user('name, email').replace('  type: object\n', '  type: object\n  x-restlint-ignore: { request-property-became-required: "v2 clients all send it" }\n');
    const dir = folder({ 'old/openapi.yaml': oldFiles['openapi.yaml'], 'old/schemas/user.yaml': oldFiles['schemas/user.yaml'], 'new/openapi.yaml': newFiles['openapi.yaml'], 'new/schemas/user.yaml': accepted });
    const result = await runCli(['diff', 'old/openapi.yaml', 'new/openapi.yaml', '-f', 'json'], { cwd: dir });
    assert.equal(result.code, 0, describeRun(result));
    assert.equal(result.stdout, '[]\n');
    const lint = await runCli(['lint', 'new/openapi.yaml', '-f', 'json', '--fail-severity', 'hint'], { cwd: dir });
    assert.deepEqual((JSON.parse(lint.stdout) as { code: string }[]).filter((finding) => finding.code === 'unused-ignore'), []);
  });

  test('--format markdown --output: a changelog, breaking changes first', async () => {
    const dir = folder({
      'old.yaml': entry("  /pets:\n    get:\n      responses:\n        '200': { description: ok }\n"),
      'new.yaml': entry("  /owners:\n    get:\n      responses:\n        '200': { description: ok }\n"),
      'schemas/user.yaml': user('name'),
    });
    const result = await runCli(['diff', 'old.yaml', 'new.yaml', '-f', 'markdown', '-o', 'changes.md'], { cwd: dir });
    assert.equal(result.code, 1, describeRun(result));
    assert.equal(result.stdout, '');
    assert.equal(
      readFileSync(join(dir, 'changes.md'), 'utf8'),
      [
        '### restlint diff: 1 breaking change, 0 changes that may break some clients, 1 other change',
        '',
        '#### Breaking',
        '',
        '- `endpoint-removed` /pets: the endpoint was removed, with GET; clients that call it will get a 404 (was at old.yaml:11)',
        '',
        '#### Other changes',
        '',
        '- `endpoint-added` GET /owners: the operation was added (new.yaml:12)',
        '',
      ].join('\n'),
    );
  });
});

describe('restlint diff: the CI formats', () => {
  test('github annotations, SARIF with a descriptor per change id, JUnit with a failure per breaking change', async () => {
    const dir = folder({ ...Object.fromEntries(Object.entries(oldFiles).map(([name, text]) => [`old/${name}`, text])), ...Object.fromEntries(Object.entries(newFiles).map(([name, text]) => [`new/${name}`, text])) });
    const github = await runCli(['diff', 'old/openapi.yaml', 'new/openapi.yaml', '-f', 'github'], { cwd: dir });
    assert.equal(github.code, 1, describeRun(github));
    assert.equal(
      github.stdout,
      '::error file=new/schemas/user.yaml,line=3,endLine=3,col=20,endColumn=25,title=request-property-became-required::POST /users: request property "email" is now required; clients that omit it will get a 4xx\n',
    );
    const sarif = await runCli(['diff', 'old/openapi.yaml', 'new/openapi.yaml', '-f', 'sarif'], { cwd: dir });
    const log = JSON.parse(sarif.stdout) as { runs: { tool: { driver: { rules: { id: string; shortDescription: { text: string } }[] } }; results: { ruleId: string; level: string }[] }[] };
    assert.deepEqual(log.runs[0].tool.driver.rules.map((rule) => [rule.id, rule.shortDescription.text]), [['request-property-became-required', 'An optional request property became required']]);
    // The docs ship beside the bundle (rules/changes/): the help is the change id's doc, read through the binary.
    const [descriptor] = (log.runs[0].tool.driver.rules as unknown as { help: { markdown: string }; helpUri: string }[]);
    assert.equal(descriptor.help.markdown, readFileSync(join(REPO_ROOT, 'rules', 'changes', 'request-property-became-required.md'), 'utf8'));
    assert.match(descriptor.helpUri, /\/rules\/changes\/request-property-became-required\.md$/);
    assert.deepEqual(log.runs[0].results.map((result) => [result.ruleId, result.level]), [['request-property-became-required', 'error']]);
    const junit = await runCli(['diff', 'old/openapi.yaml', 'new/openapi.yaml', '-f', 'junit'], { cwd: dir });
    assert.match(junit.stdout, /<testcase name="request-property-became-required" classname="new\/schemas\/user\.yaml">\n\s*<failure message="POST \/users: request property &quot;email&quot; is now required/);
  });
});

describe('restlint diff with git refs', () => {
  function repository(): string {
    const dir = folder(oldFiles);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', 'openapi.yaml', 'schemas/user.yaml');
    git(dir, 'commit', '-q', '-m', 'base');
    git(dir, 'tag', 'base');
    for (const [name, text] of Object.entries(newFiles)) writeIn(dir, name, text);
    return dir;
  }

  /** The repository with a commit that adds GET /users on top of `base`, and that GET removed in the working tree. */
  function getRemovedSinceHead(): string {
    const dir = repository();
    writeIn(dir, 'openapi.yaml', entry().replace('    post:', '    get:\n      responses:\n        "200": { description: ok }\n    post:'));
    git(dir, 'add', 'openapi.yaml', 'schemas/user.yaml');
    git(dir, 'commit', '-q', '-m', 'get');
    writeIn(dir, 'openapi.yaml', entry());
    return dir;
  }

  test('--since <ref>: the file against itself at the ref, its $refs read at the ref too', async () => {
    const dir = repository();
    const result = await runCli(['diff', 'openapi.yaml', '--since', 'base', '-f', 'json'], { cwd: dir });
    assert.equal(result.code, 1, describeRun(result));
    assert.deepEqual(items(result.stdout, dir), [{ ...emailRequired, source: 'schemas/user.yaml' }]);
  });

  test('git-ref:path on both sides; a removal is placed in the old side, named ref:path', async () => {
    const dir = getRemovedSinceHead();
    const result = await runCli(['diff', 'HEAD:openapi.yaml', 'openapi.yaml', '-f', 'json'], { cwd: dir });
    assert.equal(result.code, 1, describeRun(result));
    assert.deepEqual(items(result.stdout, dir), [
      { code: 'method-removed', message: 'GET /users: the operation was removed; clients that call it will get a 404', severity: 0, source: 'HEAD:openapi.yaml', line: 5, operation: 'GET /users', breaking: true, document: 'old' },
    ]);
    const both = await runCli(['diff', 'base:openapi.yaml', 'HEAD:openapi.yaml', '-f', 'json'], { cwd: dir });
    assert.equal(both.code, 1, describeRun(both));
    assert.deepEqual(
      items(both.stdout, dir).map((item) => `${item.code} ${item.source}:${item.line}`),
      ['endpoint-added HEAD:openapi.yaml:5', 'request-property-became-required HEAD:schemas/user.yaml:3'],
    );
  });

  test('SARIF, GitHub and GitLab place a removal in the new document, where the nearest part of it survives', async () => {
    const dir = getRemovedSinceHead();
    const message = 'GET /users: the operation was removed; clients that call it will get a 404 (removed since HEAD; it was at HEAD:openapi.yaml:5)';
    const github = await runCli(['diff', 'openapi.yaml', '--since', 'HEAD', '-f', 'github'], { cwd: dir });
    assert.equal(github.code, 1, describeRun(github));
    assert.equal(github.stdout, `::error file=openapi.yaml,line=4,endLine=4,col=3,endColumn=9,title=method-removed::${message}\n`);
    const sarif = await runCli(['diff', 'openapi.yaml', '--since', 'HEAD', '-f', 'sarif'], { cwd: dir });
    const [result] = (JSON.parse(sarif.stdout) as { runs: { results: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }).runs[0].results;
    assert.deepEqual([result.message.text, result.locations[0].physicalLocation.artifactLocation.uri, result.locations[0].physicalLocation.region.startLine], [message, 'openapi.yaml', 4]);
    const gitlab = await runCli(['diff', 'openapi.yaml', '--since', 'HEAD', '-f', 'gitlab'], { cwd: dir });
    const [issue] = JSON.parse(gitlab.stdout) as { description: string; location: { path: string; lines: { begin: number } } }[];
    assert.deepEqual([issue.description, issue.location.path, issue.location.lines.begin], [message, 'openapi.yaml', 4]);
    // The other formats keep the old place: the reader can open it there.
    const json = await runCli(['diff', 'openapi.yaml', '--since', 'HEAD', '-f', 'json'], { cwd: dir });
    assert.deepEqual(items(json.stdout, dir).map((item) => `${item.source}:${item.line} ${item.document}`), ['HEAD:openapi.yaml:5 old']);
  });

  test('an unknown ref, or a file not at the ref: exit 2', async () => {
    const dir = repository();
    const unknown = await runCli(['diff', 'openapi.yaml', '--since', 'nosuch'], { cwd: dir });
    assert.equal(unknown.code, 2, describeRun(unknown));
    assert.match(unknown.stderr, /^error nosuch:openapi\.yaml: unknown git ref "nosuch"/);
    writeIn(dir, 'added.yaml', entry());
    const absent = await runCli(['diff', 'added.yaml', '--since', 'base'], { cwd: dir });
    assert.equal(absent.code, 2, describeRun(absent));
    assert.equal(absent.stderr, 'error the old side (base:added.yaml) cannot be read: base:added.yaml: file not found at base\n');
  });
});
