// Browser test of the imports page: an epidemiologist imports a vaccination CSV with two bad rows over the
// API, opens #/imports, sees the batch with its counts and reasons, opens its rejected rows, fixes one (the
// rejected field is the focused input), re-runs and reads "1 loaded", and exports the remaining rejected row
// as CSV under a declared purpose; a command-centre officer (no import.run) sees no Imports link. Needs
// Chromium where the harness looks for it (skipped without it unless EPIGRID_TEST_REQUIRE has `browser`).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiToken, openBrowser, screenshots, signInAs, skipBrowser, startServer, type TestBrowser, type TestServer } from './harness.js';

const csv = [
  'record_id,phone,vaccine_code,dose_number,administered_on',
  'e2e-v1,13900000101,BBIBP,1,2021-05-01',
  'e2e-v2,13900000102,BBIBP,0,2021-05-02',
  'e2e-v3,13900000103,BBIBP,1,not-a-date',
  '',
].join('\r\n');

describe('browser: import batches and their rejected rows', { skip: skipBrowser, timeout: 300_000 }, () => {
  let server: TestServer | null = null;
  let browser: TestBrowser | null = null;
  let baseUrl = '';
  let page: Page;
  let password = '';
  let batchId = 0;

  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  };

  before(async () => {
    server = await startServer({ EPIGRID_DEMO_RUN: 'false', EPIGRID_SECRET: 'e2e8'.repeat(16) });
    baseUrl = server.baseUrl;
    password = ((await (await fetch(`${baseUrl}/api/demo`)).json()) as { password: string }).password;
    const token = await apiToken(baseUrl, 'epi', password);
    const response = await fetch(`${baseUrl}/api/import/vaccinations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv; charset=utf-8', 'Idempotency-Key': 'e2e-imports-1' },
      body: csv,
    });
    assert.equal(response.status, 200, await response.clone().text());
    const report = (await response.json()) as { batchId: number; accepted: number; rejected: number };
    assert.deepEqual([report.accepted, report.rejected], [1, 2]);
    batchId = report.batchId;
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an epidemiologist sees the batch with its counts and reasons, and its rejected rows', async () => {
    await page.goto(baseUrl);
    await signInAs(page, 'epi', password);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('nav-imports').click();
    const batch = page.locator(`[data-testid="import-batch"][data-id="${batchId}"]`);
    await batch.waitFor();
    assert.equal((await batch.getByTestId('import-batch-counts').textContent())?.trim(), '1 / 2 / 0');
    assert.equal(await batch.getByTestId('import-batch-reason').count(), 2);
    assert.match((await batch.getByTestId('import-batch-reason').allTextContents()).join('\n'), /row 3, field dose_number: "0" is too small/);
    await batch.getByTestId('import-batch-open-button').click();
    await page.getByTestId('dead-letters-table').waitFor();
    const rows = page.getByTestId('dead-letter');
    assert.equal(await rows.count(), 2);
    const reasons = await page.getByTestId('dead-letter-reason').allTextContents();
    assert.equal(reasons[0], 'row 3, field dose_number: "0" is too small: the least allowed is 1');
    assert.match(reasons[1]!, /^row 4, field administered_on: /);
    const preview = (await page.getByTestId('dead-letter-preview').first().textContent()) ?? '';
    assert.ok(!preview.includes('13900000102') && preview.includes('phone: '), `the preview masks the phone: ${preview}`);
    await shot('imports-01-batch-opened');
  });

  it('fixes one row, re-runs, and reads that one was loaded and one is still rejected', async () => {
    const first = page.getByTestId('dead-letter').first();
    await first.getByTestId('dead-letter-fix').click();
    const input = first.getByTestId('dead-letter-input-dose_number');
    assert.equal(await input.evaluate((el) => el === document.activeElement), true, 'the rejected field has the focus');
    assert.equal(await first.locator('input').first().getAttribute('data-testid'), 'dead-letter-input-dose_number');
    await input.fill('1');
    await shot('imports-02-fix-form');
    await first.getByTestId('dead-letter-save').click();
    await page.locator('[data-testid="dead-letter"][data-status="fixed"]').waitFor();
    await page.getByTestId('dead-letters-rerun').click();
    const result = page.getByTestId('dead-letters-rerun-result');
    await result.waitFor();
    assert.equal(await result.textContent(), '1 loaded, 0 duplicates, 1 still rejected');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="dead-letter"]').length === 1);
    const batch = page.locator(`[data-testid="import-batch"][data-id="${batchId}"]`);
    await page.waitForFunction((id) => document.querySelector(`[data-testid="import-batch"][data-id="${id}"] [data-testid="import-batch-open"]`)?.textContent === '1', batchId);
    assert.equal(await batch.getByTestId('import-batch-open').textContent(), '1');
    await shot('imports-03-rerun');
  });

  it('exports the remaining rejected row as CSV under a declared purpose', async () => {
    assert.equal(await page.getByTestId('dead-letters-export').isDisabled(), true, 'no export without a purpose');
    await page.getByTestId('dead-letters-export-purpose').selectOption('administration');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('dead-letters-export').click()]);
    assert.equal(download.suggestedFilename(), `dead-letters-batch-${batchId}.csv`);
    const text = readFileSync((await download.path())!, 'utf8');
    const lines = text.trimEnd().split('\r\n');
    assert.equal(lines.length, 2);
    assert.match(lines[0]!, /^dead_letter_id,batch_id,source,row,status,reason,record_id,phone,/);
    assert.match(lines[1]!, /e2e-v3,13900000103,BBIBP,1,not-a-date$/);
    await page.getByTestId('lang-zh').click();
    await shot('imports-04-zh');
  });

  it('a command-centre officer, who may not import, sees no Imports link', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    await signInAs(page, 'command', password);
    await page.getByTestId('nav-search').waitFor();
    assert.equal(await page.getByTestId('nav-imports').count(), 0);
    assert.deepEqual(browser?.errors, []);
  });
});
