import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import type { CopyFormat, QueryResult, SqlClient } from './sql-client.js';

const INT8 = 20;
const DATE = 1082;

/** Type parsers shared with the PGlite client: int8 as number, date as YYYY-MM-DD text. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  },
};

function clientOf(target: pg.Pool | pg.PoolClient, pool: pg.Pool | null): SqlClient {
  return {
    engine: 'postgres',
    async query<Row>(sql: string, params: readonly unknown[] = []): Promise<QueryResult<Row>> {
      const result = await target.query({ text: sql, values: params as unknown[], types });
      return { rows: result.rows as Row[], rowCount: result.rowCount ?? result.rows.length };
    },
    async exec(sql: string): Promise<void> {
      await target.query(sql);
    },
    async copyIn(table: string, data: string | Uint8Array, format: CopyFormat = 'text'): Promise<void> {
      const connection = pool === null ? (target as pg.PoolClient) : await (target as pg.Pool).connect();
      try {
        const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
        await pipeline(Readable.from([bytes]), connection.query(copyFrom(`COPY ${table} FROM STDIN${format === 'binary' ? ' (FORMAT binary)' : ''}`)));
      } finally {
        if (pool !== null) connection.release();
      }
    },
    async *copyOut(query: string, format: CopyFormat = 'text'): AsyncGenerator<Uint8Array> {
      const connection = pool === null ? (target as pg.PoolClient) : await (target as pg.Pool).connect();
      const stream = connection.query(copyTo(`COPY (${query}) TO STDOUT${format === 'binary' ? ' (FORMAT binary)' : ''}`));
      let state: 'reading' | 'done' | 'failed' = 'reading';
      try {
        for await (const chunk of stream.iterator({ destroyOnReturn: false })) yield chunk as Buffer;
        state = 'done';
      } catch (error) {
        state = 'failed';
        throw error;
      } finally {
        // A reader that stops early leaves the server sending: a transaction's own connection is
        // drained; a pooled one is closed rather than handed back mid-copy (as after a failure).
        if (state === 'reading' && pool === null) for await (const _ of stream) void _;
        if (state === 'reading' && pool !== null) {
          // Closing the connection fails the copy once more: that error has no reader left.
          stream.on('error', () => undefined);
          stream.destroy();
        }
        if (pool !== null) connection.release(state === 'done' ? undefined : true);
      }
    },
    async transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T> {
      if (pool === null) return work(this); // already inside a transaction: join it
      const connection = await pool.connect();
      try {
        await connection.query('BEGIN');
        const result = await work(clientOf(connection, null));
        await connection.query('COMMIT');
        return result;
      } catch (error) {
        await connection.query('ROLLBACK');
        throw error;
      } finally {
        connection.release();
      }
    },
    async close(): Promise<void> {
      if (pool !== null) await pool.end();
    },
  };
}

/**
 * Connects to PostgreSQL (≥ 15) through a connection pool.
 * @param connectionString - a `postgres://` URL
 * @param maxConnections - pool size
 */
export async function openPostgres(connectionString: string, maxConnections = 10): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString, max: maxConnections });
  // An idle connection the server closes (restart, pg_terminate_backend, a dropped database) leaves
  // the pool; the next query opens another. Unhandled, the pool's error event would end the process.
  pool.on('error', () => undefined);
  const probe = await pool.connect(); // fail fast on a wrong URL
  probe.release();
  return clientOf(pool, pool);
}
