import { docSection, readRuleDoc } from '../engine/rule-docs';
import type { AnyRule } from '../engine/rule';
import { describeSource } from '../engine/sources';

/** Markdown for a hover on a finding: the rule, why it matters, where it comes from, a passing example. */
export function ruleHover(rule: AnyRule, rulesDir: string): string {
  const { meta } = rule;
  const parts = [`**restlint: \`${meta.id}\`** (${meta.severity}) ${meta.description}`];
  let doc;
  try {
    doc = readRuleDoc(rulesDir, meta.id);
  } catch {
    return parts.join('\n\n');
  }
  for (const title of ['What it does', 'Why is this bad?']) {
    const text = docSection(doc.markdown, title);
    if (text) parts.push(`**${title}**\n\n${text}`);
  }
  parts.push(`**Source**: ${meta.sources.map(describeSource).join('; ')}`);
  const passing = doc.examples.find((example) => example.expect === 'passes');
  if (passing) parts.push(`**Use instead**\n\n\`\`\`${passing.language}\n${passing.code.trimEnd()}\n\`\`\``);
  return parts.join('\n\n');
}

