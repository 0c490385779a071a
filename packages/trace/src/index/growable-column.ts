/** Typed-array constructors a {@link GrowableColumn} can hold. */
export type ColumnArray = Int32Array | Uint32Array | Float64Array;

interface ColumnConstructor<A extends ColumnArray> {
  new (length: number): A;
}

/** An append-only typed-array column that doubles its capacity as rows arrive. */
export class GrowableColumn<A extends ColumnArray> {
  private data: A;
  private size = 0;

  /**
   * @param make - the typed-array constructor
   * @param capacity - initial capacity in rows
   */
  constructor(
    private readonly make: ColumnConstructor<A>,
    capacity = 64,
  ) {
    this.data = new make(capacity);
  }

  /** Number of rows. */
  get length(): number {
    return this.size;
  }

  /**
   * Appends one value.
   * @param value - the value
   */
  push(value: number): void {
    if (this.size === this.data.length) {
      const next = new this.make(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.size++] = value;
  }

  /**
   * The value at a row.
   * @param i - row
   */
  at(i: number): number {
    return this.data[i]!;
  }

  /** A view of the filled part (shares memory until the next push that grows). */
  view(): A {
    return this.data.subarray(0, this.size) as A;
  }

  /** Bytes held, including spare capacity. */
  get bytes(): number {
    return this.data.byteLength;
  }
}
