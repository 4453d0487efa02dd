// Hostile input: each case must end, within a 1 GB heap, with a clear outcome (the findings,
// or one error line naming the file and a hint, exit 2) and never a crash trace. (A run is
// killed after HANG_GUARD_MS, minutes: that guards against a hang, not a speed. How fast big
// documents lint is measured by `npm run bench`.) Inputs are generated here, in a temp folder:
// nothing big is committed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRun, HANG_GUARD_MS, makeTempDir, parseFindings, positionOf, removeDir, runCli, type JsonFinding, type RunResult } from './helpers/cli';

const LIMITS = { maxOldSpaceMb: 1024 };
/** Only the rules these cases are about: a naming rule added later changes nothing here. */
const CONFIG = 'extends: []\nrules:\n  no-empty-segment: error\n  invalid-ref: error\n  unresolved-ref: warn\n';

let dir: string;
before(() => {
  dir = makeTempDir('restlint-hostile-');
  writeFileSync(join(dir, '.restlint.yaml'), CONFIG);
});
after(() => removeDir(dir));

/** Runs `restlint lint <args>` in the temp folder under the heap limit; fails on a hang or a crash. */
async function lint(args: string[], extra: { cwd?: string } = {}): Promise<RunResult> {
  const result = await runCli(['lint', ...args], { cwd: extra.cwd ?? dir, ...LIMITS });
  assert.ok(!result.timedOut, `did not finish within ${HANG_GUARD_MS} ms (a hang)\n${describeRun(result)}`);
  assert.ok(result.code === 0 || result.code === 1 || result.code === 2, `exit 0, 1 or 2, not a crash\n${describeRun(result)}`);
  assert.doesNotMatch(result.stderr, /crashed|\n\s+at |heap out of memory|Maximum call stack/i, describeRun(result));
  return result;
}

async function lintJson(args: string[], code: number): Promise<JsonFinding[]> {
  const result = await lint(['--format', 'json', ...args]);
  assert.equal(result.code, code, describeRun(result));
  assert.equal(result.stderr, '', describeRun(result));
  return parseFindings(result.stdout);
}

/** A 2 (clear error) must be exactly one error line for the file, and at most one hint line. */
function assertClearError(result: RunResult, file: string): void {
  assert.equal(result.code, 2, describeRun(result));
  assert.match(result.stderr, new RegExp(`^error ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(:\\d+:\\d+)?: [^\\n]+\\n(  [^\\n]+\\n)?$`), describeRun(result));
}

const write = (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
  return path;
};

