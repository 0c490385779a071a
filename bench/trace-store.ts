// The store side of bench/trace.bench.ts: the synthetic check-ins loaded into the store's own
// check_in table (migrated database, day partitions), and the index built from there the way the
// server builds it at start: buildPresenceIndex(storePresenceRows(db, …)).
import { ensureDayPartitions, migrate, openPostgres, type SqlClient } from '@epigrid/store';
import { buildPresenceIndex, type PresenceIndex } from '@epigrid/trace';
import { storePresenceRows } from '@epigrid/server';

/** The synthetic rows, as the bench generates them (timeOut 0 = no check-out). */
export interface SyntheticCheckIns {
  readonly person: Uint32Array;
  readonly venue: Uint32Array;
  readonly timeIn: Uint32Array;
  readonly timeOut: Uint32Array;
  readonly count: number;
}

/** The store's database for the bench, with what was loaded. */
export interface BenchStore {
  readonly db: SqlClient;
  /** Seconds to load the rows into check_in (staging COPY and INSERT … SELECT). */
  readonly loadSeconds: number;
  /** Largest check_in id (ids are the row keys of the in-memory index: row i has id i + 1). */
  readonly maxId: number;
}

const ROWS_PER_COPY = 500_000;

/**
 * Migrates a throwaway database and loads the rows into check_in: COPY of plain integers into an
 * unlogged staging table `bench_rows` (kept for the plain-SQL comparison), then one INSERT … SELECT
 * into the day partitions. The partitions are unlogged and check_in's secondary indexes are dropped
 * first: a bulk load, not the ingest path, and the index build reads by sequential scan.
 * @param url - the throwaway database
 * @param rows - the synthetic check-ins
 * @param utcOffsetMinutes - local offset that decides each row's day partition
 */
export async function loadStore(url: string, rows: SyntheticCheckIns, utcOffsetMinutes: number): Promise<BenchStore> {
  const db = await openPostgres(url, 2);
  await migrate(db);
  const started = performance.now();
  const constraints = await db.query<{ name: string }>(`SELECT conname AS name FROM pg_constraint WHERE conrelid = 'check_in'::regclass AND contype = 'u'`);
  for (const c of constraints.rows) await db.exec(`ALTER TABLE check_in DROP CONSTRAINT ${c.name}`);
  const indexes = await db.query<{ name: string }>(`SELECT indexrelid::regclass::text AS name FROM pg_index WHERE indrelid = 'check_in'::regclass`);
  for (const i of indexes.rows) await db.exec(`DROP INDEX ${i.name}`);
  await db.exec('CREATE UNLOGGED TABLE bench_rows (id bigint NOT NULL, person int NOT NULL, venue int NOT NULL, time_in int NOT NULL, time_out int)');
  const days = new Set<number>();
  for (let i = 0; i < rows.count; i += ROWS_PER_COPY) {
    const end = Math.min(rows.count, i + ROWS_PER_COPY);
    const lines: string[] = [];
    for (let k = i; k < end; k++) {
      const out = rows.timeOut[k]!;
      lines.push(`${k + 1}\t${rows.person[k]}\t${rows.venue[k]}\t${rows.timeIn[k]}\t${out === 0 ? '\\N' : out}\n`);
      days.add(Math.floor((rows.timeIn[k]! + utcOffsetMinutes * 60) / 86_400));
    }
    await db.copyIn('bench_rows', lines.join(''));
  }
  await ensureDayPartitions(db, 'check_in', [...days].map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10)));
  const partitions = await db.query<{ name: string }>(`SELECT inhrelid::regclass::text AS name FROM pg_inherits WHERE inhparent = 'check_in'::regclass`);
  for (const p of partitions.rows) await db.exec(`ALTER TABLE ${p.name} SET UNLOGGED`);
  const offset = utcOffsetMinutes * 60;
  await db.exec(
    `INSERT INTO check_in (id, scan_id, day, person_id, place_id, time_in, time_out)
     SELECT id, 'b' || id, date '1970-01-01' + ((time_in + ${offset}) / 86400), person, venue, to_timestamp(time_in), to_timestamp(time_out)
     FROM bench_rows`,
  );
  await db.exec('VACUUM ANALYZE check_in');
  return { db, loadSeconds: (performance.now() - started) / 1000, maxId: rows.count };
}

/**
 * Builds the index from the store as the server does at start, timed end to end.
 * @param store - the loaded store
 * @param since - retention horizon, epoch seconds
 * @param utcOffsetMinutes - local offset
 */
export async function buildFromStore(store: BenchStore, since: number, utcOffsetMinutes: number): Promise<{ index: PresenceIndex; seconds: number }> {
  const started = performance.now();
  const index = await buildPresenceIndex(storePresenceRows(store.db, 0, store.maxId), { since, utcOffsetMinutes });
  return { index, seconds: (performance.now() - started) / 1000 };
}
