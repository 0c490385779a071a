// Browser test of the live demo: the server runs the outbreak day by day (one simulated day a second),
// ingesting each day's files and tracing new cases; the command centre watches it in the web app,
// pauses it, steps one day and resets it. Needs /usr/bin/chromium (see harness.ts).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, skipBrowser, startServer, type TestBrowser, type TestServer } from './harness.js';

const dayOf = async (page: Page): Promise<number> => {
  const text = (await page.getByTestId('demo-run-day').textContent()) ?? '';
  return Number(/(\d+)\s*\/\s*\d+/.exec(text)?.[1] ?? /day (\d+)/.exec(text)?.[1] ?? Number.NaN);
};

describe('browser: the live demo outbreak, paused, stepped and reset', { skip: skipBrowser, timeout: 300_000 }, () => {
  let server: TestServer | null = null;
  let browser: TestBrowser | null = null;
  let page: Page;

  before(async () => {
    server = await startServer({ EPIGRID_DEMO_RUN: 'true', EPIGRID_DEMO_SECONDS_PER_DAY: '1', EPIGRID_DEMO_DAYS: '20', EPIGRID_SECRET: 'e2e2'.repeat(16) });
    browser = await openBrowser();
    page = browser.page;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the command centre sees the days advance, pauses, steps one day and resets to day 0', async () => {
    const demo = (await (await fetch(`${server!.baseUrl}/api/demo`)).json()) as { password: string };
    await page.goto(server!.baseUrl);
    await page.getByTestId('login-username').fill('command');
    await page.getByTestId('login-password').fill(demo.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('demo-run').waitFor();

    // The outbreak advances by itself.
    const first = await dayOf(page);
    await page.waitForFunction((start) => {
      const text = document.querySelector('[data-testid="demo-run-day"]')?.textContent ?? '';
      return Number(/(\d+)\s*\/\s*\d+/.exec(text)?.[1] ?? -1) >= start + 2;
    }, first, { timeout: 90_000 });

    await page.getByTestId('demo-run-pause').click();
    await page.getByTestId('demo-run-resume').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 2500)); // let a day in progress finish
    const paused = await (await fetch(`${server!.baseUrl}/api/health`)).json();
    assert.equal(paused.status, 'ok');
    const before = await dayOf(page);
    await page.getByTestId('demo-run-step').click();
    await page.waitForFunction((n) => {
      const text = document.querySelector('[data-testid="demo-run-day"]')?.textContent ?? '';
      return Number(/(\d+)\s*\/\s*\d+/.exec(text)?.[1] ?? -1) === n + 1;
    }, before, { timeout: 60_000 });
    await page.screenshot({ path: join(screenshots, 'demo-run-paused.png'), fullPage: true });

    await page.getByTestId('demo-run-reset').click();
    await page.waitForFunction(() => /(^|\D)0\s*\/\s*\d+/.test(document.querySelector('[data-testid="demo-run-day"]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    assert.equal(await dayOf(page), 0);
    assert.deepEqual(browser!.errors, [], 'no errors in the browser console');
  });
});
