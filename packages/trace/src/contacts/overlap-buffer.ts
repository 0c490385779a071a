/** Person ids below this are tracked in a dense array (8 bytes each at most); larger ids in a map. */
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
  /** Persons in the order first met, with their chain heads (reused; `met` are in use). */
  private readonly persons: number[] = [];
  private readonly headOf: number[] = [];
  private met = 0;
  // Per person, side by side (one cache line): [2p] the epoch that wrote [2p + 1], their chain's
  // tail; valid where [2p] === epoch (ids beyond DENSE use a map).
  private slots = new Uint32Array(0);
  private readonly tailSparse = new Map<number, number>();
  private epoch = 0;

  /** Empties the buffer (capacity is kept). */
  clear(): void {
    this.size = 0;
    this.met = 0;
    this.tailSparse.clear();
    if (++this.epoch === 0xffffffff) {
      this.slots.fill(0);
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
      const at = 2 * person;
      if (at >= this.slots.length) this.widenDense(person);
      if (this.slots[at] === this.epoch) this.nextCol[this.slots[at + 1]!] = i;
      else {
        this.slots[at] = this.epoch;
        this.meet(person, i);
      }
      this.slots[at + 1] = i;
      return;
    }
    const tail = this.tailSparse.get(person);
    if (tail === undefined) this.meet(person, i);
    else this.nextCol[tail] = i;
    this.tailSparse.set(person, i);
  }

  /** Number of distinct persons met. */
  get personCount(): number {
    return this.met;
  }

  /** @param k - 0 ≤ k < personCount, in the order first met @returns the k-th person */
  personAt(k: number): number {
    return this.persons[k]!;
  }

  /** @param k - 0 ≤ k < personCount @returns the first entry of the k-th person's chain */
  headAt(k: number): number {
    return this.headOf[k]!;
  }

  /** @param i - entry index @returns the next entry of the same person, or −1 */
  next(i: number): number {
    return this.nextCol[i]!;
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

  private meet(person: number, head: number): void {
    if (this.met < this.persons.length) {
      this.persons[this.met] = person;
      this.headOf[this.met] = head;
    } else {
      this.persons.push(person);
      this.headOf.push(head);
    }
    this.met++;
  }

  private widenDense(person: number): void {
    const persons = Math.min(DENSE, Math.max(person + 1, this.slots.length, 1024));
    const slots = new Uint32Array(2 * persons);
    slots.set(this.slots);
    this.slots = slots;
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
