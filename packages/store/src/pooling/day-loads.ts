import type { SqlClient } from '../db/sql-client.js';
import { nextDay, partitionName, presenceTables, type PresenceTable } from './presence-partitions.js';

/**
 * Day loads: an import that brings a day with no partition yet loads that day's rows into a table
 * of its own, without indexes, over as many chunk transactions as it takes (each committed with the
 * batch's progress marker, so a killed import resumes into it). When the import ends, the indexes
 * are built in one sorted pass each (several at once, see `buildDayLoadIndexes`) and one
 * transaction attaches the table as the day's partition: about a third less database time than
 * keeping four indexes up to date row by row, and none of the day is visible before all of it is.
 */

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UNIQUE_VIOLATION = '23505';

/** Where the rows of one day go in an import. */
export interface DayTarget {
  /** `load`: the batch's own table for the day; `partition`: the day's partition, which already exists. */
  readonly kind: 'load' | 'partition';
  /** Table to COPY into. */
  readonly name: string;
}

/** What finishing the day loads of a batch did. */
export interface FinishedDayLoads {
  /** Days attached as new partitions. */
  readonly attached: readonly string[];
  /** Days whose partition appeared meanwhile: their rows were inserted into it instead. */
  readonly merged: readonly string[];
  /** Rows dropped as duplicates (a key twice in the load, or already in a partition merged into). */
  readonly duplicates: number;
}

/**
 * Name of a batch's load table for one day, e.g. `check_in_b12_p20260301`.
 * @param table - presence table
 * @param batchId - import batch
 * @param day - YYYY-MM-DD
 */
export function dayLoadName(table: PresenceTable, batchId: number, day: string): string {
  if (!DAY.test(day)) throw new RangeError(`not a day: ${day}`);
  return `${table}_b${batchId}_p${day.replaceAll('-', '')}`;
}

/**
 * Decides, inside a chunk's transaction, where a day's rows go: into the batch's load table when it
 * has one for the day (opened by an earlier chunk or an earlier run of the same import) or when the
 * day has no partition yet (the load table is then created), else straight into the partition.
 * @param tx - the chunk's transaction
 * @param table - presence table
 * @param batchId - import batch
 * @param day - YYYY-MM-DD
 */
export async function dayTarget(tx: SqlClient, table: PresenceTable, batchId: number, day: string): Promise<DayTarget> {
  const load = dayLoadName(table, batchId, day);
  const partition = partitionName(table, day);
  const found = await tx.query<{ load: boolean; partition: boolean }>('SELECT to_regclass($1) IS NOT NULL AS load, to_regclass($2) IS NOT NULL AS partition', [
    load,
    partition,
  ]);
  const exists = found.rows[0]!;
  if (!exists.load && exists.partition) return { kind: 'partition', name: partition };
  if (!exists.load) {
    // The CHECK matches the partition bound, so attaching does not scan the rows; autovacuum has nothing to do on an append-only table until then.
    await tx.exec(
      `CREATE TABLE IF NOT EXISTS ${load} (LIKE ${table} INCLUDING DEFAULTS INCLUDING CONSTRAINTS,
         CONSTRAINT ${load}_day CHECK (day >= '${day}' AND day < '${nextDay(day)}')) WITH (autovacuum_enabled = false)`,
    );
  }
  return { kind: 'load', name: load };
}

/**
 * The days a batch is loading into tables of their own, oldest first.
 * @param db - database
 * @param table - presence table
 * @param batchId - import batch
 */
export async function listDayLoads(db: SqlClient, table: PresenceTable, batchId: number): Promise<string[]> {
  const prefix = `${table}_b${batchId}_p`;
  const result = await db.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace
       AND left(relname, length($1)) = $1 AND relname ~ '_p[0-9]{8}$' ORDER BY relname`,
    [prefix],
  );
  return result.rows.map((r) => r.name.slice(prefix.length)).map((d) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}`);
}

async function columnsOf(tx: SqlClient, table: string): Promise<string> {
  const result = await tx.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'id' ORDER BY attnum`,
    [table],
  );
  return result.rows.map((r) => r.name).join(', ');
}

/** The newest id of any presence row already visible: the trace index reads new rows from its last mark on. */
async function newestPresenceId(tx: SqlClient): Promise<number> {
  const result = await tx.query<{ n: string | null }>(`SELECT greatest(${presenceTables.map((t) => `(SELECT max(id) FROM ${t})`).join(', ')}) AS n`);
  return Number(result.rows[0]?.n ?? 0);
}

/** Gives the rows new ids, after every id handed out so far, in their order. */
async function renumber(tx: SqlClient, load: string): Promise<void> {
  const columns = await columnsOf(tx, load);
  await tx.exec(`CREATE TABLE ${load}_n (LIKE ${load} INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
    INSERT INTO ${load}_n (${columns}) SELECT ${columns} FROM ${load} ORDER BY id;
    DROP TABLE ${load};
    ALTER TABLE ${load}_n RENAME TO ${load}`);
}

/** Inserts the rows into the day's existing partition (a stored key adds nothing). @returns duplicates */
async function merge(tx: SqlClient, table: PresenceTable, load: string): Promise<number> {
  const columns = await columnsOf(tx, load);
  const total = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${load}`);
  const inserted = await tx.query(`INSERT INTO ${table} (${columns}) SELECT ${columns} FROM ${load} ORDER BY id ON CONFLICT DO NOTHING`);
  await tx.exec(`DROP TABLE ${load}`);
  return total.rows[0]!.n - inserted.rowCount;
}

