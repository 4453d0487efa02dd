// Unit tests of the output formats (src/report/sarif.ts, junit.ts, github.ts, markdown.ts,
// gitlab.ts, summary.ts, and stylish's summary lines)
// on hand-made reports: exact output, escaping, and the SARIF schema. test/cli.test.ts runs
// them through the binary on real lints.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../src/engine/finding';
import { colorsFor } from '../src/report/colors';
import type { ReportContext } from '../src/report/formats';
import { REPORTERS } from '../src/report/formats';
import { formatGithub } from '../src/report/github';
import { formatJunit } from '../src/report/junit';
import { formatMarkdown, MAX_ROWS } from '../src/report/markdown';
import type { LintReport } from '../src/report/report';
import { formatSarif, restlintVersion } from '../src/report/sarif';
import { displayPath, formatStylish, TALLY_RULES, TALLY_THRESHOLD } from '../src/report/stylish';
import { keyFindings, keyString } from '../src/cli/fingerprint';
import { docSection, RULE_DOCS_BASE_URL } from '../src/engine/rule-docs';
import { CHANGE_RULES } from '../src/engine/diff/changes';
import { allRules } from '../rules';
import { REPO_ROOT } from './helpers/cli';
import { assertValidSarif, assertWellFormedXml, unescapeXml } from './helpers/report-formats';

const CWD = join('/', 'project');
const RULES_DIR = join(REPO_ROOT, 'rules');
const context: ReportContext = { rules: allRules, rulesDir: RULES_DIR, colors: colorsFor({}), cwd: CWD };
const range = (line: number, start: number, end: number) => ({ start: { line, character: start }, end: { line, character: end } });

/** A message with everything that needs escaping somewhere: XML, markdown tables, workflow commands. */
const NASTY = 'a <b> & "c" | d\u0001 100%\r\nsecond line';

const slash: Finding = {
  code: 'no-trailing-slash',
  message: '"/owners/" ends with "/"; remove it: "/owners"',
  path: ['paths', '/owners/'],
  severity: 0,
  source: join(CWD, 'specs', 'a.yaml'),
  range: range(80, 9, 10),
  fix: [{ range: range(80, 9, 10), newText: '' }],
};
const cache: Finding = {
  code: 'cacheability-stated',
  message: NASTY,
  path: ['paths', '/pets', 'get', 'responses', '200'],
  severity: 1,
  source: join(CWD, 'specs', 'a.yaml'),
  range: range(14, 8, 13),
  // cacheability-stated's fix is `doc`: never offered as a SARIF fix.
  fix: [{ range: range(14, 8, 13), newText: 'x' }],
};
const tracing: Finding = { code: 'request-tracing', message: 'no request id', path: ['openapi'], severity: 2, source: join(CWD, 'b,c:d.yaml'), range: range(3, 0, 7) };
const custom: Finding = { code: 'my-spectral-rule', message: 'from a Spectral ruleset', path: ['info'], severity: 3, source: join('/', 'elsewhere', 'shared.yaml'), range: range(0, 0, 4) };

const report: LintReport = { findings: [slash, cache, tracing, custom], errors: [], files: [join(CWD, 'specs', 'a.yaml'), join(CWD, 'b,c:d.yaml'), join(CWD, 'specs', 'clean.yaml')] };
const empty: LintReport = { findings: [], errors: [], files: [join(CWD, 'x.yaml'), join(CWD, 'y.yaml')] };
const broken: LintReport = {
  findings: [],
  errors: [{ file: join(CWD, 'bad.yaml'), message: 'unexpected <end> & "more"', range: range(6, 2, 3), hint: 'close the quote' }],
  files: [],
};

/** A context with two rules, so exact JUnit output stays short. */
const twoRules: ReportContext = { ...context, rules: allRules.filter((rule) => ['no-trailing-slash', 'request-tracing'].includes(rule.meta.id)) };
const sarif = (input: LintReport) => JSON.parse(formatSarif(input, context, { rulesDir: RULES_DIR, version: '9.8.7' }));

