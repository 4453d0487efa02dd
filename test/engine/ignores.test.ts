import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, findingsOf, openapi } from '../helpers/lint-text';

const codes = (findings: { code: string }[]) => new Set(findings.map((finding) => finding.code));

/** GET /user/{id} with a 204 that has content: plural-collections and parent-paths-exist on the path key, no-body-on-204-304 and cacheability-stated in its responses. */
const user = (pathItemExtra = '', operationExtra = '') => `  /user/{id}:
${pathItemExtra}    get:
${operationExtra}      responses:
        '204':
          description: nothing
          content:
            application/json: { schema: { type: object } }
`;

test('without ignores the sample document has the findings the other tests silence', () => {
  const found = codes(lintText(openapi(user())));
  for (const code of ['plural-collections', 'parent-paths-exist', 'no-body-on-204-304', 'cacheability-stated']) assert.ok(found.has(code), code);
  assert.ok(!found.has('unused-ignore'));
});

test('list form on an operation silences those rules in its responses, and nothing else', () => {
  const found = lintText(openapi(user('', '      x-restlint-ignore: [no-body-on-204-304, cacheability-stated]\n')));
  const left = codes(found);
  assert.ok(!left.has('no-body-on-204-304'));
  assert.ok(!left.has('cacheability-stated'));
  assert.ok(left.has('plural-collections'), 'a rule the ignore does not name is still reported');
  assert.ok(!left.has('unused-ignore'), 'both entries silenced something');
});

test('map form (rule id to the reason) works like the list form', () => {
  const found = lintText(openapi(user('', "      x-restlint-ignore:\n        no-body-on-204-304: the legacy client needs the body\n        cacheability-stated: ~\n")));
  const left = codes(found);
  assert.ok(!left.has('no-body-on-204-304'));
  assert.ok(!left.has('cacheability-stated'));
  assert.ok(!left.has('unused-ignore'));
});

test('an ignore inside a path item silences the findings reported on the path key itself', () => {
  const found = lintText(openapi(user('    x-restlint-ignore: [plural-collections, parent-paths-exist]\n')));
  const left = codes(found);
  assert.ok(!left.has('plural-collections'));
  assert.ok(!left.has('parent-paths-exist'));
  assert.ok(!left.has('unused-ignore'));
  assert.ok(left.has('no-body-on-204-304'), 'not named: still reported');
});

test('an ignore covers only its own object: the same rule elsewhere is still reported', () => {
  const other = user().replace('/user/{id}', '/order/{id}');
  const found = lintText(openapi(user('    x-restlint-ignore: [plural-collections]\n') + other));
  assert.deepEqual(
    found.filter((finding) => finding.code === 'plural-collections').map((finding) => finding.path),
    [['paths', '/order/{id}']],
  );
});

test('an ignore on the paths object or the document root covers everything below it, and is not linted as a path', () => {
  for (const doc of [
    openapi('  x-restlint-ignore: [plural-collections]\n' + user()),
    openapi(user(), 'x-restlint-ignore: [plural-collections]\n'),
  ]) {
    const left = lintText(doc);
    assert.ok(!codes(left).has('plural-collections'));
    assert.ok(!codes(left).has('unused-ignore'));
    assert.ok(!left.some((finding) => finding.path.includes('x-restlint-ignore')), 'no rule reports the ignore key');
  }
});

test('a finding in a referenced file is silenced by an ignore in that file, not by one at the $ref', () => {
  const entry = openapi(`  /users/{id}:
    get:
      responses:
        '204':
          x-restlint-ignore: [no-body-on-204-304]
          $ref: 'responses.yaml#/Empty'
`);
  const responses = (ignore: string) => `Empty:\n${ignore}  description: nothing\n  content:\n    application/json: { schema: { type: object } }\n`;
  const fromRefSite = lintText(entry, { files: { 'responses.yaml': responses('') } });
  assert.equal(findingsOf(fromRefSite, 'no-body-on-204-304').length, 1, 'the ignore beside the $ref governs only its own file');
  assert.deepEqual(findingsOf(fromRefSite, 'unused-ignore').map((finding) => finding.message), ['x-restlint-ignore of "no-body-on-204-304" silences nothing here; remove it']);

  const inFile = lintText(entry.replace('          x-restlint-ignore: [no-body-on-204-304]\n', ''), {
    files: { 'responses.yaml': responses('  x-restlint-ignore: [no-body-on-204-304]\n') },
  });
  assert.deepEqual(findingsOf(inFile, 'no-body-on-204-304'), []);
  assert.deepEqual(findingsOf(inFile, 'unused-ignore'), []);
});

test('an ignore in a referenced file that silences nothing is not reported: another entry may need it', () => {
  const entry = openapi(`  /users/{id}:
    get:
      responses:
        '204':
          $ref: 'responses.yaml#/Empty'
`);
  const shared = "Empty:\n  description: nothing\nError:\n  x-restlint-ignore: [no-body-on-204-304, plural-collection]\n  description: failed\n";
  const found = lintText(entry, { files: { 'responses.yaml': shared } });
  // The misspelt id is wrong for every entry, so it is still reported.
  assert.deepEqual(findingsOf(found, 'unused-ignore').map((finding) => finding.message), [
    'x-restlint-ignore names unknown rule "plural-collection" (did you mean "plural-collections"?); `restlint rules` lists them',
  ]);
});

