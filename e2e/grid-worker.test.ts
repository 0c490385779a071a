// Browser test of the grid-worker app on a phone (390×844): the real server (embedded PGlite, a small demo
// city) and the built web app in headless Chromium. The demo grid worker signs in and lands on the task app;
// a case is reported and traced for a family of that grid while the page is open, and the task for a household
// member arrives by push (highlighted). Offline, the worker records an outcome with a photo: it waits in the
// phone's queue ("1 waiting"), the app reopens from the service worker's shell with the queue intact, and when
// the signal returns the outcome is sent once; a replay of the same outcome adds nothing. Finally a town user
// reads the progress view and drills down to the grid. Screenshots go to e2e/screenshots/ (git-ignored).
// Needs /usr/bin/chromium: without it the test is skipped, unless EPIGRID_TEST_REQUIRE contains `browser`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PNG } from 'pngjs';
import type { Page, Request } from 'playwright-core';
import { openBrowser, screenshots, signInAs, skipBrowser, startServer, type TestBrowser, type TestServer, callApi, apiToken, type ApiRequest } from './harness.js';

const testSecret = 'e2e7'.repeat(16);
const purpose = 'case_investigation';
/** Generation runs as a recurring job (every minute): the pushed task may take that long to arrive. */
const pushTimeoutMs = 150_000;

