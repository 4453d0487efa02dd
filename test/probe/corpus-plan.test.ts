// Robustness of the prober's planning on real API descriptions: every spec of
// ../shared/corpus loads and plans (with mutations, so bodies are generated from their
// schemas) without a crash, every request under the base path. (That generated bodies
// validate against their schemas is checked by test/probe/schema-corpus.test.ts and by
// `npm run corpus-report -- --schemas`.) Skipped, by name, when the corpus folder is absent.
import { openDocument } from '../../src/engine/document';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { planProbe } from '../../src/probe/probe';
import { REPO_ROOT } from '../helpers/cli';
import { Config, PRESETS } from '../../src/engine/config/config';
import { allRules, probeRules } from '../../rules';

const CORPUS = resolve(REPO_ROOT, '..', 'shared', 'corpus');
const MANIFEST = join(CORPUS, 'MANIFEST.tsv');
const skip = existsSync(MANIFEST) ? false : `corpus not found (${MANIFEST})`;

function entries(): string[] {
  const [header, ...rows] = readFileSync(MANIFEST, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const column = header.split('\t').indexOf('entry_file');
  return rows.map((row) => row.split('\t')[column]);
}

describe('corpus: every spec plans a probe', { skip }, () => {
  for (const entry of skip ? [] : entries()) {
    test(entry, () => {
      const plan = planProbe({
        // The corpus' multi-file specs reach up to shared folders next to them.
        document: openDocument(join(CORPUS, entry), { root: CORPUS }),
        baseUrl: new URL('http://127.0.0.1:9/api'),
        rules: probeRules,
        config: new Config(undefined, PRESETS['restlint:all'](allRules), [], CORPUS),
        headers: {},
        params: new Map(),
        allowMutations: true,
      });
      assert.ok(plan.requests.length > 0, 'plans at least the unknown-path request');
      for (const request of plan.requests) {
        assert.ok(request.path.startsWith('/api/'), `${request.method} ${request.path} stays under the base path`);
        assert.match(request.method, /^[A-Z]+$/);
      }
    });
  }
});
