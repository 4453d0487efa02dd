import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { applyFixes } from '../src/cli/fix';
import type { Finding } from '../src/engine/finding';
import { defineRule, type AnyRule } from '../src/engine/rule';
import { readRuleDoc } from '../src/engine/rule-docs';
import { parseSourceText } from '../src/engine/source/source-file';
import { allRules } from '../rules';
import { lintText } from './helpers/lint-text';

const rulesDir = join(__dirname, '..', 'rules');

/**
 * What a rule's meta.fix promises, checked on the failing examples of its doc: some finding
 * there carries a fix, and applying it leaves a document that parses and no longer has that
 * finding. An empty list means the promise holds.
 */
function brokenFixPromises(rule: AnyRule, lint: (text: string) => Finding[] = lintText): string[] {
  const { id } = rule.meta;
  const failing = readRuleDoc(rulesDir, id).examples.filter((example) => example.expect === 'fails' && example.language !== 'http');
  const problems: string[] = [];
  let fixed = 0;
  for (const example of failing) {
    for (const finding of lint(example.code).filter((candidate) => candidate.code === id && candidate.fix)) {
      fixed++;
      const where = `rules/${id}.md:${example.line}`;
      const text = applyFixes(example.code, [finding.fix!]);
      let after: Finding[];
      try {
        parseSourceText('/virtual/openapi.yaml', text);
        after = lint(text);
      } catch (error) {
        problems.push(`${where}: the fix leaves a document that does not parse (${(error as Error).message}):\n${text}`);
        continue;
      }
      if (after.some((other) => other.code === id && other.message === finding.message)) problems.push(`${where}: the finding is still there after its fix:\n${text}`);
    }
  }
  if (fixed === 0) problems.push(`rules/${id}.md: meta.fix is '${rule.meta.fix}', but no finding on its failing examples carries a fix`);
  return problems;
}

for (const rule of allRules.filter((candidate) => candidate.create && candidate.meta.fix !== 'no')) {
  test(`${rule.meta.id}: meta.fix '${rule.meta.fix}' is kept: its failing example gets a fix that removes the finding`, () => {
    assert.deepEqual(brokenFixPromises(rule), []);
  });
}

test('a live-only rule claims no document fix', () => {
  assert.deepEqual(allRules.filter((rule) => !rule.create && rule.meta.fix !== 'no').map((rule) => rule.meta.id), []);
});

test('the check fails for a rule that claims a fix and attaches none', () => {
  const real = allRules.find((rule) => rule.meta.id === 'no-trailing-slash')!;
  const claimsOnly = defineRule({ ...real, create: (context) => real.create!({ ...context, report: ({ fix: _fix, ...report }) => context.report(report) }) });
  const lint = (text: string) => lintText(text, { rules: allRules.map((rule) => (rule === real ? claimsOnly : rule)) });
  assert.deepEqual(brokenFixPromises(claimsOnly, lint), ["rules/no-trailing-slash.md: meta.fix is 'yes', but no finding on its failing examples carries a fix"]);
});

test('the check fails for a fix that does not remove its finding', () => {
  const real = allRules.find((rule) => rule.meta.id === 'no-trailing-slash')!;
  const noOp = defineRule({ ...real, create: (context) => real.create!({ ...context, report: (report) => context.report({ ...report, fix: report.fix?.map((edit) => ({ ...edit, newText: '/' })) }) }) });
  const lint = (text: string) => lintText(text, { rules: allRules.map((rule) => (rule === real ? noOp : rule)) });
  assert.match(brokenFixPromises(noOp, lint).join('\n'), /the finding is still there after its fix/);
});

test("lint refuses a fix from a rule whose meta.fix is 'no', as ESLint does", () => {
  const real = allRules.find((rule) => rule.meta.id === 'no-trailing-slash')!;
  const undeclared = defineRule({ ...real, meta: { ...real.meta, fix: 'no' } });
  assert.throws(() => lintText(readRuleDoc(rulesDir, 'no-trailing-slash').examples.find((example) => example.expect === 'fails')!.code, { rules: [undeclared] }), /rule no-trailing-slash attached a fix, but its meta\.fix is 'no'/);
});