describe('YAML alias bombs', () => {
  // Nine levels of nine aliases: 9^9 (387 million) "lol"s if anything expands them.
  const laughs = (indent: string) =>
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
      .concat('bcdefghi'.split('').map((name, index) => {
        const previous = 'abcdefghi'[index];
        return `${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`;
      }))
      .map((line) => indent + line)
      .join('\n');

  test('billion laughs in an x- extension, a schema and the operations of aliased path items: linted, the aliases never expanded', async () => {
    const spec = [
      'openapi: 3.0.3',
      "info: { title: Bomb, version: '1' }",
      'x-laughs:',
      laughs('  '),
      'components:',
      '  schemas:',
      "    Pet: { type: object, properties: { name: { type: string } }, x-lol: *i }",
      '    Pets:',
      '      type: array',
      '      items: { $ref: "#/components/schemas/Pet" }',
      '      x-lol: *i',
      'paths:',
      '  /pets: &item',
      '    get:',
      '      x-lol: *i',
      '      parameters:',
      '        - { name: q, in: query, schema: { type: string }, x-lol: *i }',
      '      responses:',
      "        '200':",
      '          description: OK',
      '          content:',
      '            application/json:',
      '              schema: { $ref: "#/components/schemas/Pets", x-lol: *i }',
      '  /cats: *item',
      '  /dogs//puppies: *item',
      '  /birds:',
      '    <<: *item',
      '',
    ].join('\n');
    write('bomb.yaml', spec);
    const findings = await lintJson(['bomb.yaml'], 1);
    assert.deepEqual(
      findings.map((finding) => ({ code: finding.code, path: finding.path })),
      [{ code: 'no-empty-segment', path: ['paths', '/dogs//puppies'] }],
    );
  });

  test('billion laughs as a whole referenced file: linted, the aliases never expanded', async () => {
    write('bomb-ref/laughs.yaml', `${laughs('')}\nPet:\n  type: object\n  x-lol: *i\n  properties:\n    tags: *i\n`);
    write(
      'bomb-ref/openapi.yaml',
      "openapi: 3.0.3\ninfo: { title: Bomb, version: '1' }\npaths:\n  /pets:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: { $ref: 'laughs.yaml#/Pet' }\n              examples: { big: { value: { $ref: 'laughs.yaml#/i' } } }\n",
    );
    assert.deepEqual(await lintJson(['bomb-ref/openapi.yaml'], 0), []);
  });

  // Ten levels of nine: 9^10 (3.5 billion) "lol"s, in about 3 KB with the rest of the document.
  const tenLevels = (indent: string) =>
    `${laughs(indent)}\n${indent}j: &j [${Array(9).fill('*i').join(',')}]`;
  const spectralDocument = (laughing: string) =>
    [
      'openapi: 3.0.3',
      'info:',
      '  title: Laughs',
      '  version: "1"',
      `  description: ${'An API whose description is long enough to make this a document of about three kilobytes. '.repeat(24)}`,
      '  contact: { name: Team, url: "https://example.com" }',
      'servers: [{ url: "https://api.example.com" }]',
      'tags: [{ name: pets, description: Pets }]',
      'paths: {}',
      laughing,
      '',
    ].join('\n');

  test('with a Spectral ruleset (extends: [spectral:oas]), an alias bomb is refused before Spectral expands it: exit 2, naming the file', async () => {
    write('bomb-spectral/.restlint.yaml', 'extends: [spectral:oas]\n');
    write('bomb-spectral/package.json', '{}\n');
    const text = spectralDocument(`x-laughs:\n${tenLevels('  ')}\nx-all: *j`);
    assert.ok(text.length > 2500 && text.length < 3500, String(text.length));
    write('bomb-spectral/openapi.yaml', text);
    // Waits for the process to exit: without the guard Spectral never returns (until HANG_GUARD_MS kills it).
    const result = await lint(['openapi.yaml'], { cwd: join(dir, 'bomb-spectral') });
    assert.equal(result.code, 2, describeRun(result));
    assert.equal(
      result.stderr,
      'error openapi.yaml: YAML aliases expand this file from 145 written nodes to 8,335,594,000 (an alias bomb); Spectral copies every alias, so a Spectral ruleset is given no file that aliases grow by more than 10,000,000 nodes\n' +
        "  write the aliased parts out, or lint without the config's Spectral ruleset (restlint's own rules read each alias once)\n",
    );
    assert.equal(result.stdout, '');

    // In a referenced file, that file is named; a few aliases are no bomb, and Spectral lints the document.
    write('bomb-spectral/laughs.yaml', `${tenLevels('')}\nPet:\n  type: object\n  x-lol: *j\n`);
    write('bomb-spectral/referencing.yaml', spectralDocument('components:\n  schemas:\n    Pet: { $ref: "laughs.yaml#/Pet" }'));
    write('bomb-spectral/aliased.yaml', spectralDocument('x-shared: &shared { a: 1, b: [1, 2, 3] }\nx-again: *shared'));
    const both = await lint(['referencing.yaml', 'aliased.yaml', '--format', 'json'], { cwd: join(dir, 'bomb-spectral') });
    assert.equal(both.code, 2, describeRun(both));
    assert.match(both.stderr, /^error laughs\.yaml: YAML aliases expand this file from \d+ written nodes to [\d,]+ \(an alias bomb\); /);
    assert.equal(both.stderr.split('\n').filter((line) => line.startsWith('error ')).length, 1, both.stderr);
    const findings = parseFindings(both.stdout);
    assert.ok(findings.every((finding) => finding.source.endsWith('aliased.yaml')), both.stdout);
  });
});

