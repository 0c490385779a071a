// Browser test of two closed-loop screens on a phone (390×844), against the real server (embedded PGlite,
// a small demo city) and the built web app in headless Chromium. The demo grid worker is pushed the task of
// a household contact and records "transferred", choosing the isolation facility from the list the server
// gives (rooms free first); the facility's occupancy counts the person. A case reported 30 hours ago makes
// tasks that are overdue when they are created: the escalation job lifts them a level with a notice, and
// the city epidemiologist sees it on the progress view under an unread badge and marks it read.
// Screenshots go to e2e/screenshots/ (git-ignored). Needs /usr/bin/chromium: without it the test is
// skipped, unless EPIGRID_TEST_REQUIRE contains `browser`.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { openBrowser, screenshots, signInAs, skipBrowser, startServer, type TestBrowser, type TestServer, callApi, apiToken, type ApiRequest } from './harness.js';

const testSecret = 'e2e8'.repeat(16);
const purpose = 'case_investigation';
/** Generation and escalation run as recurring jobs (every minute): their work may take that long to show. */
const jobTimeoutMs = 200_000;

/** A time as ISO 8601 in China Standard Time. */
function chinaTime(ms: number): string {
  return `${new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19)}+08:00`;
}

/** A family: someone and the others of their household. */
interface Family {
  readonly residentId: string;
  readonly members: readonly string[];
}

interface Facility {
  readonly id: number;
  readonly name: string;
  readonly capacity: number | null;
  readonly occupied: number;
}

