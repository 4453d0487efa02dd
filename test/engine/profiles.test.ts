import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findingsOf, formatRange, lintText } from '../helpers/lint-text';
import { PROFILES } from '../../src/engine/config/profiles';
import { PRESETS, recommendedSettings } from '../../src/engine/config/config';
import { validateOptions } from '../../src/engine/config/validate-options';
import { describeSource } from '../../src/engine/sources';
import { allRules } from '../../rules';

const REPO_ROOT = join(__dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'fixtures', 'profiles', name, 'openapi.yaml'), 'utf8');
const extendsProfile = (name: string) => `extends: [restlint:${name}]\n`;
/** Findings at error or warn, as `rule line:col-line:col`. */
const serious = (text: string, config: string) =>
  lintText(text, { config })
    .filter((finding) => finding.severity <= 1)
    .map((finding) => `${finding.code} ${formatRange(finding.range)}`);

for (const profile of PROFILES) {
  test(`restlint:${profile.name}: a document written the way its guide asks has no error or warning`, () => {
    assert.deepEqual(serious(fixture(profile.name), extendsProfile(profile.name)), []);
  });
}

test('profiles differ from the course where their guides do: the same documents under restlint:recommended', () => {
  const recommended = 'extends: [restlint:recommended]\n';
  // Zalando does not version its APIs (Z#113).
  assert.deepEqual(serious(fixture('zalando'), recommended), ['api-versioned 9:1-9:6']);
  // Google writes collection ids in camelCase (AIP-122).
  assert.deepEqual(serious(fixture('google'), recommended), ['path-kebab-case 11:29-11:40', 'path-kebab-case 29:29-29:40', 'path-kebab-case 47:29-47:40']);
  // Microsoft: camelCase segments, and errors documented as "default" only.
  assert.deepEqual(serious(fixture('microsoft'), recommended), [
    'path-kebab-case 11:4-11:16',
    'document-errors 19:7-19:16',
    'path-kebab-case 28:4-28:16',
    'document-errors 36:7-36:16',
  ]);
});

test('a profile reports what its guide forbids: the Google document under restlint:zalando', () => {
  const found = lintText(fixture('google'), { config: extendsProfile('zalando') });
  assert.deepEqual(findingsOf(found, 'query-param-casing'), [
    { message: 'query parameter "pageSize" is not snake_case; use "page_size"', at: '17:19-17:27', severity: 0 },
    { message: 'query parameter "pageToken" is not snake_case; use "page_token"', at: '18:19-18:28', severity: 0 },
  ]);
  assert.deepEqual(findingsOf(found, 'api-versioned').map((finding) => finding.message), [
    'the API is versioned only by the URI, which this project does not use; version it by a media type ("application/vnd.example.v1+json"): use a versioned vendor media type, e.g. "application/vnd.example.v1+json"',
  ]);
  assert.deepEqual(findingsOf(found, 'error-format'), [
    {
      message:
        'shared response "Status" is application/json, not application/problem+json, and its schema lacks type, title, status, detail, instance; use the RFC 9457 problem details format (shared by 3 operations)',
      at: '71:5-71:11',
      severity: 0,
    },
  ]);
});

test('every profile setting names a rule, takes options its rule accepts and cites a guide', () => {
  const byId = new Map(allRules.map((rule) => [rule.meta.id, rule]));
  for (const profile of PROFILES) {
    assert.ok(PRESETS[`restlint:${profile.name}`], `restlint:${profile.name} is a preset`);
    for (const setting of profile.settings) {
      const rule = byId.get(setting.rule);
      assert.ok(rule, `${profile.name}: ${setting.rule} is a rule`);
      if (setting.options) assert.equal(validateOptions(rule!, setting.options)?.message, undefined, `${profile.name}: ${setting.rule} options`);
      assert.ok(setting.sources.length > 0, `${profile.name}: ${setting.rule} cites its guide`);
      // A source key the guidelines define spells out as a link; a guide without a key is cited by its URL.
      for (const source of setting.sources) assert.match(describeSource(source), /https:\/\//, `${profile.name}: ${setting.rule} cites ${source}`);
    }
  }
});

test('a profile keeps recommended for every rule it does not set, and its own severities and options for those it does', () => {
  const recommended = recommendedSettings(allRules);
  const zalando = PRESETS['restlint:zalando'](allRules);
  assert.deepEqual(zalando.get('error-format'), { severity: 'error', options: { format: 'problem' } });
  assert.deepEqual(zalando.get('api-versioned'), { severity: 'error', options: { strategies: ['media-type'], required: false } });
  const set = new Set(PROFILES.find((profile) => profile.name === 'zalando')!.settings.map((setting) => setting.rule));
  for (const [id, setting] of recommended) if (!set.has(id)) assert.deepEqual(zalando.get(id), setting, id);
  // restlint:strict requires problem details.
  assert.deepEqual(PRESETS['restlint:strict'](allRules).get('error-format'), { severity: 'error', options: { format: 'problem' } });
});
