// End-to-end tests of `restlint bundle` through the real binary (dist/cli.js): a split document
// becomes one self-contained file that lints as the split one does, in the format asked for;
// the resolver's safety rules (no remote fetch, nothing outside the project root unless --root
// allows it, restlint's own reader and its limits); --dereference, cycles included; and the
// errors, which name the file and the $ref and exit 2, as lint does for input it cannot read.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { describeRun, FIXTURES, makeTempDir, parseFindings, REPO_ROOT, removeDir, runCli, type JsonFinding, type RunResult } from './helpers/cli';

const ENTRY = join(FIXTURES, 'bundle', 'openapi.yaml');

const CORPUS_AS_GIVEN = resolve(REPO_ROOT, '..', 'shared', 'corpus');
// Real path, as the CLI prints it (../shared may be a link).
const CORPUS = existsSync(CORPUS_AS_GIVEN) ? realpathSync(CORPUS_AS_GIVEN) : CORPUS_AS_GIVEN;
const MANIFEST = join(CORPUS, 'MANIFEST.tsv');
const noCorpus = existsSync(MANIFEST) ? false : `corpus not found (${MANIFEST})`;

/**
 * Rules whose findings on a shared definition name it by its $ref and are reported once for
 * all its uses ('shared response "account.yml" has no Cache-Control header (shared by 2
 * operations)', '"schemas.yaml#/PetList" is a bare array'). The bundler (swagger-parser's
 * json-schema-ref-parser) writes a referenced file's content where it is first used and points
 * the other uses there, so in the bundle that definition is inline in one operation: the same
 * problem is then reported per operation, or under the operation's name. For these rules only
 * which rules fire is compared, not their messages or counts; every other rule's findings must
 * match exactly.
 */
const NAMES_SHARED_DEFINITIONS = new Set([
  'async-202-monitor',
  'cacheability-stated',
  'error-format',
  'etag-conditional',
  'no-error-in-2xx',
  'paginate-collections',
  'post-create-201-location',
  'single-error-schema',
]);

/**
 * Rules not compared at all. no-unused-components reads which components the document's
 * $refs name, and bundling changes that: the bundler points every use of a file at one place,
 * which may be a component the split document declared and never named (fixtures/bundle's
 * `Pet: { $ref: schemas.yaml#/Pet }` beside paths that use schemas.yaml#/Pet directly: unused
 * there, used in the bundle).
 */
const READS_REFERENCE_LAYOUT = new Set(['no-unused-components']);

/**
 * A known limit of the bundle: swagger-parser rewrites $refs, not discriminator mapping values
 * (plain strings to it), so a mapping value naming another file, or a pointer into the file it
 * was written in, points to nothing in the bundle (DigitalOcean's mappings). Those invalid-ref
 * findings of the bundle are left out of the comparison; the README says so.
 */
function mappingValues(data: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(data)) for (const item of data) mappingValues(item, found);
  else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (key === 'mapping' && value !== null && typeof value === 'object') for (const target of Object.values(value)) if (typeof target === 'string') found.add(target);
      mappingValues(value, found);
    }
  }
  return found;
}

let tmp: string;
before(() => {
  tmp = makeTempDir('restlint-bundle-');
});
after(() => removeDir(tmp));

function assertExit(result: RunResult, code: number): void {
  assert.equal(result.code, code, `expected exit ${code}\n${describeRun(result)}`);
}

