import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { batchesOf, recordsOfBatches, type RowBatch } from '../model/row-batch.js';
import type { SourceRecord } from '../model/source-record.js';
import { readCsvBatches, type HeaderSink } from './csv-reader.js';
import { readNdjsonBatches } from './ndjson-reader.js';
import { readXlsx } from './xlsx-reader.js';

/** The containers EpiGrid reads. */
export type FileFormat = 'csv' | 'ndjson' | 'xlsx';

/**
 * Decides a file's format from its extension.
 * @param path - file name
 */
export function formatOf(path: string): FileFormat {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.ndjson' || ext === '.jsonl' || ext === '.json') return 'ndjson';
  return 'csv';
}

/**
 * Reads rows of any supported format from bytes, in batches.
 * @param bytes - the content
 * @param format - container format
 * @param header - receives the header's columns (CSV and XLSX)
 */
export function readBatches(bytes: AsyncIterable<Uint8Array>, format: FileFormat, header: HeaderSink = { columns: [] }): AsyncGenerator<RowBatch> {
  if (format === 'xlsx') return batchesOf(readXlsx(bytes, header));
  if (format === 'ndjson') return readNdjsonBatches(bytes);
  return readCsvBatches(bytes, header);
}

/**
 * Reads records of any supported format from bytes, one by one.
 * @param bytes - the content
 * @param format - container format
 * @param header - receives the header's columns (CSV and XLSX)
 */
export function readRecords(bytes: AsyncIterable<Uint8Array>, format: FileFormat, header: HeaderSink = { columns: [] }): AsyncGenerator<SourceRecord> {
  return recordsOfBatches(readBatches(bytes, format, header));
}

/**
 * Streams a file's rows from disk (1 MiB reads), in batches.
 * @param path - file path
 * @param header - receives the header's columns (CSV and XLSX)
 */
export function readFileBatches(path: string, header: HeaderSink = { columns: [] }): AsyncGenerator<RowBatch> {
  return readBatches(createReadStream(path, { highWaterMark: 1 << 16 }), formatOf(path), header);
}

/**
 * Streams a file's records from disk (1 MiB reads).
 * @param path - file path
 * @param header - receives the header's columns (CSV and XLSX)
 */
export function readFileRecords(path: string, header: HeaderSink = { columns: [] }): AsyncGenerator<SourceRecord> {
  return recordsOfBatches(readFileBatches(path, header));
}
