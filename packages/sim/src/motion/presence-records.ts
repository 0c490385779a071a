/**
 * What the data sources capture of the day's stays: place-code scans (only at venues, only by
 * people who scan, sometimes without an exit scan) and telecom presence (phones only, consecutive
 * stays in one cell merged, times jittered, now and then the wrong, neighbouring cell).
 */
import type { Rng } from '../random.js';
import type { CityIndex } from './city-index.js';
import { stayKinds } from './day-presence.js';
import type { DayPresence } from './day-presence.js';

/** Scans of one day as columns. */
export interface CheckIns {
  readonly count: number;
  readonly stay: Int32Array;
  readonly timeIn: Int16Array;
  /** -1 when the person did not scan out. */
  readonly timeOut: Int16Array;
  /** 1 when the scan names the person by resident ID instead of phone. */
  readonly byResidentId: Uint8Array;
  /** 1 for every stay of the presence that was scanned. */
  readonly scanned: Uint8Array;
}

/** Telecom records of one day as columns, grouped by person. */
export interface TelecomRecords {
  readonly count: number;
  readonly person: Int32Array;
  readonly cell: Int32Array;
  readonly start: Int16Array;
  readonly end: Int16Array;
  /** Records of person i are firstOf[i] … firstOf[i + 1] - 1. */
  readonly firstOf: Int32Array;
}

/** Scanning compliance. */
export interface ScanHabits {
  /** 1 for people who never scan. */
  readonly neverScan: Uint8Array;
  readonly skipShare: number;
  readonly noTimeOutShare: number;
}

/**
 * Draws the day's scans.
 * @param rng - random stream
 * @param index - city lookups
 * @param presence - the day's stays
 * @param habits - compliance
 * @returns the scans
 */
export function scanCheckIns(rng: Rng, index: CityIndex, presence: DayPresence, habits: ScanHabits): CheckIns {
  const phone = index.city.people.phone;
  const scanned = new Uint8Array(presence.count);
  const stays: number[] = [];
  for (let i = 0; i < presence.count; i++) {
    if (presence.kind[i] !== stayKinds.venue) continue;
    const person = presence.person[i]!;
    if (phone[person] === null || habits.neverScan[person] === 1 || rng.chance(habits.skipShare)) continue;
    scanned[i] = 1;
    stays.push(i);
  }
  const count = stays.length;
  const timeIn = new Int16Array(count);
  const timeOut = new Int16Array(count);
  const byResidentId = new Uint8Array(count);
  stays.forEach((i, k) => {
    const start = presence.start[i]!;
    const end = presence.end[i]!;
    timeIn[k] = Math.min(end, start + rng.int(0, 2));
    timeOut[k] = rng.chance(habits.noTimeOutShare) ? -1 : Math.max(timeIn[k]!, end - rng.int(0, 2));
    byResidentId[k] = rng.chance(0.1) ? 1 : 0;
  });
  return { count, stay: Int32Array.from(stays), timeIn, timeOut, byResidentId, scanned };
}

/**
 * Derives the day's telecom records.
 * @param rng - random stream
 * @param index - city lookups
 * @param presence - the day's stays
 * @param noiseShare - chance of a neighbouring cell per record
 * @returns the records
 */
export function telecomRecords(rng: Rng, index: CityIndex, presence: DayPresence, noiseShare: number): TelecomRecords {
  const people = index.city.people.count;
  const phone = index.city.people.phone;
  const capacity = presence.count;
  const person = new Int32Array(capacity);
  const cell = new Int32Array(capacity);
  const start = new Int16Array(capacity);
  const end = new Int16Array(capacity);
  const firstOf = new Int32Array(people + 1);
  let n = 0;
  for (let p = 0; p < people; p++) {
    firstOf[p] = n;
    if (phone[p] === null) continue;
    const first = n;
    for (let i = presence.firstOf[p]!; i < presence.firstOf[p + 1]!; i++) {
      const kind = presence.kind[i]!;
      if (kind === stayKinds.ride || kind === stayKinds.away) continue;
      const c = kind === stayKinds.home ? index.householdCell[presence.place[i]!]! : index.placeCell[presence.place[i]!]!;
      // Consecutive stays in one cell (with at most an hour's travel between) look like one stay to the network.
      if (n > first && cell[n - 1] === c && presence.start[i]! - end[n - 1]! <= 60) {
        end[n - 1] = presence.end[i]!;
        continue;
      }
      person[n] = p;
      cell[n] = c;
      start[n] = presence.start[i]!;
      end[n] = presence.end[i]!;
      n++;
    }
    for (let k = first; k < n; k++) {
      const lo = k === first ? 0 : end[k - 1]!;
      start[k] = Math.max(lo, start[k]! - rng.int(0, 10));
      end[k] = Math.min(1440, Math.max(start[k]!, end[k]! + rng.int(-10, 10)));
      if (rng.chance(noiseShare)) {
        const ring = index.cells.neighbours(cell[k]!);
        cell[k] = ring[rng.int(0, ring.length - 1)]!;
      }
    }
  }
  firstOf[people] = n;
  return { count: n, person: person.subarray(0, n), cell: cell.subarray(0, n), start: start.subarray(0, n), end: end.subarray(0, n), firstOf };
}
