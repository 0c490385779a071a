import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import { isDomainError } from '@epigrid/core';
import type { SourceRecord } from '../model/source-record.js';
import { decodeText } from './decode-text.js';
import { unreadable } from './unreadable.js';

/** Header columns seen, reported by the readers that have a header. */
export interface HeaderSink {
  columns: readonly string[];
}

/**
 * Reads a CSV file with a header row (RFC 4180), streaming: memory stays flat whatever the size.
 * The row number is the line where the record ends (the header is line 1).
 * @param bytes - the file's bytes (UTF-8 with or without BOM, or GB18030)
 * @param header - receives the header's column names
 * @throws DomainError unreadable_file naming the line (unclosed quote, bad bytes, huge record)
 */
export async function* readCsv(bytes: AsyncIterable<Uint8Array>, header: HeaderSink = { columns: [] }): AsyncGenerator<SourceRecord> {
  const text = Readable.from(decodeText(bytes));
  const parser = text.pipe(parse({ relax_quotes: true, relax_column_count: true, skip_empty_lines: true, max_record_size: 1_000_000, info: true }));
  // pipe() does not forward errors: a decoding error must end the parse with that error.
  text.on('error', (error) => parser.destroy(error));
  let columns: string[] | null = null;
  try {
    for await (const item of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const { record, info } = item;
      if (columns === null) {
        columns = record.map((c) => c.replace(/^\ufeff/, '').trim());
        header.columns = columns;
        continue;
      }
      const raw: Record<string, string> = {};
      const n = Math.min(columns.length, record.length);
      for (let i = 0; i < n; i++) raw[columns[i]!] = record[i]!;
      let defect: string | undefined;
      for (let i = columns.length; i < record.length; i++) {
        if (record[i]!.trim() !== '') {
          defect = `the row has ${record.length} cells but the header has ${columns.length} columns`;
          break;
        }
      }
      yield { rowNumber: info.lines, raw, defect };
    }
  } catch (error) {
    if (isDomainError(error)) throw error;
    const line = (error as { lines?: number }).lines ?? 0;
    throw unreadable(line, `the CSV cannot be read: ${(error as Error).message}`);
  } finally {
    parser.destroy();
    text.destroy();
  }
}
