import type { RowBatch } from '../model/row-batch.js';
import type { SourceRecord } from '../model/source-record.js';

/**
 * Rows of a CSV block as the parser's cell arrays under one header. {@link view} fills one reused
 * object with the row's cells, so mapping a row allocates no record for it.
 */
export class CellBatch implements RowBatch {
  private readonly reused: Record<string, string> = {};

  /**
   * @param columns - header column names
   * @param cells - per row, its cells
   * @param rowNumbers - per row, the line it ends on
   * @param defects - per row, a defect found while reading (null: none in the batch)
   */
  constructor(
    readonly columns: readonly string[],
    private readonly cells: ReadonlyArray<readonly string[]>,
    private readonly rowNumbers: readonly number[],
    private readonly defects: ReadonlyArray<string | undefined> | null,
  ) {
    for (const column of columns) this.reused[column] = '';
  }

  /** Rows in the batch. */
  get size(): number {
    return this.cells.length;
  }

  /** @inheritdoc */
  rowNumber(index: number): number {
    return this.rowNumbers[index]!;
  }

  /** @inheritdoc */
  defect(index: number): string | undefined {
    return this.defects === null ? undefined : this.defects[index];
  }

  /** @inheritdoc */
  view(index: number): Readonly<Record<string, string>> {
    const row = this.cells[index]!;
    const columns = this.columns;
    const view = this.reused;
    for (let i = 0; i < columns.length; i++) view[columns[i]!] = i < row.length ? row[i]! : '';
    return view;
  }

  /** @inheritdoc */
  record(index: number): SourceRecord {
    const row = this.cells[index]!;
    const raw: Record<string, string> = {};
    const n = Math.min(this.columns.length, row.length);
    for (let i = 0; i < n; i++) raw[this.columns[i]!] = row[i]!;
    return { rowNumber: this.rowNumbers[index]!, raw, defect: this.defect(index) };
  }
}
