// Positions are always true: every range a rule or a parse error reports lies inside the text,
// and no character lies past the end of its line (src/engine/source/line-index.ts, where every
// range is made from offsets).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../src/engine/source/line-index';
import { parseSourceText, SourceError } from '../../src/engine/source/source-file';
import { findingsOf, formatRange, lintText } from '../helpers/lint-text';

function parseError(text: string, path = '/x/openapi.yaml'): SourceError {
  try {
    parseSourceText(path, text);
  } catch (error) {
    if (error instanceof SourceError) return error;
    throw error;
  }
  throw new Error('parsed');
}

test('LineIndex: offsets outside the text are placed at its ends; no character past its line', () => {
  const lines = new LineIndex('ab\ncd');
  assert.deepEqual(lines.position(-3), { line: 0, character: 0 });
  assert.deepEqual(lines.position(5), { line: 1, character: 2 });
  assert.deepEqual(lines.position(6), { line: 1, character: 2 }, 'one past the end (a parser that added a newline)');
  assert.deepEqual(lines.position(Number.NaN), { line: 0, character: 0 });
  assert.deepEqual(lines.range(4, 2), { start: { line: 1, character: 1 }, end: { line: 1, character: 1 } }, 'an end before the start is an empty range');
});

test('LineIndex: CRLF and lone CR end lines, as in LSP; a character never counts the \\r', () => {
  const crlf = new LineIndex('ab\r\ncd\r\n');
  assert.deepEqual(crlf.position(2), { line: 0, character: 2 });
  assert.deepEqual(crlf.position(3), { line: 0, character: 2 }, 'between \\r and \\n');
  assert.deepEqual(crlf.position(4), { line: 1, character: 0 });
  assert.equal(crlf.lineCount, 3);
  const cr = new LineIndex('ab\rcd\re');
  assert.deepEqual(cr.position(4), { line: 1, character: 1 });
  assert.deepEqual(cr.position(6), { line: 2, character: 0 });
  assert.equal(cr.offsetAt({ line: 2, character: 1 }), 7);
  assert.equal(cr.offsetAt({ line: 1, character: 3 }), undefined, 'past the end of its line');
  assert.equal(cr.offsetAt({ line: 3, character: 0 }), undefined, 'past the last line');
});

test('a YAML parse error at the end of a text without a final newline is on its last line', () => {
  const text = "openapi: 3.0.3\npaths:\n  /users: [";
  const error = parseError(text);
  assert.equal(error.message, 'invalid YAML: unexpected end of the stream within a flow collection');
  // Line 3 is 11 characters long: the error is just past its last one.
  assert.equal(formatRange(error.range!), '3:12-3:12');
});

test('a NUL byte in an editor buffer is reported on its own line and column', () => {
  const error = parseError("openapi: 3.0.3\ninfo:\n  title: a\u0000b\n");
  assert.equal(error.message, 'invalid YAML: null byte is not allowed in input');
  assert.equal(formatRange(error.range!), '3:11-3:11');
});

test('JSON that ends too early: the error is at the end of the text, not at an unknown place', () => {
  const error = parseError('{\n  "openapi": "3.0.3",\n  "paths": ', '/x/openapi.json');
  assert.equal(error.message, 'invalid JSON: Unexpected end of JSON input');
  assert.equal(formatRange(error.range!), '3:12-3:12');
});

test('a YAML node that closes at the end of a text without a final newline ends on its line', () => {
  const source = parseSourceText('/x/a.yaml', 'a:\n  b: [1, 2]\n  c: x');
  assert.equal(formatRange(source.rangeOf(['a'])), '2:3-3:7');
  assert.equal(formatRange(source.rangeOf(['a', 'c'])), '3:6-3:7');
});

// A `$ref` whose value is a block mapping that closes the text (js-yaml ends it one past the last character).
const TAIL_REF = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /users:\n    get:\n      responses:\n        '200':\n          $ref:\n            a: b";

test('invalid-ref at the end of a text without a final newline: its range ends on its line', () => {
  assert.deepEqual(findingsOf(lintText(TAIL_REF), 'invalid-ref'), [{ message: '$ref must be a string', at: '9:13-9:17', severity: 0 }]);
});

const TAIL_ARRAY = `openapi: 3.0.3
info: { title: Shop, version: '1' }
paths:
  /users:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: array
                items: { type: object, properties: { id: { type: string } } }`;

test('paginate-collections on a schema that closes the text: its range ends on the last line, not past it', () => {
  const found = findingsOf(lintText(TAIL_ARRAY), 'paginate-collections');
  assert.equal(found.length, 1, JSON.stringify(found));
  // The schema's value: from `type` (line 12) to the end of the text (line 13, character 78).
  assert.equal(found[0].at, '12:17-13:78');
});

test('an empty or whitespace-only text (a BOM too) is one "file is empty" error at the start, inside the text', () => {
  for (const text of ['', '   ', '\n\n\t\n', '\ufeff', '\r\n  \r\n']) {
    const error = parseError(text);
    assert.equal(error.kind, 'parse');
    assert.equal(error.message, 'file is empty', JSON.stringify(text));
    assert.equal(error.range, undefined, 'shown at 0:0, which every text has');
  }
});
