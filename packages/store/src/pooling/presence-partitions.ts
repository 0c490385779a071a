import type { SqlClient } from '../db/sql-client.js';

/** The day-partitioned presence tables (migration 0002). */
export const presenceTables = ['check_in', 'telecom_presence', 'transport_ticket'] as const;

/** One of {@link presenceTables}. */
export type PresenceTable = (typeof presenceTables)[number];

/** One daily partition of a presence table. */
export interface DayPartition {
  readonly name: string;
  /** First day it holds (YYYY-MM-DD). */
  readonly day: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The day after a day.
 * @param day - YYYY-MM-DD
 */
export function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/**
 * Name of the partition of a table holding one day, e.g. `check_in_p20260301`.
 * @param table - presence table
 * @param day - YYYY-MM-DD
 */
export function partitionName(table: PresenceTable, day: string): string {
  return `${table}_p${day.replaceAll('-', '')}`;
}

/**
 * Creates the daily partitions that do not exist yet. Runs inside the caller's transaction, so a
 * rolled-back chunk leaves no partition behind either.
 * @param db - database or transaction
 * @param table - presence table
 * @param days - days (YYYY-MM-DD) the next rows fall on
 */
export async function ensureDayPartitions(db: SqlClient, table: PresenceTable, days: Iterable<string>): Promise<void> {
  for (const day of new Set(days)) {
    if (!DAY.test(day)) throw new RangeError(`not a day: ${day}`);
    await db.exec(
      `CREATE TABLE IF NOT EXISTS ${partitionName(table, day)} PARTITION OF ${table} FOR VALUES FROM ('${day}') TO ('${nextDay(day)}')`,
    );
  }
}

/**
 * Lists the daily partitions of a presence table, oldest first.
 * @param db - database
 * @param table - presence table
 */
export async function listDayPartitions(db: SqlClient, table: PresenceTable): Promise<DayPartition[]> {
  const result = await db.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
     WHERE i.inhparent = $1::regclass ORDER BY c.relname`,
    [table],
  );
  return result.rows
    .map((r) => ({ name: r.name, match: /_p(\d{4})(\d{2})(\d{2})$/.exec(r.name) }))
    .filter((r) => r.match !== null)
    .map((r) => ({ name: r.name, day: `${r.match![1]}-${r.match![2]}-${r.match![3]}` }));
}

/**
 * Drops the daily partitions of a table holding days before a cutoff (the data goes with them).
 * @param db - database
 * @param table - presence table
 * @param cutoff - first day kept (YYYY-MM-DD)
 * @returns the days dropped
 */
export async function dropDayPartitionsBefore(db: SqlClient, table: PresenceTable, cutoff: string): Promise<string[]> {
  const dropped: string[] = [];
  for (const partition of await listDayPartitions(db, table)) {
    if (partition.day >= cutoff) continue;
    await db.exec(`DROP TABLE IF EXISTS ${partition.name}`);
    dropped.push(partition.day);
  }
  return dropped;
}