describe('browser: a transfer to a chosen facility, and escalation notices with their badge', { skip: skipBrowser, timeout: 600_000 }, () => {
  let server: TestServer | null = null;
  let browser: TestBrowser | null = null;
  let baseUrl = '';
  let page: Page;
  let demoPassword = '';
  const tokens = new Map<string, string>();
  /** The household members of the worker's family, whose tasks the worker is pushed. */
  let members: readonly string[] = [];

  const shot = async (name: string): Promise<void> => {
    // From the top: a full-page capture of a scrolled page draws the sticky header where it was scrolled to.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
  };

  /** Calls the API as a demo user and returns status and JSON body. */
  const api = (user: string, path: string, init?: ApiRequest): Promise<{ status: number; body: any }> => callApi(baseUrl, tokens.get(user), path, init);

  /** The first family of a region (searched as the epidemiologist) whose grid passes the test. */
  const familyIn = async (regionId: number, gridWanted: (gridId: number) => boolean): Promise<Family> => {
    const found = await api('epi', `/api/persons?q=&regionId=${regionId}&limit=100`, { headers: { 'X-Purpose': purpose } });
    assert.equal(found.status, 200, JSON.stringify(found.body));
    for (const summary of found.body.items as Array<{ id: number; gridId: number }>) {
      if (!gridWanted(summary.gridId)) continue;
      const person = await api('epi', `/api/persons/${summary.id}`, { headers: { 'X-Purpose': purpose } });
      const others = (person.body.householdMembers as Array<{ id: number; name: string }>).filter((m) => m.id !== summary.id);
      if (others.length > 0) return { residentId: person.body.residentId, members: others.map((m) => m.name) };
    }
    assert.fail(`no family found in region ${regionId}`);
  };

  /** Reports a confirmed case for the family's first person at a time, and traces it. */
  const reportAndTrace = async (family: Family, key: string, reportedAt: number): Promise<void> => {
    const reportId = `E2E-${key}-${Date.now()}`;
    const imported = await api('epi', '/api/import/cases', {
      method: 'POST',
      headers: { 'Idempotency-Key': reportId },
      body: [{ report_id: reportId, resident_id: family.residentId, classification: 'confirmed', onset_date: chinaTime(reportedAt - 86_400_000).slice(0, 10), sampling_date: chinaTime(reportedAt).slice(0, 10), report_time: chinaTime(reportedAt) }],
    });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.equal(imported.body.accepted, 1, JSON.stringify(imported.body));
    const cases = await api('epi', '/api/cases?limit=50', { headers: { 'X-Purpose': purpose } });
    const caseRow = (cases.body.items as Array<{ id: number; reportId: string }>).find((c) => c.reportId === reportId);
    assert.ok(caseRow, `case ${reportId} is listed`);
    const traced = await api('epi', `/api/cases/${caseRow.id}/trace`, { method: 'POST' });
    assert.equal(traced.status, 200, JSON.stringify(traced.body));
    assert.ok(traced.body.close >= 1, 'the household members are close contacts');
  };

  before(async () => {
    server = await startServer({ EPIGRID_DEMO_RUN: 'false', EPIGRID_SECRET: testSecret }); // a still city: the test makes its own cases
    baseUrl = server.baseUrl;
    demoPassword = ((await (await fetch(`${baseUrl}/api/demo`)).json()) as { password: string }).password;
    for (const user of ['epi', 'grid', 'town']) tokens.set(user, await apiToken(baseUrl, user, demoPassword));
    // Two families: one of the worker's grid, reported now; one of another grid of the town, reported 30 h
    // ago, so that the 24-hour deadline of its contacts has passed when their tasks are made.
    const gridId = ((await api('grid', '/api/me')).body as { regionId: number }).regionId;
    const townId = ((await api('town', '/api/me')).body as { regionId: number }).regionId;
    const fresh = await familyIn(gridId, (g) => g === gridId);
    const late = await familyIn(townId, (g) => g !== gridId);
    await reportAndTrace(fresh, 'TRANSFER', Date.now() - 60_000);
    await reportAndTrace(late, 'LATE', Date.now() - 30 * 3_600_000);
    members = fresh.members;
    browser = await openBrowser({ width: 390, height: 844 });
    page = browser.page;
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a worker records a transfer, choosing the facility from the list; the facility counts the person', async () => {
    const facilitiesBefore = (await api('grid', '/api/facilities')).body.facilities as Facility[];
    assert.ok(facilitiesBefore.length >= 2, `the worker's county has isolation facilities (got ${facilitiesBefore.length})`);

    await page.goto(baseUrl);
    await signInAs(page, 'grid', demoPassword);
    await page.getByTestId('grid-app').waitFor();
    const card = page.locator('[data-testid="task-card"][data-urgency]:not([data-urgency="closed"])', { has: page.getByTestId('task-person') }).filter({
      has: page.getByTestId('task-type').filter({ hasText: '核实并转运集中隔离' }),
    });
    await card.first().waitFor({ timeout: jobTimeoutMs });
    const person = ((await card.first().getByTestId('task-person').textContent()) ?? '').trim();
    assert.ok(members.includes(person), `the task is about a household member (got ${person}, expected one of ${members.join(', ')})`);
    const taskId = Number(await card.first().getAttribute('data-task-id'));
    await card.first().getByTestId('task-person').click();
    await page.getByTestId('task-screen').waitFor();

    await page.getByTestId('outcome-transferred').check();
    const select = page.getByTestId('outcome-facility');
    await select.waitFor();
    const options = await select.locator('option').evaluateAll((elements) => elements.map((e) => ({ value: (e as HTMLOptionElement).value, text: e.textContent ?? '' })));
    assert.equal(options[0]!.value, '', 'a prompt first, so nothing is chosen by accident');
    assert.equal(options.length - 1, facilitiesBefore.length, 'every facility serving the worker is offered');
    await page.getByTestId('outcome-submit').click();
    await page.getByTestId('outcome-problem').waitFor();
    assert.equal((await page.getByTestId('outcome-problem').textContent())?.trim(), '请选择转运目的场所。', 'a transfer names the facility');
    const chosen = options[1]!;
    await select.selectOption(chosen.value);
    await page.getByTestId('outcome-problem').waitFor({ state: 'detached' });
    const detail = (await page.getByTestId('outcome-facility-chosen').textContent()) ?? '';
    assert.ok(detail.startsWith(facilitiesBefore.find((f) => String(f.id) === chosen.value)!.name), `the chosen facility is shown in full (${detail})`);
    await page.getByTestId('outcome-note').fill('已转运至隔离酒店');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing overflows the phone screen');
    await shot('transfer-01-phone-facility-chosen');
    await page.getByTestId('outcome-submit').click();
    await page.locator(`[data-testid="task-card"][data-task-id="${taskId}"][data-urgency="closed"]`).waitFor();
    await page.locator('[data-testid="sync-status"][data-waiting="0"]').waitFor();
    await shot('transfer-02-phone-task-closed');

    const task = await api('grid', `/api/tasks/${taskId}`);
    assert.deepEqual([task.body.status, task.body.outcome?.code, task.body.outcome?.note], ['done', 'transferred', '已转运至隔离酒店']);
    const facilitiesAfter = (await api('grid', '/api/facilities')).body.facilities as Facility[];
    const before = facilitiesBefore.find((f) => String(f.id) === chosen.value)!;
    const afterwards = facilitiesAfter.find((f) => f.id === before.id)!;
    assert.ok(chosen.text.startsWith(before.name), `the option names the facility (${chosen.text})`);
    assert.equal(afterwards.occupied, before.occupied + 1, 'the person is placed in the chosen facility');
    assert.deepEqual(browser!.errors, [], 'no page errors');
  });

  it('the epidemiologist sees an escalation notice under the unread badge on the progress view and marks it read', async () => {
    // The late family's tasks are overdue as soon as they exist: the next escalation lifts them with a notice.
    const deadline = Date.now() + jobTimeoutMs;
    let unread = 0;
    while (unread === 0) {
      assert.ok(Date.now() < deadline, 'an escalation notice arrives');
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      const listed = await api('epi', '/api/task-notices?unread=true');
      assert.equal(listed.status, 200, JSON.stringify(listed.body));
      unread = listed.body.unread as number;
    }

    await page.getByTestId('logout').click();
    await signInAs(page, 'epi', demoPassword);
    await page.getByTestId('nav-progress').click();
    await page.getByTestId('task-notices').waitFor();
    const badge = page.getByTestId('notice-badge');
    await badge.waitFor();
    const shown = Number((await badge.textContent())?.trim());
    assert.ok(shown >= unread, `the badge counts the unread notices (badge ${shown}, API ${unread} before)`);
    const first = page.locator('[data-testid="notice"][data-read="false"]').first();
    await first.waitFor();
    assert.match((await first.textContent()) ?? '', /核实并转运集中隔离/, 'the notice names the task type');
    assert.match((await first.textContent()) ?? '', /刚刚|分钟前/, 'how long ago it climbed, "just now" under a minute');
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), 390, 'nothing overflows the phone screen');
    await first.scrollIntoViewIfNeeded();
    await shot('notices-01-phone-unread');

    await page.getByTestId('notice-unread-only').check();
    const unreadItems = page.locator('[data-testid="notice"][data-read="false"]');
    await unreadItems.first().waitFor();
    const before = await unreadItems.count();
    await unreadItems.first().getByTestId('notice-mark-read').click();
    const expected = shown - 1;
    await page.waitForFunction(
      (count) => {
        const text = document.querySelector('[data-testid="notice-badge"]')?.textContent?.trim() ?? '0';
        return Number(text) === count;
      },
      expected,
    );
    assert.equal(await unreadItems.count(), before - 1, 'the notice read leaves the unread list');
    const listed = await api('epi', '/api/task-notices?unread=true');
    assert.equal(listed.body.unread, expected, 'marked read for the whole level');
    await shot('notices-02-phone-one-read');
    assert.deepEqual(browser!.errors, [], 'no page errors');
  });
});
