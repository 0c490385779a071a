import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listDayPartitions, listDeadLetters, testBackends, type SqlClient } from '@epigrid/store';
import { readCsv } from '../read/csv-reader.js';
import { buildPoolingFixture, csvBytes, type PoolingFixture } from '../testing/pooling-fixture.js';
import { runImport } from './run-import.js';

const HEADER = ['scan_id', 'place_code', 'phone', 'resident_id', 'time_in', 'time_out', 'colour'];

for (const backend of testBackends()) {
  describe(`check-ins import on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: PoolingFixture;
    before(async () => {
      db = await backend.open();
      fx = await buildPoolingFixture(db);
    });
    after(async () => db.close());

    it('loads valid rows linked to the registry, dead-letters bad ones, and a re-import adds nothing', async () => {
      const [a, b] = fx.residents;
      const rows = [
        ['s1', fx.venueCode, a!.phone, '', '2026-03-01T08:00:00+08:00', '2026-03-01T09:00:00+08:00', 'red'],
        ['s2', fx.venueCode, '', b!.residentId, '2026-03-01T23:30:00Z', '', ''],
        ['s3', fx.venueCode, '13700000001', '', '2026-03-02T10:00:00+08:00', '', ''],
        ['s4', 'PC-nowhere', a!.phone, '', '2026-03-02T10:00:00+08:00', '', ''],
        ['s5', fx.venueCode, a!.phone, '', '2026-03-02T10:00:00+08:00', '2026-03-02T09:00:00+08:00', ''],
        ['s1', fx.venueCode, a!.phone, '', '2026-03-01T08:00:00+08:00', '', ''],
        ['s6', fx.venueCode, '13700000001', '', '2026-03-02T11:00:00+08:00', '', ''],
      ];
      const header = { columns: [] as readonly string[] };
      const report = await runImport(fx.env, {
        source: 'check-ins',
        fileName: 'day.csv',
        records: readCsv(csvBytes(HEADER, rows), header),
        contentHash: 'hash-1',
        actorName: 'test',
        header,
      });
      assert.equal(report.accepted, 4);
      assert.equal(report.rejected, 2);
      assert.equal(report.duplicates, 1);
      assert.deepEqual(report.extraColumns, ['colour']);
      const stored = await db.query<{ scan_id: string; person_id: number; day: string; phone_hash: string | null }>(
        'SELECT scan_id, person_id, day, phone_hash FROM check_in ORDER BY scan_id',
      );
      assert.deepEqual(
        stored.rows.map((r) => [r.scan_id, r.day]),
        [
          ['s1', '2026-03-01'],
          ['s2', '2026-03-02'],
          ['s3', '2026-03-02'],
          ['s6', '2026-03-02'],
        ],
      );
      assert.equal(stored.rows[0]!.person_id, a!.id);
      assert.equal(stored.rows[1]!.person_id, b!.id);
      assert.equal(stored.rows[2]!.person_id, stored.rows[3]!.person_id, 'one provisional person for one unknown phone');
      assert.ok(!JSON.stringify(stored.rows).includes('13700000001'), 'no clear phone is stored');
      const provisional = await db.query<{ provisional: boolean; path: string }>('SELECT provisional, region_path::text AS path FROM person WHERE id = $1', [
        stored.rows[2]!.person_id,
      ]);
      assert.deepEqual(provisional.rows[0], { provisional: true, path: 'runassigned' });
      assert.deepEqual(
        (await listDayPartitions(db, 'check_in')).map((p) => p.day),
        ['2026-03-01', '2026-03-02'],
      );
      const letters = await listDeadLetters(db, { batchId: report.batchId, limit: 10 });
      assert.deepEqual(
        letters.map((l) => l.reason),
        [
          'row 5, field place_code: no venue has the place code "PC-nowhere"',
          'row 6, field time_out: 2026-03-02T09:00:00+08:00 is earlier than time_in (2026-03-02T10:00:00+08:00)',
        ],
      );
      assert.ok(letters[0]!.preview.phone!.startsWith('*******'), 'dead letter previews mask the phone');

      const again = await runImport(fx.env, { source: 'check-ins', fileName: 'day.csv', records: readCsv(csvBytes(HEADER, rows)), contentHash: 'hash-1', actorName: 'test' });
      assert.equal(again.alreadyImported, true);
      assert.equal(again.accepted, 4);
      const fresh = await runImport(fx.env, { source: 'check-ins', fileName: 'copy.csv', records: readCsv(csvBytes(HEADER, rows)), contentHash: 'hash-2', actorName: 'test' });
      assert.equal(fresh.accepted, 0);
      assert.equal(fresh.duplicates, 5);
      assert.equal((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM check_in')).rows[0]!.n, 4);
    });

    it('writes a large import in chunks that start at 5,000 rows and double up to the chunk size', async () => {
      const [a] = fx.residents;
      const rows = Array.from({ length: 32_000 }, (_, i) => [`big${i}`, fx.venueCode, a!.phone, '', '2026-03-03T08:00:00+08:00', '', '']);
      const committed: number[] = [];
      const report = await runImport(
        { ...fx.env, chunkSize: 12_000 },
        { source: 'check-ins', fileName: 'big.csv', records: readCsv(csvBytes(HEADER, rows)), actorName: 'test', onProgress: (p) => committed.push(p.rows) },
      );
      assert.equal(report.accepted, 32_000);
      assert.deepEqual(
        committed.map((row) => row - 1), // row numbers count the header line
        [5000, 15_000, 27_000, 32_000],
      );
    });
  });
}
