import { sortByPerson } from './sort-runs.js';

/**
 * A direct table (one slot per id up to the largest) is kept when it costs at most this many bytes
 * per row of the day; sparser ids fall back to a binary search. A city's person and venue ids are
 * dense, so the tables cost about 1.5 bytes per row there and save the cache misses of searching.
 */
const DIRECT_BYTES_PER_ROW = 2;
/** One person-sample every this many entries (0.125 bytes per row) when there is no direct table. */
const SAMPLE = 32;

function largest(values: Uint32Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

function keysOf(byPerson: Uint32Array, rowKeys: Uint32Array): Uint32Array {
  const keys = new Uint32Array(byPerson.length);
  for (let a = 0; a < byPerson.length; a++) keys[a] = rowKeys[byPerson[a]!]!;
  return keys;
}

function lowerBound(arr: Uint32Array, a: number, b: number, value: number): number {
  while (a < b) {
    const m = (a + b) >>> 1;
    if (arr[m]! < value) a = m + 1;
    else b = m;
  }
  return a;
}

/**
 * The per-person lookup of a day's sorted rows: their positions ordered by person (then position)
 * with each row's key beside it (a person's few rows then read their venues from one place), and
 * where each person's positions begin — from a direct table of starts when person ids are
 * dense enough, otherwise by searching a sample of every 32nd entry, then the block it points to.
 */
export class PersonLookup {
  /** Positions of the sorted rows, by person then position. */
  readonly byPerson: Uint32Array;
  /** Key (venue or cell) of the row at byPerson[a], for each a. */
  readonly keys: Uint32Array;
  /** Direct table: person p's positions are byPerson[start[p]] .. byPerson[start[p + 1] − 1]. */
  private readonly start: Uint32Array | null;
  /** Person of every SAMPLE-th entry of byPerson, when there is no direct table. */
  private readonly sample: Uint32Array;

  /**
   * @param persons - person per sorted row
   * @param rowKeys - key per sorted row
   */
  constructor(
    private readonly persons: Uint32Array,
    rowKeys: Uint32Array,
  ) {
    const n = persons.length;
    const max = largest(persons);
    if (n > 0 && (max + 2) * 4 <= n * DIRECT_BYTES_PER_ROW) {
      // Counting sort: positions come out by person, then position, in one pass.
      const start = new Uint32Array(max + 2);
      for (let i = 0; i < n; i++) start[persons[i]! + 1]!++;
      for (let p = 0; p <= max; p++) start[p + 1]! += start[p]!;
      const next = start.slice(0, max + 1);
      const byPerson = new Uint32Array(n);
      for (let i = 0; i < n; i++) byPerson[next[persons[i]!]!++] = i;
      this.byPerson = byPerson;
      this.keys = keysOf(byPerson, rowKeys);
      this.start = start;
      this.sample = new Uint32Array(0);
      return;
    }
    this.byPerson = sortByPerson(persons);
    this.keys = keysOf(this.byPerson, rowKeys);
    this.start = null;
    this.sample = new Uint32Array(Math.ceil(n / SAMPLE));
    for (let k = 0; k < this.sample.length; k++) this.sample[k] = persons[this.byPerson[k * SAMPLE]!]!;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.byPerson.byteLength + this.keys.byteLength + (this.start?.byteLength ?? 0) + this.sample.byteLength;
  }

  /**
   * Where a person's entries of byPerson begin and end; read {@link rangeStart} and
   * {@link rangeEnd} right after (no object per lookup).
   * @param person - person id
   */
  find(person: number): void {
    const start = this.start;
    if (start !== null) {
      const inside = person + 1 < start.length;
      this.rangeStart = inside ? start[person]! : 0;
      this.rangeEnd = inside ? start[person + 1]! : 0;
      return;
    }
    // First sample at or after the person; their first entry lies in the block before it.
    const k = lowerBound(this.sample, 0, this.sample.length, person);
    let a = k === 0 ? 0 : (k - 1) * SAMPLE;
    let b = Math.min(this.byPerson.length, k * SAMPLE);
    while (a < b) {
      const m = (a + b) >>> 1;
      if (this.persons[this.byPerson[m]!]! < person) a = m + 1;
      else b = m;
    }
    this.rangeStart = a;
    while (a < this.byPerson.length && this.persons[this.byPerson[a]!] === person) a++;
    this.rangeEnd = a;
  }

  /** First entry of byPerson of the person last passed to {@link find}. */
  rangeStart = 0;
  /** One past their last entry. */
  rangeEnd = 0;
}

/**
 * The key runs of a day's sorted rows (rows of one venue or cell are contiguous): the distinct keys
 * ascending with where each run starts, and a direct key → run table when keys are dense enough.
 */
export class KeyRuns {
  /** Run of each key, −1 when absent (direct table), or null (binary search of `keys`). */
  private readonly runOf: Int32Array | null;

  /**
   * @param keys - distinct keys, ascending
   * @param start - run r holds positions start[r] .. start[r + 1] − 1
   * @param rows - rows of the day
   */
  constructor(
    readonly keys: Uint32Array,
    readonly start: Uint32Array,
    rows: number,
  ) {
    const max = keys.length === 0 ? 0 : keys[keys.length - 1]!;
    if (keys.length > 0 && (max + 1) * 4 <= rows * DIRECT_BYTES_PER_ROW) {
      this.runOf = new Int32Array(max + 1).fill(-1);
      for (let r = 0; r < keys.length; r++) this.runOf[keys[r]!] = r;
    } else this.runOf = null;
  }

  /** Bytes held. */
  get bytes(): number {
    return this.keys.byteLength + this.start.byteLength + (this.runOf?.byteLength ?? 0);
  }

  /**
   * The run of a key, or −1 when the day has no row under it.
   * @param key - venue or cell id
   */
  find(key: number): number {
    if (this.runOf !== null) return key < this.runOf.length ? this.runOf[key]! : -1;
    const r = lowerBound(this.keys, 0, this.keys.length, key);
    return r < this.keys.length && this.keys[r] === key ? r : -1;
  }
}
