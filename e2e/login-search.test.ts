// Browser test: the real server (embedded PGlite, a small demo city) and the built web app in headless Chromium.
// An epidemiologist signs in, switches language, searches a person and reads the resident ID in clear for a
// case investigation; a grid worker then sees the same kind of record with the ID number masked.
// Screenshots go to e2e/screenshots/ (git-ignored). Needs /usr/bin/chromium: without it the test is skipped,
// unless EPIGRID_TEST_REQUIRE contains `browser`, in which case it fails.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, signInAs, skipBrowser, startServer, type TestBrowser, type TestServer } from './harness.js';

const testSecret = 'e2e0'.repeat(16);

describe('browser: sign-in, search and a person page with masking by role and purpose', { skip: skipBrowser, timeout: 300_000 }, () => {
  let server: TestServer | null = null;
  let browser: TestBrowser | null = null;
  let baseUrl = '';
  let page: Page;
  let demoPassword = '';

  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  };

  const signIn = (username: string): Promise<void> => signInAs(page, username, demoPassword);

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
    server = await startServer({ EPIGRID_DEMO_RUN: 'false', EPIGRID_SECRET: testSecret }); // a still city: the test seeds what it checks
    baseUrl = server.baseUrl;

    const demo = (await (await fetch(`${baseUrl}/api/demo`)).json()) as { demo: boolean; password?: string; logins?: Array<{ username: string }> };
    assert.equal(demo.demo, true, 'the server runs the demo city');
    assert.ok(demo.password, 'the demo password is published');
    assert.ok(demo.logins?.some((l) => l.username === 'epi') && demo.logins.some((l) => l.username === 'grid'), 'demo logins include epi and grid');
    demoPassword = demo.password;

    browser = await openBrowser();
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
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
    // A grid worker lands on their task app; the person search is one tab away.
    await page.getByTestId('grid-app').waitFor();
    await page.getByTestId('nav-search').click();
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

    assert.deepEqual(browser!.errors, [], 'no errors in the browser console');
  });
});
