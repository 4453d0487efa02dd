// The extension in real VS Code: code-server (VS Code 1.139 in the browser) driven through
// Chromium with playwright-core. Packages the .vsix, installs it into a fresh extensions folder,
// opens a workspace with a spec that has findings, and checks what a person sees: squiggles, the
// finding in the Problems panel (rule id and message), the status-bar count, and that the quick
// fix "Fix: no-trailing-slash" removes the finding.
//
// Needs code-server and Chromium, installed outside the repository by
// `bash scripts/editor-e2e/install.sh` (cache: $RESTLINT_E2E_CACHE or ~/.cache/restlint-e2e);
// without them the test is skipped and says why.
// RESTLINT_UPDATE_SCREENSHOT=1 also writes the Problems-panel screenshot to
// extension/images/problems.png (the README's); it is always written to a temp folder.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { lintText } from '../helpers/lint-text';

const root = join(__dirname, '..', '..');
const cache = process.env.RESTLINT_E2E_CACHE || join(homedir(), '.cache', 'restlint-e2e');
const chromiumPath = process.env.RESTLINT_E2E_CHROMIUM || '/usr/bin/chromium';

interface E2eEnv { node: string; codeServer: string; codeServerVersion: string }

function readEnv(): E2eEnv | string {
  const envFile = join(cache, 'env.json');
  if (!existsSync(envFile)) return `no code-server in ${cache} (run \`bash scripts/editor-e2e/install.sh\` to install it, about 2 minutes)`;
  const env = JSON.parse(readFileSync(envFile, 'utf8')) as E2eEnv;
  if (!existsSync(env.node) || !existsSync(env.codeServer)) return `the code-server install in ${cache} is incomplete (run \`bash scripts/editor-e2e/install.sh\` again)`;
  if (!existsSync(chromiumPath)) return `no Chromium at ${chromiumPath} (run \`bash scripts/editor-e2e/install.sh\`)`;
  return env;
}

const env = readEnv();
const SUITE = 'the VS Code extension in code-server + Chromium';

// A small spec with a few findings; one of them (the trailing slash of "/pets/") has a safe fix.
const SPEC = `openapi: 3.0.3
info:
  title: Pet store
  version: '1.0'
paths:
  /pets/:
    get:
      summary: List pets
      responses:
        '200':
          description: The pets
`;
const RULE = 'no-trailing-slash';

