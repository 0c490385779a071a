import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createServices, generateTasks, loadTestConfig, type Services } from '@epigrid/server';
import { createUser, getPersonStates, insertRegion, testBackends, type SqlClient } from '@epigrid/store';
import { simulatedAttempt, type ResponseTimes } from './response-times.js';
import { respondToTasks } from './simulated-workers.js';

const times: ResponseTimes = { medianHours: 6, sigma: 0.8, notHomeShare: 0 };

for (const backend of testBackends()) {
  describe(`simulated grid workers on ${backend.name}`, () => {
    let db: SqlClient;
    let services: Services;
    let now = new Date('2026-03-09T23:59:59+08:00');
    const people: number[] = [];

    before(async () => {
      db = await backend.open();
      services = createServices(db, loadTestConfig(), 'd9'.repeat(32), () => now);
      const city = await insertRegion(db, { code: 'SW', parentId: null, level: 'city', nameZh: '城', nameEn: 'City' });
      const grid = await insertRegion(db, { code: 'SW-g', parentId: city.id, level: 'grid', nameZh: '网格', nameEn: 'Grid' });
      await createUser(db, { username: 'sw-grid', displayName: 'Grid worker', password: 'sim-password', role: 'grid_worker', regionId: grid.id });
      const inserted = await db.query<{ id: string }>(
        `INSERT INTO person (name, sex, birth_date, id_number_hash, id_number_cipher, id_number_tail, grid_id, region_path)
         SELECT '居民' || i, 'male', '1990-01-01', 'sw-' || i, 'x', '0000', $1, $2::ltree FROM generate_series(1, 4) AS i RETURNING id`,
        [grid.id, grid.path],
      );
      people.push(...inserted.rows.map((r) => Number(r.id)));
      const report = await db.query<{ id: string }>(
        `INSERT INTO case_report (report_id, person_id, classification, onset_date, sampling_date, report_time)
         VALUES ('SW-1', $1, 'confirmed', '2026-03-09', '2026-03-09', '2026-03-09T10:00:00+08:00') RETURNING id`,
        [people[0]],
      );
      for (const p of people.slice(1)) {
        await db.query(
          `INSERT INTO traced_contact (case_report_id, person_id, kind, via_person_id, profile_id, rule_ids, evidence, first_exposure, last_exposure, management, listed_at)
           VALUES ($1, $2, 'close', NULL, 'x', ARRAY['x'], '[]', $3, $3, NULL, $3)`,
          [report.rows[0]!.id, p, '2026-03-08T12:00:00+08:00'],
        );
      }
      assert.equal((await generateTasks(services)).created, 3);
    });
    after(async () => {
      await db.close();
    });

    it('answers nothing before the drawn delay has passed', async () => {
      now = new Date('2026-03-09T23:59:59+08:00');
      assert.deepEqual(await respondToTasks(services, 5, times), { recorded: 0, notHome: 0 });
    });

    it('records each outcome at the task time plus the drawn delay, putting the contact under quarantine then', async () => {
      now = new Date('2026-03-20T00:00:00+08:00');
      assert.deepEqual(await respondToTasks(services, 5, times), { recorded: 3, notHome: 0 });
      const tasks = await db.query<{ id: string; personId: string; createdAt: Date; doneAt: Date; status: string }>(
        `SELECT id, person_id AS "personId", created_at AS "createdAt", done_at AS "doneAt", status FROM task ORDER BY id`,
      );
      const states = await getPersonStates(db, people.slice(1));
      for (const t of tasks.rows) {
        assert.equal(t.status, 'done');
        const expected = new Date(t.createdAt).getTime() + simulatedAttempt(5, Number(t.id), 0, times).delayHours * 3_600_000;
        assert.ok(Math.abs(new Date(t.doneAt).getTime() - expected) < 1, 'done at the drawn time');
        const state = states.find((s) => s.personId === Number(t.personId));
        assert.equal(state?.state, 'under_quarantine');
        assert.equal(state?.since.getTime(), new Date(t.doneAt).getTime());
      }
      assert.deepEqual(await respondToTasks(services, 5, times), { recorded: 0, notHome: 0 }, 'nothing left to answer');
    });
  });
}
