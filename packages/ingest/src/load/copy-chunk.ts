import { dayTarget, ensureDayPartitions, partitionName, type DayTarget, type PresenceTable, type SqlClient } from '@epigrid/store';
import type { IdentityResolver } from '../identity/identity-resolver.js';
import type { RecordTarget } from '../model/source-mapper.js';
import { binaryCopyStream, setInt64 } from './binary-copy-writer.js';
import { copyColumns, type DayRows, type EncodedChunk, type PersonSlots } from './copy-encoder.js';
import type { WriteCounts } from './write-records.js';

/** PostgreSQL's unique_violation: the optimistic COPY met a row key already stored (or twice in the chunk). */
const UNIQUE_VIOLATION = '23505';

/** What writing an encoded chunk needs of the import. */
export interface CopyChunkEnv {
  readonly resolver: IdentityResolver;
  /** Day partitions known to exist in this import (updated). */
  readonly partitions: Set<string>;
}

const stageOf = (target: RecordTarget): string => `ingest_stage_${target.table}`;

/**
 * COPY straight into the target inside a savepoint, each day into its own partition (no routing per
 * row). A duplicate key (stored before, or twice in the chunk) makes PostgreSQL refuse a COPY: the
 * savepoint is rolled back and the caller falls back to the staging path.
 * @returns whether the rows were copied
 */
async function copyOptimistically(tx: SqlClient, target: RecordTarget, days: ReadonlyArray<{ day: string | null; bytes: Uint8Array }>): Promise<boolean> {
  const columns = copyColumns(target).join(', ');
  await tx.exec('SAVEPOINT ingest_copy');
  try {
    for (const { day, bytes } of days) {
      if (bytes.length === 0) continue; // every row of the day was refused after all
      const table = target.partitioned && day !== null ? partitionName(target.table as PresenceTable, day) : target.table;
      await tx.copyIn(`${table} (${columns})`, binaryCopyStream([bytes]), 'binary');
    }
  } catch (error) {
    if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
    await tx.exec('ROLLBACK TO SAVEPOINT ingest_copy');
    return false;
  }
  await tx.exec('RELEASE SAVEPOINT ingest_copy');
  return true;
}

/** Writes the ids of the persons found by key into the slots left for them. */
function fillPersons(bytes: Uint8Array, slots: PersonSlots, personOf: ReadonlyMap<string, number>): void {
  if (slots.at.length === 0) return;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < slots.at.length; i++) {
    setInt64(view, slots.at[i]!, personOf.get(slots.keys[i]!)!);
  }
}

/** The tuples of one day's rows, with the persons found in place and the rows that waited for a lookup put back in order. */
function bytesOf(rows: DayRows, personOf: ReadonlyMap<string, number>): Uint8Array {
  fillPersons(rows.main, rows.persons.main, personOf);
  fillPersons(rows.side, rows.persons.side, personOf);
  if (rows.insertions.length === 0) return rows.main;
  let size = rows.main.length;
  for (const ins of rows.insertions) size += ins.to - ins.from;
  const out = new Uint8Array(size);
  let read = 0;
  let write = 0;
  for (const ins of rows.insertions) {
    out.set(rows.main.subarray(read, ins.at), write);
    write += ins.at - read;
    read = ins.at;
    out.set(rows.side.subarray(ins.from, ins.to), write);
    write += ins.to - ins.from;
  }
  out.set(rows.main.subarray(read), write);
  return out;
}

/**
 * The fallback: COPY into the session's staging table (numbered in row order), then one
 * `INSERT … SELECT … ORDER BY ord ON CONFLICT DO NOTHING` (a stored key adds nothing; within a chunk
 * the first row wins).
 * @returns rows inserted
 */
async function copyThroughStage(tx: SqlClient, target: RecordTarget, bodies: readonly Uint8Array[]): Promise<number> {
  const stage = stageOf(target);
  const columns = copyColumns(target).join(', ');
  // Shaped after the target's own columns (types as stored, constraints left out), numbered last.
  await tx.exec(`CREATE TEMP TABLE IF NOT EXISTS ${stage} ON COMMIT DELETE ROWS AS SELECT ${columns} FROM ${target.table} WITH NO DATA;
    ALTER TABLE ${stage} ADD COLUMN IF NOT EXISTS ord bigint GENERATED ALWAYS AS IDENTITY;
    TRUNCATE ${stage}`);
  await tx.copyIn(`${stage} (${columns})`, binaryCopyStream(bodies), 'binary');
  const result = await tx.query(`INSERT INTO ${target.table} (${columns}) SELECT ${columns} FROM ${stage} ORDER BY ord ON CONFLICT DO NOTHING`);
  return result.rowCount;
}

