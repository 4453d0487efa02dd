// The fast path (src/cli/fast-path.ts) is a second parser of `restlint lint …` beside yargs
// (src/cli/commands.ts). For each command line of the table: the fast path either declines it
// (yargs then parses it, as always) or lints with exactly the LintArgs yargs parses from it,
// or fails with the same usage error. In-process: no lint runs, only the two parsers.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLintArgs } from '../src/cli/commands';
import { lintArgsOf, parseLint, runFast } from '../src/cli/fast-path';
import type { LintArgs } from '../src/cli/lint-command';

/** `take`: the fast path runs it; `decline`: yargs must; `either`: whichever, as long as the two agree. */
type Expect = 'take' | 'decline' | 'either';

const LINES: [Expect, string[]][] = [
  // Plain lints.
  ['take', ['lint']],
  ['take', ['lint', 'openapi.yaml']],
  ['take', ['lint', 'a.yaml', 'b.json', 'specs/**/*.yaml']],
  ['take', ['lint', 'lint']],
  ['take', ['lint', 'probe']],
  ['take', ['lint', '123']],
  ['take', ['lint', 'a=b.yaml']],
  ['take', ['lint', 'true', 'false']],
  ['take', ['lint', '-q', 'TRUE', 'False']],
  // Each option, short and long.
  ['take', ['lint', 'a.yaml', '-f', 'json']],
  ['take', ['lint', 'a.yaml', '--format', 'sarif']],
  ['take', ['lint', 'a.yaml', '-f', 'json', '-o', 'out.json']],
  ['take', ['lint', 'a.yaml', '--format', 'json', '--output', 'out.json']],
  ['take', ['lint', 'a.yaml', '-o', 'out.txt']],
  ['take', ['lint', 'a.yaml', '-F', 'warn']],
  ['take', ['lint', 'a.yaml', '--fail-severity', 'hint']],
  ['take', ['lint', 'a.yaml', '-c', 'strict.yaml']],
  ['take', ['lint', 'a.yaml', '--config', 'strict.yaml']],
  ['take', ['lint', 'a.yaml', '--ruleset', '.spectral.yaml']],
  ['take', ['lint', 'a.yaml', '--root', '..']],
  ['take', ['lint', 'a.yaml', '-q']],
  ['take', ['lint', 'a.yaml', '--quiet']],
  // Repeated -f/-o pairs, files before, between and after options.
  ['take', ['lint', 'a.yaml', '-f', 'sarif', '-o', 'r.sarif', '-f', 'stylish']],
  ['take', ['lint', '-f', 'sarif', '-o', 'r.sarif', '-f', 'json', '-o', 'r.json', 'a.yaml']],
  ['take', ['lint', '-f', 'json', 'a.yaml', '-q', 'b.yaml', '-F', 'warn', 'c.yaml']],
  ['take', ['lint', '-q', 'a.yaml', '-c', 'x.yaml', '--root', '.', '-f', 'json', '-o', 'o.json', '-f', 'stylish']],
  // Lines both parse, to the same usage error (pairOutputs).
  ['take', ['lint', 'a.yaml', '-f', 'json', '-f', 'stylish']],
  ['take', ['lint', 'a.yaml', '-o', 'a.txt', '-o', 'b.txt']],
  // Odd ones: yargs must parse these.
  ['decline', ['lint', '--format=json', 'a.yaml']],
  ['decline', ['lint', '--', 'a.yaml']],
  ['decline', ['lint', 'a.yaml', '--', '-b.yaml']],
  ['decline', ['lint', '-fjson', 'a.yaml']],
  ['decline', ['lint', '-qf', 'json', 'a.yaml']],
  ['decline', ['lint', '--unknown', 'a.yaml']],
  ['decline', ['lint', 'a.yaml', '-x']],
  ['decline', ['lint', 'a.yaml', '-f']],
  ['decline', ['lint', 'a.yaml', '--config']],
  ['decline', ['lint', 'a.yaml', '-o', '-']],
  ['decline', ['lint', 'a.yaml', '-c', '-x.yaml']],
  ['decline', ['lint', 'a.yaml', '-c', 'one.yaml', '-c', 'two.yaml']],
  ['decline', ['lint', 'a.yaml', '-c', 'one.yaml', '--ruleset', 'two.yaml']],
  ['decline', ['lint', 'a.yaml', '--skip-rule', 'operation-tags']],
  ['decline', ['lint', 'a.yaml', '--skip-rule', 'a', '--skip-rule', 'b']],
  ['decline', ['lint', 'a.yaml', '-D']],
  ['decline', ['lint', 'a.yaml', '--display-only-failures']],
  ['decline', ['lint', 'a.yaml', '-F', 'warn', '--fail-severity', 'info']],
  ['decline', ['lint', 'a.yaml', '--root', 'a', '--root', 'b']],
  ['decline', ['lint', 'a.yaml', '-q', '--quiet']],
  ['decline', ['lint', '']],
  ['decline', ['lint', 'a.yaml', '-c', '']],
  ['decline', ['lint', 'a.yaml', '--no-quiet']],
  ['decline', ['lint', 'a.yaml', '-f', 'yaml']],
  ['decline', ['lint', 'a.yaml', '-F', 'fatal']],
  ['decline', ['lint', 'a.yaml', '--failSeverity', 'warn']],
  ['decline', ['lint', 'a.yaml', '--fix']],
  ['decline', ['lint', 'a.yaml', '--max-file-size', '1']],
  ['decline', ['lint', 'a.yaml', '--help']],
  ['decline', ['lint', 'a.yaml', '-v']],
  // A boolean option takes a following "true" or "false" in yargs: never a file here.
  ['decline', ['lint', '-q', 'false', 'a.yaml']],
  ['decline', ['lint', 'a.yaml', '--quiet', 'true']],
];

/** What a parser makes of a line: the LintArgs, or the message of the error it fails with. */
type Outcome = { args: LintArgs } | { error: string };

async function outcome(parse: () => LintArgs | undefined | Promise<LintArgs | undefined>): Promise<Outcome> {
  try {
    const args = await parse();
    assert.ok(args !== undefined, 'a lint line');
    return { args };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('the fast path lints a command line as yargs would, or leaves it to yargs', () => {
  for (const [expect, argv] of LINES) {
    test(`${expect}: restlint ${argv.map((arg) => (arg === '' || /[\s*=]/.test(arg) ? JSON.stringify(arg) : arg)).join(' ')}`, async () => {
      const fast = parseLint(argv.slice(1));
      if (expect === 'take') assert.notEqual(fast, undefined, 'the fast path takes this line');
      if (expect === 'decline') assert.equal(fast, undefined, `the fast path must leave this line to yargs; it parsed ${JSON.stringify(fast)}`);
      if (fast === undefined) return;
      const byYargs = await outcome(() => parseLintArgs([...argv]));
      const byFastPath = await outcome(() => lintArgsOf(fast));
      assert.deepStrictEqual(byFastPath, byYargs);
    });
  }

  test('the table has lines of both kinds', () => {
    assert.ok(LINES.filter(([expect]) => expect === 'take').length >= 15);
    assert.ok(LINES.filter(([expect]) => expect === 'decline').length >= 15);
  });
});

test('the fast path declines every `diff` line: yargs parses them (src/cli/commands.ts)', () => {
  for (const argv of [['diff', 'old.yaml', 'new.yaml'], ['diff', 'openapi.yaml', '--since', 'origin/main'], ['diff', 'a.yaml', 'b.yaml', '-f', 'json'], ['diff']]) {
    assert.equal(runFast(argv), undefined, `restlint ${argv.join(' ')}`);
  }
});

