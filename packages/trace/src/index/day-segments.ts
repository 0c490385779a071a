import { localDayOf, localMidnight } from '@epigrid/core';
import { IntervalSegment, type IntervalVisitor } from './interval-segment.js';

/**
 * The day segments of one kind of interval rows (check-ins or telecom), by local day, with the
 * longest stored duration over all of them kept up to date: a scan reaches back that far before
 * its window, and working it out per scan would visit every day.
 */
export class DaySegments {
  private readonly days = new Map<number, IntervalSegment>();
  private longest = 0;

  /**
   * @param utcOffsetMinutes - local offset: rows belong to the local day they start on
   */
  constructor(private readonly utcOffsetMinutes: number) {}

  /** Number of days held. */
  get size(): number {
    return this.days.size;
  }

  /** The segments, in no particular order. */
  segments(): IterableIterator<IntervalSegment> {
    return this.days.values();
  }

  /**
   * Appends a row to the tail of its day.
   * @param key - venue or cell id
   * @param person - person id
   * @param start - epoch seconds
   * @param duration - seconds (already clipped), or null when open-ended
   * @param rowKey - source row key
   */
  push(key: number, person: number, start: number, duration: number | null, rowKey: number): void {
    const day = localDayOf(start, this.utcOffsetMinutes);
    let s = this.days.get(day);
    if (s === undefined) {
      s = new IntervalSegment(day, localMidnight(day, this.utcOffsetMinutes));
      this.days.set(day, s);
    }
    s.push(key, person, start, duration, rowKey);
    if (duration !== null && duration > this.longest) this.longest = duration;
  }

  /** Merges every day's tail. */
  compact(): void {
    for (const s of this.days.values()) s.compact();
  }

  /**
   * Drops whole days before a day.
   * @param first - first local day number kept
   * @returns rows dropped
   */
  dropBefore(first: number): number {
    let dropped = 0;
    for (const [d, s] of this.days) {
      if (d >= first) continue;
      dropped += s.rows;
      this.days.delete(d);
    }
    if (dropped > 0) {
      this.longest = 0;
      for (const s of this.days.values()) if (s.maxDuration > this.longest) this.longest = s.maxDuration;
    }
    return dropped;
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
    const last = localDayOf(to, this.utcOffsetMinutes);
    for (let d = this.firstDay(from, openSeconds); d <= last; d++) {
      const s = this.days.get(d);
      if (s !== undefined && s.reaches(from, openSeconds)) s.forEachOf(person, from, to, openSeconds, visit);
    }
  }

  /**
   * Visits the rows under a key (venue or cell) that overlap [from, to].
   * @param key - venue or cell id
   * @param from - epoch seconds
   * @param to - epoch seconds
   * @param openSeconds - assumed duration of open-ended rows
   * @param visit - receives each row
   */
  forEachAt(key: number, from: number, to: number, openSeconds: number, visit: IntervalVisitor): void {
    const last = localDayOf(to, this.utcOffsetMinutes);
    for (let d = this.firstDay(from, openSeconds); d <= last; d++) {
      const s = this.days.get(d);
      if (s !== undefined && s.reaches(from, openSeconds)) s.forEachAt(key, from, to, openSeconds, visit);
    }
  }

  /** The earliest day a row overlapping an instant can start on. */
  private firstDay(from: number, openSeconds: number): number {
    return localDayOf(from - (openSeconds > this.longest ? openSeconds : this.longest), this.utcOffsetMinutes);
  }
}
