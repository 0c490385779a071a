// Browser test of importing other jurisdictions' risk-area lists on the risk-areas page: signed out the page
// shows only this instance's list; an epidemiologist (ability risk-area.import) imports a CSV written here and
// sees it listed with its source and levels, a CSV without a publisher is refused with the server's reason, a
// file that is not JSON is stopped in the browser, and a list naming its levels by colour is refused until
// the form maps them, then listed at this instance's levels with the publisher's names, and its mapping is
// changed in the page (a change the server refuses, the list having been replaced meanwhile, shows its reason); a command-centre
// officer (no such ability) sees no import section. Needs /usr/bin/chromium (skipped without it unless EPIGRID_TEST_REQUIRE has `browser`).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { apiToken, callApi, openBrowser, screenshots, signInAs, skipBrowser, startServer, type TestBrowser, type TestServer } from './harness.js';

const header = 'region_code,name_zh,name_en,region_level,level,rule_id,since,drops_at,infections';
const peerCsv = [header, '440604,禅城区,Chancheng,county,high,CN-P9-areas/high/designated,2026-03-01,2026-03-20,4', '441900,东莞市,Dongguan,city,medium,CN-P9-areas/medium,2026-03-05,,9', ''].join('\r\n');
const colourCsv = [header, '440605,南海区,Nanhai,county,red,GD/red,2026-03-02,,5', '440606,顺德区,Shunde,county,orange,GD/orange,2026-03-03,,1', ''].join('\r\n');

