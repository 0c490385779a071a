import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import type { SourceRecord } from '../model/source-record.js';
import { readCsv, type HeaderSink } from './csv-reader.js';
import { readNdjson } from './ndjson-reader.js';
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
 * Reads records of any supported format from bytes.
 * @param bytes - the content
 * @param format - container format
 * @param header - receives the header's columns (CSV and XLSX)
 */
export function readRecords(bytes: AsyncIterable<Uint8Array>, format: FileFormat, header: HeaderSink = { columns: [] }): AsyncGenerator<SourceRecord> {
  if (format === 'xlsx') return readXlsx(bytes, header);
  if (format === 'ndjson') return readNdjson(bytes);
  return readCsv(bytes, header);
}

/**
 * Streams a file's records from disk (1 MiB reads).
 * @param path - file path
 * @param header - receives the header's columns (CSV and XLSX)
 */
export function readFileRecords(path: string, header: HeaderSink = { columns: [] }): AsyncGenerator<SourceRecord> {
  return readRecords(createReadStream(path, { highWaterMark: 1 << 20 }), formatOf(path), header);
}
