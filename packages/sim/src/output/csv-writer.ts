/**
 * A small streaming CSV writer (RFC 4180: comma-separated, CRLF line ends, fields quoted only when
 * they contain a comma, quote or line break, quotes doubled). Rows are buffered and written in
 * chunks of about a megabyte, so a file of millions of rows never sits in memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

/** A cell value; null and undefined are written as empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

const NEEDS_QUOTES = /[",\r\n]/;
const CHUNK = 1 << 20;

/**
 * @param value - a cell value
 * @returns the cell as CSV text
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Writes one CSV file, header first. */
export class CsvWriter {
  /** Data rows written so far. */
  rows = 0;
  private readonly fd: number;
  private buffer = '';

  /**
   * Creates (or truncates) the file and writes the header.
   * @param path - file path
   * @param header - field names
   */
  constructor(
    readonly path: string,
    header: readonly string[],
  ) {
    this.fd = openSync(path, 'w');
    this.buffer = `${header.map(csvField).join(',')}\r\n`;
  }

  /**
   * Appends a row.
   * @param fields - cell values, in header order
   */
  row(fields: readonly CsvValue[]): void {
    let line = csvField(fields[0]);
    for (let k = 1; k < fields.length; k++) line += `,${csvField(fields[k])}`;
    this.buffer += `${line}\r\n`;
    this.rows++;
    if (this.buffer.length >= CHUNK) this.flush();
  }

  /** Writes what is buffered and closes the file. */
  close(): void {
    this.flush();
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.buffer.length > 0) writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}