describe('deep nesting', () => {
  const DEPTH = 1000;
  const head = "openapi: 3.0.3\ninfo: { title: Deep, version: '1' }\npaths: {}\n";

  test(`${DEPTH}-deep YAML (flow and block) and JSON: linted`, async () => {
    write('deep-flow.yaml', `${head}x-deep: ${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}\n`);
    write('deep-block.yaml', `${head}x-deep:\n${Array.from({ length: DEPTH }, (_, index) => `${' '.repeat(index + 1)}k:\n`).join('')}${' '.repeat(DEPTH + 1)}end\n`);
    write('deep.json', `{"openapi":"3.0.3","info":{"title":"Deep","version":"1"},"paths":{},"x-deep":${'{"k":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}}`);
    // A schema nested 1,000 levels through properties, used by a response.
    const schema = `${'{"type":"object","properties":{"p":'.repeat(DEPTH)}{"type":"string"}${'}}'.repeat(DEPTH)}`;
    write('deep-schema.json', `{"openapi":"3.0.3","info":{"title":"Deep","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"OK","content":{"application/json":{"schema":${schema}}}}}}}}}`);
    assert.deepEqual(await lintJson(['deep-flow.yaml', 'deep-block.yaml', 'deep.json', 'deep-schema.json'], 0), []);
  });

  test(`a broken $ref ${DEPTH} levels down is reported at its exact place (JSON and YAML)`, async () => {
    const json = `{"openapi":"3.0.3","info":{"title":"Deep","version":"1"},"paths":{},"x-deep":${'{"k":'.repeat(DEPTH)}{"$ref":"#/nope"}${'}'.repeat(DEPTH)}}`;
    const yaml = `${head}x-deep:\n${Array.from({ length: DEPTH }, (_, index) => `${' '.repeat(index + 1)}k:\n`).join('')}${' '.repeat(DEPTH + 1)}$ref: '#/nope'\n`;
    const jsonPath = write('deep-ref.json', json);
    const yamlPath = write('deep-ref.yaml', yaml);
    const findings = await lintJson(['deep-ref.json', 'deep-ref.yaml'], 1);
    const at = (text: string, needle: string) => {
      const start = positionOf(text, needle);
      return { start, end: { line: start.line, character: start.character + needle.length } };
    };
    assert.deepEqual(
      findings.map((finding) => ({ code: finding.code, source: finding.source, range: finding.range, depth: finding.path.length })),
      [
        { code: 'invalid-ref', source: jsonPath, range: at(json, '"#/nope"'), depth: DEPTH + 2 },
        { code: 'invalid-ref', source: yamlPath, range: at(yaml, "'#/nope'"), depth: DEPTH + 2 },
      ],
    );
  });

  test('100,000-deep YAML and JSON: a clear outcome, no crash', async () => {
    const depth = 100_000;
    write('abyss.json', `{"openapi":"3.0.3","info":{"title":"Deep","version":"1"},"paths":{},"x-deep":${'['.repeat(depth)}${']'.repeat(depth)}}`);
    write('abyss.yaml', `${head}x-deep: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    for (const file of ['abyss.json', 'abyss.yaml']) {
      const result = await lint([file]);
      if (result.code === 2) assertClearError(result, file);
      else assert.equal(result.stderr, '');
    }
  });
});

describe('cyclic $refs', () => {
  test('a chain across files (a.yaml#/X → b.yaml#/Y → a.yaml#/X) used as a path item and a response: invalid-ref naming the cycle', async () => {
    write('cycle/openapi.yaml', "openapi: 3.0.3\ninfo: { title: Cycle, version: '1' }\npaths:\n  /things:\n    $ref: 'a.yaml#/X'\n  /self:\n    $ref: 'a.yaml#/Self'\n  /other:\n    get:\n      responses:\n        '200':\n          $ref: 'a.yaml#/R'\n");
    const a = "X:\n  $ref: 'b.yaml#/Y'\nR:\n  $ref: 'b.yaml#/S'\nSelf:\n  $ref: '#/Self'\n";
    const b = "Y:\n  $ref: 'a.yaml#/X'\nS:\n  $ref: 'a.yaml#/R'\n";
    write('cycle/a.yaml', a);
    write('cycle/b.yaml', b);
    const findings = await lintJson(['cycle/openapi.yaml'], 1);
    assert.ok(findings.length >= 3, JSON.stringify(findings, null, 1));
    const texts: Record<string, string> = { [join(dir, 'cycle', 'a.yaml')]: a, [join(dir, 'cycle', 'b.yaml')]: b };
    for (const finding of findings) {
      assert.equal(finding.code, 'invalid-ref');
      assert.match(finding.message, /^\$ref "[^"]+" is part of a cycle/);
      assert.ok(finding.source in texts, `reported in a.yaml or b.yaml: ${finding.source}`);
      const line = texts[finding.source].split('\n')[finding.range.start.line];
      assert.ok(line.includes('$ref') && line.includes(/"([^"]+)"/.exec(finding.message)![1]), `at the $ref it names: ${line}`);
    }
    // One finding per cycle: X/Y (the path item), R/S (the response), Self.
    const named = findings.map((finding) => /"([^"]+)"/.exec(finding.message)![1]).sort();
    assert.ok(named.some((ref) => ref === 'b.yaml#/Y' || ref === 'a.yaml#/X'), named.join(', '));
    assert.ok(named.some((ref) => ref === 'b.yaml#/S' || ref === 'a.yaml#/R'), named.join(', '));
    assert.ok(named.includes('#/Self'), named.join(', '));
  });

  test('a recursive schema across files is not a cycle', async () => {
    write('tree/openapi.yaml', "openapi: 3.0.3\ninfo: { title: Tree, version: '1' }\npaths:\n  /nodes:\n    get:\n      responses:\n        '200':\n          description: OK\n          content:\n            application/json:\n              schema: { $ref: 'node.yaml#/Node' }\n");
    write('tree/node.yaml', "Node:\n  type: object\n  properties:\n    children: { type: array, items: { $ref: '#/Node' } }\n    parent: { $ref: 'parent.yaml#/Parent' }\n");
    write('tree/parent.yaml', "Parent:\n  type: object\n  properties:\n    node: { $ref: 'node.yaml#/Node' }\n");
    assert.deepEqual(await lintJson(['tree/openapi.yaml'], 0), []);
  });
});

describe('size limits', () => {
  const MB = 1024 * 1024;
  /** A 50 MB (exactly) JSON document: 100,000+ small paths, then one with "//" at the very end. */
  function fiftyMegabytes(): string {
    const head = '{"openapi":"3.0.3","info":{"title":"Big","version":"1"},"paths":{';
    const tail = '"/last//item":{"get":{"responses":{"200":{"description":"OK"}}}}}}';
    const parts: string[] = [head];
    let size = head.length + tail.length;
    const filler = 'x'.repeat(300);
    for (let index = 0; size < 50 * MB - 1000; index++) {
      const part = `"/items-${index}/{itemId}":{"get":{"description":"${filler}","responses":{"200":{"description":"OK"}}}},`;
      parts.push(part);
      size += part.length;
    }
    // Pad to exactly 50 MB with one more description.
    const pad = 50 * MB - size - '"/pad":{"get":{"description":"","responses":{"200":{"description":"OK"}}}},'.length;
    parts.push(`"/pad":{"get":{"description":"${'y'.repeat(pad)}","responses":{"200":{"description":"OK"}}}},`, tail);
    const text = parts.join('');
    assert.equal(text.length, 50 * MB);
    return text;
  }

  test('a 50 MB document lints within the default limit; with --max-file-size 40 it is refused with the hint', async () => {
    write('big.json', fiftyMegabytes());
    const findings = await lintJson(['big.json'], 1);
    assert.deepEqual(
      findings.map((finding) => ({ code: finding.code, path: finding.path })),
      [{ code: 'no-empty-segment', path: ['paths', '/last//item'] }],
    );

    const refused = await lint(['big.json', '--max-file-size', '40']);
    assert.equal(refused.code, 2);
    assert.equal(refused.stderr, 'error big.json: file is 50.0 MB, over the 40.0 MB limit\n  raise the limit with --max-file-size <MB> if this is really an API description\n');
    assert.equal(refused.stdout, '');
  });

  test('--max-file-size: what is not a positive number is a usage error; a small limit is shown in KB', async () => {
    write('small.yaml', `openapi: 3.0.3\ninfo: { title: Small, version: '1' }\npaths: {}\n# ${'x'.repeat(2000)}\n`);
    for (const value of ['abc', '-5', '0']) {
      const result = await lint(['small.yaml', `--max-file-size=${value}`]);
      assert.equal(result.code, 2, describeRun(result));
      assert.equal(
        result.stderr,
        `error --max-file-size${value === 'abc' ? ': not a number;' : ` ${value}:`} give the largest file to read in MB, a number above 0, e.g. --max-file-size 200\nRun \`restlint --help\` for usage.\n`,
      );
    }
    const tiny = await lint(['small.yaml', '--max-file-size', '0.001']);
    assert.equal(tiny.code, 2, describeRun(tiny));
    assert.equal(tiny.stderr, 'error small.yaml: file is 2.0 KB, over the 1.0 KB limit\n  raise the limit with --max-file-size <MB> if this is really an API description\n');
  });

  test('an endless device (/dev/zero) stops at the limit: exit 2', { skip: existsSync('/dev/zero') ? false : 'no /dev/zero here' }, async () => {
    const result = await lint(['/dev/zero']);
    assert.equal(result.stderr, 'error /dev/zero: file is over the 100.0 MB limit\n  raise the limit with --max-file-size <MB> if this is really an API description\n');
  });
});

describe('files that are not text, not there, or not files', () => {
  test('binary, empty, blank, invalid UTF-8 and broken JSON: one clear error each (one process)', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(4096, 7)]);
    write('logo.yaml', png);
    write('empty.yaml', '');
    write('blank.json', '  \n\n\t\n');
    write('latin1.yaml', Buffer.from("openapi: 3.0.3\ninfo: { title: 'Caf\xe9', version: '1' }\npaths: {}\n", 'latin1'));
    const broken = '{\n  "openapi": "3.0.3",\n  "info": { "title": "Broken", "version": "1" },\n  "paths": {\n    "/a": {}\n    "/b": {}\n  }\n}\n';
    write('broken.json', broken);
    const where = positionOf(broken, '"/b"');
    const result = await lint(['logo.yaml', 'empty.yaml', 'blank.json', 'latin1.yaml', 'broken.json']);
    assert.equal(result.code, 2);
    const emptyHint = '  an OpenAPI document starts with `openapi: 3.x` or `swagger: "2.0"`\n';
    const lines = result.stderr.split(/(?=^error )/m);
    assert.deepEqual(lines.slice(0, 4), [
      'error logo.yaml: binary file, not an OpenAPI document\n  lint a .yaml, .yml or .json file\n',
      `error empty.yaml: file is empty\n${emptyHint}`,
      `error blank.json: file is empty\n${emptyHint}`,
      'error latin1.yaml: file is not valid UTF-8 text\n  save the file as UTF-8\n',
    ]);
    assert.ok(lines[4].startsWith(`error broken.json:${where.line + 1}:${where.character + 1}: invalid JSON: `), lines[4]);
    assert.equal(lines.length, 5);
    assert.equal(result.stdout, '');
  });

  test('a folder passed as a file: exit 2, saying how to lint what is in it', async () => {
    mkdirSync(join(dir, 'specs'), { recursive: true });
    const result = await lint(['specs']);
    assert.equal(result.code, 2);
    assert.equal(result.stderr, 'error specs is a folder; pass the OpenAPI files in it, e.g. "specs/*.yaml"\nRun `restlint --help` for usage.\n');
  });

  test('a referenced file that is binary or empty: a parse-error finding on it and one at the $ref, exit 1, never a failure', async () => {
    write('bad-ref/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]));
    write('bad-ref/empty.yaml', '');
    const cases: [string, string][] = [
      ['logo.png', 'binary file, not an OpenAPI document'],
      ['empty.yaml', 'file is empty'],
    ];
    for (const [target, message] of cases) {
      write('bad-ref/openapi.yaml', `openapi: 3.0.3\ninfo: { title: Ref, version: '1' }\npaths:\n  /logo:\n    $ref: '${target}'\n`);
      const findings = await lintJson(['bad-ref/openapi.yaml'], 1);
      const mine = findings.filter((finding) => finding.code === 'parse-error');
      assert.deepEqual(
        mine.sort((a, b) => b.source.localeCompare(a.source)).map((finding) => [finding.code, finding.source, finding.message, finding.range.start.line, finding.range.start.character]),
        [
          ['parse-error', join(dir, 'bad-ref', 'openapi.yaml'), `$ref "${target}": a referenced file does not parse: ${target}: ${message}`, 4, 10],
          ['parse-error', join(dir, 'bad-ref', target), message, 0, 0],
        ],
      );
    }
  });
});
