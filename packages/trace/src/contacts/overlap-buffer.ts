/** Person ids below this are tracked in dense arrays (8 bytes each at most); larger ids in a map. */
const DENSE = 1 << 24;

/**
 * Reusable columns of co-presence overlaps found by one scan (person, clipped interval, both row
 * keys, venue, assumed flag), chained per person in the order they were met. Cleared and refilled
 * for each scan, so a trace allocates no object per co-visitor.
 */
export class OverlapBuffer {
  private size = 0;
  private cap = 0;
  private fromCol = new Float64Array(0);
  private toCol = new Float64Array(0);
  private rowKeyCol = new Float64Array(0);
  private sourceRowKeyCol = new Float64Array(0);
  private venueCol = new Uint32Array(0);
  private assumedCol = new Uint8Array(0);
  private nextCol = new Int32Array(0);
  /** Persons in the order first met, with their chain heads. */
  private persons: number[] = [];
  private headOf: number[] = [];
  // Dense per-person tail, valid where stamp[person] === epoch (ids beyond DENSE use a map).
  private stamp = new Uint32Array(0);
  private tailDense = new Int32Array(0);
  private readonly tailSparse = new Map<number, number>();
  private epoch = 0;

  /** Empties the buffer (capacity is kept). */
  clear(): void {
    this.size = 0;
    this.persons = [];
    this.headOf = [];
    this.tailSparse.clear();
    if (++this.epoch === 0xffffffff) {
      this.stamp.fill(0);
      this.epoch = 1;
    }
  }

  /**
   * Appends one overlap.
   * @param person - the co-visitor
   * @param from - overlap start, epoch seconds
   * @param to - overlap end, epoch seconds
   * @param rowKey - the co-visitor's row
   * @param sourceRowKey - the source person's row
   * @param venue - venue id
   * @param assumed - either stay's end was assumed
   */
  push(person: number, from: number, to: number, rowKey: number, sourceRowKey: number, venue: number, assumed: boolean): void {
    if (this.size === this.cap) this.grow();
    const i = this.size++;
    this.fromCol[i] = from;
    this.toCol[i] = to;
    this.rowKeyCol[i] = rowKey;
    this.sourceRowKeyCol[i] = sourceRowKey;
    this.venueCol[i] = venue;
    this.assumedCol[i] = assumed ? 1 : 0;
    this.nextCol[i] = -1;
    if (person < DENSE) {
      if (person >= this.stamp.length) this.widenDense(person);
      if (this.stamp[person] === this.epoch) this.nextCol[this.tailDense[person]!] = i;
      else {
        this.stamp[person] = this.epoch;
        this.persons.push(person);
        this.headOf.push(i);
      }
      this.tailDense[person] = i;
      return;
    }
    const tail = this.tailSparse.get(person);
    if (tail === undefined) {
      this.persons.push(person);
      this.headOf.push(i);
    } else this.nextCol[tail] = i;
    this.tailSparse.set(person, i);
  }

  /**
   * Visits each person once, in the order first met, with the first entry of their chain.
   * @param visit - receives (person, head entry)
   */
  forEachPerson(visit: (person: number, head: number) => void): void {
    for (let k = 0; k < this.persons.length; k++) visit(this.persons[k]!, this.headOf[k]!);
  }

  /**
   * Sum of the overlap lengths on a chain, in seconds: an upper bound of any union measure.
   * @param head - first entry of a person's chain
   */
  totalSeconds(head: number): number {
    let total = 0;
    for (let i = head; i >= 0; i = this.nextCol[i]!) total += this.toCol[i]! - this.fromCol[i]!;
    return total;
  }

  /**
   * Maps a person's chain to objects, in the order met.
   * @param head - first entry of the chain
   * @param make - builds one object from an entry index
   */
  evidence<T>(head: number, make: (i: number) => T): T[] {
    const out: T[] = [];
    for (let i = head; i >= 0; i = this.nextCol[i]!) out.push(make(i));
    return out;
  }

  /** @param i - entry index @returns overlap start */
  from(i: number): number {
    return this.fromCol[i]!;
  }

  /** @param i - entry index @returns overlap end */
  to(i: number): number {
    return this.toCol[i]!;
  }

  /** @param i - entry index @returns the co-visitor's row key */
  rowKey(i: number): number {
    return this.rowKeyCol[i]!;
  }

  /** @param i - entry index @returns the source person's row key */
  sourceRowKey(i: number): number {
    return this.sourceRowKeyCol[i]!;
  }

  /** @param i - entry index @returns the venue id */
  venue(i: number): number {
    return this.venueCol[i]!;
  }

  /** @param i - entry index @returns whether a stay end was assumed */
  assumed(i: number): boolean {
    return this.assumedCol[i] === 1;
  }

  private widenDense(person: number): void {
    const size = Math.min(DENSE, Math.max(person + 1, this.stamp.length * 2, 1024));
    const stamp = new Uint32Array(size);
    stamp.set(this.stamp);
    const tail = new Int32Array(size);
    tail.set(this.tailDense);
    this.stamp = stamp;
    this.tailDense = tail;
  }

  private grow(): void {
    const cap = Math.max(1024, this.cap * 2);
    const widen = <A extends Uint32Array | Float64Array | Uint8Array | Int32Array>(old: A, next: A): A => {
      next.set(old);
      return next;
    };
    this.fromCol = widen(this.fromCol, new Float64Array(cap));
    this.toCol = widen(this.toCol, new Float64Array(cap));
    this.rowKeyCol = widen(this.rowKeyCol, new Float64Array(cap));
    this.sourceRowKeyCol = widen(this.sourceRowKeyCol, new Float64Array(cap));
    this.venueCol = widen(this.venueCol, new Uint32Array(cap));
    this.assumedCol = widen(this.assumedCol, new Uint8Array(cap));
    this.nextCol = widen(this.nextCol, new Int32Array(cap));
    this.cap = cap;
  }
}
