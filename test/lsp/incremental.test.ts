// Typing inside one description is linted incrementally (the parsed file is patched, not parsed
// again: SourceFile.patchScalar) and gives the diagnostics a full lint of the same text gives;
// an edit that changes the structure is a full lint. Which path ran is read from the server's
// `restlint.trace.lints` log line ("(incremental)"), never from a clock.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeTempDir, removeDir } from '../helpers/cli';
import { LspClient } from '../helpers/lsp-client';

const CONFIG = `extends: []
rules:
  no-trailing-slash: error
  path-kebab-case: warn
`;

const spec = (description: string, extraPath = '') => `openapi: 3.0.3
info:
  title: Shop
  version: '1'
  description: ${description}
paths:
${extraPath}  /users/:
    get:
      responses:
        '200':
          description: ok
  /orderItems:
    get:
      responses:
        '200':
          description: ok
`;

describe('lsp: incremental lint of an edit inside one scalar', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = makeTempDir('restlint-lsp-incremental-');
    writeFileSync(join(dir, '.restlint.yaml'), CONFIG);
    client = await LspClient.start({ root: dir, settings: { trace: { lints: true } } });
  });
  after(async () => {
    await client?.stop();
    removeDir(dir);
  });

  /** The `published` log line of the lint of `file` at `version`. */
  const publishedLine = (file: string, version: number) =>
    client.notifications
      .filter((item) => item.method === 'window/logMessage')
      .map((item) => (item.params as { message: string }).message)
      .find((line) => line.startsWith(`lint ${file} v${version}: published`));

  /** The diagnostics a fresh full lint of `text` gives (the same text opened as another file). */
  async function fullLint(name: string, text: string) {
    const other = join(dir, name);
    const version = client.open(other, text);
    const diagnostics = await client.diagnosticsOfVersion(other, version);
    assert.doesNotMatch(publishedLine(other, version) ?? '', /\(incremental\)/);
    return diagnostics;
  }

  it('typing in a description: incremental, the same diagnostics as a full lint', async () => {
    const file = join(dir, 'openapi.yaml');
    const v1 = client.open(file, spec('The shop'));
    const first = await client.diagnosticsOfVersion(file, v1);
    assert.ok(first.length >= 2, JSON.stringify(first));
    await client.idle();
    const typed = spec("The shop's API, with a longer text");
    const v2 = client.change(file, spec('The shopx'));
    await client.diagnosticsOfVersion(file, v2);
    await client.idle();
    assert.match(publishedLine(file, v2) ?? '', /\(incremental\)/);
    const v3 = client.change(file, typed);
    const diagnostics = await client.diagnosticsOfVersion(file, v3);
    await client.idle();
    // That change is several characters at once, but one region inside the same scalar.
    assert.match(publishedLine(file, v3) ?? '', /\(incremental\)/);
    assert.deepEqual(diagnostics, await fullLint('same.yaml', typed));
  });

  it('an edit that changes the structure: a full lint', async () => {
    const file = join(dir, 'structure.yaml');
    const v1 = client.open(file, spec('The shop'));
    await client.diagnosticsOfVersion(file, v1);
    await client.idle();
    const added = spec('The shop', "  /carts/:\n    get:\n      responses:\n        '200':\n          description: ok\n");
    const v2 = client.change(file, added);
    const diagnostics = await client.diagnosticsOfVersion(file, v2);
    await client.idle();
    const line = publishedLine(file, v2);
    assert.ok(line, 'the lint was logged');
    assert.doesNotMatch(line, /\(incremental\)/);
    assert.deepEqual(diagnostics, await fullLint('same-structure.yaml', added));
    // A colon and a space typed in the description could make it a mapping: a full lint too.
    const v3 = client.change(file, added.replace('description: The shop', 'description: The shop: '));
    await client.diagnosticsOfVersion(file, v3);
    await client.idle();
    const colonLine = publishedLine(file, v3);
    assert.ok(colonLine, 'the lint was logged');
    assert.doesNotMatch(colonLine, /\(incremental\)/);
  });
});
