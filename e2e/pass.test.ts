// Browser test: passes and place codes. An administrator prints a venue's place code; the demo member of the
// public opens their pass (colour, reason, QR), scans the place code from an image with the phone at the door
// and sees the door keeper's view; the verifier page then reads the pass QR from an image and verifies it in
// the browser against the cached trust list. Screenshots go to e2e/screenshots/ (git-ignored).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import QRCode from 'qrcode';
import { openBrowser, screenshots, signInAs, skipBrowser, startServer, type TestBrowser, type TestServer } from './harness.js';

describe('browser: the pass page, a place-code scan and the offline verifier', { skip: skipBrowser, timeout: 300_000 }, () => {
  let server: TestServer | null = null;
  let browser: TestBrowser | null = null;
  let baseUrl = '';
  let page: Page;
  let demoPassword = '';
  const files = mkdtempSync(join(tmpdir(), 'epigrid-pass-e2e-'));
  let place: { id: number; name: string; lat: number; lon: number } | null = null;

  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  };
  const signIn = (username: string): Promise<void> => signInAs(page, username, demoPassword);

  before(async () => {
    server = await startServer({ EPIGRID_DEMO_RUN: 'false', EPIGRID_SECRET: 'e2e1'.repeat(16) });
    baseUrl = server.baseUrl;
    const demo = (await (await fetch(`${baseUrl}/api/demo`)).json()) as { password: string };
    demoPassword = demo.password;
    browser = await openBrowser({ width: 1100, height: 900 });
    page = browser.page;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(files, { recursive: true, force: true });
  });

  it('an administrator shows a venue’s printable place code', async () => {
    await page.goto(baseUrl);
    await signIn('admin');
    await page.getByTestId('nav-placeCodes').click();
    await page.getByTestId('place-code-id').fill('1');
    await page.getByTestId('place-code-show').click();
    await page.getByTestId('place-code-qr').waitFor();
    await shot('pass-01-place-code');
    const code = await page.evaluate(async () => {
      const res = await fetch('/api/places/1/place-code', { headers: { Authorization: `Bearer ${sessionStorage.getItem('epigrid.token') ?? ''}` } });
      return (await res.json()) as { text: string; place: { id: number; name: string; lat: number; lon: number } };
    });
    assert.match(code.text, /^EGV1:/);
    place = code.place;
    writeFileSync(join(files, 'place-code.png'), await QRCode.toBuffer(code.text, { errorCorrectionLevel: 'M', margin: 4, width: 480 }));
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
  });

  it('the member of the public sees their pass as a QR code and scans the place code at the door', async () => {
    assert.ok(place !== null);
    await browser!.context.grantPermissions(['geolocation'], { origin: baseUrl });
    await browser!.context.setGeolocation({ latitude: place.lat + 0.0002, longitude: place.lon, accuracy: 20 });
    await signIn('public');
    const colour = page.getByTestId('pass-colour');
    await colour.waitFor();
    assert.ok(['green', 'yellow', 'red'].includes((await colour.getAttribute('data-colour')) ?? ''));
    assert.ok(((await page.getByTestId('pass-reason').textContent()) ?? '').trim().length > 0, 'a reason in words');
    const qr = page.getByTestId('pass-qr');
    await qr.waitFor();
    await shot('pass-02-my-pass');
    const src = (await qr.getAttribute('src')) ?? '';
    assert.match(src, /^data:image\/png;base64,/);
    writeFileSync(join(files, 'pass.png'), Buffer.from(src.slice(src.indexOf(',') + 1), 'base64'));

    await page.getByTestId('place-scan-file').setInputFiles(join(files, 'place-code.png'));
    const door = page.getByTestId('door-keeper');
    await door.waitFor();
    assert.equal(await door.getAttribute('data-checked-in'), 'true');
    assert.match((await door.textContent()) ?? '', new RegExp(place.name));
    await shot('pass-03-door-keeper');
  });

  it('the verifier page reads the pass QR from an image and verifies it in the browser', async () => {
    await page.goto(`${baseUrl}/#/verify`);
    await page.getByTestId('verify-trust').waitFor();
    await page.getByTestId('verify-file').setInputFiles(join(files, 'pass.png'));
    const result = page.getByTestId('verify-result');
    await result.waitFor();
    assert.equal(await result.getAttribute('data-valid'), 'true', (await result.textContent()) ?? '');
    assert.equal(await page.getByTestId('verify-step-signature').getAttribute('data-ok'), 'true');
    assert.match((await result.textContent()) ?? '', /有效/);
    await shot('pass-04-verified');

    // Offline: the trust list is cached, so a tampered text is refused without asking the server.
    await browser!.context.setOffline(true);
    await page.getByTestId('verify-text').fill('EGP1:6BFOXN*TS0BI$ZD.P9UOL97O4-2HH77HRM3DSPTLRR+%3');
    await page.getByTestId('verify-submit').click();
    await page.locator('[data-testid="verify-result"][data-valid="false"]').waitFor();
    await browser!.context.setOffline(false);
    await shot('pass-05-refused');
    assert.deepEqual(browser!.errors, []);
  });
});
