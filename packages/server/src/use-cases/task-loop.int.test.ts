import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { getPersonStates, testBackends, type SqlClient } from '@epigrid/store';
import type { TaskView } from '../presenters/task-presenter.js';
import { buildTaskFixture, type TaskFixture } from '../testing/task-fixture.js';
import { escalateTasks } from './escalate-tasks.js';
import { generateTasks } from './generate-tasks.js';

interface TaskRow {
  id: number;
  personId: number;
  type: string;
  level: string;
  path: string;
  assignee: number | null;
  status: string;
  escalations: number;
}

for (const backend of testBackends()) {
  describe(`the closed loop (generate → route → outcome → follow-up → escalate) on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: TaskFixture;
    let gridToken: string;
    let gridBToken: string;
    const person = (i: number): number => fx.jurisdiction.people[i]!.id;
    const tasks = async (): Promise<TaskRow[]> =>
      (
        await db.query<TaskRow>(
          `SELECT id::int, person_id::int AS "personId", type, assigned_level AS level, assigned_region_path::text AS path,
                  assignee_user_id::int AS assignee, status, escalations FROM task ORDER BY id`,
        )
      ).rows;
    const taskOf = async (personId: number, type = 'verify_close_contact'): Promise<TaskRow> => {
      const found = (await tasks()).find((t) => t.personId === personId && t.type === type);
      assert.ok(found, `a ${type} task for person ${personId}`);
      return found;
    };
    const get = async (token: string, url: string): Promise<{ statusCode: number; body: string; json: () => unknown }> =>
      fx.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const postOutcome = async (token: string, taskId: number, payload: Record<string, unknown>): Promise<{ statusCode: number; body: string; json: () => unknown }> =>
      fx.app.inject({ method: 'POST', url: `/api/tasks/${taskId}/outcomes`, headers: { authorization: `Bearer ${token}` }, payload });

    before(async () => {
      db = await backend.open();
      fx = await buildTaskFixture(db);
      // people 0,1: grid A1g1 (two workers); 2,3: A1g2 (none; community A1c has one); 4,5: A2g1 (nobody in town A2).
      await fx.traceContact(person(1), 'close');
      await fx.traceContact(person(2), 'close');
      await fx.traceContact(person(3), 'close');
      await fx.traceContact(person(4), 'close');
      await fx.traceContact(person(5), 'sub-close');
      gridToken = await fx.signIn(fx.workers.gridA.username);
      gridBToken = await fx.signIn(fx.workers.gridB.username);
    });
    after(async () => {
      await fx.app.close();
      await db.close();
    });

    it('generates one task per traced contact, once', async () => {
      const first = await generateTasks(fx.services);
      assert.equal(first.created, 5);
      assert.equal(first.routed, 5);
      const again = await generateTasks(fx.services);
      assert.deepEqual(again, { created: 0, routed: 0, pushedTo: 0 });
      assert.equal((await taskOf(person(5), 'home_isolation_tests')).status, 'open');
    });

    it('routes to the grid worker, to the next level up without one, and waits one level up with nobody', async () => {
      const inGrid = await taskOf(person(1));
      assert.equal(inGrid.level, 'grid');
      assert.ok([fx.workers.gridA.id, fx.workers.gridB.id].includes(inGrid.assignee!));
      for (const i of [2, 3]) {
        const t = await taskOf(person(i));
        assert.equal(t.level, 'community');
        assert.equal(t.assignee, fx.workers.community.id);
      }
      const nobody = await taskOf(person(4));
      assert.equal(nobody.level, 'community');
      assert.equal(nobody.assignee, null);
      assert.ok(nobody.path.endsWith('A2c'), nobody.path);
    });

    it('shows a grid worker only their own tasks, with the phone masked, by deadline', async () => {
      const own = await taskOf(person(1));
      const holder = own.assignee === fx.workers.gridA.id ? gridToken : gridBToken;
      const other = own.assignee === fx.workers.gridA.id ? gridBToken : gridToken;
      const res = await get(holder, '/api/tasks?view=region');
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { tasks: TaskView[]; next: string | null };
      assert.deepEqual(body.tasks.map((t) => t.id), [own.id]);
      const view = body.tasks[0]!;
      assert.equal(view.person?.name, fx.jurisdiction.people[1]!.name);
      assert.match(view.person?.phoneMasked ?? '', /^\*+\d{4}$/);
      assert.ok(!JSON.stringify(view).includes(fx.jurisdiction.people[1]!.phone), 'the clear phone never leaves');
      assert.deepEqual(view.allowedOutcomes, ['reached', 'transferred', 'not_home', 'moved', 'refused']);
      assert.equal(view.overdue, false);
      assert.equal(((await get(other, '/api/tasks')).json() as { tasks: TaskView[] }).tasks.length, 0);
      assert.equal((await get(other, `/api/tasks/${own.id}`)).statusCode, 403);
      assert.equal((await get(holder, `/api/tasks/${own.id}`)).statusCode, 200);
      const audit = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'task.read' AND subject = $1`, [`task:${own.id}`]);
      assert.equal(audit.rows[0]!.n, 2, 'the allowed and the refused read are both audited');
    });

    it('records an outcome once: state under quarantine, task done; the same clientId again adds nothing', async () => {
      const own = await taskOf(person(1));
      const token = own.assignee === fx.workers.gridA.id ? gridToken : gridBToken;
      const payload = { clientId: randomUUID(), code: 'reached', note: 'at home, agreed', recordedAt: '2026-03-10T13:00:00+08:00' };
      const first = await postOutcome(token, own.id, payload);
      assert.equal(first.statusCode, 201, first.body);
      const task = (first.json() as { task: TaskView }).task;
      assert.equal(task.status, 'done');
      assert.deepEqual(task.outcome, { code: 'reached', note: 'at home, agreed', recordedAt: '2026-03-10T05:00:00.000Z' });
      const replay = await postOutcome(token, own.id, payload);
      assert.equal(replay.statusCode, 200, replay.body);
      assert.deepEqual(replay.json(), first.json());
      const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM task_outcome WHERE task_id = $1', [own.id]);
      assert.equal(count.rows[0]!.n, 1);
      const [state] = await getPersonStates(db, [person(1)]);
      assert.equal(state?.state, 'under_quarantine');
      assert.equal(state?.since.toISOString(), '2026-03-10T05:00:00.000Z');
      assert.equal(state?.needsRejudgment, true);
      const again = await postOutcome(token, own.id, { ...payload, clientId: randomUUID() });
      assert.equal(again.statusCode, 409, 'a closed task takes no new outcome');
    });

    it('refuses an outcome the task type does not allow, and a transfer without a facility, naming the field', async () => {
      const communityToken = await fx.signIn(fx.workers.community.username);
      const t = await taskOf(person(2));
      const tested = await postOutcome(communityToken, t.id, { clientId: randomUUID(), code: 'tested', recordedAt: '2026-03-10T13:00:00+08:00' });
      assert.equal(tested.statusCode, 400);
      assert.match(tested.body, /"field":"code"/);
      const transfer = await postOutcome(communityToken, t.id, { clientId: randomUUID(), code: 'transferred', recordedAt: '2026-03-10T13:00:00+08:00' });
      assert.equal(transfer.statusCode, 400);
      assert.match(transfer.body, /"field":"facilityId"/);
      const badPhoto = await postOutcome(communityToken, t.id, { clientId: randomUUID(), code: 'reached', photo: 'data:text/html;base64,AAAA', recordedAt: '2026-03-10T13:00:00+08:00' });
      assert.equal(badPhoto.statusCode, 400);
      assert.match(badPhoto.body, /"field":"photo"/);
    });

    it('a refusal creates, routes and assigns the follow-up review; not home keeps the task open', async () => {
      const communityToken = await fx.signIn(fx.workers.community.username);
      const refused = await taskOf(person(2));
      const res = await postOutcome(communityToken, refused.id, { clientId: randomUUID(), code: 'refused', recordedAt: '2026-03-10T14:00:00+08:00' });
      assert.equal(res.statusCode, 201, res.body);
      const review = await taskOf(person(2), 'review_refusal');
      assert.equal(review.assignee, fx.workers.community.id);
      assert.equal((await getPersonStates(db, [person(2)]))[0]?.state, 'refused');
      const notHome = await taskOf(person(3));
      const res2 = await postOutcome(communityToken, notHome.id, { clientId: randomUUID(), code: 'not_home', recordedAt: '2026-03-10T14:10:00+08:00' });
      assert.equal(res2.statusCode, 201, res2.body);
      assert.equal((res2.json() as { task: TaskView }).task.status, 'open');
      assert.equal((await getPersonStates(db, [person(3)]))[0]?.state, 'unreachable');
    });

    it('escalates only past the deadline, one level per step, with a notice to that level', async () => {
      // Close contacts: deadline = report (09 Mar 20:00 +08) + 24 h; step 6 h.
      fx.setNow('2026-03-10T20:00:00+08:00');
      assert.deepEqual(await escalateTasks(fx.services), { escalated: 0 }, 'at the deadline itself nothing moves');
      fx.setNow('2026-03-10T20:00:01+08:00');
      const first = await escalateTasks(fx.services);
      const stillOpenClose = (await tasks()).filter((t) => t.type === 'verify_close_contact' && t.status === 'open');
      assert.equal(first.escalated, stillOpenClose.length);
      const notHome = await taskOf(person(3));
      assert.equal(notHome.level, 'town');
      assert.equal(notHome.escalations, 1);
      assert.equal(notHome.assignee, null);
      assert.deepEqual(await escalateTasks(fx.services), { escalated: 0 }, 'one level per step');
      fx.setNow('2026-03-11T02:00:01+08:00');
      await escalateTasks(fx.services);
      assert.equal((await taskOf(person(3))).level, 'county');
      const notices = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM task_notice WHERE task_id = $1 AND kind = 'escalated'`, [notHome.id]);
      assert.equal(notices.rows[0]!.n, 2);
      const countyToken = await fx.signIn(fx.jurisdiction.users.county.username);
      const overdue = await get(countyToken, '/api/tasks?view=region&status=overdue');
      assert.equal(overdue.statusCode, 200, overdue.body);
      assert.ok((overdue.json() as { tasks: TaskView[] }).tasks.some((t) => t.id === notHome.id && t.overdue && t.assignedLevel === 'county'));
    });

    it('reports progress per child region for a level', async () => {
      const countyToken = await fx.signIn(fx.jurisdiction.users.county.username);
      const res = await get(countyToken, '/api/progress');
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { region: { level: string }; children: Array<{ code: string; open: number; overdue: number; medianHoursToControl: number | null }> };
      assert.equal(body.region.level, 'county');
      const a1 = body.children.find((c) => c.code.endsWith('-A1'))!;
      // Done: person 1 at 13:00 (17 h after the report at 20:00 the day before) and person 2 at 14:00 (18 h).
      assert.equal(a1.medianHoursToControl, 17.5);
      assert.ok(a1.open >= 2 && a1.overdue >= 1, JSON.stringify(a1));
      assert.equal((await get(countyToken, `/api/progress?region=${fx.jurisdiction.users.otherCounty.gridCodes[0] ?? 'x'}`)).statusCode, 403);
    });
  });
}
