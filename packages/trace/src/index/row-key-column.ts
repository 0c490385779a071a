/**
 * The source row keys of a day's sorted rows. The store's ids of one day's rows span far less than
 * 2^32, so they are held as 4-byte offsets from the smallest; keys that do not fit (or are not
 * integers) are held as 8-byte numbers.
 */
export class RowKeyColumn {
  private readonly base: number;
  private readonly offsets: Uint32Array | null;
  private readonly full: Float64Array | null;

  /**
   * @param keys - row key per sorted row
   */
  constructor(keys: Float64Array) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let integers = true;
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      if (k < min) min = k;
      if (k > max) max = k;
      if (!Number.isSafeInteger(k) || Object.is(k, -0)) integers = false; // -0 would come back as 0
    }
    if (keys.length > 0 && integers && max - min < 2 ** 32) {
      this.base = min;
      this.offsets = new Uint32Array(keys.length);
      for (let i = 0; i < keys.length; i++) this.offsets[i] = keys[i]! - min;
      this.full = null;
    } else {
      this.base = 0;
      this.offsets = null;
      this.full = keys;
    }
  }

  /** Rows held. */
  get length(): number {
    return (this.offsets ?? this.full)!.length;
  }

  /** Bytes held. */
  get bytes(): number {
    return (this.offsets ?? this.full)!.byteLength;
  }

  /**
   * The row key of a sorted row.
   * @param i - position
   */
  at(i: number): number {
    return this.offsets !== null ? this.base + this.offsets[i]! : this.full![i]!;
  }

  /**
   * Writes every key, in position order, into an array.
   * @param out - receives keys at 0 .. length − 1
   */
  copyTo(out: Float64Array): void {
    if (this.offsets === null) out.set(this.full!);
    else for (let i = 0; i < this.offsets.length; i++) out[i] = this.base + this.offsets[i]!;
  }
}
