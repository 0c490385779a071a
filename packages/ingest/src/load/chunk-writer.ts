import {
  buildDayLoadIndexes,
  countLateDuplicates,
  finishDayLoads,
  insertDeadLetters,
  recordChunk,
  type ChunkCounts,
  type NewDeadLetter,
  type PresenceTable,
  type SqlClient,
} from '@epigrid/store';
import { MemoHasher } from '../identity/memo-hasher.js';
import type { RecordTarget, SourceMapper } from '../model/source-mapper.js';
import type { RowBatch } from '../model/row-batch.js';
import type { SourceRecord } from '../model/source-record.js';
import { writeEncodedChunk, type DayLoadRoutes } from './copy-chunk.js';
import type { BinaryColumnType } from './binary-copy-writer.js';
import { copyColumnTypes } from './copy-column-types.js';
import { CopyEncoder, copyColumns, type EncodeEnv, type EncodedChunk } from './copy-encoder.js';
import { deadLettersOf } from './dead-letters-of.js';
import { loadChunk, type LoadEnv } from './load-chunk.js';
import { ReferenceCache } from './resolve-references.js';

/** What a committed chunk added to the batch. */
export interface CommittedChunk {
  readonly lastRowNumber: number;
  readonly counts: ChunkCounts;
}

/**
 * Sources whose rows are only ever added (no corrections) load by COPY.
 * @param target - the source's table
 */
export function loadsByCopy(target: RecordTarget): boolean {
  return target.correctedBy === undefined;
}

/** Runs async work one piece at a time, in call order. */
class Serial {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

/** How the writer shares the database with the lookups of the next chunk. */
export interface ChunkWriterOptions {
  /**
   * True when `db` is one connection that the chunks' writes use too (an outer transaction): a
   * lookup must then not run while a COPY that may fail (and be rolled back to its savepoint) does.
   */
  readonly sharedConnection: boolean;
  /**
   * Load days that have no partition yet into tables of their own, attached by {@link ChunkWriter.finish}
   * (indexes built in one pass instead of row by row; the day is visible only once complete).
   */
  readonly dayLoads?: boolean;
}

/**
 * Writes chunks of one import, each in one transaction together with its dead letters and the
 * batch's progress marker. Chunks are committed in order, one at a time. For sources loaded by COPY
 * the rows of the next chunk are validated and encoded as they are read, while the previous chunk
 * is being written.
 */
export class ChunkWriter {
  private inFlight: Promise<void> | null = null;
  private readonly byCopy: boolean;
  private readonly dayLoadsOn: boolean;
  private readonly routes: DayLoadRoutes;
  private readonly encodeEnv: EncodeEnv;
  private readonly serial = new Serial();
  private encoder: CopyEncoder | null = null;
  private types: Promise<BinaryColumnType[]> | null = null;
  private records: SourceRecord[] = [];
  private lastRowNumber = 0;

  /**
   * @param db - database (each chunk opens its own transaction on it)
   * @param env - load environment
   * @param mapper - the source
   * @param batchId - import batch
   * @param onCommitted - called after each chunk commits, in order
   * @param options - whether `db` is shared with the writes
   */
  constructor(
    private readonly db: SqlClient,
    private readonly env: LoadEnv,
    private readonly mapper: SourceMapper,
    private readonly batchId: number,
    private readonly onCommitted: (chunk: CommittedChunk) => void,
    private readonly options: ChunkWriterOptions = { sharedConnection: false },
  ) {
    this.byCopy = mapper.target.kind === 'records' && loadsByCopy(mapper.target);
    this.dayLoadsOn = this.byCopy && (options.dayLoads ?? false) && (mapper.target as RecordTarget).partitioned;
    this.routes = { batchId, known: new Map() };
    this.encodeEnv = {
      hasher: new MemoHasher(env.vault),
      resolver: env.resolver,
      references: new ReferenceCache(),
      context: { today: env.today },
      lookup: (work) => (this.options.sharedConnection ? this.serial.run(() => work(this.db)) : work(this.db)),
    };
  }

  /** Rows per transaction that suit the write path (COPY pays off on large chunks). */
  get defaultChunkSize(): number {
    return this.byCopy ? 50_000 : 5000;
  }

