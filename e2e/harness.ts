// Shared by the browser tests: the real server (embedded PGlite, a small demo city) started as a child
// process on a free port, and headless Chromium driven by playwright-core.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** The repository root. */
export const root = fileURLToPath(new URL('..', import.meta.url));
/** Debian's Chromium. */
export const chromiumPath = '/usr/bin/chromium';
/** Where screenshots go (git-ignored). */
export const screenshots = join(root, 'e2e', 'screenshots');
const startTimeoutMs = 300_000;
const uiTimeoutMs = 15_000;

const haveBrowser = existsSync(chromiumPath);
const browserRequired = (process.env.EPIGRID_TEST_REQUIRE ?? '').includes('browser');
/** The `skip` option of a browser suite: a reason when Chromium is missing and not required. */
export const skipBrowser: string | false =
  !haveBrowser && !browserRequired ? `Chromium not found at ${chromiumPath}; install it (apt-get install chromium) to run the browser test` : false;

/** Finds a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
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
export class OutputTail {
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

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = statSync(path);
    newest = Math.max(newest, stat.isDirectory() ? newestSource(path) : stat.mtimeMs);
  }
  return newest;
}

/** Builds the web app when its build is missing or older than its sources (the server serves packages/web/dist). */
export function ensureWebBuilt(): void {
  const index = join(root, 'packages', 'web', 'dist', 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs >= newestSource(join(root, 'packages', 'web', 'src'))) return;
  const build = spawnSync('npm', ['run', 'build', '--workspace', '@epigrid/web'], { cwd: root, encoding: 'utf8' });
  assert.equal(build.status, 0, `building the web app failed:\n${build.stdout}\n${build.stderr}`);
}

/** A running EpiGrid server. */
export interface TestServer {
  readonly baseUrl: string;
  readonly output: OutputTail;
  /** Stops the server and deletes its data directory. */
  stop(): Promise<void>;
}

/**
 * Starts `epigrid start` on a fresh data directory and a free port, with a 3,000-person demo city.
 * @param env - extra environment (e.g. EPIGRID_DEMO_RUN)
 */
export async function startServer(env: Record<string, string>): Promise<TestServer> {
  ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'epigrid-e2e-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const childEnv: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EPIGRID_DATA_DIR: dataDir, EPIGRID_DEMO_PEOPLE: '3000', ...env };
  delete childEnv.DATABASE_URL;
  const output = new OutputTail();
  const child = spawn(process.execPath, [join('packages', 'cli', 'bin', 'epigrid.js'), 'start'], { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.on('data', (chunk: Buffer) => output.add(chunk));
  child.stderr?.on('data', (chunk: Buffer) => output.add(chunk));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, output, stop };
}

/** A browser page with its browser and context, and the errors the page logged. */
export interface TestBrowser {
  readonly browser: Browser;
  readonly context: BrowserContext;
  readonly page: Page;
  readonly errors: string[];
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with one page.
 * @param viewport - page size
 */
export async function openBrowser(viewport = { width: 1280, height: 860 }): Promise<TestBrowser> {
  if (!haveBrowser) assert.fail(`Chromium is required (EPIGRID_TEST_REQUIRE=${process.env.EPIGRID_TEST_REQUIRE}) but ${chromiumPath} does not exist`);
  mkdirSync(screenshots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const context = await browser.newContext({ viewport, locale: 'zh-CN' });
  context.setDefaultTimeout(uiTimeoutMs);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    // Refused requests (a wrong password, a 404 probe) are logged by Chromium itself; they are expected.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(`console: ${message.text()}`);
  });
  return {
    browser,
    context,
    page,
    errors,
    async close(): Promise<void> {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
    },
  };
}

/**
 * Signs in through the login page and waits until the header shows the user.
 * @param page - the browser page, on the login page
 * @param username - login name
 * @param password - its password
 */
export async function signInAs(page: Page, username: string, password: string): Promise<void> {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-name').waitFor();
}

/** A request to the API in a browser test. */
export interface ApiRequest {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/**
 * Calls the test server's API with a bearer token and returns the status and the parsed JSON body.
 * @param baseUrl - the server's origin
 * @param token - session token of the calling user
 * @param path - path and query, e.g. `/api/tasks`
 * @param init - method, extra headers, JSON body
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- browser tests read response bodies of every shape
export async function callApi(baseUrl: string, token: string | undefined, path: string, init: ApiRequest = {}): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${token}`, ...init.headers };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(`${baseUrl}${path}`, { method: init.method ?? 'GET', headers, body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : JSON.parse(text) };
}

/**
 * Signs a user in over the API (no browser) and returns the session token.
 * @param baseUrl - the server's origin
 * @param username - login name
 * @param password - its password
 * @throws when the sign-in is refused, naming the user and the status
 */
export async function apiToken(baseUrl: string, username: string, password: string): Promise<string> {
  const response = await callApi(baseUrl, undefined, '/api/auth/login', { method: 'POST', body: { username, password } });
  if (response.status !== 200) throw new Error(`${username} could not sign in over the API: ${response.status}`);
  return (response.body as { token: string }).token;
}