describe('browser: importing other jurisdictions\' risk-area lists', { skip: skipBrowser, timeout: 300_000 }, () => {
  let server: TestServer | null = null;
  let browser: TestBrowser | null = null;
  let baseUrl = '';
  let page: Page;
  let password = '';
  let dir = '';

  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  };
  const importFile = async (file: string, publisher: string, levels = ''): Promise<void> => {
    await page.getByTestId('risk-import-file').setInputFiles(file);
    await page.getByTestId('risk-import-publisher').fill(publisher);
    await page.getByTestId('risk-import-levels').fill(levels);
    await page.getByTestId('risk-import-submit').click();
  };

  before(async () => {
    server = await startServer({ EPIGRID_DEMO_RUN: 'false', EPIGRID_SECRET: 'e2e7'.repeat(16) });
    baseUrl = server.baseUrl;
    password = ((await (await fetch(`${baseUrl}/api/demo`)).json()) as { password: string }).password;
    dir = mkdtempSync(join(tmpdir(), 'epigrid-e2e-risk-lists-'));
    writeFileSync(join(dir, 'peer-city.csv'), peerCsv);
    writeFileSync(join(dir, 'province.csv'), colourCsv);
    writeFileSync(join(dir, 'broken.json'), '{"publisher": "peer-city",');
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    if (dir !== '') rmSync(dir, { recursive: true, force: true });
  });

  it('signed out, the risk-area page shows only the public list', async () => {
    await page.goto(`${baseUrl}/#/risk-areas`);
    await page.getByTestId('risk-areas-page').waitFor();
    assert.equal(await page.getByTestId('risk-imports').count(), 0);
  });

  it('an epidemiologist imports a CSV list and sees it listed with its source and levels', async () => {
    await page.goto(baseUrl);
    await signInAs(page, 'epi', password);
    await page.getByTestId('nav-risk-areas').click();
    await page.getByTestId('risk-imports').waitFor();
    await importFile(join(dir, 'peer-city.csv'), 'peer-city');
    await page.getByTestId('risk-import-result').waitFor();
    const item = page.locator('[data-testid="risk-import"][data-publisher="peer-city"]');
    await item.waitFor();
    assert.equal(await item.getByTestId('risk-import-source').textContent(), 'peer-city.csv');
    assert.deepEqual(await item.getByTestId('risk-import-level').evaluateAll((chips) => chips.map((c) => c.getAttribute('data-level'))), ['high', 'medium']);
    await item.locator('summary').click();
    assert.equal(await item.getByTestId('risk-import-area').count(), 2);
    assert.equal(await page.getByTestId('risk-import-file').inputValue(), '', 'the form is ready for the next file');
    await shot('risk-imports-01-imported');
  });

  it('a CSV without a publisher is refused, with the server\'s reason', async () => {
    await importFile(join(dir, 'peer-city.csv'), '');
    const error = page.getByTestId('risk-import-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-error-code'), 'validation_failed');
    assert.equal(await page.getByTestId('risk-import-result').count(), 0);
    // In English the box carries the server's own message, which names the missing field.
    await page.getByTestId('lang-en').click();
    assert.match((await error.textContent()) ?? '', /publisher/);
    await shot('risk-imports-02-refused');
    await page.getByTestId('lang-zh').click();
  });

  it('a file that is not JSON is stopped in the browser, saying why', async () => {
    await importFile(join(dir, 'broken.json'), 'peer-city');
    await page.getByTestId('risk-import-problem').waitFor();
    assert.equal(await page.getByTestId('risk-import-error').count(), 0);
  });

  it('a list naming its levels by colour is refused, naming them, until the form maps them to ours', async () => {
    await importFile(join(dir, 'province.csv'), 'province');
    const error = page.getByTestId('risk-import-error');
    await error.waitFor();
    assert.equal(await error.getAttribute('data-error-code'), 'validation_failed');
    await page.getByTestId('lang-en').click();
    const message = (await error.textContent()) ?? '';
    assert.match(message, /level "red" \(1 area\) is none of this instance's levels \(high, medium, low\)/);
    assert.match(message, /level "orange"/);
    assert.equal(await page.locator('[data-testid="risk-import"][data-publisher="province"]').count(), 0, 'nothing stored');

    await importFile(join(dir, 'province.csv'), 'province', 'red high');
    assert.match((await page.getByTestId('risk-import-problem').textContent()) ?? '', /"red high" is not written as/);

    await importFile(join(dir, 'province.csv'), 'province', 'red=high，orange=medium');
    assert.match((await page.getByTestId('risk-import-result').textContent()) ?? '', /Levels read as: red → High risk \(high\), orange → Medium risk \(medium\)\./);
    const item = page.locator('[data-testid="risk-import"][data-publisher="province"]');
    await item.waitFor();
    const chips = await item.getByTestId('risk-import-level').evaluateAll((els) => els.map((c) => [c.getAttribute('data-level'), c.getAttribute('data-published-as'), c.textContent]));
    assert.deepEqual(chips, [
      ['high', 'red', 'High risk · 1 · published as red'],
      ['medium', 'orange', 'Medium risk · 1 · published as orange'],
    ]);
    assert.equal(await page.getByTestId('risk-import-levels').inputValue(), '', 'the form is ready for the next list');
    await page.getByTestId('lang-zh').click();
    await item.locator('summary').click();
    assert.deepEqual(await item.getByTestId('risk-area-published-level').allTextContents(), [' 发布方称“red”', ' 发布方称“orange”']);
    await shot('risk-imports-03-levels-mapped');
  });

  it('the level mapping of the colour list is changed in the page; a change the server refuses shows its reason', async () => {
    const item = page.locator('[data-testid="risk-import"][data-publisher="province"]');
    await page.getByTestId('lang-en').click();
    await item.getByTestId('risk-import-remap').click();
    const form = item.getByTestId('risk-import-remap-form');
    assert.deepEqual(
      await form.getByTestId('risk-import-remap-level').evaluateAll((els) => els.map((el) => [el.getAttribute('data-published'), (el as HTMLSelectElement).value])),
      [['red', 'high'], ['orange', 'medium']],
      'prefilled with the current mapping',
    );
    await form.locator('[data-testid="risk-import-remap-level"][data-published="orange"]').selectOption('high');
    await form.getByTestId('risk-import-remap-save').click();
    await item.getByTestId('risk-import-remap-done').waitFor();
    await item.locator('[data-testid="risk-import-level"][data-published-as="red,orange"]').waitFor();
    const chips = await item.getByTestId('risk-import-level').evaluateAll((els) => els.map((c) => [c.getAttribute('data-level'), c.textContent]));
    assert.deepEqual(chips, [['high', 'High risk · 2 · published as red / orange']]);
    assert.equal(await item.getByTestId('risk-import-remap-form').count(), 0);
    await shot('risk-imports-04-remapped');

    // Meanwhile the province's next list replaces the one the open form would change: the server refuses, saying so.
    await item.getByTestId('risk-import-remap').click();
    const token = await apiToken(baseUrl, 'epi', password);
    const next = await callApi(baseUrl, token, '/api/risk-areas/imports', {
      method: 'POST',
      body: { publisher: 'province', source: 'province-2.csv', csv: colourCsv, levelMap: { red: 'high', orange: 'medium' } },
    });
    assert.equal(next.status, 200, JSON.stringify(next.body));
    await item.getByTestId('risk-import-remap-save').click();
    const refusal = item.getByTestId('risk-import-remap-error');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /^Not changed: No imported list has the id \d+: a newer import of its publisher may have replaced it/);
    await shot('risk-imports-05-remap-refused');
    await item.getByTestId('risk-import-remap-cancel').click();
    await page.reload();
    await item.locator('[data-testid="risk-import-level"][data-level="medium"]').waitFor();
    assert.equal(await item.getByTestId('risk-import-source').textContent(), 'province-2.csv');
    await page.getByTestId('lang-zh').click();
  });

  it('a command-centre officer, who may not import, sees no import section', async () => {
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
    await signInAs(page, 'command', password);
    await page.getByTestId('nav-risk-areas').click();
    await page.getByTestId('risk-areas-page').waitFor();
    assert.equal(await page.getByTestId('risk-imports').count(), 0);
    assert.deepEqual(browser?.errors, []);
  });
});
