import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, parseConfig } from '../../src/engine/config/config';
import { allRules } from '../../rules';
import { findingsOf, formatRange, lintText, openapi } from '../helpers/lint-text';

const responseRef = (ref: string) => openapi(`  /users:\n    get:\n      responses:\n        '200':\n          $ref: '${ref}'\n`);

test('invalid-ref: a missing local target is reported at the $ref', () => {
  assert.deepEqual(findingsOf(lintText(responseRef('#/components/responses/Nope')), 'invalid-ref'), [
    { message: '$ref "#/components/responses/Nope" points to nothing: "components" not found', at: '8:17-8:46', severity: 0 },
  ]);
});

test('invalid-ref: a missing file is reported, a present one is followed into', () => {
  assert.deepEqual(findingsOf(lintText(responseRef('responses.yaml#/Users')), 'invalid-ref'), [
    { message: '$ref "responses.yaml#/Users": file responses.yaml not found', at: '8:17-8:40', severity: 0 },
  ]);
  const files = { 'responses.yaml': 'Users:\n  description: the users\n' };
  assert.deepEqual(findingsOf(lintText(responseRef('responses.yaml#/Users'), { files }), 'invalid-ref'), []);
});

test('invalid-ref: a cycle of references across files is reported once, not followed forever', () => {
  const files = { 'a.yaml': 'X:\n  $ref: b.yaml#/Y\n', 'b.yaml': 'Y:\n  $ref: a.yaml#/X\n' };
  const findings = findingsOf(lintText(responseRef('a.yaml#/X'), { files }), 'invalid-ref');
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /is part of a cycle of references that never reaches a value$/);
});

test('unresolved-ref: remote and outside-the-root references are not followed', () => {
  assert.deepEqual(findingsOf(lintText(responseRef('https://example.com/r.yaml#/Users')), 'unresolved-ref'), [
    {
      message: '$ref "https://example.com/r.yaml#/Users" is remote and was not fetched: restlint never fetches remote references',
      at: '8:17-8:52',
      severity: 1,
    },
  ]);
  const outside = findingsOf(lintText(responseRef('../etc/passwd')), 'unresolved-ref');
  assert.equal(outside.length, 1);
  assert.match(outside[0].message, /points outside the project root \(\/virtual\) and was not read; pass --root to allow it$/);
});

test('a finding inside a referenced file is reported against that file and its own line', () => {
  const files = { 'paths/users.yaml': 'get:\n  responses:\n    "200":\n      $ref: "#/missing"\n' };
  const findings = lintText(openapi(`  /users:\n    $ref: paths/users.yaml\n`), { files }).filter((finding) => finding.code === 'invalid-ref');
  assert.equal(findings.length, 1);
  assert.equal(findings[0].source, '/virtual/paths/users.yaml');
  assert.deepEqual(findings[0].path, ['get', 'responses', '200', '$ref']);
  assert.equal(formatRange(findings[0].range), '4:13-4:24');
});

test('config: severities, off, options and overrides by JSON pointer', () => {
  const doc = openapi(`  /a//b: {}\n  /legacy//x: {}\n`);
  const config = `rules:\n  no-empty-segment: warn\noverrides:\n  - files: ["openapi.yaml#/paths/~1legacy~1~1x"]\n    rules: { no-empty-segment: off }\n`;
  assert.deepEqual(
    findingsOf(lintText(doc, { config }), 'no-empty-segment').map((finding) => [finding.at, finding.severity]),
    [['4:5-4:7', 1]],
  );
  assert.deepEqual(findingsOf(lintText(doc, { config: 'extends: []\n' }), 'no-empty-segment'), []);
});