/** Writes a file under the test's temp folder (folders made as needed); returns its path. */
function write(path: string, text: string): string {
  const file = join(tmp, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  return file;
}

/** Every $ref value in the data, in document order. */
function refsIn(data: unknown, found: string[] = []): string[] {
  if (Array.isArray(data)) for (const item of data) refsIn(item, found);
  else if (data !== null && typeof data === 'object') {
    for (const [key, value] of Object.entries(data)) {
      if (key === '$ref' && typeof value === 'string') found.push(value);
      else refsIn(value, found);
    }
  }
  return found;
}

/** The node at a local JSON pointer ("#/a/b~1c"), or undefined. */
function atPointer(data: unknown, ref: string): unknown {
  let node = data;
  for (const token of ref.replace(/^#\/?/, '').split('/').filter((part) => part !== '')) {
    const key = decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

async function lintFindings(args: string[], cwd?: string): Promise<JsonFinding[]> {
  const result = await runCli(['lint', '--format', 'json', ...args], { cwd });
  assert.ok(result.code === 0 || result.code === 1, describeRun(result));
  assert.equal(result.stderr, '', describeRun(result));
  return parseFindings(result.stdout);
}

/** Bundles to a file, checks the run, and returns the written document, parsed. */
async function bundleTo(entry: string, output: string, extra: string[] = [], cwd?: string): Promise<Record<string, unknown>> {
  const result = await runCli(['bundle', entry, '--output', output, ...extra], { cwd });
  assertExit(result, 0);
  assert.equal(result.stdout, '', 'with --output, nothing on stdout');
  assert.match(result.stderr, /^bundled .* into /, describeRun(result));
  const text = readFileSync(output, 'utf8');
  return (output.endsWith('.json') ? JSON.parse(text) : load(text)) as Record<string, unknown>;
}

/**
 * Lint of the bundle ≡ lint of the split document: the same rule codes and messages, as a
 * multiset (the locations differ, by file); for NAMES_SHARED_DEFINITIONS, the same rules fire.
 */
function assertSameFindings(ofEntry: JsonFinding[], ofBundle: JsonFinding[], bundled?: unknown): void {
  const mappings = mappingValues(bundled);
  const unmapped = (finding: JsonFinding) => !(finding.code === 'invalid-ref' && [...mappings].some((value) => finding.message.startsWith(`$ref "${value}"`)));
  const exact = (findings: JsonFinding[]) =>
    findings
      .filter((finding) => !NAMES_SHARED_DEFINITIONS.has(finding.code) && !READS_REFERENCE_LAYOUT.has(finding.code) && unmapped(finding))
      .map((finding) => `${finding.code}\t${finding.message}`)
      .sort();
  const fired = (findings: JsonFinding[]) => [...new Set(findings.filter((finding) => NAMES_SHARED_DEFINITIONS.has(finding.code)).map((finding) => finding.code))].sort();
  assert.deepEqual(exact(ofBundle), exact(ofEntry));
  assert.deepEqual(fired(ofBundle), fired(ofEntry));
}

describe('bundle: a split document', () => {
  test('becomes one YAML file with no external $ref, x- extensions and key order kept', async () => {
    const bundled = await bundleTo(ENTRY, join(tmp, 'fixture.yaml'));
    const refs = refsIn(bundled);
    assert.ok(refs.length > 0, 'the bundle keeps internal $refs');
    for (const ref of refs) {
      assert.ok(ref.startsWith('#/'), `internal $ref: ${ref}`);
      assert.notEqual(atPointer(bundled, ref), undefined, `${ref} points at something in the bundle`);
    }
    const entry = load(readFileSync(ENTRY, 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(bundled), Object.keys(entry), 'top-level key order');
    assert.equal((bundled.info as Record<string, unknown>)['x-audience'], 'public');
    assert.equal(bundled['x-origin'], 'split');
    const list = atPointer(bundled, '#/paths/~1pets/get') as Record<string, unknown>;
    assert.deepEqual(Object.keys(list), ['operationId', 'summary', 'x-rate-limit', 'parameters', 'responses'], 'key order inside an inlined file');
    assert.equal(list['x-rate-limit'], 100);
    // The cross-file schema, reached through a $ref to a $ref (PetAlias → Pet), is in the bundle.
    const pet = JSON.stringify(bundled).includes('"x-entity":"pet"');
    assert.ok(pet, 'the referenced schema (with its x-entity) is in the bundle');
    assert.doesNotMatch(readFileSync(join(tmp, 'fixture.yaml'), 'utf8'), /(:|-) [&*]\w/, 'no YAML anchors or aliases');
  });

  test('lints with the same findings as the split document', async () => {
    const output = join(tmp, 'fixture-lint.yaml');
    await bundleTo(ENTRY, output);
    const ofEntry = await lintFindings([ENTRY]);
    // The fixture's findings in referenced files, so the comparison is about something.
    assert.ok(ofEntry.some((finding) => finding.source.endsWith(join('paths', 'pets.yaml')) && finding.code === 'query-param-casing'), 'a finding in a referenced file');
    assertSameFindings(ofEntry, await lintFindings([output]));
  });

  test('stdout: the entry format (YAML here, JSON for a JSON entry); --output .json writes JSON', async () => {
    const yaml = await runCli(['bundle', ENTRY]);
    assertExit(yaml, 0);
    assert.equal(yaml.stderr, '');
    assert.ok(yaml.stdout.startsWith('openapi: 3.0.3\n'), yaml.stdout.slice(0, 200));
    assert.deepEqual(load(yaml.stdout), await bundleTo(ENTRY, join(tmp, 'fixture.json')));

    write('json/schemas.json', JSON.stringify({ Thing: { type: 'object', 'x-kind': 'thing', properties: { id: { type: 'string' } } } }));
    const entry = write(
      'json/openapi.json',
      JSON.stringify({
        openapi: '3.0.3',
        info: { title: 'T', version: '1' },
        paths: { '/things': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema: { $ref: 'schemas.json#/Thing' } } } } } } } },
      }),
    );
    const json = await runCli(['bundle', entry]);
    assertExit(json, 0);
    const data = JSON.parse(json.stdout) as Record<string, unknown>;
    assert.deepEqual(refsIn(data), []);
    assert.equal((atPointer(data, '#/paths/~1things/get/responses/200/content/application~1json/schema') as Record<string, unknown>)['x-kind'], 'thing');
  });

  test('an OpenAPI version swagger-parser does not list (3.2.0) bundles, as lint reads it', async () => {
    write('v32/schemas.yaml', 'Thing: { type: string }\n');
    const entry = write('v32/openapi.yaml', "openapi: 3.2.0\ninfo: { title: T, version: '1' }\npaths:\n  /t:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: 'schemas.yaml#/Thing' }\n");
    const result = await runCli(['bundle', entry]);
    assertExit(result, 0);
    assert.deepEqual(atPointer(load(result.stdout), '#/paths/~1t/get/responses/200/content/application~1json/schema'), { type: 'string' });
  });

  test('YAML aliases are written out, with no anchors', async () => {
    const entry = write(
      'aliases/openapi.yaml',
      "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths:\n  /a:\n    get: &op\n      responses:\n        '200': { description: ok }\n  /b:\n    get: *op\n",
    );
    const result = await runCli(['bundle', entry]);
    assertExit(result, 0);
    assert.doesNotMatch(result.stdout, /[&*]op\b/);
    const data = load(result.stdout);
    assert.deepEqual(atPointer(data, '#/paths/~1b/get'), atPointer(data, '#/paths/~1a/get'));
  });
});

