// Robustness on real API descriptions: every spec of ../shared/corpus (listed in its
// MANIFEST.tsv, column entry_file) lints with exit code 0 or 1, never 2 or a crash.
// Skipped, by name, when the corpus folder is absent.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { compareFindings, type Finding } from '../src/engine/finding';
import { allRules } from '../rules';
import { describeRun, parseFindings, REPO_ROOT, runCli, type JsonFinding, type RunResult } from './helpers/cli';

const CORPUS_AS_GIVEN = resolve(REPO_ROOT, '..', 'shared', 'corpus');
// The CLI runs with its working folder in the corpus, and a process's working folder is
// always the real path: compare findings against the real path too (../shared may be a link).
const CORPUS = existsSync(CORPUS_AS_GIVEN) ? realpathSync(CORPUS_AS_GIVEN) : CORPUS_AS_GIVEN;
const MANIFEST = join(CORPUS, 'MANIFEST.tsv');
const skip = existsSync(MANIFEST) ? false : `corpus not found (${MANIFEST})`;

/** The entry files of MANIFEST.tsv, relative to the corpus folder. */
function readEntries(): string[] {
  const [header, ...rows] = readFileSync(MANIFEST, 'utf8').split('\n').filter((line) => line.trim() !== '');
  const column = header.split('\t').indexOf('entry_file');
  assert.ok(column >= 0, `MANIFEST.tsv has an entry_file column: ${header}`);
  return rows.map((row) => row.split('\t')[column]);
}

describe('corpus: every spec lints (exit 0 or 1, never 2 or a crash)', { skip }, () => {
  let entries: string[];
  let run: RunResult;
  let findings: JsonFinding[];

  before(async () => {
    entries = readEntries();
    // One process for all of them: the CLI spreads the files over every core itself.
    run = await runCli(['lint', '--format', 'json', ...entries], { cwd: CORPUS });
  });

  test('one run over all entries: exit 0 or 1, nothing on stderr, a JSON array of findings', () => {
    assert.ok(entries.length > 0, 'MANIFEST.tsv lists entries');
    assert.ok(run.code === 0 || run.code === 1, describeRun(run));
    assert.equal(run.stderr, '', describeRun(run));
    findings = parseFindings(run.stdout);
    for (let index = 1; index < findings.length; index++) {
      assert.ok(compareFindings(findings[index - 1] as Finding, findings[index] as Finding) <= 0, 'findings are sorted');
    }
  });

  test('each entry: exists, is named in no error, and its findings stay inside its own folder', () => {
    findings ??= parseFindings(run.stdout);
    const folders = entries.map((entry) => join(CORPUS, entry.split('/')[0]) + sep);
    for (const entry of entries) {
      const path = join(CORPUS, entry);
      assert.ok(existsSync(path) && statSync(path).isFile(), `${entry} exists`);
      assert.ok(!run.stderr.includes(entry), `${entry} could not be linted:\n${run.stderr}`);
    }
    for (const finding of findings) {
      assert.ok(folders.some((folder) => finding.source.startsWith(folder)), `finding outside every entry's folder: ${finding.source}`);
      assert.ok(finding.range.start.line >= 0 && finding.range.start.character >= 0);
    }
  });

  test('two large entries linted together (worker threads) give the findings of each alone', async () => {
    // The two largest entries under 5 MB: together well over the 2 MB that starts workers.
    const sized = readEntries()
      .map((entry) => ({ entry, bytes: statSync(join(CORPUS, entry)).size }))
      .filter(({ bytes }) => bytes < 5 * 1024 * 1024)
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 2);
    assert.equal(sized.length, 2);
    assert.ok(sized[0].bytes + sized[1].bytes > 2 * 1024 * 1024, 'enough input for worker threads');
    const lint = async (files: string[]) => {
      const result = await runCli(['lint', '--format', 'json', ...files], { cwd: CORPUS });
      assert.ok(result.code === 0 || result.code === 1, describeRun(result));
      assert.equal(result.stderr, '');
      return parseFindings(result.stdout);
    };
    const files = sized.map(({ entry }) => entry);
    const together = await lint(files);
    const alone = [...(await lint([files[0]])), ...(await lint([files[1]]))].sort((a, b) => compareFindings(a as Finding, b as Finding));
    assert.deepEqual(together, alone);
    // And they match the run over the whole corpus, file for file.
    findings ??= parseFindings(run.stdout);
    const inFolders = (list: JsonFinding[]) => list.filter((finding) => files.some((file) => finding.source.startsWith(join(CORPUS, dirname(file)) + sep)));
    assert.deepEqual(together, inFolders(findings));
  });

  test('swagger-parser, an independent validator, agrees with restlint on which documents are invalid, or the difference is explained', async () => {
    const SwaggerParser = require('@apidevtools/swagger-parser') as { validate(path: string, options: object): Promise<unknown> };
    findings ??= parseFindings(run.stdout);
    const correctness = new Set(allRules.filter((rule) => rule.meta.group === 'correctness').map((rule) => rule.meta.id));
    const disagreements: string[] = [];
    for (const entry of entries) {
      const folder = join(CORPUS, entry.split('/')[0]) + sep;
      const errors = findings.filter((finding) => finding.severity === 0 && correctness.has(finding.code) && finding.source.startsWith(folder));
      let parserError: string | undefined;
      try {
        // No remote references, as restlint reads none.
        await SwaggerParser.validate(join(CORPUS, entry), { resolve: { external: true, http: false }, validate: { schema: true, spec: true } });
      } catch (error) {
        parserError = String((error as Error).message).split('\n').slice(0, 3).join(' ');
      }
      const restlintInvalid = errors.length > 0;
      if (restlintInvalid === (parserError !== undefined)) continue;
      const verdict = restlintInvalid
        ? `restlint: invalid (${[...new Set(errors.map((finding) => finding.code))].join(', ')}); swagger-parser: valid`
        : `restlint: valid; swagger-parser: ${parserError}`;
      disagreements.push(`${entry}: ${verdict}`);
    }
    const unexplained = disagreements.filter((line) => !Object.keys(ORACLE_DISAGREEMENTS).some((entry) => line.startsWith(`${entry}: `)));
    const stale = Object.keys(ORACLE_DISAGREEMENTS).filter((entry) => !disagreements.some((line) => line.startsWith(`${entry}: `)));
    // Listed in the output whatever happens: the disagreements are the oracle's report.
    for (const line of disagreements) console.log(`oracle: ${line}`);
    assert.deepEqual({ unexplained, stale }, { unexplained: [], stale: [] });
  });
});

