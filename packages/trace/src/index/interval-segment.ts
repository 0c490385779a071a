import { GrowableColumn } from './growable-column.js';
import { RowKeyColumn } from './row-key-column.js';
import { KeyRuns, PersonLookup } from './segment-lookups.js';
import { sortByKeyThenStart } from './sort-runs.js';

/**
 * Receives one matching row. `end` is the stored end, or start + the caller's open-ended stay when
 * the row has none (`assumed` is then true).
 */
export type IntervalVisitor = (person: number, start: number, end: number, rowKey: number, key: number, assumed: boolean) => void;

const OPEN = -1;

/**
 * One local day of interval rows (check-ins keyed by venue, telecom keyed by cell), columnar:
 * a sorted part (by key, then start) with a per-person permutation, plus a small unsorted tail of
 * appended rows that is scanned linearly and merged once it grows.
 */
export class IntervalSegment {
  private runs = new KeyRuns(new Uint32Array(0), new Uint32Array(1), 0);
  private start: Int32Array = new Int32Array(0);
  private dur: Int32Array = new Int32Array(0);
  private person: Uint32Array = new Uint32Array(0);
  private rowKey = new RowKeyColumn(new Float64Array(0));
  private byPerson = new PersonLookup(new Uint32Array(0), new Uint32Array(0));
  private tKey = new GrowableColumn(Uint32Array);
  private tStart = new GrowableColumn(Int32Array);
  private tDur = new GrowableColumn(Int32Array);
  private tPerson = new GrowableColumn(Uint32Array);
  private tRowKey = new GrowableColumn(Float64Array);
  /** Longest stored duration (seconds), sorted part and tail. */
  maxDuration = 0;
  /** Latest stored end (epoch seconds) of a row with a duration, or −Infinity. */
  private latestEnd = Number.NEGATIVE_INFINITY;
  /** Latest start (epoch seconds) of an open-ended row, or −Infinity. */
  private latestOpenStart = Number.NEGATIVE_INFINITY;

  /**
   * @param day - local day number
   * @param base - epoch seconds of the day's local midnight; starts are stored relative to it
   */
  constructor(
    readonly day: number,
    readonly base: number,
  ) {}

  /** Rows held. */
  get rows(): number {
    return this.start.length + this.tStart.length;
  }

  /** Bytes held by the columns (sorted part at exact size, tail with spare capacity). */
  get bytes(): number {
    const sorted = this.runs.bytes + this.start.byteLength + this.dur.byteLength;
    const more = this.person.byteLength + this.rowKey.bytes + this.byPerson.bytes;
    const tail = this.tKey.length === 0 ? 0 : this.tKey.bytes + this.tStart.bytes + this.tDur.bytes + this.tPerson.bytes + this.tRowKey.bytes;
    return sorted + more + tail;
  }

  /**
   * Appends a row to the tail.
   * @param key - venue or cell id
   * @param person - person id
   * @param start - epoch seconds, within this day
   * @param duration - seconds, or null when open-ended
   * @param rowKey - source row key
   */
  push(key: number, person: number, start: number, duration: number | null, rowKey: number): void {
    this.tKey.push(key);
    this.tStart.push(start - this.base);
    this.tDur.push(duration === null ? OPEN : duration);
    this.tPerson.push(person);
    this.tRowKey.push(rowKey);
    if (duration !== null && duration > this.maxDuration) this.maxDuration = duration;
    if (duration === null) this.latestOpenStart = Math.max(this.latestOpenStart, start);
    else this.latestEnd = Math.max(this.latestEnd, start + duration);
  }

  /**
   * Whether any row of the day ends at or after an instant (open-ended rows lasting `openSeconds`):
   * a scan reaching back into this day from a later one skips it when none does.
   * @param from - epoch seconds
   * @param openSeconds - assumed duration of open-ended rows
   */
  reaches(from: number, openSeconds: number): boolean {
    return this.latestEnd >= from || this.latestOpenStart + openSeconds >= from;
  }

