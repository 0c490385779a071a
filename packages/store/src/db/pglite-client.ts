import { PGlite, type Transaction } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { ltree } from '@electric-sql/pglite/contrib/ltree';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import type { CopyFormat, QueryResult, SqlClient } from './sql-client.js';

const INT8 = 20;
const DATE = 1082;

/** Parsers that make PGlite return the same JavaScript values as our node-postgres client. */
const parsers = {
  [INT8]: (value: string): number => Number(value),
  [DATE]: (value: string): string => value,
};

/** Bytes per chunk handed out by copyOut, like a network read. */
const COPY_CHUNK = 1 << 20;

type Queryable = Pick<PGlite, 'query' | 'exec'> | Transaction;

function wrap(target: Queryable, root: PGlite | null): SqlClient {
  return {
    engine: 'pglite',
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query<Row>(sql, params as unknown[], { parsers });
      return { rows: result.rows, rowCount: result.affectedRows ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await target.exec(sql);
    },
    async copyIn(table: string, data: string | Uint8Array, format: CopyFormat = 'text'): Promise<void> {
      // PGlite reads COPY data from a blob mounted at /dev/blob.
      await target.query(`COPY ${table} FROM '/dev/blob'${format === 'binary' ? ' (FORMAT binary)' : ''}`, [], { blob: new Blob([data as string | Uint8Array<ArrayBuffer>]) });
    },
    async *copyOut(query: string, format: CopyFormat = 'text'): AsyncGenerator<Uint8Array> {
      // PGlite writes COPY output to a blob at /dev/blob, all at once (embedded data is small).
      const result = await target.query(`COPY (${query}) TO '/dev/blob'${format === 'binary' ? ' (FORMAT binary)' : ''}`);
      if (result.blob === undefined) return;
      const bytes = new Uint8Array(await result.blob.arrayBuffer());
      for (let at = 0; at < bytes.length; at += COPY_CHUNK) yield bytes.subarray(at, at + COPY_CHUNK);
    },
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      if (root === null) return work(this); // already inside a transaction: join it
      return root.transaction((tx) => work(wrap(tx, null)));
    },
    async close(): Promise<void> {
      if (root !== null && !root.closed) await root.close();
    },
  };
}

/**
 * Opens an embedded PGlite database with the extensions EpiGrid's schema uses.
 * @param dataDir - directory kept between runs, or undefined for an in-memory database (tests)
 */
export async function openPglite(dataDir?: string): Promise<SqlClient> {
  const extensions = { ltree, pg_trgm, btree_gist, pgcrypto };
  const db = dataDir === undefined ? await PGlite.create({ extensions }) : await PGlite.create(dataDir, { extensions });
  return wrap(db, db);
}
