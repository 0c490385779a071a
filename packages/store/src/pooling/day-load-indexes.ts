import type { SqlClient } from '../db/sql-client.js';
import { dayLoadName, listDayLoads } from './day-loads.js';
import type { PresenceTable } from './presence-partitions.js';

/**
 * Building a batch's day loads' indexes before they are attached: each index is built in a
 * transaction of its own, several at once on separate connections, so the database uses more than
 * one core while the importer waits. Attaching a load then adopts the indexes that match its
 * table's instead of building them one after the other inside the attach transaction.
 */

const UNIQUE_VIOLATION = '23505';

/** One index of a partitioned table, as the statement that builds the same index on a load. */
interface IndexShape {
  /** For a constraint's index (the row key): the constraint, e.g. `UNIQUE (scan_id, day)`. */
  readonly constraint: string | null;
  /** Otherwise the index from `USING` on, e.g. `USING btree (person_id)`, and whether it is unique. */
  readonly using: string;
  readonly unique: boolean;
}

async function indexShapes(db: SqlClient, table: PresenceTable): Promise<IndexShape[]> {
  const result = await db.query<{ def: string; unique: boolean; constraint: string | null }>(
    `SELECT pg_get_indexdef(i.indexrelid) AS def, i.indisunique AS unique, pg_get_constraintdef(c.oid) AS constraint
       FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid
      WHERE i.indrelid = $1::regclass ORDER BY i.indexrelid::regclass::text`,
    [table],
  );
  return result.rows.map((r) => ({ constraint: r.constraint, using: r.def.slice(r.def.indexOf(' USING ') + 1), unique: r.unique }));
}

/** The statement building one index on a load, under a name fixed by its place among the table's indexes. */
function buildStatement(load: string, shape: IndexShape, ordinal: number): { name: string; sql: string } {
  const name = `${load}_x${ordinal}`;
  if (shape.constraint !== null) return { name, sql: `ALTER TABLE ${load} ADD CONSTRAINT ${name} ${shape.constraint}` };
  return { name, sql: `CREATE ${shape.unique ? 'UNIQUE ' : ''}INDEX ${name} ON ${load} ${shape.using}` };
}

/** How many index builds run at once: as many processes as the server lets one index build use. */
async function buildsAtOnce(db: SqlClient): Promise<number> {
  if (db.engine === 'pglite') return 1; // one connection: nothing runs beside it
  const result = await db.query<{ n: string }>(`SELECT current_setting('max_parallel_maintenance_workers') AS n`);
  return Math.max(1, Number(result.rows[0]!.n) + 1);
}

/** What {@link buildDayLoadIndexes} did. */
export interface BuiltDayLoadIndexes {
  /** Indexes built. */
  readonly built: number;
  /** Unique indexes left for the attach, because the load holds a key twice (the attach removes the later rows). */
  readonly leftForAttach: number;
}

/**
 * Builds, on each of a batch's day loads, the indexes of its presence table that the load does not
 * have yet, several at once on separate connections (PostgreSQL; one at a time on PGlite). Run it
 * after the last chunk is committed and before `finishDayLoads`, outside a transaction: every build
 * commits on its own, so a killed import that is run again builds only what is missing. A unique
 * index that meets a key twice is skipped; the attach then removes the later rows and builds it.
 * @param db - database (a pool of connections on PostgreSQL)
 * @param table - presence table
 * @param batchId - import batch
 */
export async function buildDayLoadIndexes(db: SqlClient, table: PresenceTable, batchId: number): Promise<BuiltDayLoadIndexes> {
  const days = await listDayLoads(db, table, batchId);
  if (days.length === 0) return { built: 0, leftForAttach: 0 };
  const shapes = await indexShapes(db, table);
  const wanted = days.flatMap((day) => shapes.map((shape, i) => buildStatement(dayLoadName(table, batchId, day), shape, i)));
  const present = await db.query<{ name: string }>(`SELECT name FROM unnest($1::text[]) AS name WHERE to_regclass(name) IS NOT NULL`, [wanted.map((w) => w.name)]);
  const have = new Set(present.rows.map((r) => r.name));
  const queue = wanted.filter((w) => !have.has(w.name));
  let built = 0;
  let leftForAttach = 0;
  const runner = async (): Promise<void> => {
    for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
      const { sql } = next;
      try {
        await db.transaction(async (tx) => {
          // A build sorts its keys in memory up to this size, else on disk (PGlite keeps its default: its heap is the process's).
          if (tx.engine === 'postgres') await tx.exec(`SET LOCAL maintenance_work_mem = '256MB'`);
          await tx.exec(sql);
        });
        built++;
      } catch (error) {
        if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION) throw error;
        leftForAttach++;
      }
    }
  };
  const width = Math.min(queue.length, await buildsAtOnce(db));
  await Promise.all(Array.from({ length: width }, runner));
  return { built, leftForAttach };
}
