import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ConfigFinder } from '../../src/engine/config/config';
import { lintEntry, lintOpened, openEntry } from '../../src/engine/entry';
import type { Finding } from '../../src/engine/finding';
import { allRules } from '../../rules';

// SourceFile.patchScalar + lintOpened (the editor's incremental path) must find exactly what a
// full parse and lint of the same text finds, after each of many random single-character edits
// in free-text values. Edits it refuses (a `:`, `#` or quote that could change the structure)
// are linted in full, as the editor does, and the next edits patch that new document.

const CORPUS = resolve(__dirname, '..', '..', '..', 'shared', 'corpus');
const FIXTURES = resolve(__dirname, '..', '..', 'fixtures');
const TYPED = ['a', 'Z', ' ', '1', "'", ':', '#', '"', '-', ',', 'é'];

/** A seeded generator (mulberry32): the same edits on every run, so a failure reproduces. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Offsets inside the values of description/summary/title/name/operationId lines (where a user types). */
function typingPlaces(text: string): number[][] {
  const places: number[][] = [];
  const pattern = /(?:^[ \t-]*|")(description|summary|title|name|operationId)"?: *"?([^\n]+)/gm;
  for (const match of text.matchAll(pattern)) {
    const start = match.index + match[0].length - match[2].length;
    places.push([start, start + match[2].length]);
  }
  return places;
}

const shape = (finding: Finding) => ({ code: finding.code, source: finding.source, message: finding.message, severity: finding.severity, range: finding.range, fix: finding.fix });

function check(entry: string, edits: number, seed: number): void {
  const texts = new Map<string, string>();
  texts.set(entry, readFileSync(entry, 'utf8'));
  const overlay = { get: (path: string) => texts.get(path) };
  const options = { rules: allRules, configs: new ConfigFinder(allRules, { overlay }), root: dirname(entry), overlay };
  const next = random(seed);
  let opened = openEntry(entry, options);
  assert.equal(opened.failure, undefined);
  let incremental = 0;
  let refused = 0;
  for (let edit = 0; edit < edits; edit++) {
    const text = texts.get(entry)!;
    const places = typingPlaces(text);
    const [from, to] = places[Math.floor(next() * places.length)];
    const at = from + Math.floor(next() * (to - from + 1));
    const remove = next() < 0.4 && at < to;
    const typed = remove ? '' : TYPED[Math.floor(next() * TYPED.length)];
    const end = remove ? at + 1 : at;
    const after = text.slice(0, at) + typed + text.slice(end);
    texts.set(entry, after);
    const what = `edit ${edit}: ${remove ? `delete ${JSON.stringify(text[at])}` : `type ${JSON.stringify(typed)}`} at ${at} of ${entry}`;
    const full = lintEntry(entry, options);
    if (full.failure) {
      // The edit broke the document (a quote or a colon in the wrong place): undone, so that the next edits lint.
      assert.equal(opened.document!.entry.patchScalar(at, end, typed), false, what);
      texts.set(entry, text);
      refused++;
      continue;
    }
    if (opened.document!.entry.patchScalar(at, end, typed)) {
      incremental++;
      assert.equal(opened.document!.entry.text, after, what);
      const patched = lintOpened(opened as Parameters<typeof lintOpened>[0], options);
      assert.equal(patched.failure, undefined, what);
      assert.deepEqual(patched.findings.map(shape), full.findings.map(shape), what);
    } else {
      refused++;
      opened = openEntry(entry, options);
    }
  }
  // The test means something only if both paths were taken.
  assert.ok(incremental >= edits / 4, `only ${incremental} of ${edits} edits were incremental`);
  assert.ok(refused > 0, 'no edit was refused');
}

test('incremental edits: a fixture (YAML), random edits in its free-text values, same findings as a full lint', () => {
  check(join(FIXTURES, 'petstore-bad', 'openapi.yaml'), 150, 1);
});

test('incremental edits: a fixture (JSON)', () => {
  check(join(FIXTURES, 'swagger2', 'swagger.json'), 150, 2);
});

const corpus = (name: string) => join(CORPUS, name);
for (const [name, edits] of [['realworld-conduit-api/openapi.yml', 80], ['amazon-sp-api-orders-v0/ordersV0.json', 40], ['stripe-api/spec3.yaml', 12]] as const) {
  test(`incremental edits: corpus ${name}`, { skip: !existsSync(corpus(name)) && 'the corpus is absent' }, () => {
    check(corpus(name), edits, 3);
  });
}
