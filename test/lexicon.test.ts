import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { admitsJson, isJsonMediaType, mediaTypeOf } from '../src/engine/media-types';
import { is1xxTo3xxStatusKey, is2xxStatus, is2xxStatusKey, is4xxOr5xxStatusKey } from '../src/engine/status-ranges';
import { GENERIC_ID_WORDS, ID_PARAMETER_WORDS, ID_PROPERTY_NAMES, STATE_CHANGING_VERBS, TIER1_VERBS, TIER2_VERBS, stateChangingVerbOf } from '../rules/lib/words';

const root = join(__dirname, '..');

/** The one home of word lists: rule files import them from here. */
const LEXICON_HOMES = new Set(['rules/lib/words.ts']);

/**
 * Lists of four or more lower-case words that are not vocabulary but names a protocol or this
 * project fixes (keyed by file and first word); anything else belongs in rules/lib/words.ts.
 */
const NOT_WORD_LISTS = new Map([
  ['rules/paginate-collections.ts string', 'JSON Schema type names'],
  ['rules/query-param-casing.ts consistent', "the rule's own option values"],
  ['rules/error-format.ts own', "the rule's own option values (error formats)"],
  ['rules/lib/versions.ts uri', 'the versioning strategies, a type union'],
  ['rules/lib/error-bodies.ts type', 'RFC 9457 member names'],
  ['rules/required-properties-defined.ts if', 'JSON Schema keywords'],
  ['rules/lib/document-refs.ts example', 'OpenAPI and JSON Schema keywords'],
  ['rules/lib/document-refs.ts properties', 'OpenAPI and JSON Schema keywords'],
  ['rules/default-matches-schema.ts name', 'Swagger 2.0 Parameter Object fields'],
  ['rules/lib/instances.ts type', 'JSON Schema keywords'],
]);

const WORD = /^[a-z]+$/;

/** Every array literal (bare or in `new Set([…])`) of at least four lower-case word strings. */
function wordLists(file: string): { line: number; first: string; size: number }[] {
  const source = ts.createSourceFile(file, readFileSync(join(root, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const found: { line: number; first: string; size: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isArrayLiteralExpression(node)) {
      const words = node.elements.filter((element): element is ts.StringLiteral => ts.isStringLiteral(element) && WORD.test(element.text));
      if (words.length >= 4) found.push({ line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, first: words[0].text, size: words.length });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function ruleFiles(): string[] {
  const inFolder = (folder: string) => readdirSync(join(root, folder)).filter((name) => name.endsWith('.ts')).map((name) => `${folder}/${name}`);
  return [...inFolder('rules'), ...inFolder('rules/lib')].filter((file) => !LEXICON_HOMES.has(file));
}

test('lexicon: no rule file declares its own word list', () => {
  const local = ruleFiles().flatMap((file) =>
    wordLists(file)
      .filter(({ first }) => !NOT_WORD_LISTS.has(`${file} ${first}`))
      .map(({ line, first, size }) => `${file}:${line}: a list of ${size} words ('${first}', …): move it to rules/lib/words.ts`),
  );
  assert.deepEqual(local, []);
});

test('lexicon: the guard sees a list in new Set([…]) and in a bare array', () => {
  const lists = wordLists('rules/lib/words.ts');
  assert.ok(lists.some(({ first }) => first === 'get'), 'TIER1_VERBS (a Set)');
  assert.ok(lists.some(({ first }) => first === 'status'), 'OUTCOME_PROPERTY_NAMES (an array)');
});

test('lexicon: every exemption still names a list', () => {
  const present = new Set(ruleFiles().flatMap((file) => wordLists(file).map(({ first }) => `${file} ${first}`)));
  assert.deepEqual([...NOT_WORD_LISTS.keys()].filter((key) => !present.has(key)), []);
});

test('lexicon: state-changing verbs are tier 1 verbs (no reads or checks) plus reset and logout', () => {
  for (const verb of STATE_CHANGING_VERBS) assert.ok(TIER1_VERBS.has(verb) || TIER2_VERBS.has(verb), verb);
  for (const read of ['get', 'list', 'validate', 'verify', 'compute']) assert.ok(!STATE_CHANGING_VERBS.has(read), read);
  for (const verb of ['delete', 'cancel', 'sync', 'reset', 'logout']) assert.ok(STATE_CHANGING_VERBS.has(verb), verb);
  assert.equal(STATE_CHANGING_VERBS.size, 39);
  assert.equal(stateChangingVerbOf('/users/{id}/delete'), 'delete');
  assert.equal(stateChangingVerbOf('/orders/cancelOrder'), 'cancel');
  assert.equal(stateChangingVerbOf('/users/{id}'), undefined);
});

test('lexicon: id words nest: property names ⊂ parameter words ⊂ generic id words', () => {
  for (const word of ID_PROPERTY_NAMES) assert.ok(ID_PARAMETER_WORDS.has(word), word);
  for (const word of ID_PARAMETER_WORDS) assert.ok(GENERIC_ID_WORDS.has(word), word);
  assert.ok(!ID_PROPERTY_NAMES.has('name'));
  assert.ok(!ID_PARAMETER_WORDS.has('key'));
});

test('media types: JSON by essence, parameters and case ignored; */* admits JSON but is not JSON', () => {
  assert.equal(mediaTypeOf('Application/Problem+JSON; charset=utf-8'), 'application/problem+json');
  assert.equal(mediaTypeOf(''), undefined);
  for (const json of ['application/json', 'application/problem+json; charset=utf-8', 'application/vnd.api.v1+json', 'Application/JSON']) {
    assert.ok(isJsonMediaType(json), json);
    assert.ok(admitsJson(json), json);
  }
  for (const other of ['text/plain', 'application/xml', 'application/jsonl', 'text/html; charset=utf-8']) {
    assert.ok(!isJsonMediaType(other), other);
    assert.ok(!admitsJson(other), other);
  }
  assert.ok(!isJsonMediaType('*/*'));
  assert.ok(admitsJson('*/*'));
  assert.ok(admitsJson('*/*; q=0.8'));
  assert.ok(!isJsonMediaType(undefined));
});

test('status ranges: each name states the range it accepts', () => {
  assert.deepEqual([100, 199, 200, 204, 299, 300, 404].map(is2xxStatus), [false, false, true, true, true, false, false]);
  assert.deepEqual(['101', '200', '2XX', '2xx', '299', '3XX', '404', 'default'].map(is2xxStatusKey), [false, true, true, true, true, false, false, false]);
  assert.deepEqual(['101', '1XX', '200', '2XX', '304', '3XX', '404', '5XX', 'default'].map(is1xxTo3xxStatusKey), [true, true, true, true, true, true, false, false, false]);
  assert.deepEqual(['101', '200', '304', '404', '4XX', '500', '5XX', 'default'].map(is4xxOr5xxStatusKey), [false, false, false, true, true, true, true, false]);
});