/**
 * Attaches the load as the day's partition; PostgreSQL builds the table's indexes on it in one
 * sorted pass each. A key twice in the load makes the unique index fail: the later rows are then
 * removed (the first in row order wins) and the attach is run again. @returns duplicates removed
 */
async function attach(tx: SqlClient, table: PresenceTable, key: string, load: string, day: string): Promise<number> {
  const statement = `ALTER TABLE ${table} ATTACH PARTITION ${load} FOR VALUES FROM ('${day}') TO ('${nextDay(day)}')`;
  let duplicates = 0;
  await tx.exec('SAVEPOINT day_load_attach');
  try {
    await tx.exec(statement);
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await tx.exec('ROLLBACK TO SAVEPOINT day_load_attach');
    duplicates = (await tx.query(`DELETE FROM ${load} a USING ${load} b WHERE a.${key} = b.${key} AND a.id > b.id`)).rowCount;
    await tx.exec(statement);
  }
  await tx.exec(`RELEASE SAVEPOINT day_load_attach;
    ALTER TABLE ${load} DROP CONSTRAINT ${load}_day, RESET (autovacuum_enabled);
    ALTER TABLE ${load} RENAME TO ${partitionName(table, day)}`);
  return duplicates;
}

/**
 * Ends a batch's day loads in the caller's transaction: each load becomes its day's partition, or,
 * when the partition appeared meanwhile (another import, a live scan), its rows are inserted into
 * it. Rows that carry ids older than a presence row already visible are given new ids first, so a
 * reader that follows ids from its last mark (the trace index) sees them. Resumable: the loads
 * stay until the transaction commits.
 * @param tx - transaction
 * @param table - presence table
 * @param key - the table's row key column (unique per day)
 * @param batchId - import batch
 */
export async function finishDayLoads(tx: SqlClient, table: PresenceTable, key: string, batchId: number): Promise<FinishedDayLoads> {
  const days = await listDayLoads(tx, table, batchId);
  if (days.length === 0) return { attached: [], merged: [], duplicates: 0 };
  // An index build sorts a day's keys in memory up to this size, else on disk (PGlite keeps its default: its heap is the process's).
  if (tx.engine === 'postgres') await tx.exec(`SET LOCAL maintenance_work_mem = '256MB'`);
  // Serialises against another import attaching or creating a partition of the table; reads and row writes go on.
  await tx.exec(`LOCK TABLE ${table} IN SHARE UPDATE EXCLUSIVE MODE`);
  const newest = await newestPresenceId(tx);
  const attached: string[] = [];
  const merged: string[] = [];
  let duplicates = 0;
  for (const day of days) {
    const load = dayLoadName(table, batchId, day);
    const partition = await tx.query<{ exists: boolean }>('SELECT to_regclass($1) IS NOT NULL AS exists', [partitionName(table, day)]);
    if (partition.rows[0]!.exists) {
      duplicates += await merge(tx, table, load);
      merged.push(day);
      continue;
    }
    const oldest = await tx.query<{ n: string | null }>(`SELECT min(id) AS n FROM ${load}`);
    if (oldest.rows[0]!.n !== null && Number(oldest.rows[0]!.n) <= newest) await renumber(tx, load);
    duplicates += await attach(tx, table, key, load, day);
    attached.push(day);
  }
  return { attached, merged, duplicates };
}

/**
 * Drops the load tables (of any batch) of days before a cutoff: what a failed import that was never
 * run again left behind goes when retention would have dropped its day anyway.
 * @param db - database
 * @param table - presence table
 * @param cutoff - first day kept (YYYY-MM-DD)
 * @returns the tables dropped
 */
export async function dropDayLoadsBefore(db: SqlClient, table: PresenceTable, cutoff: string): Promise<string[]> {
  const result = await db.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace AND relname ~ $1 ORDER BY relname`,
    [`^${table}_b[0-9]+_p[0-9]{8}$`],
  );
  const dropped: string[] = [];
  for (const { name } of result.rows) {
    const digits = name.slice(-8);
    if (`${digits.slice(0, 4)}-${digits.slice(4, 6)}-${digits.slice(6)}` >= cutoff) continue;
    await db.exec(`DROP TABLE IF EXISTS ${name}`);
    dropped.push(name);
  }
  return dropped;
}
