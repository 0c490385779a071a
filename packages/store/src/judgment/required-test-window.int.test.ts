import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { taskTypeById, type FiringRule } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import { insertRegion } from '../regions/region-registry.js';
import { generateTriggerTasks } from '../tasks/trigger-tasks.js';
import type { TriggerTaskRule } from '../tasks/trigger-rule.js';
import { testBackends } from '../testing/test-databases.js';
import { takePendingPersons } from './affected-persons.js';
import { readHealthFacts } from './person-facts.js';

const at = (iso: string): number => Date.parse(iso) / 1000;
/** China Standard Time, the instance's offset; the database session runs in another zone on purpose. */
const CST = 480;
const SESSION_ZONE = 'America/Los_Angeles';

/** The samples of six quarantined close contacts, each planned to test on 12 March (local, +08:00). */
const samples: ReadonlyArray<[string, string | null]> = [
  ['first instant of the day', '2026-03-12T00:00:00.000+08:00'],
  ['last instant of the day', '2026-03-12T23:59:59.999+08:00'],
  ['one second before local midnight, the day before', '2026-03-11T23:59:59.000+08:00'],
  ['local midnight that ends the day', '2026-03-13T00:00:00.000+08:00'],
  ['noon the day before', '2026-03-11T12:00:00.000+08:00'],
  ['no sample', null],
];

