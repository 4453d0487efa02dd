// Typing never queues: the language server over stdio, with `restlint.trace.lints` on, says in
// window/logMessage what each lint run became (started, published, not shown, abandoned). A
// burst of edits is linted at most twice, only its last text is published, and a lint whose
// text a newer edit made stale is abandoned mid-way. Counted from the server's own log: no clock.
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

/**
 * A document big enough that one lint takes far longer than the client needs to send a message.
 * The edits change a path (`name`): a structural edit, so each is a full lint (an edit inside a
 * description is patched, and too quick to be caught mid-way).
 */
function bigSpec(paths: number, name: string): string {
  let text = `openapi: 3.0.3\ninfo:\n  title: Big\n  version: '1'\npaths:\n  /${name}/:\n    get:\n      description: users\n      responses:\n        '200':\n          description: ok\n`;
  for (let i = 0; i < paths; i++) {
    text += `  /items${i}:\n    get:\n      summary: Item ${i}\n      description: Item ${i}\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema:\n                type: object\n                properties:\n                  id:\n                    type: string\n`;
  }
  return text;
}

interface Run {
  version: string;
  what: 'started' | 'published' | 'not shown' | 'abandoned';
}

describe('lsp: typing never queues', () => {
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = makeTempDir('restlint-lsp-queue-');
    writeFileSync(join(dir, '.restlint.yaml'), CONFIG);
    client = await LspClient.start({ root: dir, settings: { trace: { lints: true } } });
  });
  after(async () => {
    await client?.stop();
    removeDir(dir);
  });

  /** The server's lint runs of `file` logged so far, from the `lint <file> v<n>: …` lines. */
  const runs = (file: string): Run[] =>
    client.notifications
      .filter((item) => item.method === 'window/logMessage')
      .map((item) => (item.params as { message: string }).message)
      .flatMap((line) => {
        const match = /^lint (.+) (v\d+|on disk): (started|published|not shown|abandoned)/.exec(line);
        return match && match[1] === file ? [{ version: match[2], what: match[3] as Run['what'] }] : [];
      });
  const ends = (file: string) => runs(file).filter((run) => run.what !== 'started');

  it('a burst of 10 edits: at most 2 lint runs, only the last text is published', async () => {
    const spec = join(dir, 'burst.yaml');
    const v1 = client.open(spec, bigSpec(1500, 'a'));
    await client.diagnosticsOfVersion(spec, v1);
    await client.idle();
    const before = ends(spec).length;
    let last = v1;
    for (let i = 0; i < 10; i++) last = client.change(spec, bigSpec(1500, `a${'b'.repeat(i + 1)}`));
    await client.diagnosticsOfVersion(spec, last);
    await client.idle();
    const burst = ends(spec).slice(before);
    // Runs that went to their end: at most 2 (one may have started before the last edits were
    // read). Others may start on a text whose newer edit is still on its way, and are abandoned
    // at the first checkpoint after it arrives: how many depends on how the pipe splits the
    // burst, not on the server (an edit in a description is patched, so such a run is short).
    const completed = burst.filter((run) => run.what !== 'abandoned');
    assert.ok(completed.length <= 2, `lint runs for the burst: ${JSON.stringify(burst)}`);
    assert.deepEqual(burst.at(-1), { version: `v${last}`, what: 'published' });
    assert.deepEqual(burst.slice(0, -1).filter((run) => run.what === 'published'), [], 'no older text is published');
    // Every diagnostics notification after the open is for the last version.
    const uri = client.uri(spec);
    assert.deepEqual([...new Set(client.published.filter((params) => params.uri === uri && params.version !== v1).map((params) => params.version))], [last]);
  });

  it('a lint that a newer edit makes stale is abandoned before its end', async () => {
    const spec = join(dir, 'stale.yaml');
    const v1 = client.open(spec, bigSpec(1500, 'a'));
    await client.diagnosticsOfVersion(spec, v1);
    await client.idle();
    const started = client.notification<{ message: string }>('window/logMessage', ({ message }) => message === `lint ${spec} v2: started`);
    const v2 = client.change(spec, bigSpec(1500, 'ab'));
    await started;
    // The lint of v2 holds the server's thread now; the reader thread still sees this edit.
    const v3 = client.change(spec, bigSpec(1500, 'abc'));
    await client.diagnosticsOfVersion(spec, v3);
    await client.idle();
    assert.deepEqual(
      ends(spec).filter((run) => run.version !== `v${v1}`),
      [
        { version: `v${v2}`, what: 'abandoned' },
        { version: `v${v3}`, what: 'published' },
      ],
    );
  });
});
