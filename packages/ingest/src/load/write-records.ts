import { ensureDayPartitions, type PresenceTable, type SqlClient } from '@epigrid/store';
import type { HashedClaim } from '../identity/hashed-claim.js';
import type { ParsedTime } from '../map/field-rules.js';
import type { ColumnType, RecordTarget } from '../model/source-mapper.js';
import type { ResolvedRow } from './resolve-references.js';

/** A row ready to insert: references filled, person found. */
export interface LinkedRow {
  readonly resolved: ResolvedRow;
  readonly hashed: HashedClaim | null;
  readonly personId: number | null;
}

/** What a write did. */
export interface WriteCounts {
  readonly inserted: number;
  readonly corrected: number;
  readonly duplicates: number;
}

interface Column {
  readonly name: string;
  readonly type: ColumnType;
  readonly value: (row: LinkedRow) => unknown;
}

/** A value as a query parameter: a time as read goes as its text. */
function asParameter(value: unknown): unknown {
  return value !== null && typeof value === 'object' && 'micros' in value ? (value as ParsedTime).text : value;
}

function columnsOf(target: RecordTarget, batchId: number): Column[] {
  const columns: Column[] = [{ name: target.keyColumn, type: 'text', value: (r) => r.resolved.row.key }];
  if (target.partitioned) columns.push({ name: 'day', type: 'date', value: (r) => r.resolved.row.day });
  columns.push(
    { name: 'batch_id', type: 'bigint', value: () => batchId },
    { name: 'person_id', type: 'bigint', value: (r) => r.personId },
    { name: 'id_number_hash', type: 'text', value: (r) => r.hashed?.idHash ?? null },
    { name: 'phone_hash', type: 'text', value: (r) => r.hashed?.phoneHash ?? null },
    { name: 'passport_hash', type: 'text', value: (r) => r.hashed?.passportHash ?? null },
    { name: 'claimed_name', type: 'text', value: (r) => r.hashed?.claim.name ?? null },
    { name: 'claimed_birth', type: 'date', value: (r) => r.hashed?.claim.birthDate ?? null },
  );
  for (const spec of target.columns) {
    columns.push({ name: spec.name, type: spec.type, value: (r) => asParameter(r.resolved.refs[spec.name] ?? r.resolved.row.values[spec.name] ?? null) });
  }
  return columns;
}

function insertSql(target: RecordTarget, columns: readonly Column[]): string {
  const names = columns.map((c) => c.name).join(', ');
  const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`).join(', ');
  const head = `INSERT INTO ${target.table} (${names}) SELECT * FROM unnest(${arrays})`;
  if (target.correctedBy === undefined) return `${head} ON CONFLICT DO NOTHING`;
  const updates = columns
    .filter((c) => c.name !== target.keyColumn)
    .map((c) => `${c.name} = EXCLUDED.${c.name}`)
    .join(', ');
  return `${head} ON CONFLICT (${target.keyColumn}) DO UPDATE SET ${updates}, version = ${target.table}.version + 1
    WHERE ${target.table}.${target.correctedBy} < EXCLUDED.${target.correctedBy} RETURNING (xmax = 0) AS inserted`;
}

/**
 * Inserts a chunk's rows in one statement (`INSERT … SELECT FROM unnest(…)`): a stored key is a
 * duplicate and adds nothing; for a corrected source, a newer version replaces the stored one (the
 * history trigger keeps what it replaced). Creates the day partitions the rows need.
 * @param tx - the chunk's transaction
 * @param target - the source's table
 * @param batchId - import batch
 * @param rows - rows to write
 * @param partitions - days known to have a partition in this import (updated)
 */
export async function writeRecords(tx: SqlClient, target: RecordTarget, batchId: number, rows: readonly LinkedRow[], partitions: Set<string>): Promise<WriteCounts> {
  if (rows.length === 0) return { inserted: 0, corrected: 0, duplicates: 0 };
  const columns = columnsOf(target, batchId);
  const sql = insertSql(target, columns);
  if (target.partitioned) {
    const days = [...new Set(rows.map((r) => r.resolved.row.day!))].filter((d) => !partitions.has(`${target.table}:${d}`));
    await ensureDayPartitions(tx, target.table as PresenceTable, days);
    for (const d of days) partitions.add(`${target.table}:${d}`);
  }
  const params = (batch: readonly LinkedRow[]): unknown[][] => columns.map((c) => batch.map((r) => c.value(r)));
  if (target.correctedBy === undefined) {
    const result = await tx.query(sql, params(rows));
    return { inserted: result.rowCount, corrected: 0, duplicates: rows.length - result.rowCount };
  }
  // One statement may not update a row twice: versions of one key within the chunk go in rounds, oldest first.
  const version = (r: LinkedRow): string => String(r.resolved.row.values[target.correctedBy!] ?? '');
  const byKey = new Map<string, LinkedRow[]>();
  for (const row of rows) {
    const list = byKey.get(row.resolved.row.key) ?? [];
    list.push(row);
    byKey.set(row.resolved.row.key, list);
  }
  const rounds: LinkedRow[][] = [];
  for (const list of byKey.values()) {
    list.sort((a, b) => Date.parse(version(a)) - Date.parse(version(b)));
    list.forEach((row, i) => (rounds[i] ??= []).push(row));
  }
  let inserted = 0;
  let corrected = 0;
  for (const round of rounds) {
    const result = await tx.query<{ inserted: boolean }>(sql, params(round));
    for (const r of result.rows) {
      if (r.inserted) inserted++;
      else corrected++;
    }
  }
  return { inserted, corrected, duplicates: rows.length - inserted - corrected };
}
