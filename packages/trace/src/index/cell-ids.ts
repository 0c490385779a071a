/**
 * Dense ids of H3 cells, by name (row objects) or by the 64-bit value's two 32-bit halves (columns
 * from a bulk reader): a cell's name is made once, when it is first seen, not once per row.
 */
export class CellIds {
  private readonly byName = new Map<string, number>();
  /** Ids by high half, then low half (a city's cells share a handful of high halves). */
  private readonly byHalves = new Map<number, Map<number, number>>();
  private readonly names: string[] = [];

  /** Cells held. */
  get size(): number {
    return this.names.length;
  }

  /** Every name held, by id. */
  get all(): readonly string[] {
    return this.names;
  }

  /**
   * The id of a cell name, new if unseen.
   * @param name - H3 cell in hexadecimal
   */
  ofName(name: string): number {
    let id = this.byName.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.byName.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  /**
   * The id of a cell given as its 64-bit value's halves; the same id as its lowercase hexadecimal
   * name has.
   * @param high - upper 32 bits
   * @param low - lower 32 bits
   */
  ofHalves(high: number, low: number): number {
    let lows = this.byHalves.get(high);
    if (lows === undefined) {
      lows = new Map();
      this.byHalves.set(high, lows);
    }
    let id = lows.get(low);
    if (id === undefined) {
      id = this.ofName(hexName(high, low));
      lows.set(low, id);
    }
    return id;
  }

  /**
   * The name of an id.
   * @param id - cell id
   */
  name(id: number): string {
    return this.names[id]!;
  }
}

/**
 * A 64-bit value as lowercase hexadecimal without leading zeros, as H3 writes cell names.
 * @param high - upper 32 bits
 * @param low - lower 32 bits
 */
export function hexName(high: number, low: number): string {
  return high === 0 ? low.toString(16) : high.toString(16) + low.toString(16).padStart(8, '0');
}