describe('bundle: the split documents of ../shared/corpus', { skip: noCorpus }, () => {
  /** The entry files (relative to the corpus) of MANIFEST.tsv whose multi_file column says yes. */
  const splitEntries = (): string[] => {
    const [header, ...rows] = readFileSync(MANIFEST, 'utf8').split('\n').filter((line) => line.trim() !== '');
    const columns = header.split('\t');
    const entryColumn = columns.indexOf('entry_file');
    const multiColumn = columns.indexOf('multi_file');
    assert.ok(entryColumn >= 0 && multiColumn >= 0, `MANIFEST.tsv has entry_file and multi_file columns: ${header}`);
    return rows.map((row) => row.split('\t')).filter((cells) => cells[multiColumn].startsWith('yes')).map((cells) => cells[entryColumn]);
  };
  const entries = existsSync(MANIFEST) ? splitEntries() : [];

  test('the manifest lists split documents', () => {
    assert.ok(entries.length > 0, 'MANIFEST.tsv has multi_file = yes rows');
  });

  for (const entry of entries) {
    test(`${entry}: bundled, no external $ref, and it lints as the split document does`, async () => {
      // Each spec's own folder is its root: every relative $ref resolves inside it (README.md of the corpus).
      const root = join(CORPUS, entry.split('/')[0]);
      const output = join(tmp, 'corpus', `${entry.split('/')[0]}${entry.endsWith('.json') ? '.json' : '.yaml'}`);
      mkdirSync(dirname(output), { recursive: true });
      const bundled = await bundleTo(entry, output, ['--root', root], CORPUS);
      for (const ref of refsIn(bundled)) assert.ok(ref.startsWith('#'), `internal $ref: ${ref}`);
      const ofEntry = await lintFindings([entry, '--root', root], CORPUS);
      assert.ok(ofEntry.length > 0, 'the split document has findings to compare');
      assertSameFindings(ofEntry, await lintFindings([output]), bundled);
    });
  }
});

