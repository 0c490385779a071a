import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SqlClient } from '../db/sql-client.js';
import { listMigrations, migrate } from '../migrate/migrate.js';
import { testBackends } from '../testing/test-databases.js';
import { companionFollowUp, seedCase, storeTrace, testPlan, tracedContact } from '../testing/test-traces.js';
import { takePendingPersons } from './affected-persons.js';

/** China Standard Time, no tolerance around the planned day. */
const CST = { utcOffsetMinutes: 480, testDayToleranceHours: 0 };
const INDEX = 'traced_contact_last_planned_test_day';

/** Each person's last planned test day, as text so that no driver turns it into a local Date. */
async function lastDays(db: SqlClient, persons: readonly number[]): Promise<Array<string | null>> {
  const rows = await db.query<{ personId: number; day: string | null }>(
    `SELECT person_id AS "personId", last_planned_test_day::text AS day FROM traced_contact WHERE person_id = ANY($1::bigint[])`,
    [persons],
  );
  return persons.map((p) => rows.rows.find((r) => Number(r.personId) === p)?.day ?? null);
}

for (const backend of testBackends()) {
  describe(`the last planned test day of a traced contact on ${backend.name}`, () => {
    let db: SqlClient;
    before(async () => {
      db = await backend.open();
    });
    after(async () => {
      await db.close();
    });

    it('follows every write of the plan: listed, re-traced, added, changed, removed; none for a companion', async () => {
      const { caseId, persons } = await seedCase(db, 3);
      const [planned, companion, unplanned] = persons as [number, number, number];
      await storeTrace(db, caseId, [tracedContact(planned, 'close', testPlan('2026-03-12', '2026-03-08')), tracedContact(companion, 'companion', companionFollowUp), tracedContact(unplanned, 'sub-close', null)]);
      assert.deepEqual(await lastDays(db, persons), ['2026-03-12', null, null], 'the greatest day, whatever the order');
      await storeTrace(db, caseId, [tracedContact(planned, 'close', testPlan('2026-03-08', '2026-03-15')), tracedContact(companion, 'companion', companionFollowUp), tracedContact(unplanned, 'sub-close', null)]);
      assert.deepEqual(await lastDays(db, persons), ['2026-03-15', null, null], 're-traced with a longer plan');
      await db.query(`UPDATE traced_contact SET management = $2::jsonb WHERE person_id = $1`, [unplanned, JSON.stringify(testPlan('2026-03-10'))]);
      assert.deepEqual(await lastDays(db, [unplanned]), ['2026-03-10'], 'a plan added');
      await db.query(
        `UPDATE traced_contact SET management = jsonb_set(management, '{tests}', management->'tests' || '[{"phase": "home", "day": 9, "date": "2026-03-17"}]') WHERE person_id = $1`,
        [unplanned],
      );
      assert.deepEqual(await lastDays(db, [unplanned]), ['2026-03-17'], 'a test day added to it');
      await db.query(`UPDATE traced_contact SET management = management - 'tests' WHERE person_id = $1`, [unplanned]);
      await db.query(`UPDATE traced_contact SET management = NULL WHERE person_id = $1`, [planned]);
      assert.deepEqual(await lastDays(db, [planned, unplanned]), [null, null], 'the plans removed');
    });

    it('looks for missed tests only among contacts whose plan reaches the window, through the index', async () => {
      const { caseId, persons } = await seedCase(db, 5);
      const [endsThatDay, goesOn, endedBefore, sampled, subClose] = persons as [number, number, number, number, number];
      await storeTrace(db, caseId, [
        tracedContact(endsThatDay, 'close', testPlan('2026-03-10', '2026-03-12')),
        tracedContact(goesOn, 'close', testPlan('2026-03-12', '2026-03-16')),
        tracedContact(endedBefore, 'close', testPlan('2026-03-08', '2026-03-09')),
        tracedContact(sampled, 'close', testPlan('2026-03-12')),
        tracedContact(subClose, 'sub-close', testPlan('2026-03-12')),
      ]);
      await db.query(
        `INSERT INTO lab_result (sample_id, person_id, tube_id, pool_size, sampled_at, resulted_at, result, lab_code)
         VALUES ($1, $2, $1, 1, '2026-03-12T09:00:00+08:00', '2026-03-12T15:00:00+08:00', 'negative', 'L')`,
        [`S-${caseId}`, sampled],
      );
      // The minute in which 12 March ends (+08:00): the bound is 10 March, after the last day of `endedBefore`.
      const now = new Date('2026-03-13T00:00:30+08:00');
      const primed = await takePendingPersons(db, new Date(now.getTime() - 60_000), CST);
      await primed.commit();
      const statements: Array<{ sql: string; params: readonly unknown[] }> = [];
      // In a transaction, so that the statements the query runs in one of its own are recorded too.
      const pending = await db.transaction((tx) => {
        const recording: SqlClient = {
          ...tx,
          query: (sql, params) => {
            statements.push({ sql, params: params ?? [] });
            return tx.query(sql, params);
          },
        };
        return takePendingPersons(recording, now, CST);
      });
      assert.deepEqual(pending.personIds.filter((p) => persons.includes(p)), [endsThatDay, goesOn, subClose].sort((a, b) => a - b));

      const missedTests = statements.find((s) => s.sql.includes('last_planned_test_day'));
      assert.ok(missedTests, 'the missed-test query bounds the last planned day');
      const explained = await db.transaction(async (tx) => {
        // A table this small is read whole anyway; what matters is that the index can serve the query.
        await tx.query('SET LOCAL enable_seqscan = off');
        return tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${missedTests.sql}`, missedTests.params);
      });
      const plan = explained.rows.map((r) => r['QUERY PLAN']).join('\n');
      assert.match(plan, new RegExp(INDEX));
      assert.match(plan, /Scan using lab_result_person_sampled on lab_result lr .*\n\s+Index Cond: \(\(person_id = planned\.person_id\)/, 'each planned day probes its person’s samples by index');
    });
  });

  describe(`migration 0013 on ${backend.name}`, () => {
    it('fills the last planned test day of the contacts listed before it', async () => {
      const db = await backend.open({ migrated: false });
      try {
        const migration = listMigrations().find((m) => m.name === '0013-planned-test-day-index');
        assert.ok(migration);
        await db.exec('CREATE TABLE schema_migration (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
        for (const earlier of listMigrations().filter((m) => m.version < migration.version)) {
          await db.exec(earlier.sql);
          await db.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [earlier.version, earlier.name]);
        }
        const { caseId, persons } = await seedCase(db, 3);
        await storeTrace(db, caseId, [tracedContact(persons[0]!, 'close', testPlan('2026-03-09', '2026-03-11')), tracedContact(persons[1]!, 'companion', companionFollowUp), tracedContact(persons[2]!, 'sub-close', null)]);
        assert.deepEqual((await migrate(db)).applied, listMigrations().filter((m) => m.version >= migration.version).map((m) => m.name));
        assert.deepEqual(await lastDays(db, persons), ['2026-03-11', null, null]);
      } finally {
        await db.close();
      }
    });
  });
}
