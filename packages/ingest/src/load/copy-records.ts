import { ensureDayPartitions, type PresenceTable, type SqlClient } from '@epigrid/store';
import type { RecordTarget } from '../model/source-mapper.js';
import type { LoadEnv } from './load-chunk.js';
import { stageHeadColumns, type StagedChunk } from './stage-records.js';
import type { WriteCounts } from './write-records.js';

/**
 * Sources whose rows are only ever added (no corrections) load through COPY and a staging table.
 * @param target - the source's table
 */
export function loadsByCopy(target: RecordTarget): boolean {
  return target.correctedBy === undefined;
}

const stageOf = (target: RecordTarget): string => `ingest_stage_${target.table}`;

/** The session's staging table for a target: created once per connection, emptied at every commit. */
async function emptyStage(tx: SqlClient, target: RecordTarget): Promise<void> {
  const own = target.columns.map((c) => `, ${c.name} ${c.type}`).join('');
  await tx.exec(`CREATE TEMP TABLE IF NOT EXISTS ${stageOf(target)} (ord int NOT NULL, key text NOT NULL, day date, person_id bigint,
      link_key text, id_number_hash text, phone_hash text, passport_hash text, claimed_name text, claimed_birth date${own})
    ON COMMIT DELETE ROWS;
    TRUNCATE ${stageOf(target)}`);
}

/**
 * Resolves the chunk's identity keys the import had not linked yet (exact keys, then the scored
 * match, provisional persons and reviews), one claim per key, and remembers them.
 */
async function linkOpenKeys(tx: SqlClient, env: LoadEnv, staged: StagedChunk, source: string): Promise<{ keys: string[]; persons: number[] }> {
  if (staged.open.size === 0) return { keys: [], persons: [] };
  const keys = [...staged.open.keys()];
  const persons = await env.resolver.resolve(tx, [...staged.open.values()], source);
  return { keys, persons };
}

/**
 * Writes a staged chunk inside the chunk's transaction: COPY into the session's staging table,
 * resolve the identity keys not linked yet, create the day partitions, then one
 * `INSERT … SELECT … ON CONFLICT DO NOTHING` into the target joining the staged rows to the persons
 * found by key (a stored row key is a duplicate and adds nothing; within a chunk the first wins).
 * @param tx - the chunk's transaction
 * @param env - load environment
 * @param target - the source's table
 * @param source - source name (recorded on reviews)
 * @param batchId - import batch
 * @param staged - the chunk's rows
 */
export async function copyRecords(tx: SqlClient, env: LoadEnv, target: RecordTarget, source: string, batchId: number, staged: StagedChunk): Promise<WriteCounts> {
  if (staged.rows === 0) return { inserted: 0, corrected: 0, duplicates: 0 };
  const stage = stageOf(target);
  await emptyStage(tx, target);
  const own = target.columns.map((c) => c.name);
  await tx.copyIn(`${stage} (${[...stageHeadColumns, ...own].join(', ')})`, staged.text);
  const linked = await linkOpenKeys(tx, env, staged, source);
  if (target.partitioned) {
    const days = [...staged.days].filter((d) => !env.partitions.has(`${target.table}:${d}`));
    await ensureDayPartitions(tx, target.table as PresenceTable, days);
    for (const d of days) env.partitions.add(`${target.table}:${d}`);
  }
  const day = target.partitioned ? ['day'] : [];
  const identity = ['id_number_hash', 'phone_hash', 'passport_hash', 'claimed_name', 'claimed_birth'];
  const names = [target.keyColumn, ...day, 'batch_id', 'person_id', ...identity, ...own];
  const values = ['s.key', ...day.map((c) => `s.${c}`), '$1::bigint', 'COALESCE(s.person_id, k.person_id)', ...[...identity, ...own].map((c) => `s.${c}`)];
  const result = await tx.query(
    `INSERT INTO ${target.table} (${names.join(', ')})
     SELECT ${values.join(', ')} FROM ${stage} s LEFT JOIN unnest($2::text[], $3::bigint[]) AS k(link_key, person_id) ON k.link_key = s.link_key
     ORDER BY s.ord ON CONFLICT DO NOTHING`,
    [batchId, linked.keys, linked.persons],
  );
  return { inserted: result.rowCount, corrected: 0, duplicates: staged.rows - result.rowCount };
}
