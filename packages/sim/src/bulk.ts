/**
 * Batched bulk inserts: rows go to the database as one array per column, expanded with
 * `unnest(...)`, and the next batch is prepared while the previous one is being written.
 */
import type { SqlClient } from '@epigrid/store';

/** Reports progress of a loading stage. */
export type ProgressListener = (stage: string, done: number, total: number) => void;

/** A batched insert of `total` rows. */
export interface BulkInsert {
  /** Progress stage name. */
  readonly stage: string;
  /** The INSERT … SELECT … FROM unnest($1::…[], …) statement; with `RETURNING id` when ids are wanted. */
  readonly sql: string;
  readonly total: number;
  readonly batchSize: number;
  /**
   * Builds the statement's parameters for rows [start, end): one array per column (plus any scalars).
   * @param start - first row
   * @param end - one past the last row
   */
  readonly params: (start: number, end: number) => unknown[];
  /**
   * Receives the ids generated for rows [start, end), in row order, when the statement returns ids.
   * @param start - first row of the batch
   * @param ids - ids in row order
   */
  readonly onIds?: (start: number, ids: readonly number[]) => void;
  readonly onProgress?: ProgressListener | undefined;
}

/**
 * Runs a batched insert, overlapping the preparation of a batch with the write of the previous.
 * Ids come back in row order: identity values are drawn in the order unnest yields rows, so the
 * returned ids are sorted before being handed out.
 * @param db - database (normally a transaction)
 * @param insert - what to insert
 */
export async function bulkInsert(db: SqlClient, insert: BulkInsert): Promise<void> {
  const { total, batchSize, stage } = insert;
  insert.onProgress?.(stage, 0, total);
  let pending: Promise<void> | null = null;
  try {
    for (let start = 0; start < total; start += batchSize) {
      const end = Math.min(total, start + batchSize);
      const params = insert.params(start, end);
      if (pending !== null) await pending;
      pending = db.query<{ id: number }>(insert.sql, params).then((result) => {
        if (insert.onIds !== undefined) {
          const ids = result.rows.map((row) => Number(row.id)).sort((a, b) => a - b);
          if (ids.length !== end - start) throw new Error(`${stage}: expected ${end - start} ids, got ${ids.length}`);
          insert.onIds(start, ids);
        }
        insert.onProgress?.(stage, end, total);
      });
    }
    if (pending !== null) await pending;
  } catch (error) {
    if (pending !== null) await pending.catch(() => undefined);
    throw error;
  }
}