  /** Merges the tail into the sorted part (full re-sort of the day). */
  compact(): void {
    const t = this.tKey.length;
    if (t === 0) return;
    const s = this.start.length;
    const n = s + t;
    const keys = new Uint32Array(n);
    const { keys: runKeys, start: runStart } = this.runs;
    for (let r = 0; r < runKeys.length; r++) keys.fill(runKeys[r]!, runStart[r]!, runStart[r + 1]!);
    keys.set(this.tKey.view(), s);
    const starts = concat(this.start, this.tStart.view(), new Int32Array(n));
    const durs = concat(this.dur, this.tDur.view(), new Int32Array(n));
    const persons = concat(this.person, this.tPerson.view(), new Uint32Array(n));
    const rowKeys = new Float64Array(n);
    this.rowKey.copyTo(rowKeys);
    rowKeys.set(this.tRowKey.view(), s);
    const sorted = sortByKeyThenStart(keys, starts);
    const order = sorted.order;
    this.start = permute(starts, order, new Int32Array(n));
    this.dur = permute(durs, order, new Int32Array(n));
    this.person = permute(persons, order, new Uint32Array(n));
    this.rowKey = new RowKeyColumn(permute(rowKeys, order, new Float64Array(n)));
    this.runs = new KeyRuns(sorted.runKeys, sorted.runStart, n);
    this.byPerson = new PersonLookup(this.person, permute(keys, order, new Uint32Array(n)));
    this.tKey = new GrowableColumn(Uint32Array);
    this.tStart = new GrowableColumn(Int32Array);
    this.tDur = new GrowableColumn(Int32Array);
    this.tPerson = new GrowableColumn(Uint32Array);
    this.tRowKey = new GrowableColumn(Float64Array);
  }

  /** Compacts when the tail outgrows a linear scan. */
  private settle(): void {
    if (this.tKey.length > 2048 + (this.start.length >>> 5)) this.compact();
  }

  /**
   * Visits rows under `key` that overlap [from, to] (closed interval; touching counts).
   * @param key - venue or cell id
   * @param from - epoch seconds
   * @param to - epoch seconds
   * @param openSeconds - assumed duration of open-ended rows
   * @param visit - receives each row
   */
  forEachAt(key: number, from: number, to: number, openSeconds: number, visit: IntervalVisitor): void {
    this.settle();
    const r = this.runs.find(key);
    if (r >= 0) {
      const lo = from - this.base - Math.max(this.maxDuration, openSeconds);
      const hi = to - this.base;
      const end = this.runs.start[r + 1]!;
      for (let i = lowerBound32(this.start, this.runs.start[r]!, end, lo); i < end; i++) {
        const st = this.start[i]!;
        if (st > hi) break;
        this.emit(st, this.dur[i]!, this.person[i]!, this.rowKey.at(i), key, from, openSeconds, visit);
      }
    }
    if (this.tKey.length === 0) return;
    const tk = this.tKey.view();
    for (let i = 0; i < tk.length; i++) {
      if (tk[i] !== key) continue;
      const st = this.tStart.at(i);
      if (st <= to - this.base) this.emit(st, this.tDur.at(i), this.tPerson.at(i), this.tRowKey.at(i), key, from, openSeconds, visit);
    }
  }

  /**
   * Visits the rows of one person that overlap [from, to].
   * @param person - person id
   * @param from - epoch seconds
   * @param to - epoch seconds
   * @param openSeconds - assumed duration of open-ended rows
   * @param visit - receives each row
   */
  forEachOf(person: number, from: number, to: number, openSeconds: number, visit: IntervalVisitor): void {
    this.settle();
    const hi = to - this.base;
    const lookup = this.byPerson;
    const perm = lookup.byPerson;
    const keys = lookup.keys;
    lookup.find(person);
    for (let a = lookup.rangeStart, b = lookup.rangeEnd; a < b; a++) {
      const i = perm[a]!;
      const st = this.start[i]!;
      if (st > hi) continue;
      this.emit(st, this.dur[i]!, person, this.rowKey.at(i), keys[a]!, from, openSeconds, visit);
    }
    if (this.tPerson.length === 0) return;
    const tp = this.tPerson.view();
    for (let i = 0; i < tp.length; i++) {
      if (tp[i] !== person) continue;
      const st = this.tStart.at(i);
      if (st <= hi) this.emit(st, this.tDur.at(i), person, this.tRowKey.at(i), this.tKey.at(i), from, openSeconds, visit);
    }
  }

  private emit(st: number, du: number, person: number, rowKey: number, key: number, from: number, openSeconds: number, visit: IntervalVisitor): void {
    const start = this.base + st;
    const assumed = du === OPEN;
    const end = start + (assumed ? openSeconds : du);
    if (end >= from) visit(person, start, end, rowKey, key, assumed);
  }
}

function concat<A extends Int32Array | Uint32Array | Float64Array>(a: A, b: A, out: A): A {
  out.set(a);
  out.set(b, a.length);
  return out;
}

function permute<A extends Int32Array | Uint32Array | Float64Array>(src: A, order: Uint32Array, out: A): A {
  for (let p = 0; p < order.length; p++) out[p] = src[order[p]!]!;
  return out;
}

function lowerBound32(arr: Int32Array | Uint32Array, a: number, b: number, value: number): number {
  while (a < b) {
    const m = (a + b) >>> 1;
    if (arr[m]! < value) a = m + 1;
    else b = m;
  }
  return a;
}