describe('bundle: safety', () => {
  let server: Server;
  let requests: string[];
  let port: number;
  before(async () => {
    requests = [];
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      response.setHeader('content-type', 'application/yaml');
      response.end('Thing: { type: string }\n');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    port = (server.address() as AddressInfo).port;
  });
  after(() => new Promise<void>((done) => server.close(() => done())));

  test('a remote $ref is refused with a clear message, and nothing is fetched', async () => {
    const remote = `http://127.0.0.1:${port}/schemas.yaml#/Thing`;
    write('remote/package.json', '{}\n');
    write('remote/schemas.yaml', `Thing:\n  $ref: '${remote}'\n`);
    const direct = write('remote/direct.yaml', `openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths:\n  /t:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '${remote}' }\n`);
    const viaFile = write('remote/via-file.yaml', "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths:\n  /t:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: 'schemas.yaml#/Thing' }\n");
    for (const [entry, file, line] of [
      [direct, 'direct.yaml', 11],
      [viaFile, 'schemas.yaml', 2],
    ] as const) {
      for (const extra of [[], ['--dereference']]) {
        const result = await runCli(['bundle', entry, ...extra], { cwd: join(tmp, 'remote') });
        assertExit(result, 2);
        assert.equal(result.stdout, '');
        assert.match(result.stderr, new RegExp(`^error ${file}:${line}:\\d+: remote \\$ref ${remote.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not fetched; restlint reads local files only\\n`), describeRun(result));
        assert.doesNotMatch(result.stderr, /crashed/);
      }
    }
    assert.deepEqual(requests, [], 'the server saw no request');
  });

  test('a $ref to ../outside.yaml is refused unless --root allows it', async () => {
    write('root/outside.yaml', 'Thing:\n  type: string\n  x-from: outside\n');
    write('root/project/package.json', '{}\n');
    const entry = write(
      'root/project/openapi.yaml',
      "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths:\n  /t:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: '../outside.yaml#/Thing' }\n",
    );
    const refused = await runCli(['bundle', entry], { cwd: join(tmp, 'root', 'project') });
    assertExit(refused, 2);
    assert.equal(refused.stdout, '');
    assert.equal(
      refused.stderr,
      `error openapi.yaml:11:31: $ref "../outside.yaml#/Thing" points outside the project root (${join(tmp, 'root', 'project')}) and was not read\n  pass --root <folder> to allow files under that folder\n`,
    );
    const allowed = await runCli(['bundle', entry, '--root', join(tmp, 'root')], { cwd: join(tmp, 'root', 'project') });
    assertExit(allowed, 0);
    const data = load(allowed.stdout);
    assert.deepEqual(atPointer(data, '#/paths/~1t/get/responses/200/content/application~1json/schema'), { type: 'string', 'x-from': 'outside' });
  });

  test('--output writes the file; an output named by no known extension, or the entry itself, is a usage error', async () => {
    const output = join(tmp, 'out', 'written.yaml');
    mkdirSync(dirname(output), { recursive: true });
    const result = await runCli(['bundle', ENTRY, '-o', output]);
    assertExit(result, 0);
    assert.equal(result.stdout, '');
    assert.ok(existsSync(output));
    assert.deepEqual(refsIn(load(readFileSync(output, 'utf8'))).filter((ref) => !ref.startsWith('#')), []);

    const txt = await runCli(['bundle', ENTRY, '-o', join(tmp, 'out', 'bundle.txt')]);
    assertExit(txt, 2);
    assert.match(txt.stderr, /^error --output .*bundle\.txt: name a \.json, \.yaml or \.yml file \(the extension picks the format\)\nRun `restlint --help` for usage\.\n$/);
    const self = await runCli(['bundle', ENTRY, '-o', ENTRY]);
    assertExit(self, 2);
    assert.match(self.stderr, /is the entry itself/);
  });

  test('--output into missing folders: made inside the current folder, as lint does; refused outside it', async () => {
    const made = await runCli(['bundle', ENTRY, '-o', join('dist', 'api', 'openapi.yaml')], { cwd: tmp });
    assertExit(made, 0);
    assert.ok(existsSync(join(tmp, 'dist', 'api', 'openapi.yaml')));
    const outside = join(tmp, 'elsewhere');
    mkdirSync(outside);
    const refused = await runCli(['bundle', ENTRY, '-o', join(tmp, 'nowhere', 'openapi.yaml')], { cwd: outside });
    assertExit(refused, 2);
    assert.match(refused.stderr, /^error --output .*openapi\.yaml: the folder .*nowhere does not exist, and restlint creates missing folders only inside the current folder; create it first\n/);
  });

  test('an alias bomb is refused, not expanded', async () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'].concat(
      'bcdefghi'.split('').map((name, index) => `${name}: &${name} [${Array(9).fill(`*${'abcdefghi'[index]}`).join(',')}]`),
    );
    write('bomb/package.json', '{}\n');
    write('bomb/laughs.yaml', `${levels.join('\n')}\nPet:\n  type: object\n  x-lol: *i\n`);
    const entry = write('bomb/openapi.yaml', "openapi: 3.0.3\ninfo: { title: B, version: '1' }\npaths:\n  /p:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: 'laughs.yaml#/Pet' }\n");
    const result = await runCli(['bundle', entry], { cwd: join(tmp, 'bomb'), maxOldSpaceMb: 512 });
    assertExit(result, 2);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /^error laughs\.yaml: the bundled document would be over 400.0 MB written out in full/);
  });
});

