// The README's probe sample ("## Probe a running API") is the output of the command it shows:
// this runs that command through the real binary, in the checkout, and compares. Normalised,
// on both sides, only what varies from run to run or checkout to checkout: the random path of
// the unknown-path probe, the time taken, and the checkout's folder (the README writes it
// /path/to/restlint; a body excerpt cut at a fixed length may end inside it, or further on).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeRun, REPO_ROOT, runCli } from './helpers/cli';

const README_ROOT = '/path/to/restlint';

/** The command of the probe section's `sh` block and the output block after it. */
function probeSample(): { args: string[]; output: string } {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Probe a running API'));
  const match = /```sh\nnpx restlint (probe [^\n]+)\n```\n\n```\n([\s\S]*?)```\n/.exec(section);
  assert.ok(match, 'the probe section has a command and its output');
  return { args: match[1].split(' '), output: match[2] };
}

/** One line with what varies replaced; `cut` when it ends with the reporter's "…" (a body excerpt cut short). */
function normalise(line: string, root: string): { text: string; cut: boolean } {
  let text = line
    .replaceAll(root, '<checkout>')
    .replace(/restlint-probe-[0-9a-f]{8}/g, 'restlint-probe-<id>')
    .replace(/^(Probed (?:\d+ of )?\d+ operations? with \d+ requests?) in [\d.]+ s\.$/, '$1 in <time> s.');
  const cut = text.endsWith('…');
  if (cut) {
    text = text.slice(0, -1);
    // The excerpt may end inside the checkout's folder.
    for (let length = root.length - 1; length > 0; length--) {
      if (text.endsWith(root.slice(0, length))) {
        text = text.slice(0, -length) + '<checkout>';
        break;
      }
    }
  }
  return { text, cut };
}

/** Two lines agree when equal, or when both are cut and one is the beginning of the other. */
function agree(readme: { text: string; cut: boolean }, actual: { text: string; cut: boolean }): boolean {
  if (readme.cut !== actual.cut) return false;
  if (!readme.cut) return readme.text === actual.text;
  return readme.text.startsWith(actual.text) || actual.text.startsWith(readme.text);
}

test("the README's probe sample is what the command it shows prints", async () => {
  const { args, output } = probeSample();
  const result = await runCli(args, { cwd: REPO_ROOT });
  // The quick start says it: findings, exit 1.
  assert.equal(result.code, 1, describeRun(result));
  // stderr holds restlint's summary and, first, under its own heading, Express's own log of the
  // 500s (its development mode prints each error's stack): the README leaves that part out.
  const stderr = result.stderr.split('\n');
  const heading = stderr.findIndex((line) => line.startsWith('Output of the app (--app '));
  assert.ok(heading >= 0 && stderr[heading + 1].startsWith('  Error: Failed to load user'), result.stderr);
  const summary = [...stderr.slice(0, heading), ...stderr.slice(stderr.indexOf('', heading) + 1)];
  const actualLines = [...result.stdout.split('\n').slice(0, -1), ...summary.slice(0, -1)];
  const readmeLines = output.split('\n').slice(0, -1);
  const actual = actualLines.map((line) => normalise(line, REPO_ROOT));
  const expected = readmeLines.map((line) => normalise(line, README_ROOT));
  const differences = expected.flatMap((line, index) => (index < actual.length && agree(line, actual[index]) ? [] : [`README: ${readmeLines[index]}\nactual: ${actualLines[index] ?? '(none)'}`]));
  assert.deepEqual(differences, [], `README sample vs the real run:\n${result.stdout}${summary.join('\n')}`);
  assert.equal(actual.length, expected.length, `the real run has ${actual.length} lines, the README ${expected.length}:\n${result.stdout}${summary.join('\n')}`);
});
