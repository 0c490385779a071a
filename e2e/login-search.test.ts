// Browser test: the real server (embedded PGlite, a small demo city) and the built web app in headless Chromium.
// An epidemiologist signs in, switches language, searches a person and reads the resident ID in clear for a
// case investigation; a grid worker then sees the same kind of record with the ID number masked.
// Screenshots go to e2e/screenshots/ (git-ignored). Needs /usr/bin/chromium: without it the test is skipped,
// unless EPIGRID_TEST_REQUIRE contains `browser`, in which case it fails.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

const root = fileURLToPath(new URL('..', import.meta.url));
const chromiumPath = '/usr/bin/chromium';
const screenshots = join(root, 'e2e', 'screenshots');
const testSecret = 'e2e0'.repeat(16);
const startTimeoutMs = 120_000;
const uiTimeoutMs = 15_000;

const haveBrowser = existsSync(chromiumPath);
const browserRequired = (process.env.EPIGRID_TEST_REQUIRE ?? '').includes('browser');
const skip = !haveBrowser && !browserRequired ? `Chromium not found at ${chromiumPath}; install it (apt-get install chromium) to run the browser test` : false;

/** Finds a free TCP port on the loopback interface. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Keeps the last part of a child's output, to show when something fails. */
class OutputTail {
  private text = '';

  /** Appends a chunk, keeping at most the last 200 000 characters. */
  add(chunk: Buffer | string): void {
    this.text = (this.text + chunk.toString()).slice(-200_000);
  }

  /** The kept output. */
  toString(): string {
    return this.text;
  }
}

