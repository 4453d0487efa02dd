import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, lintText, openapi } from '../helpers/lint-text';

const ok = `    get:\n      responses:\n        '200': { description: ok }\n`;

test('version-format: flags a minor version in a path key, on the segment', () => {
  const doc = openapi(`  /v1.2/users:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'version-format'), [
    {
      message: '"/v1.2/users": version segment "v1.2" includes a minor version; put only the major version in the URI ("v1") and make minor changes backward compatible',
      at: '4:4-4:8',
      severity: 1,
    },
  ]);
});

test('version-format: flags v1_0 and a dotted number in a server URL, inside the url value', () => {
  const doc = openapi(`  /users:\n${ok}`, `servers:\n  - url: https://api.example.com/api/2.0\n  - url: https://api.example.com/v1_0\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'version-format'), [
    {
      message: '"/api/2.0": version segment "2.0" includes a minor version; put only the major version in the URI ("v2") and make minor changes backward compatible',
      at: '4:38-4:41',
      severity: 1,
    },
    {
      message: '"/v1_0": version segment "v1_0" includes a minor version; put only the major version in the URI ("v1") and make minor changes backward compatible',
      at: '5:34-5:38',
      severity: 1,
    },
  ]);
});

test('version-format: flags a spelled-out version segment', () => {
  const doc = openapi(`  /version1/users:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'version-format'), [
    { message: '"/version1/users": version segment "version1" is not in the usual form; write the major version as "v1"', at: '4:4-4:12', severity: 1 },
  ]);
});

test('version-format: flags a Swagger 2.0 basePath', () => {
  const doc = `swagger: '2.0'\ninfo: { title: T, version: '1' }\nbasePath: /v2.1\npaths:\n  /users:\n    get:\n      responses:\n        '200': { description: ok }\n`;
  assert.deepEqual(findingsOf(lintText(doc), 'version-format').map((f) => f.at), ['3:12-3:16']);
});

test('version-format: major versions, stability suffixes and date versions pass', () => {
  const doc = openapi(`  /v1/users:\n${ok}  /v2beta/users:\n${ok}  /v1alpha2/users:\n${ok}  /v1p1beta1/users:\n${ok}  /2010-04-01/Accounts:\n${ok}`, `servers:\n  - url: https://api.example.com/v10\n`);
  assert.deepEqual(findingsOf(lintText(doc), 'version-format'), []);
});

test('version-format: segments that merely contain a version-like token are not versions', () => {
  const doc = openapi(`  /ipv4-ranges:\n${ok}  /oauth2/token:\n${ok}  /s3/buckets:\n${ok}  /dev2/logs:\n${ok}  /items/{id}/v:\n${ok}  /files/{version}.json:\n${ok}  /devices/1234/logs:\n${ok}`);
  assert.deepEqual(findingsOf(lintText(doc), 'version-format'), []);
});

test('version-format: the info.version of the document is not a URI version', () => {
  const doc = `openapi: 3.0.3\ninfo: { title: T, version: '1.2.3' }\npaths:\n  /v1/users:\n${ok}`;
  assert.deepEqual(findingsOf(lintText(doc), 'version-format'), []);
});