test('config errors name the file and line', () => {
  const error = (text: string) => {
    try {
      parseConfig('/p/.restlint.yaml', text, allRules);
    } catch (caught) {
      assert.ok(caught instanceof ConfigError);
      return `${caught.range ? caught.range.start.line + 1 : '?'}: ${caught.message}`;
    }
    assert.fail('expected a ConfigError');
  };
  assert.equal(error('rules:\n  no-such-rule: warn\n'), '2: unknown rule "no-such-rule"; `restlint rules` lists them');
  assert.equal(error('rules:\n  no-empty-segment: loud\n'), '2: severity "loud" for no-empty-segment: expected off, error, warn, info or hint (or, as in Spectral, 0 error, 1 warn, 2 info, 3 hint)');
  assert.equal(error('rules:\n  no-empty-segment: [warn, { x: 1 }]\n'), '2: no-empty-segment takes no options');
  assert.equal(
    error('extends: spectral:nope\n'),
    '1: extends "spectral:nope": expected restlint:recommended, restlint:all, restlint:strict, restlint:zalando, restlint:google, restlint:microsoft, spectral:oas, spectral:asyncapi, a relative path to another config or a Spectral ruleset file',
  );
  assert.equal(error('rulez: {}\n'), '1: unknown config key "rulez" (expected extends, rules, overrides)');
  assert.equal(error('overrides:\n  - rules: {}\n'), '2: an override needs `files`: a list of globs (relative to this config), optionally with #/json/pointer');
});

test('invalid-ref: a long chain of references to references is not called a cycle', () => {
  const hops = 70;
  const files: Record<string, string> = {};
  for (let index = 0; index < hops; index++) files[`r${index}.yaml`] = `$ref: r${index + 1}.yaml\n`;
  files[`r${hops}.yaml`] = 'description: the end\n';
  const findings = findingsOf(lintText(responseRef('r0.yaml'), { files }), 'invalid-ref');
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /starts a chain of more than 64 references to references; point it at the value$/);
});

test('config: an empty config file means the defaults', () => {
  const doc = openapi(`  /a//b: {}\n`);
  assert.equal(findingsOf(lintText(doc, { config: '\n' }), 'no-empty-segment').length, 1);
});

test('config presets: restlint:strict raises warnings to errors, restlint:all turns on rules recommended leaves off', () => {
  const doc = openapi(`  /{id}/users: {}\n  /a//b: {}\n`);
  const severities = (config?: string) =>
    lintText(doc, { config }).filter((finding) => ['path-id-alternation', 'no-empty-segment'].includes(finding.code)).map((finding) => `${finding.code} ${finding.severity}`);
  assert.deepEqual(severities('extends: [restlint:strict]\n'), ['path-id-alternation 0', 'no-empty-segment 0']);
  assert.deepEqual(severities(), ['path-id-alternation 1', 'no-empty-segment 0']);
  const optIn = { ...allRules[0], meta: { ...allRules[0].meta, id: 'opt-in-rule', recommended: false } };
  const rules = [...allRules, optIn];
  assert.equal(lintText(openapi(`  /a//b: {}\n`), { rules }).filter((finding) => finding.code === 'opt-in-rule').length, 0);
  assert.equal(lintText(openapi(`  /a//b: {}\n`), { rules, config: 'extends: [restlint:all]\n' }).filter((finding) => finding.code === 'opt-in-rule').length, 1);
});

test('invalid-ref in JSON: the fast path for all-local references still reports every broken place', () => {
  const json = (paths: string) => `{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {${paths}}, "components": {"responses": {"Ok": {"description": "ok"}}}}`;
  const op = (ref: unknown) => `{"get": {"responses": {"200": {"$ref": ${JSON.stringify(ref)}}}}}`;
  assert.deepEqual(findingsOf(lintText(json(`"/a": ${op('#/components/responses/Ok')}, "/b": ${op('#/components/responses/Ok')}`)), 'invalid-ref'), []);
  const broken = findingsOf(lintText(json(`"/a": ${op('#/components/responses/Nope')}, "/b": ${op('#/components/responses/Nope')}, "/c": ${op('#/components/responses/Ok')}`)), 'invalid-ref');
  assert.equal(broken.length, 2, 'both places of the broken reference');
  const notString = findingsOf(lintText(json(`"/a": ${op(5)}`)), 'invalid-ref');
  assert.deepEqual(notString.map((finding) => finding.message), ['$ref must be a string']);
});
