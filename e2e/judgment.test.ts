// Browser test of research and judgment: the public risk-area list is reachable from the sign-in page without
// signing in; after a case is imported and the judgment recomputed, its grid is listed as high risk, and the
// person page shows the case's red code with the reason in words and the next transition; reviewers reach the
// appeals and overrides page. Needs /usr/bin/chromium (skipped without it unless EPIGRID_TEST_REQUIRE has `browser`).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, skipBrowser, startServer, type TestBrowser, type TestServer, callApi, type ApiRequest } from './harness.js';

const purpose = 'case_investigation';
const chinaTime = (ms: number): string => `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
const chinaDay = (days: number): string => new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);

describe('browser: risk areas, health codes, reviews', { skip: skipBrowser, timeout: 300_000 }, () => {
  let server: TestServer | null = null;
  let browser: TestBrowser | null = null;
  let baseUrl = '';
  let page: Page;
  let password = '';
  let token = '';
  let personId = 0;

  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  };
  const api = (path: string, init?: ApiRequest): Promise<{ status: number; body: any }> => callApi(baseUrl, token, path, init);

  before(async () => {
    server = await startServer({ EPIGRID_DEMO_RUN: 'false', EPIGRID_SECRET: 'e2e6'.repeat(16) });
    baseUrl = server.baseUrl;
    const demo = (await (await fetch(`${baseUrl}/api/demo`)).json()) as { password: string };
    password = demo.password;
    const login = await api('/api/auth/login', { method: 'POST', body: { username: 'epi', password } });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    token = login.body.token;
    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the risk-area list is public, linked from the sign-in page', async () => {
    await page.goto(baseUrl);
    await page.getByTestId('login-risk-areas').click();
    await page.getByTestId('risk-areas-page').waitFor();
    assert.ok((await page.getByTestId('risk-areas-csv').getAttribute('href'))?.endsWith('/api/risk-areas.csv'));
    await shot('judgment-01-public-areas');
  });

  it('a reported case makes its grid high risk and the person red, with the reason and the next step', async () => {
    const found = await api('/api/persons?q=&limit=5&offset=0', { headers: { 'X-Purpose': purpose } });
    assert.equal(found.status, 200);
    personId = found.body.items[0].id;
    const person = await api(`/api/persons/${personId}`, { headers: { 'X-Purpose': purpose } });
    const stamp = Date.now();
    const imported = await api('/api/import/cases', {
      method: 'POST',
      headers: { 'Idempotency-Key': `e2e-judgment-${stamp}` },
      body: [{ report_id: `E2E-J-${stamp}`, resident_id: person.body.residentId, classification: 'confirmed', onset_date: chinaDay(-1), sampling_date: chinaDay(0), report_time: chinaTime(stamp - 60_000) }],
    });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.accepted, 1);
    const run = await api('/api/judgment/recompute', { method: 'POST' });
    assert.equal(run.status, 200, JSON.stringify(run.body));
    assert.ok(run.body.riskAreas >= 1);

    await page.goto(`${baseUrl}/#/risk-areas`);
    await page.reload();
    await page.locator('[data-testid="risk-area-row"][data-level="high"]').first().waitFor();
    await shot('judgment-02-high-area');

    await page.goto(`${baseUrl}/#/`);
    await page.getByTestId('login-username').fill('epi');
    await page.getByTestId('login-password').fill(password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('header-name').waitFor();
    await page.goto(`${baseUrl}/#/person/${personId}?purpose=${purpose}`);
    const card = page.getByTestId('health-code');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-colour'), 'red');
    assert.ok(((await page.getByTestId('code-reason').textContent()) ?? '').length > 10, 'the reason in words');
    await page.getByTestId('code-next').waitFor();
    await page.getByTestId('code-evidence').waitFor();
    await shot('judgment-03-person-red');
  });

  it('reviewers reach the appeals and overrides page', async () => {
    await page.getByTestId('nav-review').click();
    await page.getByTestId('review-page').waitFor();
    await page.getByTestId('appeals-panel').waitFor();
    await page.getByTestId('overrides-panel').waitFor();
    await shot('judgment-04-review');
  });
});
