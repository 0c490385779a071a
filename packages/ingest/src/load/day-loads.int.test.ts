import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dropDayLoadsBefore, listDayLoads, testBackends, type SqlClient } from '@epigrid/store';
import { batchesOf, type RowBatch } from '../model/row-batch.js';
import type { SourceRecord } from '../model/source-record.js';
import { buildPoolingFixture, type PoolingFixture } from '../testing/pooling-fixture.js';
import { recordsOf } from '../testing/rows.js';
import type { ImportReport } from './import-report.js';
import { recordingClient } from '../testing/recording-client.js';
import { runImport } from './run-import.js';

/** The rows one at a time, then a failure once `failAfter` rows were handed out (an import killed midway). */
async function* interrupted(rows: ReadonlyArray<Record<string, string>>, failAfter: number): AsyncGenerator<RowBatch> {
  let n = 0;
  for await (const record of recordsOf(rows)) {
    if (n++ === failAfter) throw new Error('killed');
    yield* batchesOf((async function* () {
      yield record;
    })());
  }
}

const count = async (db: SqlClient, sql: string, params: unknown[] = []): Promise<number> => (await db.query<{ n: number }>(sql, params)).rows[0]!.n;

for (const backend of testBackends()) {
  describe(`day loads (a new day built beside check_in, attached when complete) on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: PoolingFixture;
    const log: string[] = [];
    before(async () => {
      db = await backend.open();
      fx = await buildPoolingFixture(db, 3);
    });
    after(async () => db.close());

    const scan = (id: string, day: string, minute: number, phone = fx.residents[minute % 3]!.phone): Record<string, string> => ({
      scan_id: id,
      place_code: fx.venueCode,
      phone,
      time_in: `${day}T10:${String(minute).padStart(2, '0')}:00+08:00`,
      time_out: '',
    });
    const load = (hash: string, records: AsyncIterable<SourceRecord> | { readonly batches: AsyncIterable<RowBatch> }, fresh = false): Promise<ImportReport> =>
      runImport({ ...fx.env, db: recordingClient(db, log), chunkSize: 3 }, { source: 'check-ins', fileName: `${hash}.csv`, contentHash: hash, fresh, actorName: 'test', records });

    it('shows nothing of a new day until the import is complete; a re-run after a crash ends with one clean run, duplicates counted, ids in row order after every visible id', async () => {
      const day = '2026-04-01';
      // 12 rows, 4 chunks of 3: t3 repeats t1 in the same chunk, t8 repeats t2 in a later chunk.
      const ids = ['t1', 't2', 't1', 't4', 't5', 't6', 't7', 't2', 't9', 't10', 't11', 't12'];
      const rows = ids.map((id, i) => scan(id, day, i));
      log.length = 0;
      await assert.rejects(load('crash', { batches: interrupted(rows, 7) }), /killed/);
      assert.ok(log.some((s) => /^COPY check_in_b\d+_p20260401 \(/.test(s)), 'copied into the load table');
      assert.equal(await count(db, `SELECT count(*)::int AS n FROM check_in WHERE day = $1`, [day]), 0, 'nothing of the day visible');
      const batch = (await db.query<{ id: number; rows_done: number }>(`SELECT id, rows_done FROM import_batch WHERE content_hash = 'crash'`)).rows[0]!;
      assert.equal(batch.rows_done, 7, 'two chunks committed');
      assert.deepEqual(await listDayLoads(db, 'check_in', batch.id), [day]);
      assert.equal(await count(db, `SELECT count(*)::int AS n FROM check_in_b${batch.id}_p20260401`), 6);

      // Meanwhile a live scan of another day commits a newer id: a reader following ids from its mark passes the loaded rows' ids.
      await db.query(`CREATE TABLE IF NOT EXISTS check_in_p20260402 PARTITION OF check_in FOR VALUES FROM ('2026-04-02') TO ('2026-04-03')`);
      await db.query(`INSERT INTO check_in (scan_id, day, person_id, place_id, time_in) VALUES ('live', '2026-04-02', $1, $2, '2026-04-02T02:00:00Z')`, [
        fx.residents[0]!.id,
        (await db.query<{ id: number }>('SELECT id FROM place WHERE place_code = $1', [fx.venueCode])).rows[0]!.id,
      ]);
      const mark = await count(db, 'SELECT max(id)::int AS n FROM check_in');

      const report = await load('crash', recordsOf(rows));
      assert.deepEqual([report.accepted, report.duplicates, report.rejected], [10, 2, 0]);
      assert.deepEqual(await listDayLoads(db, 'check_in', batch.id), [], 'the load became the partition');
      const stored = await db.query<{ scan_id: string; id: string; time_in: Date }>(`SELECT scan_id, id, time_in FROM check_in WHERE day = $1 ORDER BY id`, [day]);
      assert.deepEqual(
        stored.rows.map((r) => r.scan_id),
        ['t1', 't2', 't4', 't5', 't6', 't7', 't9', 't10', 't11', 't12'],
        'each key once, in row order',
      );
      assert.equal(stored.rows[0]!.time_in.toISOString(), '2026-04-01T02:00:00.000Z', 'the first t1 wins');
      const newer = await db.query<{ id: string }>(`SELECT id FROM check_in WHERE person_id IS NOT NULL AND id > $1 AND day = $2 ORDER BY id`, [mark, day]);
      assert.equal(newer.rows.length, 10, 'a reader that had passed the mark still sees every row');
      const partition = await db.query<{ name: string }>(
        `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'check_in'::regclass AND c.relname = 'check_in_p20260401'`,
      );
      assert.equal(partition.rows.length, 1, 'attached under the partition name');
      const indexes = await db.query<{ def: string }>(`SELECT regexp_replace(indexdef, '.* USING ', '') AS def FROM pg_indexes WHERE tablename = 'check_in_p20260401' ORDER BY 1`);
      assert.deepEqual(
        indexes.rows.map((r) => r.def),
        ['btree (id)', 'btree (person_id)', 'btree (place_id, time_in)', 'btree (scan_id, day)'],
        'the four indexes of check_in were built',
      );

      const again = await load('crash-copy', recordsOf(rows), true);
      assert.deepEqual([again.accepted, again.duplicates], [0, 12], 're-import adds nothing');
      assert.equal(await count(db, `SELECT count(*)::int AS n FROM check_in WHERE day = $1`, [day]), 10);
    });

    it('inserts into the partition instead when the day got one while the import ran, a key already there counted as a duplicate', async () => {
      const day = '2026-04-05';
      const rows = ['m1', 'm2', 'm3', 'm4', 'm5'].map((id, i) => scan(id, day, i));
      await assert.rejects(load('merge', { batches: interrupted(rows, 4) }), /killed/);
      const batchId = (await db.query<{ id: number }>(`SELECT id FROM import_batch WHERE content_hash = 'merge'`)).rows[0]!.id;
      assert.deepEqual(await listDayLoads(db, 'check_in', batchId), [day]);
      await db.query(`CREATE TABLE check_in_p20260405 PARTITION OF check_in FOR VALUES FROM ('2026-04-05') TO ('2026-04-06')`);
      const place = (await db.query<{ id: number }>('SELECT id FROM place WHERE place_code = $1', [fx.venueCode])).rows[0]!.id;
      await db.query(`INSERT INTO check_in (scan_id, day, place_id, time_in) VALUES ('m2', $1, $2, '2026-04-05T01:00:00Z')`, [day, place]);

      log.length = 0;
      const report = await load('merge', recordsOf(rows));
      assert.deepEqual([report.accepted, report.duplicates], [4, 1]);
      assert.ok(log.some((s) => /^COPY check_in_b\d+_p20260405 \(/.test(s)), 'the rest of the day still went to the load');
      assert.deepEqual(await listDayLoads(db, 'check_in', batchId), []);
      const stored = await db.query<{ scan_id: string }>(`SELECT scan_id FROM check_in WHERE day = $1 ORDER BY id`, [day]);
      assert.deepEqual(
        stored.rows.map((r) => r.scan_id),
        ['m2', 'm1', 'm3', 'm4', 'm5'],
      );
    });

    it('copies rows of a day that already has a partition straight into it, and a new day of the same file into its load', async () => {
      log.length = 0;
      const rows = [scan('x1', '2026-04-05', 1), scan('x2', '2026-04-06', 2), scan('x3', '2026-04-05', 3)];
      const report = await load('mixed', recordsOf(rows));
      assert.deepEqual([report.accepted, report.duplicates], [3, 0]);
      assert.ok(log.some((s) => /^COPY check_in_p20260405 \(/.test(s)));
      assert.ok(log.some((s) => /^COPY check_in_b\d+_p20260406 \(/.test(s)));
      assert.equal(await count(db, `SELECT count(*)::int AS n FROM check_in WHERE scan_id IN ('x1', 'x2', 'x3')`), 3);
    });

    it('leaves the load of a failed import that is never run again to retention, which drops it with its day', async () => {
      const rows = ['r1', 'r2', 'r3', 'r4'].map((id, i) => scan(id, '2026-04-09', i));
      await assert.rejects(load('abandoned', { batches: interrupted(rows, 3) }), /killed/);
      const batchId = (await db.query<{ id: number }>(`SELECT id FROM import_batch WHERE content_hash = 'abandoned'`)).rows[0]!.id;
      assert.deepEqual(await listDayLoads(db, 'check_in', batchId), ['2026-04-09']);
      assert.deepEqual(await dropDayLoadsBefore(db, 'check_in', '2026-04-09'), [], 'a day inside the window stays (the import may still be run again)');
      assert.deepEqual(await dropDayLoadsBefore(db, 'check_in', '2026-04-10'), [`check_in_b${batchId}_p20260409`]);
      assert.deepEqual(await listDayLoads(db, 'check_in', batchId), []);
    });
  });
}
