// Unit tests of the HTML report (src/report/html.ts) on hand-made reports: the counts it holds,
// the operations × checks table, and that every string from a document or a response is escaped.
// test/html-report.test.ts opens real reports in Chromium.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Finding } from '../src/engine/finding';
import { colorsFor } from '../src/report/colors';
import { REPORTERS, type ReportContext } from '../src/report/formats';
import { formatHtml, type HtmlRun } from '../src/report/html';
import type { LintReport } from '../src/report/report';
import { allRules } from '../rules';
import { REPO_ROOT } from './helpers/cli';

const CWD = join('/', 'project');
const context: ReportContext = { rules: allRules, rulesDir: join(REPO_ROOT, 'rules'), colors: colorsFor({}), cwd: CWD };
const range = (line: number) => ({ start: { line, character: 2 }, end: { line, character: 5 } });
const SPEC = join(CWD, 'openapi.yaml');
const XSS = '<script>alert(1)</script>';

const finding = (code: string, severity: Finding['severity'], path: Finding['path'], extra: Partial<Finding> = {}): Finding => ({ code, message: `${code} broken`, path, severity, source: SPEC, range: range(7), ...extra });
const findings: Finding[] = [
  finding('no-server-error', 0, ['paths', '/users', 'get'], { message: `GET /users answered 500: ${XSS}`, evidence: { request: 'GET /users\nauthorization: Bearer ***', response: `500 text/html\n${XSS}<img src=x onerror=alert(2)>` } }),
  finding('no-server-error', 0, ['paths', '/users/{id}', 'get']),
  finding('error-is-json', 0, ['openapi']),
  finding('cacheability-stated', 1, ['paths', '/users', 'get']),
  finding(`x"></script>${XSS}`, 3, ['info'], { message: 'a custom rule with a hostile id' }),
];
const report: LintReport = { findings, errors: [], files: [SPEC] };
const run: HtmlRun = {
  kind: 'probe',
  title: `Shop ${XSS}`,
  version: '2.0',
  startedAt: '2026-01-02T03:04:05.000Z',
  target: 'http://127.0.0.1:3000/',
  operations: [
    { name: 'GET /users', method: 'get', path: '/users' },
    { name: 'GET /users/{id}', method: 'get', path: '/users/{id}' },
    { name: 'DELETE /users/{id}', method: 'delete', path: '/users/{id}', notChecked: 'may change data: sent only with --allow-mutations' },
  ],
  checks: [{ rule: 'no-server-error' }, { rule: 'cacheability-stated' }, { rule: 'error-is-json' }, { rule: 'method-not-allowed', notChecked: `mutating methods ${XSS}` }],
  summary: ['Probed 3 operations with 9 requests in 0.4 s.'],
};

/** The `<tr data-KIND="name"><th>name</th><td>N</td>` rows of a count table, as `{ name: N }`. */
function countRows(html: string, kind: string): Record<string, number> {
  const table = new RegExp(`<table class="counts" id="counts-${kind}">(.*?)</table>`).exec(html)?.[1] ?? '';
  return Object.fromEntries([...table.matchAll(/<tr [^>]*><th>(.*?)<\/th><td>(\d+)<\/td><\/tr>/g)].map((match) => [match[1], Number(match[2])]));
}

/** The cells of the operations × checks table, by row: `['failed 2', 'passed', 'not-checked', …]`. */
function checkCells(html: string): Record<string, string[]> {
  const body = /<table id="checks">.*?<tbody>(.*?)<\/tbody>/.exec(html)?.[1] ?? '';
  return Object.fromEntries(
    [...body.matchAll(/<tr data-operation="([^"]*)">(.*?)<\/tr>/g)].map((row) => [row[1], [...row[2].matchAll(/<td class="[^"]*" data-status="([^"]*)"[^>]*>([^<]*)/g)].map((cell) => (cell[1] === 'failed' ? `failed ${/\d+/.exec(cell[2])?.[0]}` : cell[1]))]),
  );
}

