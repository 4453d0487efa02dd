import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runCli } from './helpers/cli';

test('restlint rules --profile zalando: what the profile changes from recommended, each with its guide rule', async () => {
  const table = await runCli(['rules', '--profile', 'zalando']);
  assert.equal(table.code, 0, table.stderr);
  const lines = table.stdout.split('\n');
  assert.equal(lines[0], 'restlint:zalando: Zalando RESTful API Guidelines (opensource.zalando.com/restful-api-guidelines)');
  assert.ok(
    lines.includes('error-format        warn → error   {"format":"problem"}: MUST support problem JSON (RFC 9457 problem details) for errors (Z#176)'),
    table.stdout,
  );
  assert.ok(lines.includes('- Zalando RESTful API Guidelines, rule 176: https://opensource.zalando.com/restful-api-guidelines/#176'), table.stdout);

  const json = await runCli(['rules', '--profile', 'restlint:google', '--format', 'json']);
  assert.equal(json.code, 0, json.stderr);
  const parsed = JSON.parse(json.stdout) as { profile: string; settings: { rule: string; recommended: string; severity: string; options?: unknown; sources: string[] }[] };
  assert.equal(parsed.profile, 'restlint:google');
  assert.deepEqual(parsed.settings.find((setting) => setting.rule === 'path-kebab-case'), {
    rule: 'path-kebab-case',
    recommended: 'error',
    severity: 'error',
    options: { case: 'camel' },
    because: 'collection identifiers in resource names are camelCase',
    sources: ['AIP-122'],
  });
});

test('restlint rules --profile with an unknown name is a usage error that names the profiles', async () => {
  const result = await runCli(['rules', '--profile', 'zalndo']);
  assert.equal(result.code, 2);
  assert.match(result.stderr, /unknown profile "zalndo"; did you mean "zalando"\? \(profiles: zalando, google, microsoft\)/);
});
