import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { getPersonStates, testBackends, type SqlClient } from '@epigrid/store';
import { buildTaskFixture, type TaskFixture } from '../testing/task-fixture.js';
import { reportCase, setPersonState, tasksOfType, traceManagedContact } from '../testing/trigger-fixture.js';
import { generateTasks } from './generate-tasks.js';

for (const backend of testBackends()) {
  describe(`the end of a quarantine asks for a release check on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: TaskFixture;
    const person = (i: number): number => fx.jurisdiction.people[i]!.id;
    const releaseChecks = async (): Promise<Array<[number, string, string]>> => (await tasksOfType(db, 'release_check')).map((t) => [t.personId, t.subjectKey, t.status]);

    before(async () => {
      db = await backend.open();
      fx = await buildTaskFixture(db);
      // Today is 10 Mar (+08). Person 1's plans end on 9 and 11 Mar (the later one counts), person 2's on 13 Mar;
      // person 3's ends today but they are released already; person 4's ends today but they became a case.
      await traceManagedContact(fx, person(1), 'close', { endDate: '2026-03-09', testDates: [] });
      await traceManagedContact(fx, person(1), 'sub-close', { endDate: '2026-03-11', testDates: [] });
      await traceManagedContact(fx, person(2), 'sub-close', { endDate: '2026-03-13', testDates: [] });
      await traceManagedContact(fx, person(3), 'close', { endDate: '2026-03-10', testDates: [] });
      await traceManagedContact(fx, person(4), 'close', { endDate: '2026-03-10', testDates: [] });
      await setPersonState(db, person(1), 'under_quarantine', '2026-03-09T22:00:00+08:00');
      await setPersonState(db, person(2), 'home_isolation', '2026-03-09T22:00:00+08:00');
      await setPersonState(db, person(3), 'released', '2026-03-10T08:00:00+08:00');
      await setPersonState(db, person(4), 'under_quarantine', '2026-03-09T22:00:00+08:00');
      await reportCase(db, person(4), '2026-03-10T09:00:00+08:00');
    });
    after(async () => {
      await fx.app.close();
      await db.close();
    });

    it('lists the check from the day before the last day, due at the end of that day, routed to the grid, once', async () => {
      await generateTasks(fx.services);
      assert.deepEqual(await releaseChecks(), [[person(1), `end:2026-03-11:person:${person(1)}`, 'open']]);
      const [task] = await tasksOfType(db, 'release_check');
      assert.equal(task!.deadline, '2026-03-11T16:00:00.000Z', 'the end of 11 Mar (+08)');
      assert.equal(task!.level, 'grid');
      assert.deepEqual(task!.source, { endDate: '2026-03-11', state: 'under_quarantine', stateSince: task!.source.stateSince });
      assert.deepEqual(await generateTasks(fx.services), { created: 0, routed: 0, pushedTo: 0 }, 'a second run adds nothing');
    });

    it('a release closes the loop: released, and no second check', async () => {
      const [task] = await tasksOfType(db, 'release_check');
      const token = await fx.signIn(task!.assignee === fx.workers.gridA.id ? fx.workers.gridA.username : fx.workers.gridB.username);
      const res = await fx.app.inject({
        method: 'POST',
        url: `/api/tasks/${task!.id}/outcomes`,
        headers: { authorization: `Bearer ${token}` },
        payload: { clientId: randomUUID(), code: 'reached', recordedAt: '2026-03-11T10:00:00+08:00' },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((await getPersonStates(db, [person(1)]))[0]?.state, 'released');
      fx.setNow('2026-03-12T09:00:00+08:00');
      await generateTasks(fx.services);
      assert.deepEqual((await releaseChecks()).map(([p, , status]) => [p, status]), [[person(1), 'done'], [person(2), 'open']], 'person 2: the day before 13 Mar');
    });
  });
}
