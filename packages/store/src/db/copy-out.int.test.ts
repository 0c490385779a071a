import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testBackends } from '../testing/test-databases.js';
import { decodeBinaryCopy } from './binary-copy.js';
import type { SqlClient } from './sql-client.js';

async function text(db: SqlClient, query: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of db.copyOut(query)) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

for (const backend of testBackends()) {
  describe(`COPY out on ${backend.name}`, () => {
    it('streams text rows with \\N for null, and binary rows decoded to columns across many chunks', async () => {
      const db = await backend.open({ migrated: false });
      try {
        await db.exec(`CREATE TABLE seen (id bigint, at timestamptz, n int)`);
        await db.exec(`INSERT INTO seen VALUES (1, '2026-03-01 08:00:00.75+08', 7), (2, NULL, NULL)`);
        assert.equal(await text(db, 'SELECT id, n FROM seen ORDER BY id'), '1\t7\n2\t\\N\n');
        const batches = [];
        for await (const batch of decodeBinaryCopy(db.copyOut('SELECT id, at, n FROM seen ORDER BY id', 'binary'), ['int8', 'timestamptz', 'int4'])) batches.push(batch);
        assert.equal(batches.length, 1);
        assert.deepEqual(batches[0]!.columns.map((c) => Array.from(c)), [[1, 2], [1_772_323_200, Number.NaN], [7, Number.NaN]]);
        // 200,000 rows: several network chunks (PostgreSQL) and blob slices (PGlite).
        let rows = 0;
        let sum = 0;
        const many = "SELECT g::bigint, to_timestamp(1772323200 + g), NULLIF(g % 3, 0)::int FROM generate_series(1, 200000) g";
        for await (const batch of decodeBinaryCopy(db.copyOut(many, 'binary'), ['int8', 'timestamptz', 'int4'], 50_000)) {
          rows += batch.rows;
          for (let r = 0; r < batch.rows; r++) {
            assert.equal(batch.columns[1]![r], 1_772_323_200 + batch.columns[0]![r]!);
            sum += batch.columns[0]![r]!;
          }
        }
        assert.deepEqual([rows, sum], [200_000, (200_000 * 200_001) / 2]);
      } finally {
        await db.close();
      }
    });

    it('leaves the database usable when the reader stops early, pooled or inside a transaction', async () => {
      const db = await backend.open({ migrated: false });
      try {
        const big = 'SELECT g, repeat(md5(g::text), 8) FROM generate_series(1, 100000) g';
        for await (const chunk of db.copyOut(big)) {
          assert.ok(chunk.length > 0);
          break;
        }
        assert.deepEqual((await db.query<{ n: number }>('SELECT 41 + 1 AS n')).rows, [{ n: 42 }]);
        const inside = await db.transaction(async (tx) => {
          await tx.exec('CREATE TABLE kept (n int)');
          for await (const chunk of tx.copyOut(big)) {
            assert.ok(chunk.length > 0);
            break;
          }
          await tx.query('INSERT INTO kept VALUES (1)');
          return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM kept')).rows[0]!.n;
        });
        assert.equal(inside, 1);
        await assert.rejects(async () => {
          for await (const chunk of db.copyOut('SELECT no_such_column FROM kept')) void chunk;
        }, /no_such_column/);
        assert.deepEqual((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM kept')).rows, [{ n: 1 }]);
      } finally {
        await db.close();
      }
    });
  });
}
