import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SqlClient } from '../db/sql-client.js';
import { testBackends } from '../testing/test-databases.js';
import { buildDayLoadIndexes } from './day-load-indexes.js';
import { dayLoadName, dayTarget, finishDayLoads } from './day-loads.js';

const PLACE = 1; // check_in names places without a foreign key

/** The indexes of a table: name, definition from `USING` on, and the index of the parent table it belongs to (null: none). */
async function indexesOf(db: SqlClient, table: string): Promise<Array<{ name: string; using: string; parent: string | null }>> {
  const result = await db.query<{ name: string; def: string; parent: string | null }>(
    `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS def, p.relname AS parent
       FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
       LEFT JOIN pg_inherits h ON h.inhrelid = i.indexrelid LEFT JOIN pg_class p ON p.oid = h.inhparent
      WHERE i.indrelid = $1::regclass ORDER BY c.relname`,
    [table],
  );
  return result.rows.map((r) => ({ name: r.name, using: r.def.slice(r.def.indexOf(' USING ') + 1), parent: r.parent }));
}

/** Opens a batch's load for a day and fills it with scans of the given keys. */
async function loadDay(db: SqlClient, batchId: number, day: string, keys: readonly string[]): Promise<string> {
  const load = await db.transaction((tx) => dayTarget(tx, 'check_in', batchId, day));
  for (const [i, key] of keys.entries()) {
    await db.query(`INSERT INTO ${load.name} (scan_id, day, person_id, place_id, time_in) VALUES ($1, $2, $3, $4, $5)`, [key, day, 100 + i, PLACE, `${day}T02:0${i}:00Z`]);
  }
  return load.name;
}

for (const backend of testBackends()) {
  describe(`day load indexes built before the attach on ${backend.name}`, () => {
    let db: SqlClient;
    before(async () => {
      db = await backend.open();
    });
    after(async () => db.close());

    it("builds check_in's four indexes on every load of the batch, once; the attach adopts them as the partition's", async () => {
      const first = await loadDay(db, 41, '2026-05-01', ['a', 'b', 'c']);
      const second = await loadDay(db, 41, '2026-05-02', ['a', 'd']);
      const other = await loadDay(db, 42, '2026-05-03', ['e']);
      assert.deepEqual(await buildDayLoadIndexes(db, 'check_in', 41), { built: 8, leftForAttach: 0 });
      assert.deepEqual(await indexesOf(db, other), [], "another batch's load is left alone");
      const built = await indexesOf(db, first);
      assert.deepEqual(
        built.map((i) => i.using),
        ['USING btree (id)', 'USING btree (person_id)', 'USING btree (place_id, time_in)', 'USING btree (scan_id, day)'],
      );
      assert.ok(built.every((i) => i.name.startsWith(`${first}_x`)));

      assert.deepEqual(await buildDayLoadIndexes(db, 'check_in', 41), { built: 0, leftForAttach: 0 }, 'a second run (an import run again) builds nothing');
      await db.exec(`DROP INDEX ${built.find((i) => i.using === 'USING btree (person_id)')!.name}`);
      assert.deepEqual(await buildDayLoadIndexes(db, 'check_in', 41), { built: 1, leftForAttach: 0 }, 'only what is missing');

      const finished = await db.transaction((tx) => finishDayLoads(tx, 'check_in', 'scan_id', 41));
      assert.deepEqual(finished.attached, ['2026-05-01', '2026-05-02']);
      for (const partition of ['check_in_p20260501', 'check_in_p20260502']) {
        const adopted = await indexesOf(db, partition);
        assert.equal(adopted.length, 4, `${partition}: no index built twice`);
        assert.ok(adopted.every((i) => i.parent !== null && i.name.includes('_x')), `${partition}: each built index belongs to check_in's`);
      }
      assert.equal(second, dayLoadName('check_in', 41, '2026-05-02'));
      const keyConstraint = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_constraint WHERE conrelid = 'check_in_p20260501'::regclass AND contype = 'u' AND conparentid <> 0`,
      );
      assert.equal(keyConstraint.rows[0]!.n, 1, 'the row key stays a constraint of the partitioned table');
      await assert.rejects(db.query(`INSERT INTO check_in (scan_id, day, place_id, time_in) VALUES ('a', '2026-05-01', $1, '2026-05-01T03:00:00Z')`, [PLACE]), { code: '23505' });
    });

    it('leaves the row key of a load that holds a key twice to the attach, which keeps the first row', async () => {
      const load = await loadDay(db, 43, '2026-05-04', ['k', 'm', 'k']);
      assert.deepEqual(await buildDayLoadIndexes(db, 'check_in', 43), { built: 3, leftForAttach: 1 });
      const finished = await db.transaction((tx) => finishDayLoads(tx, 'check_in', 'scan_id', 43));
      assert.deepEqual([finished.attached, finished.duplicates], [['2026-05-04'], 1]);
      const rows = await db.query<{ scan_id: string; person_id: string }>(`SELECT scan_id, person_id FROM check_in WHERE day = '2026-05-04' ORDER BY id`);
      assert.deepEqual(rows.rows.map((r) => [r.scan_id, Number(r.person_id)]), [['k', 100], ['m', 101]]);
      assert.equal((await indexesOf(db, 'check_in_p20260504')).length, 4, `${load}: the attach built the one left`);
    });
  });
}
