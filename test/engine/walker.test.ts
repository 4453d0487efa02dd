import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, openapi } from '../helpers/lint-text';

test('walker: x- keys under paths are extensions, not paths', () => {
  const doc = openapi(`  x-internal_Note//: { owner: team }\n  /users: {}\n`);
  assert.deepEqual(lintText(doc).filter((finding) => finding.path[1] === 'x-internal_Note//'), []);
  assert.ok(lintText(openapi(`  /internal_Note//: {}\n`)).length > 0, 'the same key as a path is reported');
});
