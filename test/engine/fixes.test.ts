import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TextEdit } from '../../src/engine/rule';
import { lintText, openapi } from '../helpers/lint-text';

/** Applies LSP-style edits to a text (last first, so earlier offsets stay valid). */
function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (position: TextEdit['range']['start']) => lines.slice(0, position.line).reduce((sum, line) => sum + line.length + 1, 0) + position.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

const fixOf = (text: string, code: string) => {
  const finding = lintText(text).find((candidate) => candidate.code === code);
  assert.ok(finding, `${code} reports the document`);
  return finding.fix;
};

for (const [code, before, after] of [
  ['no-trailing-slash', '  /users/: {}\n', '  /users: {}\n'],
  ['no-empty-segment', "  '/users//orders': {}\n", "  '/users/orders': {}\n"],
  ['path-kebab-case', '  /users/{id}/orderItems: {}\n', '  /users/{id}/order-items: {}\n'],
  ['path-no-underscore', '  /order_items/{id}: {}\n', '  /order-items/{id}: {}\n'],
] as const) {
  test(`${code}: its fix edits only the text at fault, and the fixed document no longer has the finding`, () => {
    const text = openapi(before);
    const fixed = applyEdits(text, fixOf(text, code) ?? assert.fail('no fix offered'));
    assert.equal(fixed, openapi(after));
    assert.ok(!lintText(fixed).some((finding) => finding.code === code));
  });
}

test('no-trailing-slash: a server URL ending in /v1/ is fixed inside the url value', () => {
  const text = openapi('  /users: {}\n', 'servers:\n  - url: https://api.example.com/v1/\n');
  assert.equal(applyEdits(text, fixOf(text, 'no-trailing-slash')!), openapi('  /users: {}\n', 'servers:\n  - url: https://api.example.com/v1\n'));
});

test('a fix that cannot be placed exactly is not offered (a key spelt with escapes), the finding still is', () => {
  const json = '{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {"/caf\\u00e9s/": {}}}';
  assert.equal(fixOf(json, 'no-trailing-slash'), undefined);
});

