import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSourceText, SourceError } from '../../src/engine/source/source-file';
import { formatRange } from '../helpers/lint-text';
import { ConfigFinder } from '../../src/engine/config/config';
import { lintEntry } from '../../src/engine/entry';
import { allRules } from '../../rules';

const yaml = `openapi: 3.0.3   # comment
paths:
  /users/{id}:
    get:
      responses:
        '200': { description: ok, x: [1, "two"] }
        404:
          description: gone
  "/b_c": &shared
    summary: quoted key
  /alias: *shared
`;

test('YAML: key and value ranges come from the same parse', () => {
  const source = parseSourceText('/x/openapi.yaml', yaml);
  assert.equal(source.format, 'yaml');
  assert.equal(formatRange(source.rangeOf(['openapi'])), '1:10-1:15', 'value without the blank before it or the comment after it');
  assert.equal(formatRange(source.rangeOf(['paths', '/users/{id}'], 'key')), '3:3-3:14');
  assert.equal(formatRange(source.rangeOf(['paths', '/users/{id}', 'get', 'responses', '200'], 'key')), '6:9-6:14', "quoted key '200' keeps its quotes");
  assert.equal(formatRange(source.rangeOf(['paths', '/users/{id}', 'get', 'responses', '200', 'x', '1'])), '6:42-6:47');
  // 404 is read as a number key, but the data's key is the string "404".
  assert.equal(formatRange(source.rangeOf(['paths', '/users/{id}', 'get', 'responses', '404', 'description'])), '8:24-8:28');
  assert.equal(formatRange(source.rangeOf(['paths', '/b_c'], 'key')), '9:3-9:9');
});

test('YAML: a pointer past what exists falls back to the deepest node found', () => {
  const source = parseSourceText('/x/openapi.yaml', yaml);
  assert.equal(formatRange(source.rangeOf(['paths', '/users/{id}', 'post'])), formatRange(source.rangeOf(['paths', '/users/{id}'])));
});

test('YAML: a range can narrow to part of a key, with or without quotes', () => {
  const source = parseSourceText('/x/openapi.yaml', yaml);
  const segment = { text: '/b_c', start: 1, end: 4 };
  assert.equal(formatRange(source.rangeOf(['paths', '/b_c'], 'key', segment)), '9:5-9:8');
  const plain = { text: '/users/{id}', start: 1, end: 6 };
  assert.equal(formatRange(source.rangeOf(['paths', '/users/{id}'], 'key', plain)), '3:4-3:9');
});

test('JSON: the lazy locator finds keys, values, array items and escaped keys', () => {
  const json = '{\n  "openapi": "3.1.0",\n  "paths": {\n    "/a\\u002fb": {"get": {"tags": ["x", {"y": [1, 2]}]}},\n    "/users": {}\n  }\n}\n';
  const source = parseSourceText('/x/openapi.json', json);
  assert.equal(source.format, 'json');
  assert.equal(formatRange(source.rangeOf(['openapi'])), '2:14-2:21');
  assert.equal(formatRange(source.rangeOf(['paths', '/users'], 'key')), '5:5-5:13');
  assert.equal(formatRange(source.rangeOf(['paths', '/a/b', 'get', 'tags', '1', 'y', '1'])), '4:51-4:52');
  assert.equal(formatRange(source.rangeOf(['paths', '/a/b'], 'key')), '4:5-4:16');
});

test('JSON that is not strict JSON but valid YAML is read as YAML', () => {
  const source = parseSourceText('/x/openapi.json', '{openapi: 3.0.0, paths: {}}');
  assert.equal(source.format, 'yaml');
  assert.deepEqual(source.data, { openapi: '3.0.0', paths: {} });
});

test('parse errors name the line and column', () => {
  const yamlError = assertSourceError(() => parseSourceText('/x/bad.yaml', 'openapi: 3.0.0\npaths:\n  /a: [\n'));
  assert.match(yamlError.message, /^invalid YAML: /);
  assert.ok(yamlError.range, 'YAML errors carry a position');
  const jsonError = assertSourceError(() => parseSourceText('/x/bad.json', '{\n  "openapi": "3.0.0",\n  "paths": {,}\n}'));
  assert.match(jsonError.message, /^invalid JSON: /);
  assert.equal(jsonError.range?.start.line, 2);
  assert.equal(assertSourceError(() => parseSourceText('/x/empty.yaml', ' \n\n')).message, 'file is empty');
});

function assertSourceError(run: () => unknown): SourceError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof SourceError, `expected a SourceError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a SourceError');
}

test('an in-memory text (an editor buffer) over the size limit is refused as a file on disk is, counting UTF-8 bytes', () => {
  const rules = allRules.filter((rule) => rule.create);
  const path = '/virtual/openapi.yaml';
  // 400 characters of "é" are 800 UTF-8 bytes: over a 600-byte limit though only 400 long.
  const text = `openapi: 3.0.3\ninfo: { title: t, version: '1', description: '${'é'.repeat(400)}' }\npaths: {}\n`;
  // No config on the way up from /virtual: the defaults.
  const configs = new ConfigFinder(rules);
  const over = lintEntry(path, { rules, configs, root: '/virtual', maxBytes: 600, overlay: { get: () => text } });
  assert.equal(over.failure?.kind, 'too-large');
  assert.equal(over.failure?.message, 'file is 0.9 KB, over the 0.6 KB limit');
  assert.equal(over.failure?.hint, 'raise the limit with --max-file-size <MB> if this is really an API description');
  const under = lintEntry(path, { rules, configs, root: '/virtual', maxBytes: 2000, overlay: { get: () => text } });
  assert.equal(under.failure, undefined);
});