/** A batch whose days with no partition yet go to load tables, and where its days were found to go. */
export interface DayLoadRoutes {
  readonly batchId: number;
  /** By day, decided once per import (a load table or a partition only ever stays). */
  readonly known: Map<string, DayTarget>;
}

/** The COPY bytes of one day. */
interface DayBytes {
  readonly day: string | null;
  readonly rows: number;
  readonly bytes: Uint8Array;
}

/**
 * Copies the days the batch loads into tables of their own (days that had no partition when the
 * import met them) and returns the others, which go to their partitions.
 * @returns rows copied into load tables, and the days left
 */
async function copyDayLoads(tx: SqlClient, target: RecordTarget, routes: DayLoadRoutes, days: readonly DayBytes[]): Promise<{ loaded: number; rest: DayBytes[] }> {
  const columns = copyColumns(target).join(', ');
  const rest: DayBytes[] = [];
  let loaded = 0;
  for (const day of days) {
    let where = routes.known.get(day.day!);
    if (where === undefined) {
      where = await dayTarget(tx, target.table as PresenceTable, routes.batchId, day.day!);
      routes.known.set(day.day!, where);
    }
    if (where.kind === 'partition') {
      rest.push(day);
      continue;
    }
    if (day.bytes.length > 0) await tx.copyIn(`${where.name} (${columns})`, binaryCopyStream([day.bytes]), 'binary');
    loaded += day.rows;
  }
  return { loaded, rest };
}

/**
 * Writes an encoded chunk inside the chunk's transaction: resolves the identity keys the import had
 * not linked yet (exact keys, scored match, provisional persons and reviews) and completes their
 * lines, then loads the rows by COPY. With `loads` set, a day that has no partition yet goes to
 * the batch's load table for the day (attached when the import ends, see `finishDayLoads`; its
 * duplicates are found then). The other days go straight into their partitions when no key is a
 * duplicate, else through the staging table. Rows get their ids in row order within each day.
 * @param tx - the chunk's transaction
 * @param env - resolver and known partitions
 * @param target - the source's table
 * @param source - source name (recorded on reviews)
 * @param chunk - the encoded rows
 * @param loads - the batch whose load tables take new days, or null for every day straight into its partition
 */
export async function writeEncodedChunk(
  tx: SqlClient,
  env: CopyChunkEnv,
  target: RecordTarget,
  source: string,
  chunk: EncodedChunk,
  loads: DayLoadRoutes | null = null,
): Promise<WriteCounts> {
  if (chunk.rows === 0) return { inserted: 0, corrected: 0, duplicates: 0 };
  let personOf = new Map<string, number>();
  if (chunk.claims.size > 0) {
    const keys = [...chunk.claims.keys()];
    const persons = await env.resolver.resolve(tx, [...chunk.claims.values()], source);
    personOf = new Map(keys.map((key, i) => [key, persons[i]!]));
  }
  let dayBytes: DayBytes[] = chunk.days.map((rows) => ({ day: rows.day, rows: rows.rows, bytes: bytesOf(rows, personOf) }));
  let loaded = 0;
  if (target.partitioned && loads !== null) {
    ({ loaded, rest: dayBytes } = await copyDayLoads(tx, target, loads, dayBytes));
  } else if (target.partitioned) {
    const days = dayBytes.map((d) => d.day!).filter((d) => !env.partitions.has(`${target.table}:${d}`));
    await ensureDayPartitions(tx, target.table as PresenceTable, days);
    for (const d of days) env.partitions.add(`${target.table}:${d}`);
  }
  const direct = dayBytes.reduce((n, t) => n + t.rows, 0);
  if (direct === 0 || (await copyOptimistically(tx, target, dayBytes))) return { inserted: loaded + direct, corrected: 0, duplicates: 0 };
  const inserted = await copyThroughStage(tx, target, dayBytes.map((t) => t.bytes));
  return { inserted: loaded + inserted, corrected: 0, duplicates: direct - inserted };
}
