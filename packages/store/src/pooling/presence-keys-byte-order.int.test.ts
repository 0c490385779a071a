import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrate } from '../migrate/migrate.js';
import { migrateBefore } from '../testing/migrate-before.js';
import { testBackends } from '../testing/test-databases.js';
import { dayLoadName, dayTarget, finishDayLoads } from './day-loads.js';
import { ensureDayPartitions } from './presence-partitions.js';

const DAY = '2026-03-01';
const NEXT = '2026-03-02';

for (const backend of testBackends()) {
  describe(`migration 0012 on ${backend.name}`, () => {
    it('makes presence row keys compare bytes, stored rows and a day still loading included, and the load still attaches', async () => {
      const db = await backend.open({ migrated: false });
      try {
        const rest = await migrateBefore(db, '0012-presence-keys-byte-order');
        const placeId = 1; // check_in names places without a foreign key
        await ensureDayPartitions(db, 'check_in', [DAY]);
        await db.query(`INSERT INTO check_in (scan_id, day, place_id, time_in) VALUES ('b', $1, $2, '2026-03-01T02:00:00Z'), ('B', $1, $2, '2026-03-01T02:00:00Z')`, [DAY, placeId]);
        const load = await db.transaction((tx) => dayTarget(tx, 'check_in', 7, NEXT));
        await db.query(`INSERT INTO ${load.name} (scan_id, day, place_id, time_in) VALUES ('a', $1, $2, '2026-03-02T02:00:00Z')`, [NEXT, placeId]);

        assert.deepEqual((await migrate(db)).applied, rest);
        const collations = await db.query<{ relname: string; collation: string }>(
          `SELECT c.relname, co.collname AS collation FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
           JOIN pg_collation co ON co.oid = a.attcollation
           WHERE a.attname = 'scan_id' AND c.relname IN ('check_in', 'check_in_p20260301', $1) ORDER BY c.relname`,
          [dayLoadName('check_in', 7, NEXT)],
        );
        assert.deepEqual(
          collations.rows.map((r) => [r.relname, r.collation]),
          [['check_in', 'C'], ['check_in_b7_p20260302', 'C'], ['check_in_p20260301', 'C']],
        );
        const ordered = await db.query<{ scan_id: string }>('SELECT scan_id FROM check_in ORDER BY scan_id');
        assert.deepEqual(ordered.rows.map((r) => r.scan_id), ['B', 'b'], 'byte order: upper case first');
        const finished = await db.transaction((tx) => finishDayLoads(tx, 'check_in', 'scan_id', 7));
        assert.deepEqual(finished.attached, [NEXT]);
        assert.equal((await db.query('SELECT 1 FROM check_in')).rows.length, 3);
      } finally {
        await db.close();
      }
    });
  });
}
