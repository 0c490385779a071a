import type { SqlClient } from '../db/sql-client.js';

/** Where a dead letter stands: waiting, edited, loaded by a re-run, or given up. */
export type DeadLetterStatus = 'open' | 'fixed' | 'rerun' | 'discarded';

/** A rejected row to store: the raw row is sealed by the caller (it may hold clear identifiers). */
export interface NewDeadLetter {
  readonly batchId: number;
  readonly source: string;
  readonly rowNumber: number;
  readonly rawSealed: string;
  readonly preview: Readonly<Record<string, string>>;
  readonly field: string | null;
  readonly rule: string;
  readonly reason: string;
}

/** A stored dead letter. */
export interface DeadLetter extends NewDeadLetter {
  readonly id: number;
  readonly status: DeadLetterStatus;
  readonly createdAt: string;
}

/** Filters of {@link listDeadLetters}. */
export interface DeadLetterQuery {
  readonly source?: string | undefined;
  readonly batchId?: number | undefined;
  readonly status?: DeadLetterStatus | undefined;
  readonly afterId?: number | undefined;
  readonly limit: number;
}

const COLUMNS = `id, batch_id AS "batchId", source, row_number AS "rowNumber", raw_sealed AS "rawSealed", preview, field, rule,
  reason, status, created_at::text AS "createdAt"`;

/**
 * Stores rejected rows (a row already dead-lettered in the same batch is kept as first stored).
 * @param tx - the chunk's transaction
 * @param letters - rejected rows
 */
export async function insertDeadLetters(tx: SqlClient, letters: readonly NewDeadLetter[]): Promise<void> {
  if (letters.length === 0) return;
  await tx.query(
    `INSERT INTO dead_letter (batch_id, source, row_number, raw_sealed, preview, field, rule, reason)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::jsonb[], $6::text[], $7::text[], $8::text[])
     ON CONFLICT (batch_id, row_number) DO NOTHING`,
    [
      letters.map((l) => l.batchId),
      letters.map((l) => l.source),
      letters.map((l) => l.rowNumber),
      letters.map((l) => l.rawSealed),
      letters.map((l) => JSON.stringify(l.preview)),
      letters.map((l) => l.field),
      letters.map((l) => l.rule),
      letters.map((l) => l.reason),
    ],
  );
}

/**
 * Lists dead letters in id order, page by page.
 * @param db - database
 * @param query - filters and page
 */
export async function listDeadLetters(db: SqlClient, query: DeadLetterQuery): Promise<DeadLetter[]> {
  const result = await db.query<DeadLetter>(
    `SELECT ${COLUMNS} FROM dead_letter
     WHERE ($1::text IS NULL OR source = $1) AND ($2::bigint IS NULL OR batch_id = $2) AND ($3::text IS NULL OR status = $3)
       AND id > $4
     ORDER BY id LIMIT $5`,
    [query.source ?? null, query.batchId ?? null, query.status ?? null, query.afterId ?? 0, query.limit],
  );
  return result.rows;
}

/**
 * Reads one dead letter.
 * @param db - database
 * @param id - dead letter id
 */
export async function getDeadLetter(db: SqlClient, id: number): Promise<DeadLetter | null> {
  const result = await db.query<DeadLetter>(`SELECT ${COLUMNS} FROM dead_letter WHERE id = $1`, [id]);
  return result.rows[0] ?? null;
}

/**
 * Replaces the raw row of a dead letter (a fix) and marks it fixed.
 * @param db - database
 * @param id - dead letter id
 * @param rawSealed - the edited row, sealed
 * @param preview - the edited row, identifiers masked
 */
export async function fixDeadLetter(db: SqlClient, id: number, rawSealed: string, preview: Readonly<Record<string, string>>): Promise<void> {
  await db.query(`UPDATE dead_letter SET raw_sealed = $2, preview = $3, status = 'fixed', updated_at = now() WHERE id = $1`, [
    id,
    rawSealed,
    JSON.stringify(preview),
  ]);
}

/**
 * Records the outcome of re-running a dead letter: loaded (`rerun`), rejected again (new reason),
 * or given up (`discarded`).
 * @param db - database or transaction
 * @param id - dead letter id
 * @param outcome - new status, and the new field, rule and reason when rejected again
 */
export async function settleDeadLetter(
  db: SqlClient,
  id: number,
  outcome: { status: DeadLetterStatus; field?: string | null; rule?: string; reason?: string },
): Promise<void> {
  await db.query(
    `UPDATE dead_letter SET status = $2, field = COALESCE($3, field), rule = COALESCE($4, rule), reason = COALESCE($5, reason),
       updated_at = now() WHERE id = $1`,
    [id, outcome.status, outcome.field ?? null, outcome.rule ?? null, outcome.reason ?? null],
  );
}

/** The most frequent rejection reasons of a batch: field and rule, with one example. */
export interface ReasonCount {
  readonly field: string | null;
  readonly rule: string;
  readonly count: number;
  readonly example: string;
}

/**
 * Counts the rejections of a batch by field and rule, most frequent first.
 * @param db - database
 * @param batchId - batch
 * @param limit - how many reasons
 */
export async function topRejectionReasons(db: SqlClient, batchId: number, limit = 5): Promise<ReasonCount[]> {
  return (await topRejectionReasonsOf(db, [batchId], limit)).get(batchId) ?? [];
}

/**
 * Counts the open dead letters of several batches in one query.
 * @param db - database
 * @param batchIds - batches
 * @returns batch id → open dead letters (batches without any are missing)
 */
export async function countOpenDeadLetters(db: SqlClient, batchIds: readonly number[]): Promise<Map<number, number>> {
  if (batchIds.length === 0) return new Map();
  const result = await db.query<{ batchId: number; count: number }>(
    `SELECT batch_id AS "batchId", count(*)::int AS count FROM dead_letter WHERE batch_id = ANY($1::bigint[]) AND status = 'open' GROUP BY batch_id`,
    [batchIds],
  );
  return new Map(result.rows.map((r) => [r.batchId, r.count]));
}

/**
 * The most frequent rejection reasons of several batches in one query (as {@link topRejectionReasons}
 * for each).
 * @param db - database
 * @param batchIds - batches
 * @param limit - how many reasons per batch
 * @returns batch id → reasons, most frequent first (batches without rejections are missing)
 */
export async function topRejectionReasonsOf(db: SqlClient, batchIds: readonly number[], limit = 3): Promise<Map<number, ReasonCount[]>> {
  const out = new Map<number, ReasonCount[]>();
  if (batchIds.length === 0) return out;
  const result = await db.query<ReasonCount & { batchId: number }>(
    `SELECT "batchId", field, rule, count, example FROM (
       SELECT batch_id AS "batchId", field, rule, count(*)::int AS count, min(reason) AS example,
         row_number() OVER (PARTITION BY batch_id ORDER BY count(*) DESC, field, rule) AS rank
       FROM dead_letter WHERE batch_id = ANY($1::bigint[]) GROUP BY batch_id, field, rule
     ) ranked WHERE rank <= $2 ORDER BY "batchId", rank`,
    [batchIds, limit],
  );
  for (const { batchId, ...reason } of result.rows) out.set(batchId, [...(out.get(batchId) ?? []), reason]);
  return out;
}
