// "Did you mean …?" for config keys, rule ids and document keys (src/engine/suggest.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { closest, closestName, editDistance } from '../../src/engine/suggest';

test('editDistance counts a swap of neighbours as one edit', () => {
  assert.equal(editDistance('propertiez', 'properties'), 1);
  assert.equal(editDistance('maxLenght', 'maxLength'), 1);
  assert.equal(editDistance('abc', 'abc'), 0);
  assert.equal(editDistance('kitten', 'sitting'), 3);
});

test('closest: near enough to be meant, never the word itself, the first listed on a tie', () => {
  assert.equal(closest('objekt', ['array', 'object', 'string']), 'object');
  assert.equal(closest('Strng', ['string']), 'string');
  assert.equal(closest('id', ['ip']), undefined, 'one edit in two letters is another word');
  assert.equal(closest('string', ['string']), undefined);
  assert.equal(closest('ab', ['ac']), undefined, 'too short for any edit');
  assert.equal(closest('colour', ['color', 'colours']), 'color');
});

test('closestName: by spelling first, else by containing', () => {
  const rules = ['no-empty-segment', 'plural-collections', 'path-kebab-case'];
  assert.equal(closestName('plural-collection', rules), 'plural-collections');
  assert.equal(closestName('empty-segment', rules), 'no-empty-segment');
  assert.equal(closestName('kebab-case', rules), 'path-kebab-case');
  assert.equal(closestName('no-verbs', rules), undefined);
});