describe('sarif', () => {
  test('a valid SARIF 2.1.0 log, for findings, for nothing and for files that could not be linted', () => {
    for (const input of [report, empty, broken]) assertValidSarif(sarif(input));
  });

  test('the schema check rejects what is not SARIF (so the test above means something)', () => {
    const log = sarif(report);
    log.runs[0].results[0].level = 'warn';
    assert.throws(() => assertValidSarif(log), /not valid SARIF/);
    const region = sarif(report);
    region.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.throws(() => assertValidSarif(region), /not valid SARIF/, 'lines are one-based');
  });

  test('tool.driver: name, version, and a descriptor for each rule that has a finding, from its meta and doc', () => {
    const { driver } = sarif(report).runs[0].tool;
    assert.equal(driver.name, 'restlint');
    assert.equal(driver.version, '9.8.7');
    assert.deepEqual(driver.rules.map((rule: { id: string }) => rule.id), ['cacheability-stated', 'my-spectral-rule', 'no-trailing-slash', 'request-tracing']);
    const doc = readFileSync(join(RULES_DIR, 'no-trailing-slash.md'), 'utf8');
    const rule = driver.rules[2];
    assert.deepEqual(rule.shortDescription, { text: 'Paths do not end with "/".' });
    assert.deepEqual(rule.help, { text: doc, markdown: doc });
    assert.equal(rule.fullDescription.text, doc.split('\n')[1], 'the "What it does" section');
    assert.equal(rule.helpUri, `${RULE_DOCS_BASE_URL}no-trailing-slash.md`);
    assert.match(rule.helpUri, /^https:\/\/.+\/rules\/no-trailing-slash\.md$/);
    assert.deepEqual(rule.defaultConfiguration, { level: 'error' });
    assert.deepEqual(rule.properties, { tags: ['naming'], precision: 'very-high' });
    assert.deepEqual(driver.rules[0].defaultConfiguration, { level: 'warning' });
    assert.deepEqual(driver.rules[3].defaultConfiguration, { level: 'note' }, 'info is a note');
    assert.deepEqual(driver.rules[1], { id: 'my-spectral-rule' }, 'a rule restlint does not know still has a descriptor');
  });

  test("a restlint diff change id's descriptor: help, full description and helpUri from rules/changes/<id>.md", () => {
    const change: Finding = { code: 'request-property-became-required', message: 'POST /users: request property "email" is now required; clients that omit it will get a 4xx', path: ['components'], severity: 0, source: join(CWD, 'openapi.yaml'), range: range(3, 18, 23) };
    const log = JSON.parse(formatSarif({ findings: [change], errors: [], files: [change.source] }, { ...context, rules: CHANGE_RULES }, { rulesDir: RULES_DIR, version: '9.8.7' }));
    assertValidSarif(log);
    const [rule] = log.runs[0].tool.driver.rules;
    const doc = readFileSync(join(RULES_DIR, 'changes', 'request-property-became-required.md'), 'utf8');
    assert.equal(rule.id, 'request-property-became-required');
    assert.deepEqual(rule.help, { text: doc, markdown: doc });
    assert.equal(rule.fullDescription.text, docSection(doc, 'What it detects'));
    assert.equal(rule.helpUri, `${RULE_DOCS_BASE_URL}changes/request-property-became-required.md`);
    assert.deepEqual(rule.defaultConfiguration, { level: 'error' });
  });

  test('results: rule index, level (hint → note), one-based region, relative or file URI, fix only for a safe rule', () => {
    const { results } = sarif(report).runs[0];
    assert.deepEqual(
      results.map((result: { ruleId: string; ruleIndex: number; level: string }) => [result.ruleId, result.ruleIndex, result.level]),
      [
        ['no-trailing-slash', 2, 'error'],
        ['cacheability-stated', 0, 'warning'],
        ['request-tracing', 3, 'note'],
        ['my-spectral-rule', 1, 'note'],
      ],
    );
    const [first, second, third, fourth] = results;
    const location = { uri: 'specs/a.yaml', uriBaseId: '%SRCROOT%' };
    assert.deepEqual(first.locations, [{ physicalLocation: { artifactLocation: location, region: { startLine: 81, startColumn: 10, endLine: 81, endColumn: 11 } } }]);
    assert.deepEqual(first.fixes, [
      {
        description: { text: 'Fix no-trailing-slash' },
        artifactChanges: [{ artifactLocation: location, replacements: [{ deletedRegion: { startLine: 81, startColumn: 10, endLine: 81, endColumn: 11 }, insertedContent: { text: '' } }] }],
      },
    ]);
    assert.equal(second.message.text, NASTY, 'JSON carries any message');
    assert.equal(second.fixes, undefined, "a `doc` fix is not a SARIF fix");
    assert.deepEqual(third.locations[0].physicalLocation.artifactLocation, { uri: 'b%2Cc%3Ad.yaml', uriBaseId: '%SRCROOT%' }, 'URI-encoded');
    assert.deepEqual(fourth.locations[0].physicalLocation.artifactLocation, { uri: 'file:///elsewhere/shared.yaml' }, 'outside the working folder: a file URI');
    assert.deepEqual(sarif(report).runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///project/' } });
  });

  test('partialFingerprints follow rule, file, JSON path and message, not the line', () => {
    const print = (finding: Finding) => sarif({ ...report, findings: [finding] }).runs[0].results[0].partialFingerprints['restlint/v1'];
    const base = print(slash);
    assert.match(base, /^[0-9a-f]{64}$/);
    assert.equal(print({ ...slash, range: range(90, 9, 10), fix: undefined }), base, 'lines inserted above do not change it');
    for (const changed of [{ ...slash, message: 'other' }, { ...slash, path: ['paths', '/other/'] }, { ...slash, source: join(CWD, 'other.yaml') }, { ...slash, code: 'no-empty-segment' }]) {
      assert.notEqual(print(changed), base);
    }
  });

  test('files that could not be linted are error notifications of an unsuccessful invocation', () => {
    const run = sarif(broken).runs[0];
    assert.deepEqual(run.results, []);
    assert.deepEqual(run.invocations, [
      {
        executionSuccessful: false,
        toolExecutionNotifications: [
          {
            level: 'error',
            message: { text: 'unexpected <end> & "more" (close the quote)' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'bad.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 7, startColumn: 3, endLine: 7, endColumn: 4 } } }],
          },
        ],
      },
    ]);
    assert.equal(sarif(empty).runs[0].invocations[0].executionSuccessful, true);
  });

  test("the version is package.json's when the sources run without the bundle", () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(restlintVersion(), pkg.version);
  });
});

describe('junit', () => {
  test('one testsuite per file, one testcase per rule: passing, or with a failure listing its findings; exact output', () => {
    const small: LintReport = { findings: [slash, { ...slash, range: range(85, 9, 10), message: 'second' }, tracing], errors: broken.errors, files: [join(CWD, 'specs', 'a.yaml'), join(CWD, 'b,c:d.yaml')] };
    assert.equal(
      formatJunit(small, twoRules),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="restlint" tests="5" failures="2" errors="1">',
        '  <testsuite name="specs/a.yaml" tests="2" failures="1" errors="0">',
        '    <testcase name="no-trailing-slash" classname="specs/a.yaml">',
        '      <failure message="&quot;/owners/&quot; ends with &quot;/&quot;; remove it: &quot;/owners&quot;" type="error">81:10 error "/owners/" ends with "/"; remove it: "/owners"',
        '86:10 error second</failure>',
        '    </testcase>',
        '    <testcase name="request-tracing" classname="specs/a.yaml"/>',
        '  </testsuite>',
        '  <testsuite name="b,c:d.yaml" tests="2" failures="1" errors="0">',
        '    <testcase name="no-trailing-slash" classname="b,c:d.yaml"/>',
        '    <testcase name="request-tracing" classname="b,c:d.yaml">',
        '      <failure message="no request id" type="info">4:1 info no request id</failure>',
        '    </testcase>',
        '  </testsuite>',
        '  <testsuite name="bad.yaml" tests="1" failures="0" errors="1">',
        '    <testcase name="lint" classname="bad.yaml">',
        '      <error message="unexpected &lt;end&gt; &amp; &quot;more&quot;">bad.yaml:7:3: unexpected &lt;end&gt; &amp; "more"',
        'close the quote</error>',
        '    </testcase>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });

  test('messages with <, &, ", CR/LF and a control character stay well-formed and read back as written', () => {
    const text = formatJunit(report, context);
    assertWellFormedXml(text);
    const attribute = /<testcase name="cacheability-stated"[^>]*>\s*<failure message="([^"]*)"[^>]*>([^<]*)<\/failure>/.exec(text);
    assert.ok(attribute, text);
    const readable = NASTY.replace('\u0001', '\uFFFD');
    assert.equal(unescapeXml(attribute[1]), readable, 'the attribute keeps even the line break');
    assert.equal(unescapeXml(attribute[2]), `15:9 warn ${readable}`);
    assertWellFormedXml(formatJunit(empty, context));
    assertWellFormedXml(formatJunit(broken, context));
  });

  test('nothing found: every rule passes in every linted file', () => {
    assert.equal(
      formatJunit(empty, twoRules),
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="restlint" tests="4" failures="0" errors="0">',
        '  <testsuite name="x.yaml" tests="2" failures="0" errors="0">',
        '    <testcase name="no-trailing-slash" classname="x.yaml"/>',
        '    <testcase name="request-tracing" classname="x.yaml"/>',
        '  </testsuite>',
        '  <testsuite name="y.yaml" tests="2" failures="0" errors="0">',
        '    <testcase name="no-trailing-slash" classname="y.yaml"/>',
        '    <testcase name="request-tracing" classname="y.yaml"/>',
        '  </testsuite>',
        '</testsuites>',
        '',
      ].join('\n'),
    );
  });
});

describe('github', () => {
  test('one workflow command per finding: level by severity, one-based position, escaped properties and message', () => {
    assert.equal(
      formatGithub(report, context),
      [
        '::error file=specs/a.yaml,line=81,endLine=81,col=10,endColumn=11,title=no-trailing-slash::"/owners/" ends with "/"; remove it: "/owners"',
        '::warning file=specs/a.yaml,line=15,endLine=15,col=9,endColumn=14,title=cacheability-stated::a <b> & "c" | d\u0001 100%25%0D%0Asecond line',
        '::notice file=b%2Cc%3Ad.yaml,line=4,endLine=4,col=1,endColumn=8,title=request-tracing::no request id',
        '::notice file=/elsewhere/shared.yaml,line=1,endLine=1,col=1,endColumn=5,title=my-spectral-rule::from a Spectral ruleset',
        '',
      ].join('\n'),
    );
  });

  test('files that could not be linted are errors; nothing found prints nothing', () => {
    assert.equal(formatGithub(broken, context), '::error file=bad.yaml,line=7,col=3,title=restlint::unexpected <end> & "more" (close the quote)\n');
    assert.equal(formatGithub(empty, context), '');
  });
});

describe('markdown', () => {
  test('a heading with counts, then a table by severity then file, with | and line breaks escaped', () => {
    assert.equal(
      formatMarkdown({ ...report, findings: [cache, tracing, slash, custom] }, context),
      [
        '### restlint: 4 problems (1 error, 1 warning, 1 info, 1 hint) in 3 files',
        '',
        '| Severity | Rule | Location | Message |',
        '| --- | --- | --- | --- |',
        '| error | no-trailing-slash | specs/a.yaml:81 | "/owners/" ends with "/"; remove it: "/owners" |',
        '| warn | cacheability-stated | specs/a.yaml:15 | a &lt;b> &amp; "c" \\| d\u0001 100%<br>second line |',
        '| info | request-tracing | b,c:d.yaml:4 | no request id |',
        '| hint | my-spectral-rule | /elsewhere/shared.yaml:1 | from a Spectral ruleset |',
        '',
      ].join('\n'),
    );
  });

  test(`at most ${MAX_ROWS} rows, then how many more`, () => {
    const many = Array.from({ length: MAX_ROWS + 5 }, (_, index) => ({ ...tracing, range: range(index, 0, 1) }));
    const lines = formatMarkdown({ findings: many, errors: [], files: [join(CWD, 'specs', 'a.yaml')] }, context).split('\n');
    assert.equal(lines.filter((line) => line.startsWith('| info |')).length, MAX_ROWS);
    assert.equal(lines.at(-2), '… and 5 more');
    assert.equal(lines.at(-3), '');
  });

  test('"No problems found" when empty; files that could not be linted are listed', () => {
    assert.equal(formatMarkdown(empty, context), '### restlint: No problems found in 2 files\n');
    assert.equal(formatMarkdown(broken, context), '### restlint: 1 file could not be linted\n\nNot linted:\n\n- bad.yaml: unexpected &lt;end> &amp; "more"\n');
    const both = formatMarkdown({ ...broken, findings: [tracing], files: [join(CWD, 'b,c:d.yaml')] }, context);
    assert.ok(both.startsWith('### restlint: 1 problem (0 errors, 0 warnings, 1 info, 0 hints) in 1 file\n'), both);
    assert.ok(both.endsWith('\n\n1 file could not be linted:\n\n- bad.yaml: unexpected &lt;end> &amp; "more"\n'), both);
  });
});

test('every CI format is a --format choice', () => {
  for (const format of ['sarif', 'junit', 'github', 'markdown']) assert.equal(typeof REPORTERS[format], 'function', format);
});

/** `count` findings of one rule, on lines 10, 11, … of specs/a.yaml. */
const many = (code: string, count: number, severity: Finding['severity'], firstLine = 10): Finding[] =>
  Array.from({ length: count }, (_, index) => ({ code, message: `${code} #${index}`, path: ['paths', `/p${index}`], severity, source: join(CWD, 'specs', 'a.yaml'), range: range(firstLine + index, 2, 5) }));
const big: LintReport = {
  findings: [...many('error-format', 30, 1), ...many('cacheability-stated', 12, 1, 100), ...many('path-no-underscore', 9, 0, 200), tracing],
  errors: [],
  files: [join(CWD, 'specs', 'a.yaml'), join(CWD, 'b,c:d.yaml')],
};

describe('summary', () => {
  test('one row per rule, most findings first: severity, count, first location; then a total line; exact output', () => {
    assert.equal(
      REPORTERS.summary(big, context),
      [
        'rule                 severity  count  first at',
        'error-format         warn         30  specs/a.yaml:11:3',
        'cacheability-stated  warn         12  specs/a.yaml:101:3',
        'path-no-underscore   error         9  specs/a.yaml:201:3',
        'request-tracing      info          1  b,c:d.yaml:4:1',
        '',
        'total: 52 problems (9 errors, 42 warnings, 1 info, 0 hints) from 4 rules in 2 files',
        '',
      ].join('\n'),
    );
  });

  test('ties: the more severe rule first, then by id; a rule reported at two severities shows the most severe', () => {
    const mixed: LintReport = { findings: [...many('b-rule', 2, 2), ...many('a-rule', 2, 2), { ...many('c-rule', 1, 1)[0] }, { ...many('c-rule', 1, 3, 50)[0] }], errors: [], files: [join(CWD, 'specs', 'a.yaml')] };
    const rows = REPORTERS.summary(mixed, context).split('\n').slice(1, 4).map((row) => row.split(/ +/).slice(0, 3).join(' '));
    assert.deepEqual(rows, ['c-rule warn 2', 'a-rule info 2', 'b-rule info 2']);
  });

  test('nothing found: "No problems found"; a baseline that held everything back says how many', () => {
    assert.equal(REPORTERS.summary(empty, context), 'No problems found in 2 files.\n');
    assert.equal(REPORTERS.summary({ ...empty, heldBack: { baseline: 1124 } }, context), 'No new problems (1,124 in the baseline).\n');
  });

  test('--quiet: the table without the total line, and nothing at all when nothing is found', () => {
    assert.equal(REPORTERS.summary(big, { ...context, quiet: true }).split('\n').length, 6);
    assert.doesNotMatch(REPORTERS.summary(big, { ...context, quiet: true }), /total/);
    assert.equal(REPORTERS.summary(empty, { ...context, quiet: true }), '');
  });

  test('colours only where asked: the severity painted, the location dim', () => {
    /* eslint-disable no-control-regex -- ANSI colour codes */
    const coloured = REPORTERS.summary(report, { ...context, colors: colorsFor({ isTTY: true }, {}) });
    assert.match(coloured, /\u001b\[31merror {3}\u001b\[39m/);
    assert.match(coloured, /\u001b\[2mspecs\/a\.yaml:81:10\u001b\[22m/);
    assert.doesNotMatch(REPORTERS.summary(report, context), /\u001b/);
    /* eslint-enable no-control-regex */
  });
});

describe('stylish: the tally of the top rules, held-back findings, --quiet', () => {
  const lastLines = (text: string, count: number) => text.split('\n').slice(-1 - count, -1);

  test(`more than ${TALLY_THRESHOLD} findings: a last line naming the ${TALLY_RULES} rules with the most`, () => {
    assert.deepEqual(lastLines(formatStylish(big, colorsFor({}), CWD), 2), [
      '✖ 52 problems (9 errors, 42 warnings, 1 info, 0 hints) in 2 files',
      'most findings: error-format 30, cacheability-stated 12, path-no-underscore 9 (all 4 rules: --format summary)',
    ]);
  });

  test(`${TALLY_THRESHOLD} findings or fewer: no tally`, () => {
    const fifty: LintReport = { ...big, findings: big.findings.slice(0, TALLY_THRESHOLD) };
    assert.deepEqual(lastLines(formatStylish(fifty, colorsFor({}), CWD), 2), ['', '✖ 50 problems (8 errors, 42 warnings, 0 infos, 0 hints) in 2 files']);
  });

  test('a baseline or --since that held findings back: "No new problems (…)" instead of "No problems found"', () => {
    assert.equal(formatStylish({ ...empty, heldBack: { baseline: 1124 } }, colorsFor({}), CWD), 'No new problems (1,124 in the baseline).\n');
    assert.equal(formatStylish({ ...empty, heldBack: { since: { ref: 'origin/main', count: 3 } } }, colorsFor({}), CWD), 'No new problems (3 already at origin/main).\n');
    assert.equal(
      formatStylish({ ...empty, heldBack: { since: { ref: 'main', count: 1 }, baseline: 2 } }, colorsFor({}), CWD),
      'No new problems (1 already at main, 2 in the baseline).\n',
    );
    assert.deepEqual(lastLines(formatStylish({ ...report, heldBack: { baseline: 7 } }, colorsFor({}), CWD), 1), ['✖ 4 problems (1 error, 1 warning, 1 info, 1 hint) in 3 files; 7 in the baseline']);
    assert.equal(formatMarkdown({ ...empty, heldBack: { baseline: 1124 } }, context), '### restlint: No new problems (1,124 in the baseline)\n');
  });

  test('--quiet: the findings and no summary line; nothing at all when nothing is found', () => {
    const quiet = formatStylish(big, colorsFor({}), CWD, { quiet: true });
    assert.ok(quiet.endsWith('\n\nb,c:d.yaml\n  4:1  info  no request id  request-tracing\n'), quiet.slice(-120));
    assert.doesNotMatch(quiet, /✖|most findings/);
    assert.equal(formatStylish(empty, colorsFor({}), CWD, { quiet: true }), '');
  });
});

describe('gitlab', () => {
  const source = join(CWD, 'specs', 'a.yaml');
  const text = ['openapi: 3.1.0', 'paths:', '  /owners/:', '    get: {}', ''].join('\n');
  const finding: Finding = { code: 'no-trailing-slash', message: '"/owners/" ends with "/"', path: ['paths', '/owners/'], severity: 0, source, range: range(2, 2, 11) };
  /** The CLI's key (src/cli/outputs.ts): the baseline's fingerprint, over the text the finding is in. */
  const keyed = (texts: Record<string, string>): ReportContext => ({
    ...context,
    findingKey: (each) => keyString(keyFindings([each], (file) => file, (file) => texts[file])[0]),
  });
  const gitlab = (input: LintReport, withContext = context) => JSON.parse(REPORTERS.gitlab(input, withContext)) as Record<string, unknown>[];

  test("each issue has exactly GitLab's documented fields, with their types and severities", () => {
    // https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format: description,
    // check_name, fingerprint, severity (info, minor, major, critical, blocker), location.path, location.lines.begin.
    const issues = gitlab({ ...report, errors: broken.errors });
    assert.equal(issues.length, 5);
    for (const issue of issues) {
      assert.deepEqual(Object.keys(issue).sort(), ['check_name', 'description', 'fingerprint', 'location', 'severity']);
      assert.equal(typeof issue.description, 'string');
      assert.equal(typeof issue.check_name, 'string');
      assert.match(issue.fingerprint as string, /^[0-9a-f]{32}$/);
      assert.ok(['info', 'minor', 'major', 'critical', 'blocker'].includes(issue.severity as string), String(issue.severity));
      const location = issue.location as { path: string; lines: { begin: number } };
      assert.deepEqual(Object.keys(location).sort(), ['lines', 'path']);
      assert.deepEqual(Object.keys(location.lines), ['begin']);
      assert.ok(Number.isInteger(location.lines.begin) && location.lines.begin >= 1);
      assert.ok(!location.path.startsWith('/project/'), 'relative to the working folder');
    }
    assert.equal(new Set(issues.map((issue) => issue.fingerprint)).size, issues.length, 'fingerprints are unique');
  });

  test('exact output: severity by level (error major, warn minor, info and hint info), paths relative, lines one-based', () => {
    const issues = gitlab(report).map(({ fingerprint, ...rest }) => (assert.equal(typeof fingerprint, 'string'), rest));
    assert.deepEqual(issues, [
      { description: slash.message, check_name: 'no-trailing-slash', severity: 'major', location: { path: 'specs/a.yaml', lines: { begin: 81 } } },
      { description: NASTY, check_name: 'cacheability-stated', severity: 'minor', location: { path: 'specs/a.yaml', lines: { begin: 15 } } },
      { description: 'no request id', check_name: 'request-tracing', severity: 'info', location: { path: 'b,c:d.yaml', lines: { begin: 4 } } },
      { description: 'from a Spectral ruleset', check_name: 'my-spectral-rule', severity: 'info', location: { path: join('/', 'elsewhere', 'shared.yaml'), lines: { begin: 1 } } },
    ]);
    assert.equal(REPORTERS.gitlab(empty, context), '[]\n');
    assert.deepEqual(gitlab(broken).map(({ fingerprint: _, ...rest }) => rest), [
      { description: 'unexpected <end> & "more" (close the quote)', check_name: 'restlint', severity: 'blocker', location: { path: 'bad.yaml', lines: { begin: 7 } } },
    ]);
  });

  test('the fingerprint is the same across runs and when the finding moves to another line; another node changes it', () => {
    const first = gitlab({ ...empty, findings: [finding] }, keyed({ [source]: text }))[0].fingerprint;
    assert.equal(gitlab({ ...empty, findings: [finding] }, keyed({ [source]: text }))[0].fingerprint, first, 'stable across runs');
    const moved = { ...finding, range: range(5, 2, 11) };
    const movedText = ['openapi: 3.1.0', 'info: {}', 'tags: []', 'paths:', '  /pets: {}', '  /owners/:', '    get: {}', ''].join('\n');
    assert.equal(gitlab({ ...empty, findings: [moved] }, keyed({ [source]: movedText }))[0].fingerprint, first, 'stable when lines are inserted above');
    const other = { ...finding, message: '"/users/" ends with "/"', path: ['paths', '/users/'] };
    assert.notEqual(gitlab({ ...empty, findings: [other] }, keyed({ [source]: text.replace('/owners/', '/users/') }))[0].fingerprint, first);
  });

  test('two findings with the same key still get two fingerprints (GitLab shows only the first of equal ones)', () => {
    const twice = gitlab({ ...empty, findings: [finding, { ...finding }] }, keyed({ [source]: text }));
    assert.equal(twice.length, 2);
    assert.notEqual(twice[0].fingerprint, twice[1].fingerprint);
  });
});

test('displayPath: a file under the folder relative, anything else as given, a URL untouched', () => {
  assert.equal(displayPath('/work/api/openapi.yaml', '/work/api'), 'openapi.yaml');
  assert.equal(displayPath('/elsewhere/openapi.yaml', '/work/api'), '/elsewhere/openapi.yaml');
  assert.equal(displayPath('http://127.0.0.1:1/', process.cwd()), 'http://127.0.0.1:1/', 'path.relative reads a URL as a path under the process folder');
  assert.equal(displayPath('https://example.com/openapi.json', process.cwd()), 'https://example.com/openapi.json');
});