test('an ignore that silences nothing is a hint at the entry naming the rule (list item, map key)', () => {
  const list = lintText(openapi(user('', '      x-restlint-ignore: [no-body-on-204-304, no-verb-in-path]\n')));
  assert.deepEqual(findingsOf(list, 'unused-ignore'), [
    { message: 'x-restlint-ignore of "no-verb-in-path" silences nothing here; remove it', at: '6:47-6:62', severity: 3 },
  ]);
  const map = lintText(openapi(user('', '      x-restlint-ignore:\n        no-verb-in-path: the path has no verb yet\n')));
  assert.deepEqual(findingsOf(map, 'unused-ignore'), [
    { message: 'x-restlint-ignore of "no-verb-in-path" silences nothing here; remove it', at: '7:9-7:24', severity: 3 },
  ]);
});

test('an ignore naming an unknown rule is reported, with a suggestion when one is close', () => {
  const found = lintText(openapi(user('    x-restlint-ignore: [plural-collection, no-such-rule]\n')));
  assert.deepEqual(findingsOf(found, 'unused-ignore'), [
    { message: 'x-restlint-ignore names unknown rule "plural-collection" (did you mean "plural-collections"?); `restlint rules` lists them', at: '5:25-5:42', severity: 3 },
    { message: 'x-restlint-ignore names unknown rule "no-such-rule"; `restlint rules` lists them', at: '5:44-5:56', severity: 3 },
  ]);
  assert.ok(codes(found).has('plural-collections'), 'a misspelt id silences nothing');
});

test('an ignore that is neither a list nor a map is reported, and so is a list item that is not a rule id', () => {
  const message = 'x-restlint-ignore takes a list of rule ids, or a map of rule id to the reason it is ignored';
  assert.deepEqual(findingsOf(lintText(openapi(user('    x-restlint-ignore: 42\n'))), 'unused-ignore'), [{ message, at: '5:24-5:26', severity: 3 }]);
  assert.deepEqual(findingsOf(lintText(openapi(user('    x-restlint-ignore: [plural-collections, { a: 1 }]\n'))), 'unused-ignore'), [
    { message, at: '5:45-5:53', severity: 3 },
  ]);
});

test('a single rule id as a string is accepted', () => {
  const found = lintText(openapi(user('    x-restlint-ignore: plural-collections\n')));
  assert.ok(!codes(found).has('plural-collections'));
  assert.ok(!codes(found).has('unused-ignore'));
});

test('config: an ignore silences a rule whatever its configured severity; an ignore of a rule turned off is not unused', () => {
  const doc = openapi(user('    x-restlint-ignore: [plural-collections]\n'));
  const raised = lintText(doc, { config: 'extends: [restlint:recommended]\nrules:\n  plural-collections: error\n' });
  assert.ok(!codes(raised).has('plural-collections'));
  assert.ok(!codes(raised).has('unused-ignore'));
  // Off here, maybe on in CI: the ignore is kept quiet rather than called dead.
  const off = lintText(doc, { config: 'extends: [restlint:recommended]\nrules:\n  plural-collections: off\n' });
  assert.ok(!codes(off).has('unused-ignore'));
});

test('config: unused-ignore has its own severity, and can be turned off', () => {
  const doc = openapi(user('    x-restlint-ignore: [no-verb-in-path]\n'));
  assert.equal(findingsOf(lintText(doc, { config: 'extends: [restlint:recommended]\nrules:\n  unused-ignore: warn\n' }), 'unused-ignore')[0]?.severity, 1);
  assert.deepEqual(findingsOf(lintText(doc, { config: 'extends: [restlint:recommended]\nrules:\n  unused-ignore: off\n' }), 'unused-ignore'), []);
});

test('naming unused-ignore in an ignore keeps the entries beside it quiet', () => {
  const found = lintText(openapi(user('    x-restlint-ignore: [unused-ignore, no-verb-in-path]\n')));
  assert.deepEqual(findingsOf(found, 'unused-ignore'), []);
});

test('JSON documents: ignores work the same, ranges point into the JSON text', () => {
  const doc = JSON.stringify(
    {
      openapi: '3.0.3',
      info: { title: 'Test', version: '1' },
      paths: { '/user/{id}': { 'x-restlint-ignore': { 'plural-collections': 'legacy name', 'no-verb-in-path': 'stale' }, get: { responses: { '200': { description: 'ok' } } } } },
    },
    null,
    2,
  );
  const found = lintText(doc);
  assert.ok(!codes(found).has('plural-collections'));
  assert.deepEqual(findingsOf(found, 'unused-ignore'), [
    { message: 'x-restlint-ignore of "no-verb-in-path" silences nothing here; remove it', at: '11:9-11:26', severity: 3 },
  ]);
});

test('a silenced finding takes its fix with it: --fix never edits what an ignore covers', () => {
  const doc = (ignore: string) => openapi(`  /users/:\n${ignore}    get:\n      responses:\n        default: { description: error }\n`);
  assert.ok(lintText(doc('')).find((finding) => finding.code === 'no-trailing-slash')?.fix, 'without the ignore: a finding with a fix');
  assert.ok(!lintText(doc('    x-restlint-ignore: [no-trailing-slash]\n')).some((finding) => finding.code === 'no-trailing-slash'));
});
