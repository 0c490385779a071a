import type { NewDeadLetter, SqlClient } from '@epigrid/store';
import type { RecordTarget, SourceMapper } from '../model/source-mapper.js';
import { describeRejection, type Rejection, type SourceRecord } from '../model/source-record.js';
import type { LoadEnv } from './load-chunk.js';
import { resolveReferences, type ResolvedRow } from './resolve-references.js';
import { previewRow, sealRow } from './seal-row.js';
import { stageRecords, yieldToEventLoop, YIELD_EVERY, type StagedChunk } from './stage-records.js';

/** A chunk validated and staged before its transaction opens. */
export interface PreparedChunk {
  readonly staged: StagedChunk;
  readonly deadLetters: readonly NewDeadLetter[];
  /** Row number of the chunk's last row (the progress marker). */
  readonly lastRowNumber: number;
}

/**
 * Dead letters of a chunk's rejected rows, sealed (the raw row may hold clear identifiers).
 * @param env - load environment
 * @param source - source name
 * @param batchId - import batch
 * @param rejected - rows and why
 */
export function deadLettersOf(
  env: Pick<LoadEnv, 'vault'>,
  source: string,
  batchId: number,
  rejected: ReadonlyArray<{ readonly record: SourceRecord; readonly rejection: Rejection }>,
): NewDeadLetter[] {
  return [...rejected]
    .sort((a, b) => a.record.rowNumber - b.record.rowNumber)
    .map(({ record, rejection }) => ({
      batchId,
      source,
      rowNumber: record.rowNumber,
      rawSealed: sealRow(env.vault, record.raw),
      preview: previewRow(record.raw),
      field: rejection.field,
      rule: rejection.rule,
      reason: describeRejection(record.rowNumber, rejection),
    }));
}

/**
 * Validates a chunk, looks up its codes and stages its rows as COPY text — all the work that needs
 * no transaction, so it can run while the previous chunk is being written.
 * @param db - database (code lookups only read)
 * @param env - load environment
 * @param mapper - the source
 * @param target - its table
 * @param batchId - import batch
 * @param records - the rows
 */
export async function prepareChunk(
  db: SqlClient,
  env: LoadEnv,
  mapper: SourceMapper,
  target: RecordTarget,
  batchId: number,
  records: readonly SourceRecord[],
): Promise<PreparedChunk> {
  const rejected: Array<{ record: SourceRecord; rejection: Rejection }> = [];
  const mapped: Array<{ record: SourceRecord; row: ResolvedRow['row'] }> = [];
  const context = { today: env.today };
  for (let i = 0; i < records.length; i++) {
    // Let the previous chunk's COPY and statements progress while this one is validated.
    if (i % YIELD_EVERY === YIELD_EVERY - 1) await yieldToEventLoop();
    const record = records[i]!;
    if (record.defect !== undefined) {
      rejected.push({ record, rejection: { field: null, rule: 'unreadable', reason: record.defect } });
      continue;
    }
    const result = mapper.map(record.raw, context);
    if (result.ok) mapped.push({ record, row: result.row });
    else rejected.push({ record, rejection: result.rejection });
  }
  const referenced = await resolveReferences(
    db,
    mapped.map((m) => m.row),
  );
  const valid: ResolvedRow[] = [];
  for (let i = 0; i < referenced.length; i++) {
    const outcome = referenced[i]!;
    if ('row' in outcome) valid.push(outcome);
    else rejected.push({ record: mapped[i]!.record, rejection: outcome });
  }
  return {
    staged: await stageRecords(env.vault, env.resolver, target, valid),
    deadLetters: deadLettersOf(env, mapper.source, batchId, rejected),
    lastRowNumber: records[records.length - 1]!.rowNumber,
  };
}
