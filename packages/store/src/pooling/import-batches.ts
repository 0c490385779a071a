import type { SqlClient } from '../db/sql-client.js';

/** An import batch as stored: one file or one HTTP batch of one source. */
export interface ImportBatch {
  readonly id: number;
  readonly source: string;
  readonly fileName: string;
  readonly contentHash: string | null;
  readonly idempotencyKey: string | null;
  readonly status: 'running' | 'done' | 'failed';
  /** Progress marker: the last row number whose chunk is committed. */
  readonly rowsDone: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly duplicates: number;
  readonly corrected: number;
  readonly report: Readonly<Record<string, unknown>> | null;
  readonly startedAt: string;
  readonly finishedAt: string | null;
}

/** Counts added by one committed chunk. */
export interface ChunkCounts {
  readonly accepted: number;
  readonly rejected: number;
  readonly duplicates: number;
  readonly corrected: number;
}

const COLUMNS = `id, source, file_name AS "fileName", content_hash AS "contentHash", idempotency_key AS "idempotencyKey",
  status, rows_done AS "rowsDone", accepted, rejected, duplicates, corrected, report,
  started_at::text AS "startedAt", finished_at::text AS "finishedAt"`;

/** How an import identifies itself for re-runs: the file's content hash or a client's key. */
export interface BatchIdentity {
  readonly source: string;
  readonly fileName: string;
  readonly contentHash?: string | undefined;
  readonly idempotencyKey?: string | undefined;
  readonly actorName: string;
}

/**
 * Finds the batch an import continues (same source and content hash, not failed for good) or creates
 * one. With an idempotency key the unique index makes a concurrent second request wait for the
 * first one's transaction and then find its batch.
 * @param db - database or transaction
 * @param identity - source, file name, content hash or idempotency key
 * @param fresh - create a new batch even if the same content was imported before
 * @returns the batch and whether it already existed
 */
export async function openImportBatch(db: SqlClient, identity: BatchIdentity, fresh = false): Promise<{ batch: ImportBatch; existed: boolean }> {
  if (identity.idempotencyKey !== undefined) {
    const inserted = await db.query<ImportBatch>(
      `INSERT INTO import_batch (source, file_name, idempotency_key, actor_name) VALUES ($1, $2, $3, $4)
       ON CONFLICT (source, idempotency_key) DO NOTHING RETURNING ${COLUMNS}`,
      [identity.source, identity.fileName, identity.idempotencyKey, identity.actorName],
    );
    if (inserted.rows[0] !== undefined) return { batch: inserted.rows[0], existed: false };
    const found = await db.query<ImportBatch>(`SELECT ${COLUMNS} FROM import_batch WHERE source = $1 AND idempotency_key = $2`, [
      identity.source,
      identity.idempotencyKey,
    ]);
    return { batch: found.rows[0]!, existed: true };
  }
  if (!fresh && identity.contentHash !== undefined) {
    const found = await db.query<ImportBatch>(
      `SELECT ${COLUMNS} FROM import_batch WHERE source = $1 AND content_hash = $2 ORDER BY id DESC LIMIT 1`,
      [identity.source, identity.contentHash],
    );
    if (found.rows[0] !== undefined) return { batch: found.rows[0], existed: true };
  }
  const created = await db.query<ImportBatch>(
    `INSERT INTO import_batch (source, file_name, content_hash, actor_name) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [identity.source, identity.fileName, identity.contentHash ?? null, identity.actorName],
  );
  return { batch: created.rows[0]!, existed: false };
}

/**
 * Adds a committed chunk's counts and moves the progress marker, in the chunk's transaction.
 * @param tx - the chunk's transaction
 * @param batchId - batch
 * @param lastRow - last row number of the chunk
 * @param counts - what the chunk did
 */
export async function recordChunk(tx: SqlClient, batchId: number, lastRow: number, counts: ChunkCounts): Promise<void> {
  await tx.query(
    `UPDATE import_batch SET rows_done = GREATEST(rows_done, $2), accepted = accepted + $3, rejected = rejected + $4,
       duplicates = duplicates + $5, corrected = corrected + $6 WHERE id = $1`,
    [batchId, lastRow, counts.accepted, counts.rejected, counts.duplicates, counts.corrected],
  );
}

/**
 * Counts rows a batch had accepted as duplicates after all (found when its day loads were
 * finished), in the same transaction.
 * @param tx - transaction
 * @param batchId - batch
 * @param rows - how many
 */
export async function countLateDuplicates(tx: SqlClient, batchId: number, rows: number): Promise<void> {
  if (rows === 0) return;
  await tx.query('UPDATE import_batch SET accepted = accepted - $2, duplicates = duplicates + $2 WHERE id = $1', [batchId, rows]);
}

/**
 * Marks a batch finished (done or failed) with its report.
 * @param db - database
 * @param batchId - batch
 * @param status - outcome
 * @param report - the import report shown to the user
 */
export async function finishImportBatch(db: SqlClient, batchId: number, status: 'done' | 'failed', report: Readonly<Record<string, unknown>>): Promise<ImportBatch> {
  const result = await db.query<ImportBatch>(
    `UPDATE import_batch SET status = $2, report = $3, finished_at = now() WHERE id = $1 RETURNING ${COLUMNS}`,
    [batchId, status, JSON.stringify(report)],
  );
  return result.rows[0]!;
}

/**
 * Reads one batch.
 * @param db - database
 * @param batchId - batch
 */
export async function getImportBatch(db: SqlClient, batchId: number): Promise<ImportBatch | null> {
  const result = await db.query<ImportBatch>(`SELECT ${COLUMNS} FROM import_batch WHERE id = $1`, [batchId]);
  return result.rows[0] ?? null;
}

/**
 * Lists the most recent batches.
 * @param db - database
 * @param limit - how many
 */
export async function listImportBatches(db: SqlClient, limit = 20): Promise<ImportBatch[]> {
  const result = await db.query<ImportBatch>(`SELECT ${COLUMNS} FROM import_batch ORDER BY id DESC LIMIT $1`, [limit]);
  return result.rows;
}
