// End to end: the real CLI writes `--format html` for a lint of a fixture and for a probe of a
// fixture server on 127.0.0.1, and the same run's `--format json`; each report is opened in
// Chromium (Debian's, through playwright-core), and what the page shows (the charts' bars, the
// operations × checks table, the findings, the filters) is read from the DOM and compared with
// the JSON. Opening the file must make no network request. A screenshot of each is saved
// (RESTLINT_SCREENSHOT_DIR, default the test's temp folder; docs/probe-report.png is one).
// Without Chromium the test skips and says why; with CI=true it fails (.ci/run installs it).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { Finding } from '../src/engine/finding';
import { FIXTURES, makeTempDir, removeDir, runCli } from './helpers/cli';
import { listen, SERVERS, SHOP_SPEC, startShop, type RunningServer } from './helpers/servers';

const chromiumPath = process.env.RESTLINT_E2E_CHROMIUM || '/usr/bin/chromium';
const SEVERITIES = ['error', 'warn', 'info', 'hint'];
const SECRET = 'tok-8f3a9c2e7d';
const missing = existsSync(chromiumPath) ? undefined : `no Chromium at ${chromiumPath} (apt-get install -y chromium, as .ci/run does)`;

let work: string;
let browser: Browser | undefined;

function countBy<T>(items: T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
}

