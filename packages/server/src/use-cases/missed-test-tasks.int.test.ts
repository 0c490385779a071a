import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { getPersonStates, testBackends, type SqlClient } from '@epigrid/store';
import { buildTaskFixture, type TaskFixture } from '../testing/task-fixture.js';
import { insertLabResults, reportCase, setPersonState, tasksOfType, traceManagedContact, type LabRow } from '../testing/trigger-fixture.js';
import { generateTasks } from './generate-tasks.js';

for (const backend of testBackends()) {
  describe(`missed tests and missed rounds become door knocks on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: TaskFixture;
    const person = (i: number): number => fx.jurisdiction.people[i]!.id;
    const swab = (sampleId: string, personId: number, sampledAt: string, roundId?: string): LabRow => ({
      sampleId,
      tubeId: `T-${sampleId}`,
      poolSize: 1,
      personId,
      sampledAt,
      resultedAt: sampledAt,
      result: 'negative',
      ...(roundId === undefined ? {} : { roundId }),
    });

    before(async () => {
      db = await backend.open();
      fx = await buildTaskFixture(db);
      // Today is 10 Mar (+08). Plans of three quarantined contacts with tests on 8, 9 and 11 Mar.
      const plan = { endDate: '2026-03-15', testDates: ['2026-03-08', '2026-03-09', '2026-03-11'] };
      for (const i of [1, 2, 3]) await traceManagedContact(fx, person(i), 'close', plan);
      for (const i of [1, 2]) await setPersonState(db, person(i), 'under_quarantine', '2026-03-09T22:00:00+08:00');
      // A swab counts only for its own local day: the one of 7 Mar covers neither 8 nor 9 Mar (the latest is asked for).
      await insertLabResults(db, [swab('P1-7', person(1), '2026-03-07T09:00:00+08:00')]);
      // Person 2 fell ill after being listed; person 3 was never placed under management.
      await reportCase(db, person(2), '2026-03-10T08:00:00+08:00');
      // Round MT1 (from 8 Mar 08:00, closed 36 h later) sampled persons 4 (A2g1) and 6 (A2g2); person 7 was
      // tested elsewhere while it ran, person 5 not at all. Round MT2 has not closed yet.
      await insertLabResults(db, [
        swab('R4', person(4), '2026-03-08T08:00:00+08:00', 'MT1'),
        swab('R6', person(6), '2026-03-08T09:00:00+08:00', 'MT1'),
        swab('E7', person(7), '2026-03-08T17:00:00+08:00'),
        swab('R8', person(8), '2026-03-10T08:00:00+08:00', 'MT2'),
      ]);
    });
    after(async () => {
      await fx.app.close();
      await db.close();
    });

    it('asks once for the latest missed test day of a person under management, and once per resident who missed a closed round', async () => {
      const first = await generateTasks(fx.services);
      const tasks = await tasksOfType(db, 'urge_test');
      assert.deepEqual(
        tasks.map((t) => t.subjectKey),
        [`test:2026-03-09:person:${person(1)}`, `round:MT1:person:${person(5)}`],
      );
      assert.equal(first.created, 3 + 2, 'the three contacts’ own tasks, and the two reminders');
      assert.deepEqual(tasks[0]!.source, { testDate: '2026-03-09', phase: 'centralised', tracedContactId: tasks[0]!.source.tracedContactId, caseId: fx.caseId });
      assert.equal(tasks[0]!.deadline, '2026-03-10T16:00:00.000Z', '12 h from when the loop noticed');
      assert.deepEqual([tasks[0]!.level, tasks[1]!.level, tasks[1]!.assignee], ['grid', 'community', null]);
      const check = await db.query<{ roundId: string; missing: number }>(`SELECT round_id AS "roundId", missing FROM task_round_check ORDER BY round_id`);
      assert.deepEqual(check.rows, [{ roundId: 'MT1', missing: 1 }]);
      assert.deepEqual(await generateTasks(fx.services), { created: 0, routed: 0, pushedTo: 0 }, 'a second run adds nothing');
    });

    it('a visit covers the days missed before it; a test day missed after it asks again; the reminder leaves the quarantine', async () => {
      const [task] = await tasksOfType(db, 'urge_test');
      const token = await fx.signIn(task!.assignee === fx.workers.gridA.id ? fx.workers.gridA.username : fx.workers.gridB.username);
      const res = await fx.app.inject({
        method: 'POST',
        url: `/api/tasks/${task!.id}/outcomes`,
        headers: { authorization: `Bearer ${token}` },
        payload: { clientId: randomUUID(), code: 'reached', recordedAt: '2026-03-10T14:00:00+08:00' },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((await getPersonStates(db, [person(1)]))[0]?.state, 'under_quarantine');
      assert.equal((await generateTasks(fx.services)).created, 0, 'the visit covered the 8 and 9 Mar tests');
      // Two days later: the 11 Mar test was missed too, and round MT2 has closed without person 9 (B1g1, like person 8).
      fx.setNow('2026-03-12T09:00:00+08:00');
      assert.equal((await generateTasks(fx.services)).created, 2);
      const all = (await tasksOfType(db, 'urge_test')).map((t) => [t.subjectKey, t.status]);
      assert.deepEqual(all, [
        [`test:2026-03-09:person:${person(1)}`, 'done'],
        [`test:2026-03-11:person:${person(1)}`, 'open'],
        [`round:MT1:person:${person(5)}`, 'open'],
        [`round:MT2:person:${person(9)}`, 'open'],
      ]);
    });
  });
}
