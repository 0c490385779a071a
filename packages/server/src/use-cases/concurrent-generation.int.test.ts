import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { generateTriggerTasks, testBackends, type RoutedTask, type SqlClient } from '@epigrid/store';
import { buildTaskFixture, type TaskFixture } from '../testing/task-fixture.js';
import { insertLabResults, setPersonState, tasksOfType, traceManagedContact } from '../testing/trigger-fixture.js';
import { triggerTaskRules } from './fire-trigger-tasks.js';
import { generateTasks } from './generate-tasks.js';

/** Waits until `count` sessions of this database wait for a lock (PostgreSQL). */
async function sessionsWaiting(db: SqlClient, count: number): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const waiting = await db.query<{ n: number }>(
      `SELECT count(DISTINCT pid)::int AS n FROM pg_locks WHERE NOT granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
    );
    if (waiting.rows[0]!.n >= count) return;
    assert.ok(Date.now() < deadline, `${count} sessions never waited for a lock`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

for (const backend of testBackends()) {
  describe(`two generation passes at the same time give a person one open task of a type on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: TaskFixture;
    const person = (i: number): number => fx.jurisdiction.people[i]!.id;
    const openPerPerson = async (type: string): Promise<Map<number, string[]>> => {
      const open = new Map<number, string[]>();
      for (const t of await tasksOfType(db, type)) if (t.status === 'open') open.set(t.personId, [...(open.get(t.personId) ?? []), t.subjectKey]);
      return open;
    };

    before(async () => {
      db = await backend.open();
      fx = await buildTaskFixture(db);
      // Person 5 (A2g1), quarantined, was to test on 9 Mar and did not; round MT1 sampled a neighbour
      // (person 4) from 8 Mar 08:00 and closed 36 h later (9 Mar 20:00) without person 5.
      await traceManagedContact(fx, person(5), 'close', { endDate: '2026-03-15', testDates: ['2026-03-09'] });
      await setPersonState(db, person(5), 'under_quarantine', '2026-03-09T22:00:00+08:00');
      await insertLabResults(db, [
        { sampleId: 'R4', tubeId: 'T-R4', poolSize: 1, personId: person(4), sampledAt: '2026-03-08T08:00:00+08:00', resultedAt: '2026-03-08T12:00:00+08:00', result: 'negative', roundId: 'MT1' },
      ]);
    });
    after(async () => {
      await fx.app.close();
      await db.close();
    });

    it('a pass that sees the missed round and one that sees the missed test day, overlapping, leave one reminder', async () => {
      const rule = triggerTaskRules(fx.services.profile).find((r) => r.type === 'urge_test')!;
      // The first pass runs before the end of 9 Mar (the round has closed, the test day has not ended),
      // the second after it: alone, each would remind person 5 for a different reason.
      const passes = (): Promise<RoutedTask[][]> =>
        Promise.all([
          generateTriggerTasks(db, rule, { now: new Date('2026-03-09T21:00:00+08:00'), utcOffsetMinutes: 480 }),
          generateTriggerTasks(db, rule, { now: new Date('2026-03-10T01:00:00+08:00'), utcOffsetMinutes: 480 }),
        ]);
      let created: RoutedTask[][];
      if (db.engine === 'postgres') {
        // Hold both passes at their first write to the task table, so that each has read before the other
        // wrote: without an exclusive pass both would then write a reminder for person 5.
        let running: Promise<RoutedTask[][]> | null = null;
        await db.transaction(async (tx) => {
          await tx.query('LOCK TABLE task IN SHARE MODE');
          running = passes();
          await sessionsWaiting(db, 2);
        });
        created = await running!;
      } else {
        created = await passes();
      }
      const open = await openPerPerson('urge_test');
      assert.equal(open.get(person(5))?.length, 1, `one open reminder for person 5, got ${JSON.stringify(open.get(person(5)))}`);
      for (const [personId, subjects] of open) assert.equal(subjects.length, 1, `person ${personId}: ${subjects.join(', ')}`);
      assert.equal(created.flat().length, [...open.values()].flat().length, 'every task created is open, once');
    });

    it('two whole passes at once (the minute job and a run after tracing) create each task once', async () => {
      for (const i of [2, 3, 8]) await fx.traceContact(person(i), 'close');
      fx.setNow('2026-03-10T12:00:00+08:00');
      const [a, b] = await Promise.all([generateTasks(fx.services), generateTasks(fx.services)]);
      assert.equal(a.created + b.created, 4, 'the three new contacts and person 5 (a contact since the start), once each');
      const open = await openPerPerson('verify_close_contact');
      assert.deepEqual([...open.keys()].sort((x, y) => x - y), [person(2), person(3), person(5), person(8)].sort((x, y) => x - y));
      for (const subjects of open.values()) assert.equal(subjects.length, 1);
    });
  });
}
