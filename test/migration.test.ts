import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules } from '../rules';
import { PEER_RULES, type PeerRule } from '../rules/migration';

const readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8');

/** The README row of a peer rule, as the migration table writes it. */
function migrationRow(rule: PeerRule): string {
  const tool = rule.tool === 'spectral' ? 'Spectral' : 'Redocly';
  const covered = rule.restlint.length > 0 ? rule.restlint.map((id) => `\`${id}\``).join(', ') : 'not covered';
  return `| ${tool} | \`${rule.id}\` | ${covered} | ${rule.note ?? ''} |`;
}

test('migration: every spectral:oas rule is in the table, once', () => {
  const { oas } = require('@stoplight/spectral-rulesets') as { oas: { rules: Record<string, unknown> } };
  const listed = PEER_RULES.filter((rule) => rule.tool === 'spectral').map((rule) => rule.id);
  assert.deepEqual([...listed].sort(), Object.keys(oas.rules).sort());
});

test('migration: the table names only restlint rules that exist, and no peer rule twice', () => {
  const ids = new Set(allRules.map((rule) => rule.meta.id));
  for (const rule of PEER_RULES) {
    for (const id of rule.restlint) assert.ok(ids.has(id), `${rule.tool} ${rule.id} names unknown restlint rule ${id}`);
    assert.ok(rule.restlint.length > 0 || rule.note, `${rule.tool} ${rule.id}: a rule restlint does not cover says why`);
  }
  const keys = PEER_RULES.map((rule) => `${rule.tool} ${rule.id}`);
  assert.equal(new Set(keys).size, keys.length);
});

test('migration: the README shows the table as rules/migration.ts holds it', () => {
  for (const rule of PEER_RULES) assert.ok(readme.includes(migrationRow(rule)), `README lacks the migration row:\n${migrationRow(rule)}`);
});