describe('html', () => {
  const html = formatHtml(report, { ...context, run });

  test('is registered as --format html', () => {
    assert.equal(REPORTERS.html(report, { ...context, run }), html);
  });

  test('holds the counts by severity and by rule, for the page and for its charts', () => {
    assert.deepEqual(countRows(html, 'severity'), { error: 3, warn: 1, info: 0, hint: 1 });
    assert.deepEqual(countRows(html, 'rule'), { 'no-server-error': 2, 'error-is-json': 1, 'cacheability-stated': 1, [`x&quot;&gt;&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;`]: 1 });
    const data = JSON.parse(/<script type="application\/json" id="restlint-data">(.*?)<\/script>/.exec(html)?.[1] ?? 'null') as { severities: unknown; rules: { rule: string; count: number }[] };
    assert.deepEqual(data.severities, [{ name: 'error', count: 3 }, { name: 'warn', count: 1 }, { name: 'info', count: 0 }, { name: 'hint', count: 1 }]);
    assert.deepEqual(data.rules.map(({ rule, count }) => [rule, count]), [['no-server-error', 2], ['cacheability-stated', 1], ['error-is-json', 1], [`x"></script>${XSS}`, 1]]);
    assert.equal((html.match(/<article class="finding"/g) ?? []).length, 5);
  });

  test('shows the run: the API, when, against what, and the summary', () => {
    assert.match(html, /<dd data-meta="api">Shop &lt;script&gt;alert\(1\)&lt;\/script&gt; 2\.0<\/dd>/);
    assert.match(html, /<dd data-meta="started">2026-01-02T03:04:05\.000Z<\/dd>/);
    assert.match(html, /<dd data-meta="against">http:\/\/127\.0\.0\.1:3000\/<\/dd>/);
    assert.match(html, /<dd data-meta="specification">openapi\.yaml<\/dd>/);
    assert.match(html, /<li>Probed 3 operations with 9 requests in 0\.4 s\.<\/li>/);
  });

  test('a table of operations × checks: failed with the count, passed, and not checked with why', () => {
    assert.deepEqual(checkCells(html), {
      api: ['passed', 'passed', 'failed 1', 'not-checked'],
      'GET /users': ['failed 1', 'failed 1', 'passed', 'not-checked'],
      'GET /users/{id}': ['failed 1', 'passed', 'passed', 'not-checked'],
      'DELETE /users/{id}': ['not-checked', 'not-checked', 'not-checked', 'not-checked'],
    });
    assert.match(html, /not sent: may change data: sent only with --allow-mutations/);
    assert.match(html, /title="mutating methods &lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
  });

  test('each finding with its request, response excerpt and spec location', () => {
    assert.match(html, /<pre class="request">GET \/users\nauthorization: Bearer \*\*\*<\/pre>/);
    assert.match(html, /<pre class="response">500 text\/html\n&lt;script&gt;alert\(1\)&lt;\/script&gt;&lt;img src=x onerror=alert\(2\)&gt;<\/pre>/);
    assert.match(html, /spec: <code>openapi\.yaml:8:3<\/code> <code class="json-path">paths › \/users › get<\/code>/);
  });

  test('escapes every string from a document or a response: no markup of theirs reaches the page', () => {
    // Only the report's own two scripts: the data (JSON) and the page script.
    assert.equal((html.match(/<script/gi) ?? []).length, 2);
    assert.ok(!html.includes(XSS), 'no raw <script> from a finding');
    assert.ok(!html.includes('<img'), 'no raw <img> from a response');
    assert.match(html, /<span class="message">GET \/users answered 500: &lt;script&gt;alert\(1\)&lt;\/script&gt;<\/span>/);
    // Nothing may load from the network even so.
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';/);
    assert.doesNotMatch(html, /(?:src|href)=["']?https?:/i);
  });

  test('lint: the findings grouped by file, then by rule, with counts', () => {
    const other = join(CWD, 'common', 'errors.yaml');
    const lint = formatHtml({ findings: [...findings.slice(0, 4), { ...findings[3], source: other }], errors: [], files: [SPEC] }, { ...context, run: { kind: 'lint', title: 'Shop', version: '1' } });
    const groups = [...lint.matchAll(/<section class="file group" data-file="([^"]*)">|<section class="rule group"><h4><code>([^<]*)<\/code> <span class="count">(\d+)<\/span>/g)].map((match) => match[1] ?? `${match[2]} ${match[3]}`);
    // Files in the report's order (findings come sorted by file), rules by id within each.
    assert.deepEqual(groups, ['openapi.yaml', 'cacheability-stated 1', 'error-is-json 1', 'no-server-error 2', join('common', 'errors.yaml'), 'cacheability-stated 1']);
    assert.doesNotMatch(lint, /<table id="checks">/);
  });

  test('no findings: says so, and the charts have zero counts', () => {
    const none = formatHtml({ findings: [], errors: [], files: [SPEC] }, context);
    assert.match(none, /<p class="none">No findings\.<\/p>/);
    assert.deepEqual(countRows(none, 'severity'), { error: 0, warn: 0, info: 0, hint: 0 });
  });
});