/** Opens a report file, recording every request the page makes besides the file itself. */
async function open(file: string): Promise<{ page: Page; requests: string[]; errors: string[] }> {
  assert.ok(browser);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => {
    if (request.url() !== url) requests.push(request.url());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(url, { waitUntil: 'load' });
  return { page, requests, errors };
}

/** `{ label: value }` of the bars chartist drew in a chart. */
async function bars(page: Page, chart: string): Promise<Record<string, number>> {
  const drawn = await page.$$eval(`${chart} .ct-bar`, (lines) => lines.map((line) => [line.getAttribute('data-label') ?? '', Number(line.getAttribute('data-value'))] as const));
  return Object.fromEntries(drawn);
}

/** How many findings the page shows with a severity and a rule filter chosen ('' for all). */
async function shownWith(page: Page, severity: string, rule: string): Promise<number> {
  await page.selectOption('#filter-severity', severity);
  await page.selectOption('#filter-rule', rule);
  return page.$$eval('article.finding', (articles) => articles.filter((article) => !(article as HTMLElement).hidden && (article as HTMLElement).offsetParent !== null).length);
}

function screenshotDir(): string {
  const dir = process.env.RESTLINT_SCREENSHOT_DIR || work;
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function checkCommon(page: Page, findings: Finding[]): Promise<void> {
  const bySeverity = countBy(findings, (finding) => SEVERITIES[finding.severity]);
  assert.deepEqual(await bars(page, '#chart-severity'), Object.fromEntries(SEVERITIES.map((name) => [name, bySeverity[name] ?? 0])), 'the severity chart holds the run\'s counts');
  assert.deepEqual(await bars(page, '#chart-rule'), countBy(findings, (finding) => finding.code), 'the rule chart holds the run\'s counts');
  assert.equal(await page.locator('article.finding').count(), findings.length);
  for (const severity of SEVERITIES) assert.equal(await shownWith(page, severity, ''), bySeverity[severity] ?? 0, `filter severity=${severity}`);
  const [someRule] = Object.keys(countBy(findings, (finding) => finding.code));
  assert.equal(await shownWith(page, '', someRule), findings.filter((finding) => finding.code === someRule).length, `filter rule=${someRule}`);
  assert.equal(await shownWith(page, '', ''), findings.length);
}

if (missing && process.env.CI === 'true') test('the HTML report in Chromium', () => assert.fail(`CI=true but ${missing}`));
else if (missing) test('the HTML report in Chromium', { skip: missing }, () => undefined);
else {
  describe('the HTML report in Chromium', () => {
    before(async () => {
      work = makeTempDir('restlint-html-');
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({
        executablePath: chromiumPath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
        env: { ...process.env, XDG_CONFIG_HOME: join(work, 'chromium-config'), XDG_CACHE_HOME: join(work, 'chromium-cache') },
      });
    });
    after(async () => {
      await browser?.close();
      removeDir(work);
    });

    test('probe: the charts, the operations × checks table and the findings hold the run\'s numbers; no secret, no network', async () => {
      const shop: RunningServer = await startShop({ devErrors: true });
      const html = join(work, 'probe.html');
      const json = join(work, 'probe.json');
      try {
        const result = await runCli(['probe', '--spec', SHOP_SPEC, '--base-url', shop.url, '--rate', '0', '--header', `Authorization: Bearer ${SECRET}`, '--format', 'html', '--output', html, '--format', 'json', '--output', json]);
        assert.equal(result.code, 1, result.stderr);
      } finally {
        await shop.close();
      }
      const findings = JSON.parse(readFileSync(json, 'utf8')) as Finding[];
      assert.ok(findings.length > 3, 'the fixture breaks several rules');
      const text = readFileSync(html, 'utf8');
      assert.ok(!text.includes(SECRET), 'the --header secret is not in the report');
      assert.ok(text.includes('Bearer ***'), 'the redacted header is');

      const { page, requests, errors } = await open(html);
      try {
        assert.deepEqual(requests, [], 'opening the report made no network request');
        assert.deepEqual(errors, []);
        assert.equal(await page.textContent('#api-title'), 'Shop 1.0.0');
        assert.equal(await page.textContent('[data-meta="against"]'), `${shop.url}/`);
        await checkCommon(page, findings);

        // Operations × checks: the failed cells of each rule add up to its findings; the rows are the document's operations.
        const cells = await page.$$eval('#checks thead th[data-check]', (headers) => headers.map((header) => header.getAttribute('data-check') ?? ''));
        const failed = await page.$$eval('#checks tbody tr', (rows) =>
          rows.map((row) => [...row.querySelectorAll('td')].map((cell) => (cell.getAttribute('data-status') === 'failed' ? Number(/\d+/.exec(cell.textContent ?? '')?.[0]) : 0))),
        );
        const perRule = Object.fromEntries(cells.map((rule, column) => [rule, failed.reduce((sum, row) => sum + row[column], 0)]));
        const expected = countBy(findings, (finding) => finding.code);
        for (const rule of cells) assert.equal(perRule[rule], expected[rule] ?? 0, `operations × checks: ${rule}`);
        for (const rule of Object.keys(expected)) assert.ok(cells.includes(rule), `${rule} has a column`);
        const operations = await page.$$eval('#checks tbody tr', (rows) => rows.map((row) => row.getAttribute('data-operation')));
        assert.ok(operations.includes('GET /v1/users'), operations.join(', '));
        // Read-only: the mutating operations are not checked, and say why.
        const deleteRow = page.locator('#checks tbody tr[data-operation^="DELETE "]').first();
        assert.match((await deleteRow.textContent()) ?? '', /not sent: may change data: sent only with --allow-mutations/);
        assert.ok((await page.locator('#checks td[data-status="passed"]').count()) > 0);
        assert.ok((await page.locator('#checks td[data-status="not-checked"]').count()) > 0);
        // Each finding with its request, response excerpt and spec location.
        const first = page.locator('article.finding').first();
        assert.ok((await first.locator('pre.request').textContent())?.includes('Bearer ***'));
        assert.match((await first.locator('.location').textContent()) ?? '', /openapi\.yaml:\d+:\d+/);
        // An HTML error page in a response excerpt is text, not markup.
        assert.ok((await page.locator('pre.response', { hasText: '<!DOCTYPE html>' }).count()) > 0);
        assert.ok(!(await page.content()).includes(SECRET));
        await page.setViewportSize({ width: 1280, height: 1480 });
        await page.screenshot({ path: join(screenshotDir(), 'probe-report.png') });
      } finally {
        await page.close();
      }
    });

    test('probe --app: the report is written and holds the run\'s numbers; the app\'s own output stays out of it', async () => {
      const app = join(SERVERS, 'express-dev-errors.js');
      const html = join(work, 'probe-app.html');
      const json = join(work, 'probe-app.json');
      const result = await runCli(['probe', '--spec', SHOP_SPEC, '--app', app, '--rate', '0', '--format', 'html', '--output', html, '--format', 'json', '--output', json]);
      assert.equal(result.code, 1, result.stderr);
      // Express logs the stack of each 500 to stderr: that is the app's output, shown apart on stderr, not in the report.
      assert.ok(result.stderr.includes(`Output of the app (--app ${app}), kept apart from the report:`), result.stderr);
      const findings = JSON.parse(readFileSync(json, 'utf8')) as Finding[];
      assert.ok(findings.length > 3, 'the fixture breaks several rules');
      const { page, requests, errors } = await open(html);
      try {
        assert.deepEqual(requests, [], 'opening the report made no network request');
        assert.deepEqual(errors, []);
        assert.equal(await page.textContent('#api-title'), 'Shop 1.0.0');
        assert.equal(await page.textContent('[data-meta="against"]'), `--app ${app}`);
        await checkCommon(page, findings);
        assert.ok(!(await page.content()).includes('Output of the app'));
      } finally {
        await page.close();
      }
    });

    test('probe: a <script> in the document and in a response is shown as text, never run', async () => {
      const spec = join(work, 'xss.yaml');
      writeFileSync(
        spec,
        `openapi: 3.0.3\ninfo:\n  title: "<script>window.__pwnedTitle = 1</script>"\n  version: "1"\npaths:\n  /things:\n    get:\n      description: "<script>window.__pwnedDescription = 1</script>"\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: { type: array }\n`,
      );
      const server = await listen((_request, response) => {
        response.writeHead(500, { 'content-type': 'text/html' });
        response.end('<script>window.__pwnedResponse = 1</script><img src="http://127.0.0.1:9/x.png">');
      });
      const html = join(work, 'xss.html');
      try {
        await runCli(['probe', '--spec', spec, '--base-url', server.url, '--rate', '0', '--format', 'html', '--output', html]);
      } finally {
        await server.close();
      }
      const { page, requests } = await open(html);
      try {
        assert.deepEqual(requests, [], 'the <img> of the response excerpt was not loaded');
        assert.equal(await page.evaluate(() => (window as unknown as Record<string, unknown>).__pwnedTitle ?? (window as unknown as Record<string, unknown>).__pwnedResponse ?? null), null);
        assert.equal(await page.textContent('#api-title'), '<script>window.__pwnedTitle = 1</script> 1');
        assert.ok((await page.locator('pre.response', { hasText: '<script>window.__pwnedResponse = 1</script>' }).count()) > 0);
      } finally {
        await page.close();
      }
    });

    test('lint: the charts and the findings grouped by file and rule hold the run\'s numbers', async () => {
      const spec = join(FIXTURES, 'petstore-bad', 'openapi.yaml');
      const html = join(work, 'lint.html');
      const json = join(work, 'lint.json');
      const result = await runCli(['lint', spec, '--format', 'html', '--output', html, '--format', 'json', '--output', json]);
      assert.equal(result.code, 1, result.stderr);
      const findings = JSON.parse(readFileSync(json, 'utf8')) as Finding[];
      assert.ok(findings.length > 3);
      const { page, requests, errors } = await open(html);
      try {
        assert.deepEqual(requests, []);
        assert.deepEqual(errors, []);
        assert.equal(await page.textContent('#api-title'), 'Petstore (bad example) 1.0.0');
        await checkCommon(page, findings);
        const groups = await page.$$eval('section.file', (files) =>
          files.flatMap((file) => [...file.querySelectorAll('section.rule')].map((group) => [`${file.getAttribute('data-file')} ${group.querySelector('h4 code')?.textContent}`, group.querySelectorAll('article.finding').length] as const)),
        );
        const expected = countBy(findings, (finding) => `${finding.source.slice(process.cwd().length + 1)} ${finding.code}`);
        assert.deepEqual(Object.fromEntries(groups), expected);
        await page.screenshot({ path: join(screenshotDir(), 'lint-report.png') });
      } finally {
        await page.close();
      }
    });
  });
}
