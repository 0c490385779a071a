import { csvParseRows } from 'd3-dsv';
import { recordsOfBatches, type RowBatch } from '../model/row-batch.js';
import type { SourceRecord } from '../model/source-record.js';
import { CellBatch } from './cell-batch.js';
import { CsvRecordCutter } from './csv-record-cutter.js';
import { decodeText } from './decode-text.js';

/** Text handed to the cutter at a time (read chunks are larger). */
const BLOCK_CHARS = 64 * 1024;

/** Header columns seen, reported by the readers that have a header. */
export interface HeaderSink {
  columns: readonly string[];
}

/** Line breaks inside the cells of a row (quoted fields may hold them): CRLF, CR or LF count once each. */
function breaksIn(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) {
    if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
    for (let i = 0; i < cell.length; i++) {
      const c = cell.charCodeAt(i);
      if (c === 0x0a || (c === 0x0d && cell.charCodeAt(i + 1) !== 0x0a)) n++;
    }
  }
  return n;
}

/** Turns blocks of whole records into batches under the file's header. */
class CsvBatcher {
  private columns: string[] | null = null;

  constructor(private readonly header: HeaderSink) {}

  batch(block: { text: string; firstLine: number }): CellBatch | null {
    const cells: string[][] = [];
    const rowNumbers: number[] = [];
    let defects: Array<string | undefined> | null = null;
    const quoted = block.text.indexOf('"') !== -1;
    let line = block.firstLine;
    csvParseRows(block.text, (row) => {
      const last = quoted ? line + breaksIn(row) : line;
      line = last + 1;
      if (row.length === 1 && row[0] === '') return null; // an empty line
      if (this.columns === null) {
        this.columns = row.map((c) => c.replace(/^\ufeff/, '').trim());
        this.header.columns = this.columns;
        return null;
      }
      const width = this.columns.length;
      for (let i = width; i < row.length; i++) {
        if (row[i]!.trim() !== '') {
          defects ??= [];
          defects[cells.length] = `the row has ${row.length} cells but the header has ${width} columns`;
          break;
        }
      }
      cells.push(row);
      rowNumbers.push(last);
      return null;
    });
    if (cells.length === 0) return null;
    if (defects !== null) (defects as Array<string | undefined>).length = cells.length;
    return new CellBatch(this.columns!, cells, rowNumbers, defects);
  }
}

/**
 * Reads a CSV file with a header row (RFC 4180), streaming, in batches of rows (one per block of
 * about a read's worth of text): memory stays flat whatever the size. The row number is the line
 * where the record ends (the header is line 1); empty lines are skipped.
 * @param bytes - the file's bytes (UTF-8 with or without BOM, or GB18030)
 * @param header - receives the header's column names
 * @throws DomainError unreadable_file naming the line (unclosed quote, bad bytes, huge record)
 */
export async function* readCsvBatches(bytes: AsyncIterable<Uint8Array>, header: HeaderSink = { columns: [] }): AsyncGenerator<RowBatch> {
  const cutter = new CsvRecordCutter();
  const batcher = new CsvBatcher(header);
  for await (const text of decodeText(bytes)) {
    // Batches of a few hundred rows: their cells die young instead of being copied by the collector.
    for (let at = 0; at < text.length; at += BLOCK_CHARS) {
      cutter.push(at === 0 && text.length <= BLOCK_CHARS ? text : text.slice(at, at + BLOCK_CHARS));
      const block = cutter.take(false);
      const batch = block === null ? null : batcher.batch(block);
      if (batch !== null) yield batch;
    }
  }
  const block = cutter.take(true);
  const batch = block === null ? null : batcher.batch(block);
  if (batch !== null) yield batch;
}

/**
 * Reads a CSV file row by row (see {@link readCsvBatches}).
 * @param bytes - the file's bytes (UTF-8 with or without BOM, or GB18030)
 * @param header - receives the header's column names
 * @throws DomainError unreadable_file naming the line (unclosed quote, bad bytes, huge record)
 */
export function readCsv(bytes: AsyncIterable<Uint8Array>, header: HeaderSink = { columns: [] }): AsyncGenerator<SourceRecord> {
  return recordsOfBatches(readCsvBatches(bytes, header));
}