  /**
   * Adds rows of a batch to the current chunk (validated and encoded now for COPY sources).
   * @param batch - rows read
   * @param from - first row (index in the batch)
   * @param to - end (exclusive)
   */
  async add(batch: RowBatch, from: number, to: number): Promise<void> {
    if (to <= from) return;
    this.lastRowNumber = batch.rowNumber(to - 1);
    if (!this.byCopy) {
      for (let i = from; i < to; i++) this.records.push(batch.record(i));
      return;
    }
    if (this.encoder === null) {
      const target = this.mapper.target as RecordTarget;
      this.types ??= this.encodeEnv.lookup((db) => copyColumnTypes(db, target.table, copyColumns(target)));
      this.encoder = new CopyEncoder(this.encodeEnv, this.mapper, target, this.batchId, await this.types);
    }
    await this.encoder.add(batch, from, to);
  }

  /**
   * Closes the current chunk: resolves once it is ready and the previous chunk is committed; its
   * own commit may still be running (see {@link drain}).
   */
  async endChunk(): Promise<void> {
    const lastRowNumber = this.lastRowNumber;
    if (!this.byCopy) {
      const records = this.records;
      this.records = [];
      if (records.length === 0) return;
      await this.drain();
      await this.commit(async (tx) => {
        const outcome = await loadChunk(tx, this.env, this.mapper, this.batchId, records);
        await insertDeadLetters(tx, deadLettersOf(this.env, this.mapper.source, this.batchId, outcome.rejected));
        return { lastRowNumber, counts: { accepted: outcome.inserted, rejected: outcome.rejected.length, duplicates: outcome.duplicates, corrected: outcome.corrected } };
      });
      return;
    }
    const encoder = this.encoder;
    this.encoder = null;
    if (encoder === null) return;
    const chunk = await encoder.finish();
    const deadLetters = deadLettersOf(this.env, this.mapper.source, this.batchId, chunk.rejected);
    await this.drain();
    const running = this.commit((tx) => this.writeEncoded(tx, chunk, deadLetters, lastRowNumber));
    running.catch(() => undefined); // observed by the next endChunk or drain
    this.inFlight = running;
  }

  /**
   * Ends the import's day loads (after {@link drain}): their indexes are built, several at once,
   * then in one transaction each becomes its day's partition (or joins the partition that appeared
   * meanwhile); rows found to be duplicates then move from the batch's accepted count to its duplicates.
   */
  async finish(): Promise<void> {
    const target = this.mapper.target;
    if (!this.dayLoadsOn || target.kind !== 'records') return;
    await buildDayLoadIndexes(this.db, target.table as PresenceTable, this.batchId);
    const duplicates = await this.db.transaction(async (tx) => {
      const finished = await finishDayLoads(tx, target.table as PresenceTable, target.keyColumn, this.batchId);
      await countLateDuplicates(tx, this.batchId, finished.duplicates);
      return finished.duplicates;
    });
    if (duplicates > 0) this.onCommitted({ lastRowNumber: this.lastRowNumber, counts: { accepted: -duplicates, rejected: 0, duplicates, corrected: 0 } });
  }

  /** Waits until every closed chunk is committed (rethrows a failed commit). */
  async drain(): Promise<void> {
    const running = this.inFlight;
    this.inFlight = null;
    if (running !== null) await running;
  }

  private async writeEncoded(tx: SqlClient, chunk: EncodedChunk, deadLetters: readonly NewDeadLetter[], lastRowNumber: number): Promise<CommittedChunk> {
    const target = this.mapper.target as RecordTarget;
    const write = (): ReturnType<typeof writeEncodedChunk> =>
      writeEncodedChunk(tx, this.env, target, this.mapper.source, chunk, this.dayLoadsOn ? this.routes : null);
    const written = this.options.sharedConnection ? await this.serial.run(write) : await write();
    await insertDeadLetters(tx, deadLetters);
    return {
      lastRowNumber,
      counts: { accepted: written.inserted, rejected: deadLetters.length, duplicates: written.duplicates, corrected: written.corrected },
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
