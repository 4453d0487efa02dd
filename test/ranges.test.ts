// Positions are always true, as a property: every range restlint reports, for any rule and for
// any parse error, lies inside the text of its file, and no character lies past the end of its
// line (lines end at \n, \r\n or \r, as an LSP client counts them). Swept over every document of
// ../shared/corpus (skipped when it is absent) and every fixture, each fixture also without its
// final newline, with CRLF line ends, and cut short in the middle (where parse errors come from).
// In the e2e part: the corpus sweep lints 55 MB with every rule on.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigFinder } from '../src/engine/config/config';
import { lintEntry, type LintOutcome } from '../src/engine/entry';
import type { Range } from '../src/engine/source/line-index';
import { allRules } from '../rules';
import { FIXTURES, makeTempDir, removeDir, REPO_ROOT } from './helpers/cli';

const CORPUS = resolve(REPO_ROOT, '..', 'shared', 'corpus');
const MANIFEST = join(CORPUS, 'MANIFEST.tsv');

/** The lines of a text as an editor sees them, without their line breaks. */
function linesOf(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Why a range is not inside the text of `lines` (undefined when it is). */
function outside(range: Range, lines: readonly string[]): string | undefined {
  for (const [name, at] of [['start', range.start], ['end', range.end]] as const) {
    if (!Number.isInteger(at.line) || at.line < 0 || at.line >= lines.length) return `${name} line ${at.line} of ${lines.length} lines`;
    if (!Number.isInteger(at.character) || at.character < 0 || at.character > lines[at.line].length) return `${name} character ${at.character} past line ${at.line}'s ${lines[at.line].length}`;
  }
  if (range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character)) return 'ends before it starts';
  return undefined;
}

/** Every range of an outcome that is not inside its file's text, as readable lines. */
function badRanges(outcome: LintOutcome, textOf: (path: string) => string): string[] {
  const split = new Map<string, string[]>();
  const lines = (path: string) => split.get(path) ?? split.set(path, linesOf(textOf(path))).get(path)!;
  const bad: string[] = [];
  for (const finding of outcome.findings) {
    const why = outside(finding.range, lines(finding.source));
    if (why) bad.push(`${finding.code} at ${finding.source} ${JSON.stringify(finding.range)}: ${why}`);
  }
  const { failure } = outcome;
  if (failure?.range) {
    const why = outside(failure.range, lines(failure.file));
    if (why) bad.push(`failure "${failure.message}" at ${failure.file} ${JSON.stringify(failure.range)}: ${why}`);
  }
  return bad;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ya?ml|json)$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

describe('ranges: every finding and parse error lies inside its text', () => {
  let dir: string;
  let configs: ConfigFinder;

  before(() => {
    dir = makeTempDir('restlint-ranges-');
    // Every rule on, so that every rule's ranges are checked.
    const config = join(dir, 'all.restlint.yaml');
    writeFileSync(config, 'extends: [restlint:all]\n');
    configs = new ConfigFinder(allRules, { configPath: config });
  });
  after(() => removeDir(dir));

  test('the fixtures, as written and altered at their ends and line breaks', () => {
    const files = filesUnder(FIXTURES);
    assert.ok(files.length > 20, `fixtures found: ${files.length}`);
    const variants: [string, (text: string) => string][] = [
      ['as written', (text) => text],
      ['without a final newline', (text) => text.replace(/\s+$/, '')],
      ['with CRLF line ends', (text) => text.replace(/\r?\n/g, '\r\n')],
      ['with CR line ends', (text) => text.replace(/\r?\n/g, '\r')],
      ['cut short at two thirds', (text) => text.slice(0, Math.floor((text.length * 2) / 3))],
      ['with a NUL byte at its middle', (text) => `${text.slice(0, text.length >> 1)}\u0000${text.slice(text.length >> 1)}`],
    ];
    const bad: string[] = [];
    let checked = 0;
    for (const [variant, alter] of variants) {
      // Every file of the fixtures altered at once: an entry's referenced files are altered too.
      const texts = new Map(files.map((file) => [file, alter(readFileSync(file, 'utf8'))]));
      const overlay = { get: (path: string) => texts.get(path) };
      const textOf = (path: string) => texts.get(path) ?? readFileSync(path, 'utf8');
      for (const file of files) {
        const outcome = lintEntry(file, { rules: allRules, configs, overlay });
        checked += outcome.findings.length + (outcome.failure?.range ? 1 : 0);
        bad.push(...badRanges(outcome, textOf).map((line) => `${variant}: ${line}`));
      }
    }
    assert.ok(checked > 500, `ranges checked: ${checked}`);
    assert.deepEqual(bad, []);
  });

  test('every corpus document', { skip: !existsSync(MANIFEST) && `no corpus (${MANIFEST})` }, () => {
    const [header, ...rows] = readFileSync(MANIFEST, 'utf8').split('\n').filter((line) => line.trim() !== '');
    const column = header.split('\t').indexOf('entry_file');
    const textOf = (path: string) => readFileSync(path, 'utf8');
    const bad: string[] = [];
    let checked = 0;
    for (const row of rows) {
      const outcome = lintEntry(join(CORPUS, row.split('\t')[column]), { rules: allRules, configs });
      assert.equal(outcome.failure, undefined, `${row.split('\t')[0]}: ${outcome.failure?.message}`);
      checked += outcome.findings.length;
      bad.push(...badRanges(outcome, textOf));
    }
    // About 8,700 with every rule on (habits broken by most operations are one finding each).
    assert.ok(checked > 5_000, `ranges checked: ${checked}`);
    assert.deepEqual(bad, []);
  });
});
