// Telling an OpenAPI document from its text without parsing it (src/engine/source/openapi-sniff.ts),
// as the language server does for every file it opens and for "Lint workspace"
// (src/lsp/workspace-files.ts): right wherever the top-level member is, wrong about no other key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeOpenApi, OpenApiSniffer } from '../../src/engine/source/openapi-sniff';
import { findOpenApiFiles } from '../../src/lsp/workspace-files';
import { makeTempDir, removeDir, REPO_ROOT } from '../helpers/cli';

const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus');

// 6,000 characters of description before the member: past the 4,000 the old check read.
const LONG = 'x'.repeat(6000);
const LATE_JSON = `{\n  "info": { "title": "t", "version": "1", "description": "${LONG}" },\n  "paths": {},\n  "swagger": "2.0"\n}\n`;

const CASES: [string, string, boolean][] = [
  ['JSON, member first', '{"openapi": "3.0.3", "info": {}}', true],
  ['JSON, member after 6,000 characters', LATE_JSON, true],
  ['JSON, member last, after nested objects and arrays', '{"a": {"b": [1, {"c": "}"}]}, "x": [], "openapi" : "3.1.0"}', true],
  ['JSON, a nested `openapi` key is not the top level', '{"info": {"openapi": "3.0.3"}, "name": "x"}', false],
  ['JSON, `"openapi":` inside a string value', '{"description": "\\"openapi\\": \\"3.0\\"", "name": "x"}', false],
  ['JSON, `openapi` as a value, not a key', '{"kind": "openapi", "b": 1}', false],
  ['JSON, a longer key that starts with openapi', '{"openapiVersion": "3"}', false],
  ['JSON, escaped quotes and backslashes before the member', '{"d": "a \\\\\\" b \\\\", "swagger": "2.0"}', true],
  ['JSON, a package.json', '{"name": "x", "version": "1.0.0", "dependencies": {"openapi": "1"}}', false],
  ['YAML, member first', 'openapi: 3.0.3\ninfo: {}\n', true],
  ['YAML, member last after a long description', `info:\n  description: ${LONG}\npaths: {}\nswagger: '2.0'\n`, true],
  ['YAML, quoted key, no final newline', '"openapi": 3.1.0', true],
  ['YAML, CRLF lines', 'info: {}\r\nopenapi: 3.0.3\r\n', true],
  ['YAML, an indented `openapi:` is not the top level', 'info:\n  openapi: 3.0.3\n', false],
  ['YAML, a key that only starts with openapi', 'openapi_version: 3\n', false],
  ['YAML flow mapping at the top', '{openapi: 3.0.3, info: {}}', true],
  ['blank text', '  \n', false],
];

test('looksLikeOpenApi: a top-level openapi/swagger member anywhere, and no other key', () => {
  for (const [name, text, expected] of CASES) assert.equal(looksLikeOpenApi(text), expected, name);
});

test('OpenApiSniffer: fed in chunks split at every offset, it answers as for the whole text', () => {
  for (const [name, text, expected] of CASES) {
    if (text.length > 200) continue;
    for (let split = 0; split <= text.length; split++) {
      const sniffer = new OpenApiSniffer();
      const answer = sniffer.feed(text.slice(0, split)) ?? sniffer.feed(text.slice(split)) ?? sniffer.end();
      assert.equal(answer, expected, `${name}, split at ${split}`);
    }
  }
});

test('OpenApiSniffer: a JSON document that says `openapi` first is decided from its first characters', () => {
  const sniffer = new OpenApiSniffer();
  assert.equal(sniffer.feed('{\n  "openapi": "3.0.3",\n  "paths": {'), true);
});

test('findOpenApiFiles: a file whose member comes after the first chunk is found; other JSON is not', async () => {
  const dir = makeTempDir('restlint-sniff-');
  try {
    const late = `{"info": {"description": "${'y'.repeat(200_000)}"}, "paths": {}, "openapi": "3.0.3"}`;
    writeFileSync(join(dir, 'late.json'), late);
    writeFileSync(join(dir, 'first.yaml'), 'openapi: 3.0.3\n');
    writeFileSync(join(dir, 'package.json'), '{"name": "x", "openapi": {"nested": true}}'.replace('"openapi"', '"config"'));
    mkdirSync(join(dir, 'node_modules'));
    writeFileSync(join(dir, 'node_modules', 'dep.json'), '{"openapi": "3.0.3"}');
    // An open buffer is judged by its text, not the file on disk.
    writeFileSync(join(dir, 'buffer.yaml'), 'name: x\n');
    const open = (path: string) => (path.endsWith('buffer.yaml') ? 'openapi: 3.1.0\n' : undefined);
    assert.deepEqual(await findOpenApiFiles(dir, open), [join(dir, 'buffer.yaml'), join(dir, 'first.yaml'), join(dir, 'late.json')]);
  } finally {
    removeDir(dir);
  }
});

test('findOpenApiFiles: the corpus documents whose member comes late (Slack, Twilio) are found', { skip: !existsSync(CORPUS) && 'no ../shared/corpus' }, async () => {
  for (const name of ['slack-web-api', 'twilio-api-v2010']) {
    const found = await findOpenApiFiles(join(CORPUS, name), () => undefined);
    assert.equal(found.length, 1, `${name}: ${found.join(', ')}`);
  }
});
