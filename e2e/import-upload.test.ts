// Browser test of the imports page's file upload: an epidemiologist is stopped before sending a file of an
// unknown extension, uploads a vaccination workbook (XLSX, written here) with one bad row, reads the report
// with its rejected count and reason, finds the new batch in the table with its rejected row opened, then
// uploads the same file again (the page busy meanwhile) and reads "already imported" with nothing added.
// Needs Chromium where the harness looks for it (skipped without it unless EPIGRID_TEST_REQUIRE has `browser`).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, signInAs, skipBrowser, startServer, type TestBrowser, type TestServer } from './harness.js';

async function writeWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('vaccinations');
  sheet.addRow(['record_id', 'phone', 'vaccine_code', 'dose_number', 'administered_on']);
  sheet.addRow(['e2e-x1', '13900000201', 'BBIBP', 1, new Date(Date.UTC(2021, 4, 1))]);
  sheet.addRow(['e2e-x2', '13900000202', 'BBIBP', 0, '2021-05-02']);
  sheet.addRow(['e2e-x3', '13900000203', 'BBIBP', 2, '2021-06-01']);
  sheet.addRow(['e2e-x4', '13900000204', 'BBIBP', 1, '2021-06-02']);
  await book.xlsx.writeFile(path);
}

describe('browser: uploading an import file on the imports page', { skip: skipBrowser, timeout: 300_000 }, () => {
  let server: TestServer | null = null;
  let browser: TestBrowser | null = null;
  let baseUrl = '';
  let page: Page;
  let password = '';
  let dir = '';
  let workbook = '';
  let batchId = 0;

  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'epigrid-upload-'));
    workbook = join(dir, '疫苗接种 三月.xlsx'); // a name that must be percent-encoded to travel in a header
    await writeWorkbook(workbook);
    writeFileSync(join(dir, 'vaccinations.txt'), 'record_id\nx\n');
    server = await startServer({ EPIGRID_DEMO_RUN: 'false', EPIGRID_SECRET: 'e2e9'.repeat(16) });
    baseUrl = server.baseUrl;
    password = ((await (await fetch(`${baseUrl}/api/demo`)).json()) as { password: string }).password;
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('stops a file of an unknown extension in the browser', async () => {
    await page.goto(baseUrl);
    await signInAs(page, 'epi', password);
    await page.getByTestId('lang-en').click();
    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-upload-form').waitFor();
    const labels = await page.getByTestId('import-upload-source').locator('option').allTextContents();
    assert.ok(labels.includes('Vaccinations (vaccinations)'), labels.join(' | '));
    await page.getByTestId('import-upload-source').selectOption('vaccinations');
    let posted = 0;
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().includes('/api/import/')) posted++;
    });
    await page.getByTestId('import-upload-file').setInputFiles(join(dir, 'vaccinations.txt'));
    await page.getByTestId('import-upload-submit').click();
    const problem = page.getByTestId('import-upload-problem');
    await problem.waitFor();
    assert.equal(await problem.textContent(), '“vaccinations.txt” cannot be imported: choose a .csv, .ndjson, .jsonl or .xlsx file.');
    assert.equal(posted, 0);
  });

  it('uploads a workbook: the report, then the new batch with its rejected row opened', async () => {
    await page.getByTestId('import-upload-file').setInputFiles(workbook);
    await page.getByTestId('import-upload-submit').click();
    const report = page.getByTestId('import-upload-report');
    await report.waitFor();
    assert.equal(await page.getByTestId('import-upload-problem').count(), 0);
    assert.equal(await report.getByTestId('import-upload-counts').textContent(), '3 accepted, 1 rejected, 0 duplicates');
    assert.equal(await report.getByTestId('import-upload-already').count(), 0);
    assert.deepEqual(await report.getByTestId('import-upload-reason').allTextContents(), [
      'row 3, field dose_number: "0" is too small: the least allowed is 1 (1)',
    ]);
    batchId = Number(await report.getAttribute('data-batch-id'));
    assert.ok(batchId > 0);
    const batch = page.locator(`[data-testid="import-batch"][data-id="${batchId}"]`);
    await batch.waitFor();
    assert.equal((await batch.getByTestId('import-batch-counts').textContent())?.trim(), '3 / 1 / 0');
    assert.equal(await batch.getByTestId('import-batch-open').textContent(), '1');
    assert.equal(await batch.getByTestId('import-batch-file').textContent(), '疫苗接种 三月.xlsx', 'the batch shows the file name sent with it');
    await page.getByTestId('dead-letters-table').waitFor();
    assert.deepEqual(await page.getByTestId('dead-letter-reason').allTextContents(), ['row 3, field dose_number: "0" is too small: the least allowed is 1']);
    await shot('import-upload-01-report');
  });

  it('uploads the same file again: "already imported", nothing added', async () => {
    const batchesBefore = await page.getByTestId('import-batch').count();
    await page.getByTestId('import-upload-source').selectOption('vaccinations');
    await page.getByTestId('import-upload-file').setInputFiles(workbook);
    // The upload is held back until the busy state has been seen.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/import/**', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByTestId('import-upload-submit').click();
    await page.getByTestId('import-upload-busy').waitFor();
    assert.equal(await page.getByTestId('import-upload-submit').textContent(), 'Importing…');
    assert.equal(await page.getByTestId('import-upload-submit').isDisabled(), true);
    release();
    const already = page.getByTestId('import-upload-already');
    await already.waitFor();
    await page.unroute('**/api/import/**');
    assert.equal(await page.getByTestId('import-upload-busy').count(), 0);
    assert.equal(await already.textContent(), `Already imported: this file was imported before for this source (batch #${batchId}); nothing was added.`);
    assert.equal(await page.getByTestId('import-upload-report').getAttribute('data-batch-id'), String(batchId));
    assert.equal(await page.getByTestId('import-upload-counts').textContent(), '3 accepted, 1 rejected, 0 duplicates');
    assert.equal(await page.getByTestId('import-batch').count(), batchesBefore);
    await shot('import-upload-02-already');
    await page.getByTestId('lang-zh').click();
    await page.getByText('已导入过').waitFor();
    await shot('import-upload-03-zh');
    assert.deepEqual(browser?.errors, []);
  });
});