/** A port nobody listens on now (the kernel picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

// Every bound below guards against a hang (code-server, Chromium or the server stuck), not a
// speed: generous, for a busy machine. WAIT_MS for each wait for the UI, TEST_MS for a test.
const WAIT_MS = 2 * 60_000;
const TEST_MS = 10 * 60_000;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms).unref());

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
    await sleep(200);
  }
}

// In CI (.ci/run installs code-server) a missing install is a failure, never a quiet skip.
if (typeof env === 'string' && process.env.CI === 'true') it(SUITE, () => assert.fail(`CI=true but ${env}`));
else if (typeof env === 'string') it(SUITE, { skip: env }, () => undefined);
else describe(SUITE, { timeout: 6 * TEST_MS }, () => {
  const e2e = env;
  let work = '';
  let codeServer: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page;
  let logFile = '';
  let shop: HttpServer | undefined;
  let shopUrl = '';
  const screenshot = join(tmpdir(), 'restlint-e2e-problems.png');
  const started = Date.now();
  const marks: string[] = [];
  const mark = (what: string): void => void marks.push(`${what} ${((Date.now() - started) / 1000).toFixed(1)}s`);

  /** Stops code-server with its whole process group (extension host, language server). */
  const killCodeServer = (): void => {
    if (codeServer?.pid && codeServer.exitCode === null && codeServer.signalCode === null) {
      try {
        process.kill(-codeServer.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  process.on('exit', killCodeServer);

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'restlint-e2e-'));

    // 1. Build and package the extension (extension/restlint.vsix), or take the .vsix that
    // RESTLINT_E2E_VSIX names (to test a package built elsewhere).
    let vsix = process.env.RESTLINT_E2E_VSIX ?? '';
    if (!vsix) {
      const pack = spawnSync('npm', ['run', '--silent', 'package:extension'], { cwd: root, encoding: 'utf8' });
      assert.equal(pack.status, 0, `npm run package:extension failed:\n${pack.stdout}\n${pack.stderr}`);
      vsix = join(root, 'extension', 'restlint.vsix');
    }
    assert.ok(existsSync(vsix), `${vsix} was not built`);
    mark('packaged');

    // 2. A fresh extensions folder, user data and config; the workspace is a temp folder.
    const extensions = join(work, 'extensions');
    const userData = join(work, 'user-data');
    const config = join(work, 'config.yaml');
    const workspace = join(work, 'workspace');
    mkdirSync(join(userData, 'User'), { recursive: true });
    mkdirSync(workspace);
    writeFileSync(join(workspace, 'openapi.yaml'), SPEC);
    // For the probe: the shop API's spec (no lint findings) and a running shop that answers
    // GET /v1/health with an undocumented 203; the probe's base URL comes from the settings.
    copyFileSync(join(root, 'fixtures', 'servers', 'shop', 'openapi.yaml'), join(workspace, 'shop-api.yaml'));
    shop = createHttpServer(require(join(root, 'fixtures', 'servers', 'undocumented-status.js')));
    await new Promise<void>((resolve) => shop!.listen(0, '127.0.0.1', resolve));
    shopUrl = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
    writeFileSync(config, 'auth: none\ncert: false\n');
    writeFileSync(join(userData, 'User', 'settings.json'), JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'security.workspace.trust.enabled': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'git.enabled': false,
      'chat.disableAIFeatures': true,
      'editor.minimap.enabled': false,
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'window.zoomLevel': 0,
      'restlint.probe.baseUrl': shopUrl,
    }, null, 2));
    const csEnv = { ...process.env, PATH: `${join(e2e.node, '..')}:${process.env.PATH}`, XDG_CONFIG_HOME: join(work, 'xdg-config'), XDG_DATA_HOME: join(work, 'xdg-data'), XDG_CACHE_HOME: join(work, 'xdg-cache') };
    const dirs = ['--extensions-dir', extensions, '--user-data-dir', userData, '--config', config];
    const install = spawnSync(e2e.node, [e2e.codeServer, '--install-extension', vsix, ...dirs], { env: csEnv, encoding: 'utf8', timeout: WAIT_MS });
    assert.equal(install.status, 0, `code-server --install-extension failed:\n${install.stdout}\n${install.stderr}`);
    mark('installed');

    // 3. code-server in its own session (setsid), so that stopping its process group stops
    // the extension host and the language server with it.
    const port = await freePort();
    logFile = join(work, 'code-server.log');
    const log = openSync(logFile, 'a');
    codeServer = spawn(e2e.node, [
      e2e.codeServer, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', ...dirs, workspace,
    ], { env: csEnv, detached: true, stdio: ['ignore', log, log] });
    const url = `http://127.0.0.1:${port}`;
    await waitFor('code-server /healthz', WAIT_MS, async () => {
      if (codeServer?.exitCode !== null) throw new Error(`code-server exited (${codeServer?.exitCode}); see ${logFile}`);
      const response = await fetch(`${url}/healthz`);
      return response.ok || undefined;
    });
    mark('code-server up');

    // 4. Chromium (the Debian one), headless, with its own profile and XDG folders.
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: chromiumPath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
      env: { ...process.env, XDG_CONFIG_HOME: join(work, 'chromium-config'), XDG_CACHE_HOME: join(work, 'chromium-cache') },
    });
    page = await browser.newPage({ viewport: { width: 1440, height: 860 } });
    await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`);
    mark('browser open');
  }, { timeout: TEST_MS });

  after(async () => {
    // What the page showed last and code-server's log stay in the temp folder, for a failure.
    const last = join(tmpdir(), 'restlint-e2e-last.png');
    if (page) await page.screenshot({ path: last }).catch(() => undefined);
    await browser?.close().catch(() => undefined);
    killCodeServer();
    if (codeServer && codeServer.exitCode === null && codeServer.signalCode === null) {
      await Promise.race([new Promise((resolve) => codeServer!.once('exit', resolve)), sleep(5_000)]);
      try {
        process.kill(-codeServer.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }
    process.off('exit', killCodeServer);
    shop?.closeAllConnections();
    shop?.close();
    mark('stopped');
    if (logFile && existsSync(logFile)) copyFileSync(logFile, join(tmpdir(), 'restlint-e2e-code-server.log'));
    console.log(`editor e2e timings: ${marks.join(', ')}`);
    console.log(`editor e2e screenshots: ${screenshot} (Problems panel), ${last} (last state); code-server log: ${join(tmpdir(), 'restlint-e2e-code-server.log')}`);
    if (work && process.env.RESTLINT_E2E_KEEP !== '1') rmSync(work, { recursive: true, force: true });
  });

  const openFromExplorer = async (name: string): Promise<void> => {
    await page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).first().click({ timeout: WAIT_MS });
    await page.locator('.tabs-container .tab.active', { hasText: name }).first().waitFor({ timeout: WAIT_MS });
  };

  const runCommand = async (title: string): Promise<void> => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: WAIT_MS });
    await input.fill(`>${title}`);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Enter');
  };

  /** Shows the Problems panel (Ctrl+Shift+M toggles it: pressed only when it is not shown). */
  const showProblems = async (): Promise<void> => {
    if (!(await page.locator('.markers-panel').first().isVisible())) await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').first().waitFor({ timeout: WAIT_MS });
  };

  it('shows the findings as squiggles, in the Problems panel and in the status bar', { timeout: TEST_MS }, async () => {
    const expected = lintText(SPEC).find((finding) => finding.code === RULE);
    assert.ok(expected, `the engine reports no ${RULE} finding on the test spec`);

    // Open the spec from the explorer.
    await openFromExplorer('openapi.yaml');
    await page.locator('.monaco-editor .squiggly-warning, .monaco-editor .squiggly-error').first().waitFor({ timeout: WAIT_MS });
    mark('squiggles');

    // The Problems panel lists the finding with its rule id and message.
    await showProblems();
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: RULE });
    await row.first().waitFor({ timeout: WAIT_MS });
    const text = await row.first().innerText();
    assert.ok(text.includes(expected.message), `the Problems panel row lacks the message ${JSON.stringify(expected.message)}:\n${text}`);
    assert.match(text, /restlint/);
    const rows = await page.locator('.markers-panel .monaco-list-row').allInnerTexts();
    const count = lintText(SPEC).length;

    // The status-bar item counts restlint's diagnostics.
    const status = page.locator('.statusbar-item', { hasText: 'restlint' });
    await waitFor(`the status bar to show "restlint: ${count}"`, WAIT_MS, async () => (await status.first().innerText()).includes(`restlint: ${count}`) || undefined);
    mark('problems listed');

    await page.screenshot({ path: screenshot });
    if (process.env.RESTLINT_UPDATE_SCREENSHOT === '1') {
      const committed = join(root, 'extension', 'images', 'problems.png');
      mkdirSync(join(committed, '..'), { recursive: true });
      copyFileSync(screenshot, committed);
    }
    assert.ok(rows.length >= count, `expected at least ${count} rows in the Problems panel, got:\n${rows.join('\n')}`);
  });

  it('explains the finding on hover (the rule docs ship in the .vsix)', { timeout: TEST_MS }, async () => {
    // The finding is on the trailing "/" of "/pets/": hover its last character.
    const token = page.locator('.monaco-editor .view-line span span', { hasText: /^\/pets\/$/ }).first();
    const box = await token.boundingBox();
    assert.ok(box, 'the "/pets/" token is not on screen');
    await page.mouse.move(box.x + box.width - 3, box.y + box.height / 2);
    const hover = page.locator('.monaco-hover', { hasText: `restlint: ${RULE}` }).first();
    await hover.waitFor({ timeout: WAIT_MS });
    const text = await hover.innerText();
    assert.match(text, /What it does/);
    assert.match(text, /Why is this bad\?/);
    assert.match(text, /Use instead/);
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    mark('hover');
  });

  it('applies the quick fix "Fix: no-trailing-slash" and the finding goes away', { timeout: TEST_MS }, async () => {
    // Reveal the finding in the editor (Problems panel: select the row, Enter), then Ctrl+.
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: RULE }).first();
    await row.click();
    await page.keyboard.press('Enter');
    await sleep(300);
    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row', { hasText: `Fix: ${RULE}` });
    await fix.first().click({ timeout: WAIT_MS });
    mark('quick fix applied');

    await waitFor(`the ${RULE} finding to leave the Problems panel`, WAIT_MS, async () => (await page.locator('.markers-panel .monaco-list-row', { hasText: RULE }).count()) === 0 || undefined);
    const editorText = await page.locator('.monaco-editor .view-lines').first().innerText();
    assert.match(editorText.replace(/\u00a0/g, ' '), /^\s*\/pets:/m, `the editor text after the fix:\n${editorText}`);
    mark('finding gone');
  });

  it('runs "restlint: Lint workspace" from the Command Palette and shows the counts', { timeout: TEST_MS }, async () => {
    const count = lintText(SPEC.replace('/pets/:', '/pets:')).length;
    await runCommand('restlint: Lint workspace');
    const toast = page.locator('.notification-toast', { hasText: 'restlint:' });
    await toast.first().waitFor({ timeout: WAIT_MS });
    assert.match(await toast.first().innerText(), new RegExp(`restlint: ${count} findings in 2 OpenAPI documents`));
    mark('lint workspace');
  });

  it('opens a rule\'s documentation from "restlint: Show rule documentation"', { timeout: TEST_MS }, async () => {
    await runCommand('restlint: Show rule documentation');
    // The quick pick lists the rules with findings; pick one.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'api-versioned' }).first().click({ timeout: WAIT_MS });
    await page.locator('.tabs-container .tab', { hasText: 'api-versioned.md' }).first().waitFor({ timeout: WAIT_MS });
    // Rendered as a Markdown preview (a webview: an iframe inside an iframe).
    const preview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    await preview.locator('h2', { hasText: 'What it does' }).first().waitFor({ timeout: WAIT_MS });
    await page.screenshot({ path: join(tmpdir(), 'restlint-e2e-rule-doc.png') });
    mark('rule doc');
  });

  it('probes the running API from "restlint: Probe running API…" and lists its finding', { timeout: TEST_MS }, async () => {
    await openFromExplorer('shop-api.yaml');
    await runCommand('restlint: Probe running API');
    // The base URL input, prefilled from restlint.probe.baseUrl.
    const input = page.locator('.quick-input-widget input');
    await waitFor('the base URL input prefilled from the settings', WAIT_MS, async () => (await input.inputValue()) === shopUrl || undefined);
    await page.keyboard.press('Enter');
    // Which requests: the safe choice is the first one.
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'GET/HEAD/OPTIONS only' }).first().waitFor({ timeout: WAIT_MS });
    await page.keyboard.press('Enter');
    const toast = page.locator('.notification-toast', { hasText: 'restlint probe:' });
    await toast.first().waitFor({ timeout: WAIT_MS });
    assert.match(await toast.first().innerText(), new RegExp(`restlint probe: 1 finding from \\d+ requests to ${shopUrl.replace(/\./g, '\\.')}`));
    await showProblems();
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'documented-status' }).first();
    await row.waitFor({ timeout: WAIT_MS });
    const text = await row.innerText();
    assert.match(text, /answered 203/);
    assert.match(text, /restlint probe/);
    mark('probe');
  });
});