/** Waits until the server answers its health check, fails early if it exits. */
async function waitForHealth(baseUrl: string, child: ChildProcess, output: OutputTail): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before it was healthy; its output:\n${output.toString()}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) {
        const body = (await response.json()) as { status?: string };
        if (body.status === 'ok') return;
      }
      lastError = `HTTP ${response.status}`;
    } catch (error) {
      lastError = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the server was not healthy after ${startTimeoutMs / 1000} s (last error: ${lastError}); its output:\n${output.toString()}`);
}

/** Builds the web app if it has not been built (the server serves packages/web/dist). */
function ensureWebBuilt(): void {
  if (existsSync(join(root, 'packages', 'web', 'dist', 'index.html'))) return;
  const build = spawnSync('npm', ['run', 'build', '--workspace', '@epigrid/web'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, `building the web app failed:\n${build.stdout}\n${build.stderr}`);
}

describe('browser: sign-in, search and a person page with masking by role and purpose', { skip, timeout: 300_000 }, () => {
  let dataDir = '';
  let server: ChildProcess | null = null;
  const output = new OutputTail();
  let baseUrl = '';
  let browser: Browser | null = null;
  let context: BrowserContext | null = null;
  let page: Page;
  let demoPassword = '';
  const browserErrors: string[] = [];

  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  };

  const signIn = async (username: string): Promise<void> => {
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(demoPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-name').waitFor();
  };

  /** Declares a purpose, searches, waits for result rows, and returns the first row's name. */
  const search = async (purpose: string, query: string): Promise<string> => {
    await page.getByTestId('purpose-select').selectOption(purpose);
    await page.getByTestId('search-input').fill(query);
    await page.getByTestId('search-submit').click();
    // The total carries the query it answers, so earlier results are never mistaken for these.
    await page.locator(`[data-testid="result-total"][data-query="${query.replaceAll('"', '\\"')}"]`).waitFor();
    const first = page.getByTestId('result-row').first();
    await first.waitFor();
    return ((await first.getByTestId('result-name').textContent()) ?? '').trim();
  };

  before(async () => {
    if (!haveBrowser) assert.fail(`Chromium is required (EPIGRID_TEST_REQUIRE=${process.env.EPIGRID_TEST_REQUIRE}) but ${chromiumPath} does not exist`);
    mkdirSync(screenshots, { recursive: true });
    ensureWebBuilt();

    dataDir = mkdtempSync(join(tmpdir(), 'epigrid-e2e-'));
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      EPIGRID_DATA_DIR: dataDir,
      EPIGRID_DEMO_PEOPLE: '3000',
      EPIGRID_SECRET: testSecret,
    };
    delete env.DATABASE_URL;
    server = spawn(process.execPath, [join('packages', 'cli', 'bin', 'epigrid.js'), 'start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    server.stdout?.on('data', (chunk: Buffer) => output.add(chunk));
    server.stderr?.on('data', (chunk: Buffer) => output.add(chunk));
    await waitForHealth(baseUrl, server, output);

    const demo = (await (await fetch(`${baseUrl}/api/demo`)).json()) as { demo: boolean; password?: string; logins?: Array<{ username: string }> };
    assert.equal(demo.demo, true, 'the server runs the demo city');
    assert.ok(demo.password, 'the demo password is published');
    assert.ok(demo.logins?.some((l) => l.username === 'epi') && demo.logins.some((l) => l.username === 'grid'), 'demo logins include epi and grid');
    demoPassword = demo.password;

    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN' });
    context.setDefaultTimeout(uiTimeoutMs);
    page = await context.newPage();
    page.on('pageerror', (error) => browserErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // Refused requests (e.g. the wrong password above) are logged by Chromium itself; they are expected.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) browserErrors.push(`console: ${message.text()}`);
    });
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
    if (server !== null && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server?.once('exit', resolve));
      server.kill('SIGTERM');
      const timer = setTimeout(() => server?.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (dataDir !== '') rmSync(dataDir, { recursive: true, force: true });
  });

  it('an epidemiologist finds a person and, investigating a case, sees the resident ID in clear', async () => {
    await page.goto(baseUrl);
    await page.getByTestId('login-username').waitFor();
    await page.getByTestId('demo-login-epi').waitFor();
    await shot('01-login');

    // A wrong password shows the API's error.
    await page.getByTestId('login-username').fill('epi');
    await page.getByTestId('login-password').fill(`${demoPassword}-wrong`);
    await page.getByTestId('login-submit').click();
    const loginError = page.getByTestId('login-error');
    await loginError.waitFor();
    assert.equal(await loginError.getAttribute('data-error-code'), 'invalid_credentials');

    // Picking a demo login fills in the form.
    await page.getByTestId('demo-login-epi').click();
    assert.equal(await page.getByTestId('login-username').inputValue(), 'epi');
    assert.equal(await page.getByTestId('login-password').inputValue(), demoPassword);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-name').waitFor();
    assert.equal((await page.getByTestId('header-role').textContent())?.trim(), '流调人员');

    // The region tree opens at the jurisdiction root with its children.
    await page.getByTestId('region-node').nth(1).waitFor();

    // Language switch: English, then back to Chinese.
    await page.getByTestId('lang-en').click();
    assert.equal((await page.getByTestId('search-submit').textContent())?.trim(), 'Search');
    assert.equal((await page.getByTestId('header-role').textContent())?.trim(), 'Epidemiologist');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await shot('02-search-en');
    await page.getByTestId('lang-zh').click();
    assert.equal((await page.getByTestId('search-submit').textContent())?.trim(), '查询');
    assert.equal(await page.evaluate(() => localStorage.getItem('epigrid.lang')), 'zh');

    // A first page of everyone gives a name; searching that name finds the person.
    const name = await search('case_investigation', '');
    assert.ok(name.length > 0, 'the first result has a name');
    await search('case_investigation', name);
    const rows = page.getByTestId('result-row');
    const names = (await rows.getByTestId('result-name').allTextContents()).map((n) => n.trim());
    assert.ok(names.includes(name), `the results for "${name}" include that person (got ${names.join(', ')})`);
    for (const masked of await rows.getByTestId('result-resident-id').allTextContents()) {
      assert.match(masked, /\*/, 'search results show masked ID numbers');
    }
    await shot('03-search-results');

    // The person page, read for a case investigation: the resident ID in clear.
    await rows.getByTestId('result-name').filter({ hasText: name }).first().click();
    const residentId = page.getByTestId('person-resident-id');
    await residentId.waitFor();
    assert.match(page.url(), /#\/person\/\d+\?purpose=case_investigation$/);
    assert.equal((await page.getByTestId('person-name').textContent())?.trim(), name);
    const clear = ((await residentId.textContent()) ?? '').trim();
    assert.equal(clear.length, 18, `an 18-character resident ID in clear (got "${clear}")`);
    assert.doesNotMatch(clear, /\*/);
    assert.equal(await page.getByTestId('person-resident-id-masked').count(), 0, 'no masked badge on a clear ID number');
    await shot('04-person-epi-case-investigation');

    // Back on the search page the results are still there; then sign out.
    await page.getByTestId('person-back').click();
    await page.getByTestId('result-row').first().waitFor();
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    assert.equal(await page.evaluate(() => sessionStorage.getItem('epigrid.token')), null, 'the token is forgotten');
  });

  it('a grid worker opening a person sees the resident ID masked', async () => {
    await signIn('grid');
    assert.equal((await page.getByTestId('header-role').textContent())?.trim(), '网格员');
    await search('field_verification', '');
    await shot('05-search-grid');
    await page.getByTestId('result-row').first().click();
    const residentId = page.getByTestId('person-resident-id');
    await residentId.waitFor();
    const masked = ((await residentId.textContent()) ?? '').trim();
    assert.match(masked, /\*/, `the resident ID is masked (got "${masked}")`);
    await page.getByTestId('person-resident-id-masked').waitFor();
    await shot('06-person-grid-masked');

    // The same page on a phone-sized screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await shot('07-person-grid-mobile');
    await page.getByTestId('person-back').click();
    await page.getByTestId('result-row').first().waitFor();
    await shot('08-search-grid-mobile');

    assert.deepEqual(browserErrors, [], 'no errors in the browser console');
  });
});
