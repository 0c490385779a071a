import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testBackends, type SqlClient } from '@epigrid/store';
import type { TaskNoticeView } from '../presenters/task-notice-presenter.js';
import { buildTaskFixture, type TaskFixture } from '../testing/task-fixture.js';
import { escalateTasks } from '../use-cases/escalate-tasks.js';
import { generateTasks } from '../use-cases/generate-tasks.js';

interface NoticePage {
  notices: TaskNoticeView[];
  unread: number;
  next: string | null;
}

for (const backend of testBackends()) {
  describe(`escalation notices over HTTP on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: TaskFixture;
    const person = (i: number): number => fx.jurisdiction.people[i]!.id;
    const tokens = new Map<string, string>();
    const token = async (username: string): Promise<string> => tokens.get(username) ?? tokens.set(username, await fx.signIn(username)).get(username)!;
    const call = async (username: string, method: 'GET' | 'POST', url: string, payload?: Record<string, unknown>): Promise<{ statusCode: number; body: string; json: () => unknown }> =>
      fx.app.inject({ method, url, headers: { authorization: `Bearer ${await token(username)}` }, ...(payload === undefined ? {} : { payload }) });
    const page = async (username: string, query = ''): Promise<NoticePage> => {
      const res = await call(username, 'GET', `/api/task-notices${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as NoticePage;
    };

    before(async () => {
      db = await backend.open();
      fx = await buildTaskFixture(db);
      // Persons 4 (A2g1) and 8 (B1g1) have nobody in their towns: their tasks wait at the community and climb.
      await fx.traceContact(person(4), 'close');
      await fx.traceContact(person(8), 'close');
      await generateTasks(fx.services);
      fx.setNow('2026-03-10T20:00:01+08:00');
      await escalateTasks(fx.services); // → towns A2, B1
      fx.setNow('2026-03-11T02:00:01+08:00');
      await escalateTasks(fx.services); // → counties A, B
    });
    after(async () => {
      await fx.app.close();
      await db.close();
    });

    it('lists the notices of the caller’s jurisdiction, newest first, with the unread count and the person’s name only', async () => {
      const county = await page(fx.jurisdiction.users.county.username);
      assert.equal(county.unread, 2);
      assert.deepEqual(county.notices.map((n) => [n.region.level, n.task.personName, n.read]), [
        ['county', fx.jurisdiction.people[4]!.name, false],
        ['town', fx.jurisdiction.people[4]!.name, false],
      ]);
      const first = county.notices[0]!;
      assert.equal(first.kind, 'escalated');
      assert.equal(first.task.type, 'verify_close_contact');
      assert.equal(first.task.escalations, 2);
      assert.equal(first.task.overdue, true);
      assert.ok(!JSON.stringify(county).includes(fx.jurisdiction.people[4]!.phone), 'no phone');
      const town = await page(fx.jurisdiction.users.town.username);
      assert.deepEqual(town.notices, [], 'town A1 saw nothing climb through it');
      const city = await page(fx.jurisdiction.users.epi.username);
      assert.equal(city.unread, 4);
      const audit = await db.query<{ details: { persons: number[] } }>(`SELECT details FROM audit_log WHERE action = 'task.notice.list' ORDER BY seq LIMIT 1`);
      assert.deepEqual(audit.rows[0]!.details.persons, [person(4)]);
    });

    it('pages with a cursor, and filters the unread', async () => {
      const one = await page(fx.jurisdiction.users.epi.username, '?limit=3');
      assert.equal(one.notices.length, 3);
      assert.ok(one.next !== null);
      const two = await page(fx.jurisdiction.users.epi.username, `?limit=3&cursor=${encodeURIComponent(one.next)}`);
      assert.equal(two.notices.length, 1);
      assert.equal(new Set([...one.notices, ...two.notices].map((n) => n.id)).size, 4);
    });

    it('marks read only the caller’s notices, once, for the whole level', async () => {
      const county = await page(fx.jurisdiction.users.county.username);
      const other = await page(fx.jurisdiction.users.otherCounty.username);
      const ids = [county.notices[0]!.id, other.notices[0]!.id];
      const res = await call(fx.jurisdiction.users.county.username, 'POST', '/api/task-notices/read', { ids });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(res.json(), { marked: [county.notices[0]!.id], unread: 1 });
      const again = await call(fx.jurisdiction.users.county.username, 'POST', '/api/task-notices/read', { ids });
      assert.deepEqual(again.json(), { marked: [], unread: 1 });
      assert.deepEqual((await page(fx.jurisdiction.users.county.username, '?unread=true')).notices.map((n) => n.region.level), ['town']);
      assert.equal((await page(fx.jurisdiction.users.otherCounty.username)).unread, 2, 'county B’s notices are untouched');
      const read = (await page(fx.jurisdiction.users.county.username)).notices.find((n) => n.id === ids[0])!;
      assert.equal(read.read, true);
      assert.equal(read.readAt, '2026-03-10T18:00:01.000Z');
    });

    it('refuses users without the ability, and audits the refusal', async () => {
      for (const username of [fx.workers.gridA.username, fx.jurisdiction.users.auditor.username]) {
        assert.equal((await call(username, 'GET', '/api/task-notices')).statusCode, 403);
        assert.equal((await call(username, 'POST', '/api/task-notices/read', { ids: [1] })).statusCode, 403);
      }
      const refused = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'task.notice.%' AND outcome = 'refused'`);
      assert.equal(refused.rows[0]!.n, 4);
      assert.equal((await call(fx.jurisdiction.users.county.username, 'POST', '/api/task-notices/read', { ids: [] })).statusCode, 400);
    });
  });
}
