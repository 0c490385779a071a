import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listDayPartitions, listDeadLetters, testBackends, type SqlClient } from '@epigrid/store';
import { buildResidentId } from '@epigrid/core';
import { buildPoolingFixture, type PoolingFixture } from '../testing/pooling-fixture.js';
import { recordsOf } from '../testing/rows.js';
import { exportDeadLetters, fixDeadLetterRow, rerunDeadLetters } from './dead-letter-work.js';
import { runRetention } from './retention.js';
import { runImport } from './run-import.js';

const count = async (db: SqlClient, table: string): Promise<number> => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

for (const backend of testBackends()) {
  describe(`every source, dead letters and retention on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: PoolingFixture;
    before(async () => {
      db = await backend.open();
      fx = await buildPoolingFixture(db, 3);
    });
    after(async () => db.close());
    const load = (source: string, rows: Array<Record<string, string>>): ReturnType<typeof runImport> =>
      runImport(fx.env, { source, fileName: `${source}.csv`, actorName: 'test', records: recordsOf(rows) });

    it('registers people with households, and merges a provisional person known by the same phone', async () => {
      await load('telecom', [
        { record_id: 'tel-0', phone: '13611112222', cell: '8831aa5a59fffff', start_time: '2026-03-01T08:00:00+08:00', end_time: '2026-03-01T09:00:00+08:00' },
      ]);
      const residentId = buildResidentId('990101', '1985-05-05', 17);
      const result = await load('registry', [
        { resident_id: residentId, name: '周杰', sex: 'male', birth_date: '1985-05-05', phone: '13611112222', household_id: 'H-9', address: '9 Road', grid_code: fx.gridCode },
        { resident_id: buildResidentId('990101', '1987-07-07', 18), name: '周丽', sex: 'female', birth_date: '1987-07-07', household_id: 'H-9', address: '9 Road', grid_code: fx.gridCode },
        { resident_id: residentId, name: '周杰', sex: 'male', birth_date: '1985-05-05', household_id: 'H-9', address: '9 Road', grid_code: fx.gridCode },
        { resident_id: buildResidentId('990101', '1990-01-01', 19), name: '吴', sex: 'male', birth_date: '1990-01-01', household_id: 'H-10', address: 'x', grid_code: fx.townCode },
      ]);
      assert.deepEqual([result.accepted, result.duplicates, result.rejected], [2, 1, 1]);
      const letters = await listDeadLetters(db, { batchId: result.batchId, limit: 5 });
      assert.equal(letters[0]!.reason, `row 5, field grid_code: "${fx.townCode}" is a region above grid level, not a grid`);
      const people = await db.query<{ household_id: number; provisional: boolean }>(
        `SELECT household_id, provisional FROM person WHERE name IN ('周杰', '周丽') AND merged_into IS NULL`,
      );
      assert.equal(people.rows.length, 2);
      assert.equal(people.rows[0]!.household_id, people.rows[1]!.household_id, 'same household key, same household');
      const telecom = await db.query<{ name: string }>(`SELECT p.name FROM telecom_presence t JOIN person p ON p.id = t.person_id WHERE record_id = 'tel-0'`);
      assert.equal(telecom.rows[0]!.name, '周杰', 'the provisional person seen by telecom was merged into the registered one');
    });

    it('loads lab results, vaccinations, transport', async () => {
      const a = fx.residents[0]!;
      const lab = await load('lab-results', [
        { sample_id: 'sm1', tube_id: 'T1', pool_size: '5', resident_id: a.residentId, sampled_at: '2026-03-01T08:00:00+08:00', resulted_at: '2026-03-01T20:00:00+08:00', result: 'positive', ct_n: '28.5', lab_code: 'L1' },
      ]);
      const vax = await load('vaccinations', [{ record_id: 'vx1', phone: a.phone, vaccine_code: 'BBIBP', dose_number: '3', administered_on: '2022-01-01' }]);
      const trip = await load('transport', [
        { ticket_id: 'tk1', mode: 'coach', service_id: 'K1', service_date: '2026-03-03', departure_time: '2026-03-03T08:00:00+08:00', arrival_time: '2026-03-03T12:00:00+08:00', origin: 'A', destination: 'B', passport: 'E1234567', nationality: 'gbr', seat_row: '2', seat: 'C' },
      ]);
      assert.deepEqual([lab.accepted, vax.accepted, trip.accepted], [1, 1, 1]);
      const linked = await db.query<{ person_id: number }>(`SELECT person_id FROM lab_result UNION ALL SELECT person_id FROM vaccination`);
      assert.deepEqual(linked.rows.map((r) => r.person_id), [a.id, a.id]);
      const ticket = await db.query<{ enclosed: boolean; day: string }>(`SELECT enclosed, day FROM transport_ticket`);
      assert.deepEqual(ticket.rows[0], { enclosed: true, day: '2026-03-03' });
    });

    it('dead letters: export, fix, re-run through the same validation', async () => {
      const result = await load('check-ins', [
        { scan_id: 'd1', place_code: fx.venueCode, phone: '12345', time_in: '2026-03-05T08:00:00+08:00' },
        { scan_id: 'd2', place_code: 'PC-none', phone: fx.residents[1]!.phone, time_in: '2026-03-05T08:00:00+08:00' },
      ]);
      assert.equal(result.rejected, 2);
      const lines: string[] = [];
      assert.equal(await exportDeadLetters(db, fx.env.vault, { batchId: result.batchId }, (l) => lines.push(l)), 2);
      assert.equal(lines[0], 'dead_letter_id,batch_id,source,row,status,reason,scan_id,place_code,phone,time_in');
      assert.match(lines[1]!, /"row 2, field phone: a mobile number/);
      const [first, second] = await listDeadLetters(db, { batchId: result.batchId, limit: 5 });
      await fixDeadLetterRow(db, fx.env.vault, first!.id, { phone: '13822223333' });
      const rerun = await rerunDeadLetters(fx.env, { batchId: result.batchId });
      assert.deepEqual(rerun, { loaded: 1, duplicates: 0, stillRejected: 1 });
      const after = await listDeadLetters(db, { batchId: result.batchId, limit: 5 });
      assert.deepEqual(after.map((l) => l.status), ['rerun', 'open']);
      assert.equal(after[1]!.id, second!.id);
      assert.equal(await count(db, `check_in WHERE scan_id = 'd1'`), 1);
    });

    it('retention drops the partitions outside the window', async () => {
      await load('check-ins', [{ scan_id: 'old', place_code: fx.venueCode, phone: fx.residents[0]!.phone, time_in: '2026-03-01T08:00:00+08:00' }]);
      const before = (await listDayPartitions(db, 'check_in')).map((p) => p.day);
      assert.ok(before.includes('2026-03-01') && before.includes('2026-03-05'));
      const dropped = await runRetention(db, { 'check-ins': 2, telecom: 21, transport: 21 }, '2026-03-05');
      assert.deepEqual(dropped['check-ins'], before.filter((d) => d < '2026-03-04'));
      assert.deepEqual(dropped.telecom, []);
      assert.deepEqual((await listDayPartitions(db, 'check_in')).map((p) => p.day), ['2026-03-05']);
      assert.equal(await count(db, `check_in WHERE day < '2026-03-04'`), 0);
    });
  });
}
