import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildResidentId } from '@epigrid/core';
import { testBackends, type SqlClient } from '@epigrid/store';
import { runImport } from '../load/run-import.js';
import { buildPoolingFixture, type PoolingFixture } from '../testing/pooling-fixture.js';
import { recordsOf } from '../testing/rows.js';

// Two imports running at once that both name the same people nobody registered: each person must
// be created once, whichever import gets there first, and every row must link to that one person.
for (const backend of testBackends()) {
  describe(`concurrent imports naming the same new people on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: PoolingFixture;
    before(async () => {
      db = await backend.open();
      fx = await buildPoolingFixture(db);
    });
    after(async () => db.close());

    it('create one provisional person per identity key, not one per import', async () => {
      const phones = Array.from({ length: 40 }, (_, i) => `1370000${String(1000 + i)}`);
      const residentIds = Array.from({ length: 20 }, (_, i) => buildResidentId('990101', '1990-01-01', 500 + i));
      const rowsOf = (prefix: string): Array<Record<string, string>> => [
        ...phones.map((phone, i) => ({ scan_id: `${prefix}p${i}`, place_code: fx.venueCode, phone, time_in: '2026-03-05T10:00:00+08:00' })),
        ...residentIds.map((id, i) => ({ scan_id: `${prefix}r${i}`, place_code: fx.venueCode, resident_id: id, time_in: '2026-03-05T11:00:00+08:00' })),
      ];
      // Small chunks so that the two imports interleave their transactions.
      const env = { ...fx.env, chunkSize: 7 };
      const reports = await Promise.all(
        ['a', 'b', 'c'].map((prefix) => runImport(env, { source: 'check-ins', fileName: `${prefix}.csv`, actorName: 'test', records: recordsOf(rowsOf(prefix)) })),
      );
      for (const report of reports) assert.equal(report.accepted, phones.length + residentIds.length);
      const persons = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM person WHERE provisional AND (phone_hash = ANY($1::text[]) OR id_number_hash = ANY($2::text[]))`,
        [phones.map((p) => fx.env.vault.hash(p)), residentIds.map((r) => fx.env.vault.hash(r))],
      );
      assert.equal(persons.rows[0]!.n, phones.length + residentIds.length);
      const perKey = await db.query<{ k: string; persons: number }>(
        `SELECT coalesce(id_number_hash, phone_hash) AS k, count(DISTINCT person_id)::int AS persons FROM check_in
         WHERE scan_id ~ '^[abc][pr]' GROUP BY 1 HAVING count(DISTINCT person_id) <> 1 OR count(*) <> 3`,
      );
      assert.deepEqual(perKey.rows, [], 'every key: three rows, one person');
    });
  });
}
