import type { SourceRecord } from '../model/source-record.js';

/**
 * Rows as an async iterable of records numbered from 2 (as under a header), for tests and batches.
 * @param rows - raw rows
 */
export async function* recordsOf(rows: ReadonlyArray<Readonly<Record<string, string>>>): AsyncGenerator<SourceRecord> {
  let n = 1;
  for (const raw of rows) yield { rowNumber: ++n, raw };
}
