/** A cell of an exported table. */
export type Cell = string | number | null;

/**
 * Formats one RFC 4180 CSV line (CRLF-terminated): fields holding a comma, quote or line break are
 * quoted, quotes doubled. A text starting with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, so a
 * spreadsheet opening the file never runs it as a formula (CSV injection); so does a text that already
 * starts with quotes before such a character, so that {@link unguardCell} gives back every text exactly.
 * Numbers are written as is.
 * @param cells - the fields
 */
export function csvLine(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const safe = /^'*[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * Undoes the formula guard of {@link csvLine} for a text cell (for readers of our own exports).
 * @param text - the cell as read back
 */
export function unguardCell(text: string): string {
  return /^''*[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}