describe('bundle: --dereference', () => {
  test('an acyclic document: no $ref is left, and it lints as the split one does', async () => {
    const output = join(tmp, 'deref', 'fixture.yaml');
    mkdirSync(dirname(output), { recursive: true });
    const data = await bundleTo(ENTRY, output, ['--dereference']);
    assert.deepEqual(refsIn(data), []);
    assert.equal((atPointer(data, '#/paths/~1pets~1{petId}~1/get/responses/200/content/application~1json/schema') as Record<string, unknown>)['x-entity'], 'pet');
    assertSameFindings(await lintFindings([ENTRY]), await lintFindings([output]));
  });

  test('a cycle across files: the $ref that would loop is kept, pointing inside the output, and said on stderr', async () => {
    write('cycle/package.json', '{}\n');
    write('cycle/tree.yaml', 'Node:\n  type: object\n  properties:\n    name: { type: string }\n    children:\n      type: array\n      items: { $ref: "#/Node" }\n');
    const entry = write(
      'cycle/openapi.yaml',
      "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths:\n  /nodes:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { $ref: 'tree.yaml#/Node' }\n",
    );
    const result = await runCli(['bundle', entry, '--dereference'], { cwd: join(tmp, 'cycle') });
    assertExit(result, 0);
    assert.match(result.stderr, /^note 1 circular \$ref was kept \(inlining would never end\): #\/paths\/.*\/children\/items\n$/);
    const data = load(result.stdout);
    const refs = refsIn(data);
    assert.equal(refs.length, 1, result.stdout);
    assert.ok(refs[0].startsWith('#/'), `the kept $ref is internal: ${refs[0]}`);
    const target = atPointer(data, refs[0]) as Record<string, unknown>;
    assert.equal(target.type, 'object');
    assert.ok('children' in (target.properties as Record<string, unknown>), 'it points at the recursive schema');
  });
});

describe('bundle: input errors exit 2 and say what and where', () => {
  before(() => {
    write('errors/package.json', '{}\n');
    write('errors/paths/broken.yaml', 'get:\n  responses:\n    "200": { description: ok\n');
    write('errors/missing.yaml', "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths:\n  /t:\n    $ref: 'paths/nope.yaml'\n");
    write('errors/broken.yaml', "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths:\n  /t:\n    $ref: 'paths/broken.yaml'\n");
    write('errors/schemas.yaml', 'Thing: { type: string }\n');
    write('errors/pointer-in-file.yaml', "openapi: 3.0.3\ninfo: { title: T, version: '1' }\ncomponents:\n  schemas:\n    Nope: { $ref: 'schemas.yaml#/Nope' }\npaths: {}\n");
    write('errors/pointer.yaml', "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths:\n  /t:\n    $ref: '#/components/pathItems/nope'\n");
    write('errors/asyncapi.yaml', 'asyncapi: 2.6.0\ninfo: { title: T, version: "1" }\nchannels: {}\n');
  });
  const cases: [string, string[], RegExp][] = [
    ['a missing entry', ['nope.yaml'], /^error nope\.yaml: file not found\n$/],
    ['a missing referenced file, with the $ref that named it', ['missing.yaml'], /^error paths\/nope\.yaml: file not found\n {2}referenced by \$ref "paths\/nope\.yaml" at .*missing\.yaml:5\n$/],
    ['a referenced file that does not parse: its line, and the $ref', ['broken.yaml'], /^error paths\/broken\.yaml:4:1: invalid YAML: .*\n {2}referenced by \$ref "paths\/broken\.yaml" at .*broken\.yaml:5\n$/],
    ['a $ref to nothing', ['pointer.yaml'], /^error pointer\.yaml: cannot bundle: Missing \$ref pointer "#\/components\/pathItems\/nope"/],
    ['a $ref to nothing in another file: that file', ['pointer-in-file.yaml'], /^error schemas\.yaml: cannot bundle: Missing \$ref pointer "#\/Nope"/],
    ['not an OpenAPI document', ['asyncapi.yaml'], /^error asyncapi\.yaml: not an OpenAPI document: it is an AsyncAPI 2\.6\.0 document\n/],
    ['a folder', ['paths'], /^error paths is a folder; pass the entry file of the document/],
    ['a --root that is no folder', ['missing.yaml', '--root', 'nowhere'], /^error --root nowhere: no such folder\n/],
  ];
  for (const [what, args, stderr] of cases) {
    test(what, async () => {
      const result = await runCli(['bundle', ...args], { cwd: join(tmp, 'errors') });
      assertExit(result, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, stderr);
      assert.doesNotMatch(result.stderr, /crashed/);
    });
  }
});

describe('bundle: the command line', () => {
  test('--help: usage, options and examples', async () => {
    const result = await runCli(['bundle', '--help']);
    assertExit(result, 0);
    for (const text of ['restlint bundle <entry>', '--output', '--dereference', '--root', '--config', 'restlint bundle openapi.yaml -o dist/openapi.yaml']) {
      assert.ok(result.stdout.includes(text), `bundle --help shows ${text}\n${result.stdout}`);
    }
    const top = await runCli(['--help']);
    assert.ok(top.stdout.includes('restlint bundle <entry>'), top.stdout);
  });

  test('no entry: a usage error', async () => {
    const result = await runCli(['bundle']);
    assertExit(result, 2);
    assert.match(result.stderr, /^error Not enough non-option arguments/);
  });

  test('lint never loads the bundler', async () => {
    const probe = write(
      'loads/probe.js',
      "const Module = require('node:module');\nconst load = Module._load;\nconst seen = new Set();\nModule._load = function (request, ...rest) {\n  if (/bundle-command|swagger-parser|json-schema-ref-parser/.test(request)) seen.add(request);\n  return load.call(this, request, ...rest);\n};\nprocess.on('exit', () => process.stderr.write(`loaded: ${[...seen].join(',')}\\n`));\n",
    );
    const lint = await runCli(['lint', ENTRY, '--format', 'json'], { nodeArgs: ['--require', probe], env: { RESTLINT_CODE_CACHE: '0' } });
    assert.ok(lint.code === 1, describeRun(lint));
    assert.match(lint.stderr, /^loaded: \n$/, describeRun(lint));
    const bundle = await runCli(['bundle', ENTRY], { nodeArgs: ['--require', probe], env: { RESTLINT_CODE_CACHE: '0' } });
    assertExit(bundle, 0);
    assert.match(bundle.stderr, /loaded: .*bundle-command/, describeRun(bundle));
  });
});
