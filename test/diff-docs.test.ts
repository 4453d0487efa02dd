// Every `restlint diff` change id has a doc, rules/changes/<id>.md (what `restlint explain <id>`
// prints, SARIF's help), and its examples are tests, as the rule docs' are (test/rule-docs.test.ts):
// each ```yaml old / ```yaml new pair is diffed as `restlint diff` diffs it and must report the
// id exactly once, with everything it reports listed in the ```text reported block after it (the
// exact messages); each ```yaml old-passes / ```yaml new-passes pair must not report the id.
// Sunset dates are judged against a fixed "now", never the clock.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHANGE_KINDS } from '../src/engine/diff/changes';
import { diffDocuments } from '../src/engine/diff/diff';
import { readChangeDoc, type ChangeDoc } from '../src/engine/rule-docs';
import { openSide, ROOT_NEW, ROOT_OLD } from './helpers/diff-cases';

const rulesDir = join(__dirname, '..', 'rules');
const NOW = new Date('2026-01-01T00:00:00Z');

function diff(oldText: string, newText: string) {
  return diffDocuments(openSide(ROOT_OLD, oldText), openSide(ROOT_NEW, newText), { now: NOW });
}

for (const kind of CHANGE_KINDS) {
  const { id } = kind;
  const where = `rules/changes/${id}.md`;

  test(`${id}: doc has the standard sections, states the default level and how to configure it`, () => {
    assert.ok(existsSync(join(rulesDir, 'changes', `${id}.md`)), `${where} is missing`);
    const doc = readChangeDoc(rulesDir, id);
    const why = kind.level === 'info' ? 'Why it is safe' : 'Why it breaks clients';
    const sections = ['What it detects', why, 'Example', 'How to evolve without breaking', 'Level and configuration'];
    for (const section of sections) assert.ok(doc.sections.includes(section), `${where} lacks "## ${section}"`);
    assert.deepEqual(
      doc.sections.filter((section) => sections.includes(section)),
      sections,
      `${where}: the sections in this order`,
    );
    assert.ok(!doc.sections.includes(kind.level === 'info' ? 'Why it breaks clients' : 'Why it is safe'), `${where}: a ${kind.level} change says why it ${kind.level === 'info' ? 'is safe' : 'breaks clients'}`);
    assert.ok(doc.markdown.includes(`Default level: \`${kind.level}\``), `${where} does not say its default level is ${kind.level}`);
    assert.ok(doc.markdown.includes(`\`rules: { ${id}: `), `${where} does not show how to set its level in .restlint.yaml`);
    assert.ok(doc.markdown.includes('x-restlint-ignore'), `${where} does not say whether x-restlint-ignore accepts it`);
  });

  test(`${id}: each old/new pair reports it, as the doc says; each passes pair does not`, () => {
    let doc: ChangeDoc;
    try {
      doc = readChangeDoc(rulesDir, id);
    } catch (error) {
      assert.fail((error as Error).message);
    }
    const triggering = doc.pairs.filter((pair) => pair.expect === 'triggers');
    assert.ok(triggering.length > 0, `${where} has no \`\`\`yaml old / \`\`\`yaml new pair`);
    assert.ok(doc.pairs.some((pair) => pair.expect === 'passes'), `${where} has no \`\`\`yaml old-passes / \`\`\`yaml new-passes pair`);
    triggering.forEach((pair, index) => {
      const changes = diff(pair.old.code, pair.new.code);
      const mine = changes.filter((change) => change.id === id);
      assert.equal(mine.length, 1, `${where}:${pair.line}: the pair reports ${id} ${mine.length} times, not once (${changes.map((change) => change.id).join(', ') || 'no change'})`);
      // The first pair shows the default level; a later one may show a weaker case (a removal past its sunset date).
      if (index === 0) assert.equal(mine[0].level, kind.level, `${where}:${pair.line}: the first pair reports ${id} at ${mine[0].level}, not its default ${kind.level}`);
      assert.deepEqual(
        pair.reported,
        changes.map(({ level, id: changeId, message }) => ({ level, id: changeId, message })),
        `${where}:${pair.line}: the reported block is not what restlint diff reports for the pair`,
      );
      // An ignore in the new document can accept only a change placed there.
      const cannot = /x-restlint-ignore` in the new document cannot accept it/.test(doc.markdown);
      assert.equal(cannot, mine[0].side === 'old', `${where}: ${id} is reported on the ${mine[0].side} document, which the x-restlint-ignore sentence must say`);
    });
    for (const pair of doc.pairs.filter((each) => each.expect === 'passes')) {
      const changes = diff(pair.old.code, pair.new.code).filter((change) => change.id === id);
      assert.deepEqual(changes.map((change) => change.message), [], `${where}:${pair.line}: the passes pair reports ${id}`);
    }
  });
}

test('rules/changes/ holds a doc for the change ids only', () => {
  const ids = new Set(CHANGE_KINDS.map((kind) => kind.id));
  const strays = readdirSync(join(rulesDir, 'changes')).filter((name) => !name.endsWith('.md') || !ids.has(name.slice(0, -3)));
  assert.deepEqual(strays, []);
});
