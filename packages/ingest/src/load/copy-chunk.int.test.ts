import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listDeadLetters, testBackends, type SqlClient } from '@epigrid/store';
import { buildPoolingFixture, type PoolingFixture } from '../testing/pooling-fixture.js';
import { recordsOf } from '../testing/rows.js';
import { recordingClient } from '../testing/recording-client.js';
import { runImport } from './run-import.js';

for (const backend of testBackends()) {
  describe(`optimistic COPY of presence rows on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: PoolingFixture;
    const log: string[] = [];
    before(async () => {
      db = await backend.open();
      fx = await buildPoolingFixture(db, 2);
    });
    after(async () => db.close());
    const scan = (id: string, phone: string, timeOut = ''): Record<string, string> => ({
      scan_id: id,
      place_code: fx.venueCode,
      phone,
      time_in: '2026-03-07T10:00:00+08:00',
      time_out: timeOut,
    });
    const load = (name: string, rows: Array<Record<string, string>>, chunkSize = 50_000): ReturnType<typeof runImport> =>
      runImport({ ...fx.env, db: recordingClient(db, log), chunkSize, dayLoads: false }, { source: 'check-ins', fileName: name, actorName: 'test', records: recordsOf(rows) });

    it('copies a chunk without duplicates straight into its day partition, in row order, persons found in the transaction included', async () => {
      log.length = 0;
      const [a, b] = fx.residents;
      const report = await load('clean.csv', [scan('o1', a!.phone), scan('o2', '13712345678'), scan('o3', b!.phone), scan('o4', '13712345678')]);
      assert.deepEqual([report.accepted, report.duplicates], [4, 0]);
      assert.ok(log.some((s) => /^COPY check_in_p20260307 \(/.test(s)), 'straight into the day partition');
      assert.ok(!log.some((s) => /ROLLBACK TO SAVEPOINT|ingest_stage/.test(s)), 'no fallback');
      const rows = await db.query<{ scan_id: string; person_id: number }>(`SELECT scan_id, person_id FROM check_in WHERE scan_id LIKE 'o%' ORDER BY id`);
      assert.deepEqual(
        rows.rows.map((r) => r.scan_id),
        ['o1', 'o2', 'o3', 'o4'],
      );
      assert.equal(rows.rows[0]!.person_id, a!.id);
      assert.equal(rows.rows[1]!.person_id, rows.rows[3]!.person_id, 'one provisional person for the unknown phone');
      assert.equal(rows.rows[2]!.person_id, b!.id);
    });

    it('falls back to the staging path for a chunk that meets a stored key or a key twice: the first row wins, nothing half-written', async () => {
      log.length = 0;
      const [a] = fx.residents;
      const report = await load('again.csv', [
        scan('o5', a!.phone, '2026-03-07T11:00:00+08:00'),
        scan('o1', a!.phone),
        scan('o5', a!.phone, '2026-03-07T12:00:00+08:00'),
        scan('o6', '13712345679'),
      ]);
      assert.deepEqual([report.accepted, report.duplicates], [2, 2]);
      assert.ok(log.some((s) => /ROLLBACK TO SAVEPOINT ingest_copy/.test(s)), 'the optimistic COPY was undone');
      assert.ok(log.some((s) => /INSERT INTO check_in .* FROM ingest_stage_check_in ORDER BY ord ON CONFLICT DO NOTHING/s.test(s)));
      const rows = await db.query<{ scan_id: string; time_out: Date | null }>(`SELECT scan_id, time_out FROM check_in WHERE scan_id LIKE 'o%' ORDER BY id`);
      assert.deepEqual(
        rows.rows.map((r) => r.scan_id),
        ['o1', 'o2', 'o3', 'o4', 'o5', 'o6'],
      );
      assert.equal(rows.rows[4]!.time_out!.toISOString(), '2026-03-07T03:00:00.000Z', 'the first o5 wins');
      const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM check_in WHERE scan_id LIKE 'o%'`);
      assert.equal(count.rows[0]!.n, 6);
    });
    it("links a stranger's many rows to one provisional person, looked up once: the rows after the first lookup wait for none", async () => {
      log.length = 0;
      const [a] = fx.residents;
      // 600 rows, one chunk: the first 256 wait together for a lookup, which finds the resident and not the stranger.
      const rows = Array.from({ length: 600 }, (_, i) => scan(`m${i}`, i % 3 === 0 ? a!.phone : '13712340000'));
      const report = await load('stranger.csv', rows);
      assert.deepEqual([report.accepted, report.rejected], [600, 0]);
      const lookups = log.filter((s) => /FROM person\s+WHERE phone_hash = ANY/.test(s)).length;
      assert.equal(lookups, 3, 'one lookup before the transaction, two inside it (before and after locking the keys of the person it creates)');
      const stored = await db.query<{ scan_id: string; person_id: number }>(`SELECT scan_id, person_id FROM check_in WHERE scan_id LIKE 'm%' ORDER BY id`);
      assert.deepEqual(
        stored.rows.map((r) => r.scan_id),
        rows.map((r) => r.scan_id),
        'in row order',
      );
      const strangers = new Set(stored.rows.filter((_, i) => i % 3 !== 0).map((r) => Number(r.person_id)));
      assert.equal(strangers.size, 1, 'one person for the stranger');
      assert.ok(![...strangers].includes(a!.id));
      assert.ok(stored.rows.filter((_, i) => i % 3 === 0).every((r) => Number(r.person_id) === a!.id));
    });

    it('refuses a code the import already found unknown with the same reason, from its cache', async () => {
      log.length = 0;
      const [a] = fx.residents;
      const rows = ['u1', 'u2', 'u3', 'u4'].map((id, i) => ({ ...scan(id, a!.phone), place_code: i % 2 === 0 ? 'PC-gone' : fx.venueCode }));
      const report = await load('unknown.csv', rows, 2);
      assert.deepEqual([report.accepted, report.rejected], [2, 2]);
      const letters = await listDeadLetters(db, { batchId: report.batchId, limit: 5 });
      assert.deepEqual(
        letters.map((l) => l.reason),
        ['row 2, field place_code: no venue has the place code "PC-gone"', 'row 4, field place_code: no venue has the place code "PC-gone"'],
      );
      assert.equal(log.filter((s) => /FROM place WHERE place_code/.test(s)).length, 1, 'looked up once');
    });
  });
}
