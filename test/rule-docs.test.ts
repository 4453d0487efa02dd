import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readRuleDoc, type DocExample } from '../src/engine/rule-docs';
import type { AnyRule } from '../src/engine/rule';
import { allRules } from '../rules';
import { lintText } from './helpers/lint-text';
import { liveApi, runLive } from './helpers/live';
import { parseHttpExample, type HttpExample } from './helpers/http-examples';

const rulesDir = join(__dirname, '..', 'rules');

// Biome-style: every example in a rule's doc is a test. A "fails" block must be reported
// by that rule, a "passes" block must not.
//
// ```yaml and ```json examples are linted. ```http examples are replayed through the rule's
// live check as `restlint probe` runs it (test/helpers/live.ts), with only that rule on, over
// the document the probe read: the last ```yaml probe-document block above the example, else
// the doc's first ```yaml passes example. An http block is one or more exchanges, each a
// request (`GET /v1/users/42 HTTP/1.1`, headers, blank line, body) and its response
// (`HTTP/1.1 200 OK`, headers, blank line, body); a request probes the documented operation its
// method and path match. The fence line states the context (test/helpers/http-examples.ts):
//   ```http fails purpose=conditional   the last exchange is that probe (a ProbePurpose; default
//                                       `valid`, a documented call); a follow-up probe (head,
//                                       conditional, trailing-slash, …) follows up the exchange
//                                       before it, which the block shows first
//   ```http passes credentials          the requests carried the credentials given by --header
// An absolute request URL (`GET http://api.example.com/v1/users`) is the probe's target.
// probe-skipped has no check to replay: the prober reports it (test/probe/probe-cli.test.ts).
const NOT_REPLAYED = new Set(['probe-skipped']);

/** The codes of the findings an example gets: linted, or replayed live over the document the probe read. */
function codesOf(rule: AnyRule, example: DocExample, probeDocument: string | undefined): string[] {
  if (example.language !== 'http') return lintText(example.code).map((finding) => finding.code);
  const where = `rules/${rule.meta.id}.md:${example.line}`;
  assert.ok(rule.live, `${where}: an http example, but ${rule.meta.id} has no live check to replay it`);
  assert.ok(probeDocument, `${where}: no \`\`\`yaml probe-document (or yaml passes example) above it for the probe to read`);
  const api = liveApi(probeDocument);
  let replay: HttpExample;
  try {
    replay = parseHttpExample(api.api, example.code, example.context);
  } catch (error) {
    assert.fail(`${where}: ${(error as Error).message}`);
  }
  return runLive(api, replay.exchanges, { rules: [rule], config: "extends: ['restlint:all']", target: replay.target }).map((finding) => finding.code);
}

for (const rule of allRules) {
  const { id } = rule.meta;
  test(`${id}: doc has the standard sections and runnable examples`, () => {
    const doc = readRuleDoc(rulesDir, id);
    for (const section of ['What it does', 'Why is this bad?', 'Example', 'Use instead']) {
      assert.ok(doc.sections.includes(section), `rules/${id}.md lacks "## ${section}"`);
    }
    if (rule.meta.options) assert.ok(doc.sections.includes('Options'), `rules/${id}.md lacks "## Options" though the rule has options`);
    // A rule that checks documents shows documents; a live-only rule shows HTTP exchanges; a rule
    // that does both says what the probe checks (both kinds are run below).
    const language = rule.create ? 'yaml/json' : 'http';
    const shown = doc.examples.filter((example) => (rule.create ? example.language !== 'http' : example.language === 'http'));
    assert.ok(shown.some((example) => example.expect === 'fails'), `rules/${id}.md has no \`\`\`${language} fails example`);
    assert.ok(shown.some((example) => example.expect === 'passes'), `rules/${id}.md has no \`\`\`${language} passes example`);
    if (rule.create && rule.live) assert.ok(doc.sections.includes('Live check'), `rules/${id}.md lacks "## Live check" though the rule has a live check`);
    const firstPasses = doc.examples.find((example) => example.language === 'yaml' && example.expect === 'passes')?.code;
    for (const example of doc.examples) {
      if (example.language === 'http' && NOT_REPLAYED.has(id)) {
        assert.ok(!rule.live, `rules/${id}.md: ${id} has a live check now: replay its http examples`);
        continue;
      }
      const probeDocument = doc.probeDocuments.filter((document) => document.line < example.line).at(-1)?.code ?? firstPasses;
      const codes = codesOf(rule, example, probeDocument);
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
