import type { SourceRecord } from './source-record.js';

/**
 * Rows read together (a block of a CSV file, a run of NDJSON lines), handed to the loader without
 * one object per row: the loader asks for a row's fields when it maps it.
 */
export interface RowBatch {
  readonly size: number;
  /** The header's column names when every row has them (CSV), else null (keys vary per row). */
  readonly columns: readonly string[] | null;
  /**
   * Where the row is, as in {@link SourceRecord.rowNumber}.
   * @param index - row in the batch, from 0
   */
  rowNumber(index: number): number;
  /**
   * A defect of the row found while reading, if any.
   * @param index - row in the batch
   */
  defect(index: number): string | undefined;
  /**
   * The row's fields for mapping. The object may be reused for the next row: keep {@link record} instead.
   * @param index - row in the batch
   */
  view(index: number): Readonly<Record<string, string>>;
  /**
   * The row as a record of its own, to keep (dead letters, rows waiting for a lookup).
   * @param index - row in the batch
   */
  record(index: number): SourceRecord;
}

/** A batch over records that are objects already (NDJSON, XLSX, HTTP JSON arrays, tests). */
export class RecordBatch implements RowBatch {
  readonly columns = null;

  /** @param records - the rows, in order */
  constructor(private readonly records: readonly SourceRecord[]) {}

  /** Rows in the batch. */
  get size(): number {
    return this.records.length;
  }

  /** @inheritdoc */
  rowNumber(index: number): number {
    return this.records[index]!.rowNumber;
  }

  /** @inheritdoc */
  defect(index: number): string | undefined {
    return this.records[index]!.defect;
  }

  /** @inheritdoc */
  view(index: number): Readonly<Record<string, string>> {
    return this.records[index]!.raw;
  }

  /** @inheritdoc */
  record(index: number): SourceRecord {
    return this.records[index]!;
  }
}

/**
 * Groups records into batches.
 * @param records - rows one by one
 * @param size - rows per batch
 */
export async function* batchesOf(records: AsyncIterable<SourceRecord>, size = 1024): AsyncGenerator<RowBatch> {
  let pending: SourceRecord[] = [];
  for await (const record of records) {
    pending.push(record);
    if (pending.length >= size) {
      yield new RecordBatch(pending);
      pending = [];
    }
  }
  if (pending.length > 0) yield new RecordBatch(pending);
}

/**
 * The rows of batches one by one, each a record of its own.
 * @param batches - row batches
 */
export async function* recordsOfBatches(batches: AsyncIterable<RowBatch>): AsyncGenerator<SourceRecord> {
  for await (const batch of batches) for (let i = 0; i < batch.size; i++) yield batch.record(i);
}