/**
 * Where swagger-parser's validate() (its JSON Schema of each version, plus a few semantic
 * checks) and restlint's correctness errors disagree on a corpus document, and why. Each entry
 * was reviewed by reading the document.
 */
const DISCRIMINATOR = 'swagger-parser validates with the JSON Schema of the specification, which cannot say that a discriminator\'s property must be a declared, required property (discriminator-property-defined)';
const REQUIRED = 'that a closed schema\'s required names are among its properties, or that a required name is a typo of one (required-properties-defined)';
const EXAMPLES = 'swagger-parser does not validate examples, defaults or enum entries against their schemas (example-matches-schema, default-matches-schema)';
const ORACLE_DISAGREEMENTS: Record<string, string> = {
  'github-rest-api/api.github.com.json': `${EXAMPLES}; ${DISCRIMINATOR}, nor ${REQUIRED}`,
  'plaid-api/2020-09-14.yml': EXAMPLES,
  'linode-api/openapi.yaml': `${EXAMPLES}; ${DISCRIMINATOR}, nor ${REQUIRED}; and it checks that a security requirement names a scheme, not that its oauth2 scopes exist (security-schemes-defined)`,
  'pagerduty-rest-api/openapiv3.json': `${EXAMPLES}; ${DISCRIMINATOR}; it dereferences before it validates, so a $ref to a requestBody where a response belongs goes unseen (document-structure), and it does not ask for a success response (operation-success-response)`,
  'twilio-api-v2010/twilio_api_v2010.json': EXAMPLES,
  'twilio-messaging-v1/twilio_messaging_v1.yaml': EXAMPLES,
  'box-platform-api/openapi.json': `${EXAMPLES}; nor does it check ${REQUIRED}`,
  'slack-web-api/slack_web_openapi_v2.json': EXAMPLES,
  'spotify-web-api/fixed-spotify-open-api.yml': DISCRIMINATOR,
  'amazon-sp-api-orders-v0/ordersV0.json': EXAMPLES,
  'amazon-sp-api-fulfillment-inbound/fulfillmentInbound_2024-03-20.json': EXAMPLES,
  'netlify-api/swagger.yml': 'an oauth2 scheme without scopes: the Swagger 2.0 specification marks scopes Required, its JSON Schema (which swagger-parser validates with) does not (document-structure)',
  'adyen-management-v3/ManagementService-v3.yaml': EXAMPLES,
  'figma-rest-api/openapi.yaml': `${DISCRIMINATOR}, nor ${REQUIRED}`,
  'okta-idp/idp-minimal.yaml': `${EXAMPLES}; and type: array without items: OpenAPI 3.0 says items MUST be present, its JSON Schema does not check it (document-structure)`,
  'scalar-galaxy/3.1.yaml': 'a 3.1 schema whose examples is a map: swagger-parser\'s 3.1 schema leaves Schema Objects to JSON Schema and does not validate their keywords (document-structure)',
  'vacuum-asana-api/asana.yaml': EXAMPLES,
};
// Agreed, for other reasons than swagger-parser gives: DigitalOcean (its operations are $refs, which swagger-parser
// validates as operations; restlint follows them and finds invalid examples inside) and Xero (a parameter $ref with a
// sibling "type", rejected by swagger-parser, a no-ref-siblings warning for restlint, which finds invalid examples).

