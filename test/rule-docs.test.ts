import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readRuleDoc } from '../src/engine/rule-docs';
import { allRules } from '../rules';
import { lintText } from './helpers/lint-text';

const rulesDir = join(__dirname, '..', 'rules');

// Biome-style: every example in a rule's doc is a test. A "fails" block must be reported
// by that rule, a "passes" block must not.
for (const rule of allRules) {
  const { id } = rule.meta;
  test(`${id}: doc has the standard sections and runnable examples`, () => {
    const doc = readRuleDoc(rulesDir, id);
    for (const section of ['What it does', 'Why is this bad?', 'Example', 'Use instead']) {
      assert.ok(doc.sections.includes(section), `rules/${id}.md lacks "## ${section}"`);
    }
    if (rule.meta.options) assert.ok(doc.sections.includes('Options'), `rules/${id}.md lacks "## Options" though the rule has options`);
    // A rule that checks documents shows documents (run below); a live-only rule shows HTTP exchanges,
    // which its tests in test/probe replay; a rule that does both says what the probe checks.
    const language = rule.create ? 'yaml/json' : 'http';
    const shown = doc.examples.filter((example) => (rule.create ? example.language !== 'http' : example.language === 'http'));
    assert.ok(shown.some((example) => example.expect === 'fails'), `rules/${id}.md has no \`\`\`${language} fails example`);
    assert.ok(shown.some((example) => example.expect === 'passes'), `rules/${id}.md has no \`\`\`${language} passes example`);
    if (rule.create && rule.live) assert.ok(doc.sections.includes('Live check'), `rules/${id}.md lacks "## Live check" though the rule has a live check`);
    for (const example of doc.examples) {
      if (example.language === 'http') continue;
      const codes = lintText(example.code).map((finding) => finding.code);
      if (example.expect === 'fails') assert.ok(codes.includes(id), `rules/${id}.md:${example.line}: the failing example is not reported by ${id}`);
      else assert.ok(!codes.includes(id), `rules/${id}.md:${example.line}: the passing example is reported by ${id}`);
    }
  });

  test(`${id}: meta is complete`, () => {
    assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.ok(rule.meta.description.length > 10 && !rule.meta.description.includes('\n'));
    assert.ok(rule.meta.sources.length > 0, 'every rule cites its source');
    for (const [messageId, template] of Object.entries(rule.meta.messages)) {
      assert.ok(template.length > 0, `${id}: message ${messageId} is empty`);
    }
  });
}
