/**
 * Bulk loading is much faster when secondary indexes are built once at the end instead of being
 * updated row by row (an ltree GiST index costs ~100 µs per inserted row on PGlite). These helpers
 * drop a table's plain (non-unique, non-constraint) indexes and recreate them from their exact
 * definitions, inside the loading transaction, so the schema afterwards is unchanged.
 */
import type { SqlClient } from '@epigrid/store';

/** An index that was dropped and must be recreated. */
export interface DroppedIndex {
  readonly name: string;
  /** The CREATE INDEX statement, as pg_get_indexdef gives it. */
  readonly definition: string;
}

/**
 * Drops the plain secondary indexes of some tables. Unique and constraint indexes stay, so
 * integrity is still checked row by row.
 * @param db - database, inside a transaction
 * @param tables - table names in the current schema
 * @returns the dropped indexes, to pass to {@link recreateIndexes}
 */
export async function dropSecondaryIndexes(db: SqlClient, tables: readonly string[]): Promise<DroppedIndex[]> {
  const result = await db.query<{ name: string; definition: string; drop: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(x.indexrelid) AS definition, format('DROP INDEX %I.%I', n.nspname, i.relname) AS drop
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE t.relname = ANY($1::text[]) AND n.nspname = current_schema()
       AND NOT x.indisunique AND NOT x.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
     ORDER BY i.relname`,
    [tables],
  );
  for (const row of result.rows) await db.query(row.drop);
  return result.rows.map(({ name, definition }) => ({ name, definition }));
}

/**
 * Recreates indexes dropped by {@link dropSecondaryIndexes}.
 * @param db - database, inside the same transaction
 * @param indexes - the dropped indexes
 * @param onIndex - called after each index is built, with the count built so far
 */
export async function recreateIndexes(
  db: SqlClient,
  indexes: readonly DroppedIndex[],
  onIndex?: (done: number, total: number) => void,
): Promise<void> {
  let done = 0;
  for (const index of indexes) {
    await db.query(index.definition);
    onIndex?.(++done, indexes.length);
  }
}
