import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { isDomainError } from '@epigrid/core';
import type { SourceRecord } from '../model/source-record.js';
import type { HeaderSink } from './csv-reader.js';
import { unreadable } from './unreadable.js';

/**
 * Text of one spreadsheet cell: dates at midnight UTC as YYYY-MM-DD, other dates as ISO time in
 * UTC, formulas by their result, rich text joined.
 * @param value - exceljs cell value
 */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z');
  }
  if (typeof value === 'object') {
    const v = value as { richText?: Array<{ text: string }>; text?: unknown; result?: unknown; error?: unknown };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if (v.result !== undefined) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return '';
}

/**
 * Reads the first sheet of an XLSX workbook with exceljs's streaming reader; row 1 is the header.
 * @param bytes - the file's bytes
 * @param header - receives the header's column names
 * @throws DomainError unreadable_file when the workbook cannot be read
 */
export async function* readXlsx(bytes: AsyncIterable<Uint8Array>, header: HeaderSink = { columns: [] }): AsyncGenerator<SourceRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'emit',
  });
  let lastRow = 0;
  try {
    for await (const sheet of reader) {
      let columns: string[] | null = null;
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        lastRow = row.number;
        const values = (row.values as unknown[]) ?? [];
        if (columns === null) {
          columns = values.slice(1).map((v) => cellText(v).trim());
          header.columns = columns;
          continue;
        }
        const raw: Record<string, string> = {};
        for (let i = 0; i < columns.length; i++) raw[columns[i]!] = cellText(values[i + 1]);
        yield { rowNumber: row.number, raw };
      }
      return; // the first sheet only
    }
  } catch (error) {
    if (isDomainError(error)) throw error;
    throw unreadable(lastRow + 1, `the workbook cannot be read: ${(error as Error).message}`);
  }
}
