import { insertDeadLetters, recordChunk, type ChunkCounts, type SqlClient } from '@epigrid/store';
import type { RecordTarget, SourceMapper } from '../model/source-mapper.js';
import type { SourceRecord } from '../model/source-record.js';
import { copyRecords, loadsByCopy } from './copy-records.js';
import { loadChunk, type LoadEnv } from './load-chunk.js';
import { deadLettersOf, prepareChunk, type PreparedChunk } from './prepare-chunk.js';

/** What a committed chunk added to the batch. */
export interface CommittedChunk {
  readonly lastRowNumber: number;
  readonly counts: ChunkCounts;
}

/**
 * Writes chunks of one import, each in one transaction together with its dead letters and the
 * batch's progress marker. Chunks are written in order, one at a time; for sources loaded by COPY
 * the next chunk is validated and staged while the previous one is being written.
 */
export class ChunkWriter {
  private inFlight: Promise<void> | null = null;
  private readonly byCopy: boolean;

  /**
   * @param db - database (each chunk opens its own transaction on it)
   * @param env - load environment
   * @param mapper - the source
   * @param batchId - import batch
   * @param onCommitted - called after each chunk commits, in order
   */
  constructor(
    private readonly db: SqlClient,
    private readonly env: LoadEnv,
    private readonly mapper: SourceMapper,
    private readonly batchId: number,
    private readonly onCommitted: (chunk: CommittedChunk) => void,
  ) {
    this.byCopy = mapper.target.kind === 'records' && loadsByCopy(mapper.target);
  }

  /** Rows per transaction that suit the write path (COPY pays off on large chunks). */
  get defaultChunkSize(): number {
    return this.byCopy ? 50_000 : 5000;
  }

  /**
   * Hands over a chunk: resolves once it is prepared and the previous chunk is committed; its own
   * commit may still be running (see {@link drain}).
   * @param records - the chunk's rows, in order
   */
  async write(records: readonly SourceRecord[]): Promise<void> {
    if (records.length === 0) return;
    if (!this.byCopy) {
      await this.drain();
      await this.commit(async (tx) => {
        const outcome = await loadChunk(tx, this.env, this.mapper, this.batchId, records);
        await insertDeadLetters(tx, deadLettersOf(this.env, this.mapper.source, this.batchId, outcome.rejected));
        return { lastRowNumber: records[records.length - 1]!.rowNumber, counts: { accepted: outcome.inserted, rejected: outcome.rejected.length, duplicates: outcome.duplicates, corrected: outcome.corrected } };
      });
      return;
    }
    const prepared = await prepareChunk(this.db, this.env, this.mapper, this.mapper.target as RecordTarget, this.batchId, records);
    await this.drain();
    const running = this.commit((tx) => this.writePrepared(tx, prepared));
    running.catch(() => undefined); // observed by the next write or drain
    this.inFlight = running;
  }

  /** Waits until every handed-over chunk is committed (rethrows a failed commit). */
  async drain(): Promise<void> {
    const running = this.inFlight;
    this.inFlight = null;
    if (running !== null) await running;
  }

  private async writePrepared(tx: SqlClient, prepared: PreparedChunk): Promise<CommittedChunk> {
    const target = this.mapper.target as RecordTarget;
    const written = await copyRecords(tx, this.env, target, this.mapper.source, this.batchId, prepared.staged);
    await insertDeadLetters(tx, prepared.deadLetters);
    return {
      lastRowNumber: prepared.lastRowNumber,
      counts: { accepted: written.inserted, rejected: prepared.deadLetters.length, duplicates: written.duplicates, corrected: written.corrected },
    };
  }

  private async commit(work: (tx: SqlClient) => Promise<CommittedChunk>): Promise<void> {
    const committed = await this.db.transaction(async (tx) => {
      const chunk = await work(tx);
      await recordChunk(tx, this.batchId, chunk.lastRowNumber, chunk.counts);
      return chunk;
    });
    this.onCommitted(committed);
  }
}
