import { ruleWhere, type AnyRule } from '../engine/rule';
import { CHANGE_BY_ID, CHANGE_KINDS, type ChangeKind } from '../engine/diff/changes';
import { readChangeDoc, readRuleDoc, rulesDir } from '../engine/rule-docs';
import { describeSource } from '../engine/sources';
import { colorsFor } from '../report/colors';
import { allRules } from '../../rules';
import { describePeerRule, PEER_RULES, peerRulesNamed } from '../../rules/migration';
import { UsageError } from './files';
import { closestName } from '../engine/suggest';


/**
 * `restlint rules`: every rule with its default severity, group and one-line description, then
 * `restlint diff`'s change ids (checks `diff`, no group), which a config's `rules:` takes too.
 */
export function rulesCommand(format: 'table' | 'json'): number {
  if (format === 'json') {
    const rows = [
      ...allRules.map((rule) => {
        const { meta } = rule;
        return { id: meta.id, severity: meta.severity, group: meta.group as string | null, where: ruleWhere(rule) as string, description: meta.description, fix: meta.fix, sources: meta.sources as readonly string[] };
      }),
      ...CHANGE_KINDS.map((kind) => ({ id: kind.id, severity: kind.level, group: null, where: 'diff', description: kind.description, fix: 'no' as const, sources: [] })),
    ];
    process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
    return 0;
  }
  const colors = colorsFor(process.stdout);
  const rows = [
    ...allRules.map((rule) => ({ id: rule.meta.id, severity: rule.meta.severity as string, group: rule.meta.group as string, where: ruleWhere(rule) as string, description: rule.meta.description })),
    ...CHANGE_KINDS.map((kind) => ({ id: kind.id, severity: kind.level as string, group: '-', where: 'diff', description: kind.description })),
  ];
  const idWidth = Math.max(...rows.map((row) => row.id.length));
  const groupWidth = Math.max(...rows.map((row) => row.group.length));
  const lines = [colors.bold(`${'rule'.padEnd(idWidth)}  ${'default'.padEnd(7)}  ${'group'.padEnd(groupWidth)}  ${'checks'.padEnd(6)}  description`)];
  for (const row of rows) lines.push(`${row.id.padEnd(idWidth)}  ${row.severity.padEnd(7)}  ${row.group.padEnd(groupWidth)}  ${row.where.padEnd(6)}  ${row.description}`);
  lines.push(
    '',
    `${allRules.length} rules and ${CHANGE_KINDS.length} change ids. checks: spec = in the document (\`restlint lint\`), live = against a running API (\`restlint probe\`), both, diff = between two versions (\`restlint diff\`).`,
    '`restlint explain <id>` shows one in full.',
  );
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

/** `restlint explain <rule>`: what, why, failing and passing examples, options, sources. */
export function explainCommand(id: string): number {
  const rule = allRules.find((candidate) => candidate.meta.id === id);
  const change = CHANGE_BY_ID.get(id);
  if (!rule && change) {
    process.stdout.write(renderChange(change, readChangeDoc(rulesDir(), id).markdown));
    return 0;
  }
  // A team coming from Spectral or Redocly asks about the rules it knows: `explain oas3-schema`, or `explain spectral` for all.
  const peers = id === 'spectral' || id === 'redocly' ? PEER_RULES.filter((peer) => peer.tool === id) : peerRulesNamed(id);
  if (!rule && peers.length > 0) {
    process.stdout.write(peers.map(describePeerRule).join('\n') + '\n');
    return 0;
  }
  if (!rule) {
    const close = closestName(id, [...allRules.map((candidate) => candidate.meta.id), ...CHANGE_KINDS.map((kind) => kind.id)]);
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

/** A `restlint diff` change id's doc (rules/changes/<id>.md) under a header: its default level and what it compares. */
function renderChange(kind: ChangeKind, markdown: string): string {
  const colors = colorsFor(process.stdout);
  const header = [colors.bold(kind.id) + `  ${kind.description}`, '', `Default level: ${kind.level}    Checks: two versions of the document (restlint diff)`];
  const body = markdown.replace(/^## (.+)$/gm, (_, title: string) => colors.bold(title));
  return [...header, '', body.trimEnd(), ''].join('\n');
}
