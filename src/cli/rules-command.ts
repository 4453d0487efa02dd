import { ruleWhere, type AnyRule } from '../engine/rule';
import { CHANGE_BY_ID, CHANGE_KINDS, type ChangeKind } from '../engine/diff/changes';
import { readChangeDoc, readRuleDoc, rulesDir } from '../engine/rule-docs';
import { describeSource } from '../engine/sources';
import { colorsFor } from '../report/colors';
import { allRules } from '../../rules';
import { describePeerRule, PEER_RULES, peerRulesNamed } from '../../rules/migration';
import { UsageError } from './files';
import { closestName } from '../engine/suggest';
import { PROFILES, type Profile } from '../engine/config/profiles';
import { recommendedSettings } from '../engine/config/config';


/**
 * `restlint rules`: every rule with its default severity, group and one-line description, then
 * `restlint diff`'s change ids (checks `diff`, no group), which a config's `rules:` takes too.
 */
export function rulesCommand(format: 'table' | 'json', profileName?: string): number {
  if (profileName !== undefined) return profileCommand(format, profileName);
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

/**
 * `restlint rules --profile zalando`: what `extends: [restlint:zalando]` changes from
 * `restlint:recommended`, rule by rule: the severity before and after, the options it sets, and
 * the guide's rule each setting follows.
 */
function profileCommand(format: 'table' | 'json', name: string): number {
  const bare = name.replace(/^restlint:/, '');
  const profile = PROFILES.find((candidate) => candidate.name === bare);
  if (!profile) {
    const close = closestName(bare, PROFILES.map((candidate) => candidate.name));
    throw new UsageError(`unknown profile "${name}"${close ? `; did you mean "${close}"?` : ''} (profiles: ${PROFILES.map((candidate) => candidate.name).join(', ')})`);
  }
  const rows = profileRows(profile);
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ profile: `restlint:${profile.name}`, guide: profile.guide, settings: rows }, null, 2) + '\n');
    return 0;
  }
  const colors = colorsFor(process.stdout);
  const idWidth = Math.max(4, ...rows.map((row) => row.rule.length));
  const severityWidth = Math.max(...rows.map((row) => `${row.recommended} → ${row.severity}`.length));
  const lines = [`restlint:${profile.name}: ${profile.guide}`, 'restlint:recommended with these changes:', '', colors.bold(`${'rule'.padEnd(idWidth)}  ${'severity'.padEnd(severityWidth)}  options and why`)];
  for (const row of rows) {
    const severity = row.recommended === row.severity ? row.severity : `${row.recommended} → ${row.severity}`;
    const options = row.options ? `${JSON.stringify(row.options)}: ` : '';
    lines.push(`${row.rule.padEnd(idWidth)}  ${severity.padEnd(severityWidth)}  ${options}${row.because} (${row.sources.join(', ')})`);
  }
  lines.push('', 'Every other rule is as in restlint:recommended. Sources:', ...[...new Set(rows.flatMap((row) => row.sources))].map((key) => `- ${describeSource(key)}`));
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

/** A profile's settings beside recommended's severity for each rule. */
function profileRows(profile: Profile) {
  const recommended = recommendedSettings(allRules);
  return profile.settings.map((setting) => {
    const before = recommended.get(setting.rule)?.severity ?? 'off';
    return { rule: setting.rule, recommended: before, severity: setting.severity ?? before, options: setting.options, because: setting.because, sources: setting.sources };
  });
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
