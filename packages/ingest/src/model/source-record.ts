/** One row as read from a file or a batch: its row number and its fields as text. */
export interface SourceRecord {
  /**
   * Where the row is, as an office worker would find it: the spreadsheet row for CSV and XLSX (the
   * header is row 1), the line for NDJSON, the position (from 1) in an HTTP batch.
   */
  readonly rowNumber: number;
  /** Field name → trimmed text; empty cells are absent or empty. */
  readonly raw: Readonly<Record<string, string>>;
  /** A defect of the row itself found while reading (wrong number of cells, not a JSON object). */
  readonly defect?: string | undefined;
}

/** Why a row was refused: the field (or null for the whole row), a rule code and words for people. */
export interface Rejection {
  readonly field: string | null;
  /** Short stable code, for counting the top reasons (required, format, choice, checksum, …). */
  readonly rule: string;
  readonly reason: string;
}

/**
 * Formats a rejection the way it is shown and stored, e.g.
 * `row 12, field resident_id: the check character is 1, expected X`.
 * @param rowNumber - the row
 * @param rejection - field and reason
 */
export function describeRejection(rowNumber: number, rejection: Rejection): string {
  return rejection.field === null ? `row ${rowNumber}: ${rejection.reason}` : `row ${rowNumber}, field ${rejection.field}: ${rejection.reason}`;
}

/** Thrown inside a mapper to refuse the row; the mapper runner turns it into a {@link Rejection}. */
export class RowRejected extends Error {
  readonly rejection: Rejection;

  /**
   * @param field - the field at fault, or null for the row
   * @param rule - rule code
   * @param reason - words for people
   */
  constructor(field: string | null, rule: string, reason: string) {
    super(reason);
    this.name = 'RowRejected';
    this.rejection = { field, rule, reason };
  }
}
