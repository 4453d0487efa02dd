import { ruleWhere, type AnyRule } from '../engine/rule';
import { readRuleDoc, rulesDir } from '../engine/rule-docs';
import { describeSource } from '../engine/sources';
import { colorsFor } from '../report/colors';
import { allRules } from '../../rules';
import { describePeerRule, PEER_RULES, peerRulesNamed } from '../../rules/migration';
import { UsageError } from './files';
import { closestName } from '../engine/suggest';


/** `restlint rules`: every rule with its default severity, group and one-line description. */
export function rulesCommand(format: 'table' | 'json'): number {
  if (format === 'json') {
    const rows = allRules.map((rule) => {
      const { meta } = rule;
      return { id: meta.id, severity: meta.severity, group: meta.group, where: ruleWhere(rule), description: meta.description, fix: meta.fix, sources: meta.sources };
    });
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const colors = colorsFor(process.stdout);
  const idWidth = Math.max(...allRules.map((rule) => rule.meta.id.length));
  const groupWidth = Math.max(...allRules.map((rule) => rule.meta.group.length));
  const lines = [colors.bold(`${'rule'.padEnd(idWidth)}  ${'default'.padEnd(7)}  ${'group'.padEnd(groupWidth)}  ${'checks'.padEnd(6)}  description`)];
  for (const rule of allRules) {
    const { meta } = rule;
    lines.push(`${meta.id.padEnd(idWidth)}  ${meta.severity.padEnd(7)}  ${meta.group.padEnd(groupWidth)}  ${ruleWhere(rule).padEnd(6)}  ${meta.description}`);
  }
  lines.push(
    '',
    `${allRules.length} rules. checks: spec = in the document (\`restlint lint\`), live = against a running API (\`restlint probe\`), both.`,
    '`restlint explain <rule>` shows one in full.',
  );
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

/** `restlint explain <rule>`: what, why, failing and passing examples, options, sources. */
export function explainCommand(id: string): number {
  const rule = allRules.find((candidate) => candidate.meta.id === id);
  // A team coming from Spectral or Redocly asks about the rules it knows: `explain oas3-schema`, or `explain spectral` for all.
  const peers = id === 'spectral' || id === 'redocly' ? PEER_RULES.filter((peer) => peer.tool === id) : peerRulesNamed(id);
  if (!rule && peers.length > 0) {
    process.stdout.write(peers.map(describePeerRule).join('\n') + '\n');
    return 0;
  }
  if (!rule) {
    const close = closestName(id, allRules.map((candidate) => candidate.meta.id));
    throw new UsageError(`unknown rule "${id}"${close ? `; did you mean "${close}"?` : ''} (\`restlint rules\` lists them)`);
  }
  process.stdout.write(renderExplain(rule, readRuleDoc(rulesDir(), id).markdown));
  return 0;
}

function renderExplain(rule: AnyRule, markdown: string): string {
  const { meta } = rule;
  const colors = colorsFor(process.stdout);
  const fix = { yes: 'safe automatic fix', doc: 'fix offered for unpublished documents only', no: 'no automatic fix' }[meta.fix];
  const header = [
    colors.bold(`${meta.id}`) + `  ${meta.description}`,
    '',
    `Default severity: ${meta.severity}    Group: ${meta.group}    Checks: ${{ spec: 'the document (lint)', live: 'a running API (probe)', both: 'the document (lint) and a running API (probe)' }[ruleWhere(rule)]}    Fix: ${fix}`,
  ];
  if (meta.options) header.push(`Default options: ${JSON.stringify(meta.options.defaults)}`);
  const body = markdown.replace(/^## (.+)$/gm, (_, title: string) => colors.bold(title));
  const sources = ['', colors.bold('Source'), ...meta.sources.map((key) => `- ${describeSource(key)}`)];
  return [...header, '', body.trimEnd(), ...sources, ''].join('\n');
}
