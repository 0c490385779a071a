import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { getPersonStates, testBackends, type SqlClient } from '@epigrid/store';
import { buildTaskFixture, type TaskFixture } from '../testing/task-fixture.js';
import { insertLabResults, listenForTasks, setPersonState, tasksOfType, type LabRow } from '../testing/trigger-fixture.js';
import { generateTasks } from './generate-tasks.js';

for (const backend of testBackends()) {
  describe(`positive pooled tubes become retests on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: TaskFixture;
    const person = (i: number): number => fx.jurisdiction.people[i]!.id;
    const row = (sampleId: string, tubeId: string, personId: number | null, poolSize: 1 | 5 | 10, resultedAt: string, result: 'positive' | 'negative' = 'positive'): LabRow => ({
      sampleId,
      tubeId,
      poolSize,
      personId,
      sampledAt: '2026-03-10T07:30:00+08:00',
      resultedAt,
      result,
    });

    before(async () => {
      db = await backend.open();
      fx = await buildTaskFixture(db);
      // Now is 10 Mar 12:00 (+08). Tube T1 (5-in-1) turned positive at 10:00 with persons 1, 2, 3, 4 and an unresolved swab.
      await insertLabResults(db, [
        row('S1', 'T1', person(1), 5, '2026-03-10T10:00:00+08:00'),
        row('S2', 'T1', person(2), 5, '2026-03-10T10:00:00+08:00'),
        row('S3', 'T1', person(3), 5, '2026-03-10T10:00:00+08:00'),
        row('S4', 'T1', person(4), 5, '2026-03-10T10:00:00+08:00'),
        row('S5', 'T1', null, 5, '2026-03-10T10:00:00+08:00'),
        // Person 3 was retested alone after the tube's result; person 4's single test came out before it.
        row('S6', 'T6', person(3), 1, '2026-03-10T11:30:00+08:00', 'negative'),
        row('S7', 'T7', person(4), 1, '2026-03-10T09:00:00+08:00', 'negative'),
        // A negative pool, and a positive pool of four days ago (outside the 72 h of the rule).
        row('S8', 'T8', person(5), 10, '2026-03-10T10:00:00+08:00', 'negative'),
        row('S9', 'T9', person(6), 10, '2026-03-06T10:00:00+08:00'),
      ]);
      await setPersonState(db, person(1), 'under_quarantine', '2026-03-09T22:00:00+08:00');
    });
    after(async () => {
      await fx.app.close();
      await db.close();
    });

    it('gives one task per member with no individual result since the tube, routed and pushed, once', async () => {
      const gridA = listenForTasks(fx, fx.workers.gridA.id, 'grid_worker', (await db.query<{ p: string }>('SELECT region_path::text AS p FROM app_user WHERE id = $1', [fx.workers.gridA.id])).rows[0]!.p);
      const gridB = listenForTasks(fx, fx.workers.gridB.id, 'grid_worker', (await db.query<{ p: string }>('SELECT region_path::text AS p FROM app_user WHERE id = $1', [fx.workers.gridB.id])).rows[0]!.p);
      const first = await generateTasks(fx.services);
      assert.equal(first.created, 3);
      const tasks = await tasksOfType(db, 'retest_pool_member');
      assert.deepEqual(tasks.map((t) => t.personId), [person(1), person(2), person(4)]);
      assert.deepEqual(tasks.map((t) => t.subjectKey), [1, 2, 4].map((i) => `tube:T1:person:${person(i)}`));
      assert.equal(tasks[0]!.deadline, '2026-03-10T10:00:00.000Z', '6 h from when the loop saw the result (12:00 +08)');
      assert.deepEqual(tasks[0]!.source, { tubeId: 'T1', poolSize: 5, tubeResultedAt: tasks[0]!.source.tubeResultedAt, sampleId: 'S1' });
      // Person 1 lives in A1g1 (two workers), 2 in A1g2 (its community's worker), 4 in A2g1 (nobody: waits at its community).
      assert.equal(tasks[0]!.level, 'grid');
      assert.ok([fx.workers.gridA.id, fx.workers.gridB.id].includes(tasks[0]!.assignee!));
      assert.deepEqual([tasks[1]!.level, tasks[1]!.assignee], ['community', fx.workers.community.id]);
      assert.deepEqual([tasks[2]!.level, tasks[2]!.assignee], ['community', null]);
      assert.deepEqual([...gridA.received, ...gridB.received], [tasks[0]!.id], 'pushed to the grid worker who holds it, and only to them');
      gridA.close();
      gridB.close();
      assert.deepEqual(await generateTasks(fx.services), { created: 0, routed: 0, pushedTo: 0 }, 'a second run adds nothing');
    });

    it('a retest closes the task and leaves the member’s quarantine as it was; the tube asks no more', async () => {
      const [task] = await tasksOfType(db, 'retest_pool_member');
      const token = await fx.signIn(task!.assignee === fx.workers.gridA.id ? fx.workers.gridA.username : fx.workers.gridB.username);
      const res = await fx.app.inject({
        method: 'POST',
        url: `/api/tasks/${task!.id}/outcomes`,
        headers: { authorization: `Bearer ${token}` },
        payload: { clientId: randomUUID(), code: 'tested', recordedAt: '2026-03-10T13:00:00+08:00' },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((await getPersonStates(db, [person(1)]))[0]?.state, 'under_quarantine');
      fx.setNow('2026-03-10T15:00:00+08:00');
      assert.equal((await generateTasks(fx.services)).created, 0);
      assert.equal((await tasksOfType(db, 'retest_pool_member')).length, 3);
    });

    it('a later positive tube of the same member asks again once the first retest is done', async () => {
      await insertLabResults(db, [row('S10', 'T10', person(1), 10, '2026-03-10T14:30:00+08:00')]);
      assert.equal((await generateTasks(fx.services)).created, 1);
      const again = (await tasksOfType(db, 'retest_pool_member')).filter((t) => t.personId === person(1));
      assert.deepEqual(again.map((t) => [t.subjectKey, t.status]), [
        [`tube:T1:person:${person(1)}`, 'done'],
        [`tube:T10:person:${person(1)}`, 'open'],
      ]);
    });
  });
}