/** A time as ISO 8601 in China Standard Time. */
function chinaTime(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** A calendar day in China Standard Time, `days` from now. */
function chinaDay(days: number): string {
  return new Date(Date.now() + 8 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A 1200×900 photo of noise: far above 200 kB as JPEG at full size, so the app must shrink it. */
function noisyPhoto(): Buffer {
  const png = new PNG({ width: 1200, height: 900 });
  let seed = 7;
  for (let i = 0; i < png.data.length; i += 4) {
    seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
    png.data[i] = seed & 0xff;
    png.data[i + 1] = (seed >> 8) & 0xff;
    png.data[i + 2] = (seed >> 16) & 0xff;
    png.data[i + 3] = 255;
  }
  return PNG.sync.write(png);
}

describe('browser: the grid-worker app on a phone — push, offline outcome, sync without duplicates', { skip: skipBrowser, timeout: 420_000 }, () => {
  let server: TestServer | null = null;
  let browser: TestBrowser | null = null;
  let baseUrl = '';
  let page: Page;
  let demoPassword = '';
  const tokens = new Map<string, string>();

  const shot = async (name: string): Promise<void> => {
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  };

  /** Calls the API as a demo user and returns status and JSON body. */
  const api = (user: string, path: string, init?: ApiRequest): Promise<{ status: number; body: any }> => callApi(baseUrl, tokens.get(user), path, init);

  const signIn = (username: string): Promise<void> => signInAs(page, username, demoPassword);

  before(async () => {
    server = await startServer({ EPIGRID_DEMO_RUN: 'false', EPIGRID_SECRET: testSecret }); // a still city: the test makes its own case
    baseUrl = server.baseUrl;
    const demo = (await (await fetch(`${baseUrl}/api/demo`)).json()) as { password: string };
    demoPassword = demo.password;
    for (const user of ['epi', 'grid']) tokens.set(user, await apiToken(baseUrl, user, demoPassword));
    browser = await openBrowser({ width: 390, height: 844 });
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('receives a pushed task, records an outcome offline, and syncs it once when back online', async () => {
    const gridUser = (await api('grid', '/api/me')).body as { id: number; regionId: number };
    const grid = await api('grid', '/api/grids/mine');
    assert.equal(grid.status, 200, `the grid worker's grid: ${JSON.stringify(grid.body)}`);
    assert.equal(grid.body.polygon?.type, 'Polygon', 'the demo grid has a polygon');

    // A family of the worker's grid: the index case and the household members who will be its close contacts.
    const found = await api('epi', `/api/persons?q=&regionId=${gridUser.regionId}&limit=40`, { headers: { 'X-Purpose': purpose } });
    assert.equal(found.status, 200);
    let index: { id: number; name: string; residentId: string; householdMembers: Array<{ id: number; name: string }> } | null = null;
    for (const summary of found.body.items) {
      const person = await api('epi', `/api/persons/${summary.id}`, { headers: { 'X-Purpose': purpose } });
      if (person.body.householdMembers.some((m: { id: number }) => m.id !== summary.id)) {
        index = person.body;
        break;
      }
    }
    assert.ok(index, 'a person of the grid lives with others');
    const members = index.householdMembers.filter((m) => m.id !== index.id).map((m) => m.name);

    // The worker signs in on the phone and lands on the task app.
    await page.goto(baseUrl);
    await signIn('grid');
    await page.getByTestId('grid-app').waitFor();
    assert.match(page.url(), /#\/grid$/);
    await page.getByTestId('grid-map-area').waitFor();
    await page.locator('[data-testid="sync-status"][data-online="true"][data-live="true"][data-waiting="0"]').waitFor();
    await page.getByTestId('task-empty').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing overflows the phone screen');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined)); // the app shell is cached for offline use
    await shot('grid-01-phone-tasks-before');

    // While the page is open, a case is reported and traced: the household members become close contacts.
    const stamp = Date.now();
    const reportId = `E2E-GRID-${stamp}`;
    const imported = await api('epi', '/api/import/cases', {
      method: 'POST',
      headers: { 'Idempotency-Key': `e2e-grid-${stamp}` },
      body: [{ report_id: reportId, resident_id: index.residentId, classification: 'confirmed', onset_date: chinaDay(-1), sampling_date: chinaDay(0), report_time: chinaTime(stamp - 60_000) }],
    });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.accepted, 1);
    const cases = await api('epi', '/api/cases?limit=20', { headers: { 'X-Purpose': purpose } });
    const caseRow = (cases.body.items as Array<{ id: number; reportId: string }>).find((c) => c.reportId === reportId);
    assert.ok(caseRow, 'the case is listed');
    const traced = await api('epi', `/api/cases/${caseRow.id}/trace`, { method: 'POST' });
    assert.equal(traced.status, 200, JSON.stringify(traced.body));
    assert.ok(traced.body.close >= 1, 'the household members are close contacts');

    // The task for a household member arrives by push, highlighted, without reloading the page.
    const pushedCard = page.locator('[data-testid="task-card"].taskcard--fresh');
    await pushedCard.first().waitFor({ timeout: pushTimeoutMs });
    const taskId = Number(await pushedCard.first().getAttribute('data-task-id'));
    const person = ((await pushedCard.first().getByTestId('task-person').textContent()) ?? '').trim();
    assert.ok(members.includes(person), `the task is about a household member (got ${person}, expected one of ${members.join(', ')})`);
    assert.equal((await pushedCard.first().getByTestId('task-type').textContent())?.trim(), '核实并转运集中隔离');
    assert.match((await pushedCard.first().getByTestId('task-due').textContent()) ?? '', /^(剩余|已超时) /);
    assert.match((await pushedCard.first().getByTestId('task-phone').textContent()) ?? '', /\*+\d{4}/, 'the phone is masked');
    await page.getByTestId('grid-map-pin').first().waitFor(); // the homes are pinned on the grid map
    await shot('grid-02-phone-task-pushed');

    // The task screen, then offline: the outcome (with a photo) is saved on the phone and waits.
    const posted: Request[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith(`/api/tasks/${taskId}/outcomes`)) posted.push(request);
    });
    await pushedCard.first().getByTestId('task-person').click();
    await page.getByTestId('task-screen').waitFor();
    assert.match(page.url(), new RegExp(`#/grid/task/${taskId}$`));
    await browser!.context.setOffline(true);
    await page.locator('[data-testid="sync-status"][data-online="false"]').waitFor();
    await page.getByTestId('outcome-reached').check();
    await page.getByTestId('outcome-note').fill('已联系本人，同意转运');
    await page.getByTestId('outcome-photo').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: noisyPhoto() });
    const preview = page.getByTestId('outcome-photo-preview');
    await preview.waitFor();
    const photoLength = (await preview.getAttribute('src'))?.length ?? 0;
    assert.ok(photoLength > 1_000 && photoLength <= 200_000, `the photo is shrunk to a data URL of at most 200 kB (got ${photoLength})`);
    await shot('grid-03-phone-outcome-form-offline');
    await page.getByTestId('outcome-submit').click();
    await page.getByTestId('task-empty').or(page.getByTestId('task-card').first()).waitFor();
    await page.locator('[data-testid="sync-status"][data-waiting="1"]').waitFor();
    assert.equal((await page.getByTestId('sync-waiting').textContent())?.trim(), '1 条结果待同步');
    assert.equal(await page.locator(`[data-testid="task-card"][data-task-id="${taskId}"]`).getAttribute('data-pending'), 'true');
    await shot('grid-04-phone-offline-1-waiting');

    // Still offline, the app reopens from the cached shell, and the queue is still there.
    await page.reload();
    await page.getByTestId('grid-app').waitFor();
    await page.locator('[data-testid="sync-status"][data-online="false"][data-waiting="1"]').waitFor();
    await shot('grid-05-phone-reopened-offline');
    assert.equal((await api('grid', `/api/tasks/${taskId}`)).body.outcome, null, 'nothing reached the server while offline');

    // Back online: the queue is replayed, the task is closed, nothing waits.
    await browser!.context.setOffline(false);
    await page.locator('[data-testid="sync-status"][data-online="true"][data-waiting="0"]').waitFor();
    await page.locator('[data-testid="task-card"][data-task-id="' + taskId + '"][data-urgency="closed"]').waitFor();
    assert.equal((await page.getByTestId('sync-waiting').textContent())?.trim(), '结果已全部同步');
    await page.locator('[data-testid="sync-status"][data-live="true"]').waitFor();
    await page.getByTestId('tasks-error').waitFor({ state: 'detached' });
    await page.getByTestId('grid-map-area').waitFor();
    await shot('grid-06-phone-synced');

    // Exactly one outcome: the task carries it, and replaying the very request the phone sent adds nothing.
    const after = await api('grid', `/api/tasks/${taskId}`);
    assert.equal(after.body.status, 'done');
    assert.equal(after.body.outcome?.code, 'reached');
    assert.equal(after.body.outcome?.note, '已联系本人，同意转运');
    const sent = posted.filter((request) => request.failure() === null);
    assert.ok(sent.length >= 1, 'the phone sent the outcome');
    const body = JSON.parse(sent.at(-1)!.postData() ?? '{}') as { clientId: string; photo?: string };
    assert.match(body.clientId, /^[0-9a-f-]{36}$/);
    assert.ok(body.photo?.startsWith('data:image/jpeg;base64,'), 'the photo went with the outcome');
    for (const request of sent.slice(1)) assert.equal(JSON.parse(request.postData() ?? '{}').clientId, body.clientId, 'every send of it carried one clientId');
    const replay = await api('grid', `/api/tasks/${taskId}/outcomes`, { method: 'POST', body });
    assert.equal(replay.status, 200, `a replay is recognised: ${JSON.stringify(replay.body)}`);
    assert.equal(replay.body.task.outcome.recordedAt, after.body.outcome.recordedAt, 'the replay returns the first outcome');
    const done = await api('grid', '/api/tasks?view=mine&status=done&limit=100');
    assert.equal((done.body.tasks as Array<{ id: number }>).filter((t) => t.id === taskId).length, 1);
    assert.deepEqual(browser!.errors, [], 'no page errors');
  });

  it('a town user reads the progress view per child region and drills down to the grid with the closed task', async () => {
    const gridCode = ((await api('grid', '/api/grids/mine')).body as { code: string }).code;
    await page.getByTestId('logout').click();
    await signIn('town');
    await page.getByTestId('nav-progress').click();
    await page.getByTestId('progress-table').waitFor();
    await shot('grid-07-phone-progress-town');
    // Down through the child regions that contain the worker's grid, until the rows are grids.
    for (let depth = 0; depth < 5; depth++) {
      const rows = page.getByTestId('progress-row');
      await rows.first().waitFor();
      if ((await rows.first().getAttribute('data-level')) === 'grid') break;
      const codes = await rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-code') ?? ''));
      const next = codes.find((code) => gridCode.startsWith(code));
      assert.ok(next, `a child region on the way to grid ${gridCode} (got ${codes.join(', ')})`);
      await page.locator(`[data-testid="progress-row"][data-code="${next}"] a`).click();
      await page.waitForURL(new RegExp(`#/progress/(.+/)?${next}$`));
      await page.locator(`[data-testid="progress-table"][data-region="${next}"]`).waitFor();
    }
    const gridRow = page.locator(`[data-testid="progress-row"][data-code="${gridCode}"]`);
    await gridRow.waitFor();
    assert.equal(await gridRow.locator('a').count(), 0, 'grids are the bottom of the drill-down');
    const doneToday = Number((await gridRow.getByTestId('progress-done-today').textContent())?.trim());
    assert.ok(doneToday >= 1, `the grid counts the task closed today (got ${doneToday})`);
    await shot('grid-08-phone-progress-grids');
    assert.deepEqual(browser!.errors, [], 'no page errors');
  });
});