for (const backend of testBackends()) {
  describe(`a planned test is missed unless sampled on its local day (or the profile's tolerance) on ${backend.name}`, () => {
    let db: SqlClient;
    const persons: number[] = [];
    const urge = taskTypeById('urge_test')!;
    const rule = (testDayToleranceHours: number): TriggerTaskRule =>
      ({ type: urge.id, ruleId: urge.ruleId, priority: urge.priority, deadlineHours: urge.deadlineHours, fires: urge.fires as FiringRule, routing: urge.routing, testDayToleranceHours });

    /** Runs work in a transaction whose session time zone is far from the instance's offset. */
    const inOtherZone = <T>(work: (tx: SqlClient) => Promise<T>): Promise<T> =>
      db.transaction(async (tx) => {
        await tx.query(`SET LOCAL TimeZone = '${SESSION_ZONE}'`);
        return work(tx);
      });
    const missedFacts = async (testDayToleranceHours?: number): Promise<Array<[number, number]>> => {
      const facts = await inOtherZone((tx) => readHealthFacts(tx, persons, { utcOffsetMinutes: CST, ...(testDayToleranceHours === undefined ? {} : { testDayToleranceHours }) }));
      return persons.flatMap((p, i) => (facts.get(p) ?? []).filter((f) => f.input === 'missed-required-test').map((f): [number, number] => [i, f.at]));
    };
    const remind = async (now: string, testDayToleranceHours: number): Promise<number[]> => {
      const created = await inOtherZone((tx) => generateTriggerTasks(tx, rule(testDayToleranceHours), { now: new Date(now), utcOffsetMinutes: CST }));
      if (created.length === 0) return [];
      const rows = await db.query<{ personId: number }>(`SELECT person_id AS "personId" FROM task WHERE id = ANY($1::bigint[])`, [created.map((t) => t.id)]);
      return rows.rows.map((r) => persons.indexOf(Number(r.personId))).sort();
    };

    before(async () => {
      db = await backend.open();
      const tag = randomBytes(3).toString('hex');
      const community = await insertRegion(db, { code: `w${tag}c`, parentId: null, level: 'community', nameZh: '社区', nameEn: 'Community' });
      const grid = await insertRegion(db, { code: `w${tag}g`, parentId: community.id, level: 'grid', nameZh: '网格', nameEn: 'Grid' });
      for (let i = 0; i <= samples.length; i++) {
        const row = await db.query<{ id: number }>(
          `INSERT INTO person (name, sex, birth_date, id_number_hash, id_number_cipher, id_number_tail, grid_id, region_path)
           VALUES ($1, 'female', '1990-01-01', $2, 'x', '0000', $3, $4::ltree) RETURNING id`,
          [`w${i}`, `${tag}-${i}`, grid.id, grid.path],
        );
        if (i < samples.length) persons.push(Number(row.rows[0]!.id));
        else {
          const report = await db.query<{ id: number }>(
            `INSERT INTO case_report (report_id, person_id, classification, sampling_date, report_time)
             VALUES ($1, $2, 'confirmed', '2026-03-09', '2026-03-09T20:00:00+08:00') RETURNING id`,
            [`W-${tag}`, row.rows[0]!.id],
          );
          for (const person of persons) {
            await db.query(
              `INSERT INTO traced_contact (case_report_id, person_id, kind, profile_id, rule_ids, evidence, first_exposure, last_exposure, management, listed_at)
               VALUES ($1, $2, 'close', 'P', '{r}', '[]', '2026-03-08T10:00:00+08:00', '2026-03-08T12:00:00+08:00',
                       '{"endDate": "2026-03-15", "tests": [{"phase": "centralised", "date": "2026-03-12"}]}', '2026-03-09T21:00:00+08:00')`,
              [report.rows[0]!.id, person],
            );
            await db.query(`INSERT INTO person_state (person_id, state, since, needs_rejudgment) VALUES ($1, 'under_quarantine', '2026-03-09T22:00:00+08:00', false)`, [person]);
          }
        }
      }
      for (const [i, [, sampledAt]] of samples.entries()) {
        if (sampledAt === null) continue;
        await db.query(
          `INSERT INTO lab_result (sample_id, person_id, tube_id, pool_size, sampled_at, resulted_at, result, lab_code) VALUES ($1, $2, $1, 1, $3, $3, 'negative', 'L')`,
          [`W-${tag}-${i}`, persons[i], sampledAt],
        );
      }
    });
    after(async () => {
      await db.close();
    });

    it('counts only samples from the first to the last instant of the planned local day, whatever the session time zone', async () => {
      const endOfDay = at('2026-03-13T00:00:00+08:00');
      assert.deepEqual(await missedFacts(), [2, 3, 4, 5].map((i) => [i, endOfDay]), samples.map(([what], i) => `${i}: ${what}`).join('; '));
    });

    it('widens the day by the tolerance a profile states, and the test is missed only once the tolerance has passed', async () => {
      const twoHoursLater = at('2026-03-13T02:00:00+08:00');
      assert.deepEqual(await missedFacts(2), [[4, twoHoursLater], [5, twoHoursLater]], 'a second before midnight and midnight itself count with 2 h');
      assert.deepEqual(await missedFacts(0), await missedFacts(), 'a tolerance of 0 is none');
    });

    it('has the minute recompute judge the same people again once the day has passed, once', async () => {
      const pending = async (now: string): Promise<number[]> => {
        const taken = await inOtherZone(async (tx) => {
          const found = await takePendingPersons(tx, new Date(now), { utcOffsetMinutes: CST, testDayToleranceHours: 0 });
          await found.commit();
          return found.personIds;
        });
        return taken.map((p) => persons.indexOf(p)).filter((i) => i >= 0).sort();
      };
      // The first run reads every new row (the contacts were just listed): all six.
      assert.deepEqual(await pending('2026-03-12T12:00:00+08:00'), [0, 1, 2, 3, 4, 5]);
      assert.deepEqual(await pending('2026-03-12T23:59:59+08:00'), [], 'the planned day has not ended');
      assert.deepEqual(await pending('2026-03-13T00:00:30+08:00'), [2, 3, 4, 5], 'the day ended without a sample on it');
      assert.deepEqual(await pending('2026-03-13T00:01:30+08:00'), [], 'and only once');
    });

    it('knocks on the doors of the same people, once the window has passed', async () => {
      assert.deepEqual(await remind('2026-03-12T23:59:59+08:00', 0), [], 'the day has not ended');
      assert.deepEqual(await remind('2026-03-13T01:59:59+08:00', 2), [], 'nor has the tolerance after it');
      assert.deepEqual(await remind('2026-03-13T02:00:00+08:00', 2), [4, 5], 'with 2 h: the samples a second before and at midnight count');
      assert.deepEqual(await remind('2026-03-13T02:00:00+08:00', 0), [2, 3], 'without a tolerance they do not');
      const subjects = await db.query<{ subjectKey: string }>(`SELECT subject_key AS "subjectKey" FROM task WHERE person_id = ANY($1::bigint[]) ORDER BY person_id`, [persons]);
      assert.deepEqual(subjects.rows.map((r) => r.subjectKey), [2, 3, 4, 5].map((i) => `test:2026-03-12:person:${persons[i]}`));
    });
  });
}
