import type { DurationThreshold, VenueRule } from '@epigrid/core';

/** A closed interval of epoch seconds. */
export type Interval = readonly [from: number, to: number];

/**
 * Merges overlapping or touching intervals.
 * @param intervals - any order
 * @returns disjoint intervals, ascending
 */
export function unionOf(intervals: readonly Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/**
 * Longest single interval of a union, in seconds.
 * @param union - from {@link unionOf}
 */
export function longestRun(union: readonly Interval[]): number {
  let best = 0;
  for (const [a, b] of union) best = Math.max(best, b - a);
  return best;
}

/**
 * Largest total covered by any sliding window of `span` seconds (the CDC cumulative rule). The
 * best window can be taken to end at some interval's end.
 * @param union - from {@link unionOf}
 * @param span - window length in seconds
 */
export function maxWindowSum(union: readonly Interval[], span: number): number {
  let best = 0;
  let i = 0;
  let full = 0; // total of intervals i..j-1 wholly inside
  for (let j = 0; j < union.length; j++) {
    const end = union[j]![1];
    const start = end - span;
    full += union[j]![1] - union[j]![0];
    while (union[i]![1] <= start) {
      full -= union[i]![1] - union[i]![0];
      i++;
    }
    const cut = Math.max(0, start - union[i]![0]);
    best = Math.max(best, full - cut);
  }
  return best;
}

/**
 * Applies a duration threshold to a number of seconds.
 * @param seconds - measured co-presence
 * @param threshold - the profile's threshold
 */
export function meetsThreshold(seconds: number, threshold: DurationThreshold): boolean {
  const limit = threshold.minutes * 60;
  return threshold.comparison === 'at-least' ? seconds >= limit : seconds > limit;
}

/**
 * Whole minutes of an interval's length, rounded down.
 * @param from - epoch seconds
 * @param to - epoch seconds
 */
export function minutesOf(from: number, to: number): number {
  return Math.floor((to - from) / 60);
}

/**
 * The venue rule's measure of a few overlaps held in scratch columns, without building intervals:
 * sorts entries 0..count−1 in place by start, merges touching ones, and returns the longest run
 * (`contiguous`) or the largest sum over a sliding 24 h (`cumulative-24h`) of the union — the same
 * as {@link longestRun} or {@link maxWindowSum} of {@link unionOf}.
 * @param from - interval starts, reordered
 * @param to - interval ends, reordered alongside
 * @param count - entries in use
 * @param accumulation - the rule's accumulation
 */
export function unionMeasure(from: Float64Array, to: Float64Array, count: number, accumulation: VenueRule['accumulation']): number {
  // Insertion sort: a person's overlaps are few and usually already in order.
  for (let i = 1; i < count; i++) {
    const a = from[i]!;
    const b = to[i]!;
    let j = i - 1;
    while (j >= 0 && (from[j]! > a || (from[j] === a && to[j]! > b))) {
      from[j + 1] = from[j]!;
      to[j + 1] = to[j]!;
      j--;
    }
    from[j + 1] = a;
    to[j + 1] = b;
  }
  let n = 0;
  for (let i = 0; i < count; i++) {
    if (n > 0 && from[i]! <= to[n - 1]!) {
      if (to[i]! > to[n - 1]!) to[n - 1] = to[i]!;
    } else {
      from[n] = from[i]!;
      to[n] = to[i]!;
      n++;
    }
  }
  if (accumulation === 'contiguous') {
    let best = 0;
    for (let i = 0; i < n; i++) if (to[i]! - from[i]! > best) best = to[i]! - from[i]!;
    return best;
  }
  let best = 0;
  let i = 0;
  let full = 0;
  for (let j = 0; j < n; j++) {
    const start = to[j]! - 86_400;
    full += to[j]! - from[j]!;
    while (to[i]! <= start) {
      full -= to[i]! - from[i]!;
      i++;
    }
    const cut = Math.max(0, start - from[i]!);
    best = Math.max(best, full - cut);
  }
  return best;
}
