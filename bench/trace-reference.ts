// The speed-of-memory reference for bench/trace.bench.ts: the same rows in flat typed arrays (one
// venue CSR over all days, one person CSR), scanned with no evidence, no profile logic beyond the
// thresholds, and a mark array for deduplication.
import { dayNumberOf, localMidnight, type ProtocolProfile } from '@epigrid/core';
import type { TraceRequest } from '@epigrid/trace';

/** Flat arrays of the reference scan. */
export interface Reference {
  readonly venueStart: Uint32Array;
  readonly vTin: Uint32Array;
  readonly vEnd: Uint32Array;
  readonly vPerson: Uint32Array;
  readonly personStart: Uint32Array;
  readonly pVenue: Uint32Array;
  readonly pTin: Uint32Array;
  readonly pEnd: Uint32Array;
  readonly household: Uint32Array;
  readonly householdStart: Uint32Array;
  readonly householdMembers: Uint32Array;
  readonly maxDuration: number;
  readonly mark: Uint8Array;
  readonly first: Float64Array;
}

/**
 * Builds the reference arrays.
 * @param person - person per row
 * @param venue - venue per row
 * @param tin - time in per row
 * @param tout - time out per row (0 = open)
 * @param people - number of people (ids 0..people-1; household = floor(id / 2.5))
 * @param open - assumed stay of open check-ins, seconds
 */
export function buildReference(person: Uint32Array, venue: Uint32Array, tin: Uint32Array, tout: Uint32Array, people: number, open: number): Reference {
  const n = person.length;
  let venues = 0;
  let minT = Number.POSITIVE_INFINITY;
  let maxDuration = open;
  for (let i = 0; i < n; i++) {
    if (venue[i]! + 1 > venues) venues = venue[i]! + 1;
    if (tin[i]! < minT) minT = tin[i]!;
    if (tout[i] !== 0 && tout[i]! - tin[i]! > maxDuration) maxDuration = tout[i]! - tin[i]!;
  }
  const venueStart = csrStart(venue, venues);
  const next = venueStart.slice(0, venues);
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[next[venue[i]!]!++] = i;
  const packed = new Float64Array(n);
  for (let p = 0; p < n; p++) packed[p] = (tin[order[p]!]! - minT) * 2 ** 26 + order[p]!;
  for (let v = 0; v < venues; v++) packed.subarray(venueStart[v]!, venueStart[v + 1]!).sort();
  const vTin = new Uint32Array(n);
  const vEnd = new Uint32Array(n);
  const vPerson = new Uint32Array(n);
  for (let p = 0; p < n; p++) {
    const i = packed[p]! % 2 ** 26;
    vTin[p] = tin[i]!;
    vEnd[p] = tout[i] === 0 ? tin[i]! + open : tout[i]!;
    vPerson[p] = person[i]!;
  }
  const personStart = csrStart(person, people);
  const pnext = personStart.slice(0, people);
  const pVenue = new Uint32Array(n);
  const pTin = new Uint32Array(n);
  const pEnd = new Uint32Array(n);
  for (let i = 0; i < n; i++) {
    const q = pnext[person[i]!]!++;
    pVenue[q] = venue[i]!;
    pTin[q] = tin[i]!;
    pEnd[q] = tout[i] === 0 ? tin[i]! + open : tout[i]!;
  }
  const household = new Uint32Array(people);
  for (let p = 0; p < people; p++) household[p] = Math.floor(p / 2.5);
  const householdStart = csrStart(household, household[people - 1]! + 1);
  const hnext = householdStart.slice(0, householdStart.length - 1);
  const householdMembers = new Uint32Array(people);
  for (let p = 0; p < people; p++) householdMembers[hnext[household[p]!]!++] = p;
  return { venueStart, vTin, vEnd, vPerson, personStart, pVenue, pTin, pEnd, household, householdStart, householdMembers, maxDuration, mark: new Uint8Array(people), first: new Float64Array(people) };
}

function csrStart(keys: Uint32Array, size: number): Uint32Array {
  const start = new Uint32Array(size + 1);
  for (let i = 0; i < keys.length; i++) start[keys[i]! + 1]!++;
  for (let k = 0; k < size; k++) start[k + 1]! += start[k]!;
  return start;
}

function scan(ref: Reference, who: number, from: number, to: number, minSeconds: number, bit: number, found: number[]): void {
  for (let q = ref.personStart[who]!; q < ref.personStart[who + 1]!; q++) {
    const a = Math.max(ref.pTin[q]!, from);
    const b = Math.min(ref.pEnd[q]!, to);
    if (b < a) continue;
    const v = ref.pVenue[q]!;
    let lo = ref.venueStart[v]!;
    let hi = ref.venueStart[v + 1]!;
    const end = hi;
    const bound = a - ref.maxDuration;
    while (lo < hi) {
      const m = (lo + hi) >>> 1;
      if (ref.vTin[m]! < bound) lo = m + 1;
      else hi = m;
    }
    for (let i = lo; i < end && ref.vTin[i]! <= b; i++) {
      const o = ref.vPerson[i]!;
      const oa = Math.max(a, ref.vTin[i]!);
      if (o === who || Math.min(b, ref.vEnd[i]!) - oa < minSeconds) continue;
      if ((ref.mark[o]! & bit) === 0) {
        ref.mark[o]! |= bit;
        ref.first[o] = oa;
        found.push(o);
      } else if (oa < ref.first[o]!) ref.first[o] = oa;
    }
  }
  const h = ref.household[who]!;
  for (let k = ref.householdStart[h]!; k < ref.householdStart[h + 1]!; k++) {
    const o = ref.householdMembers[k]!;
    if (o !== who && (ref.mark[o]! & bit) === 0) {
      ref.mark[o]! |= bit;
      ref.first[o] = from;
      found.push(o);
    }
  }
}

/**
 * One- or two-hop trace of a case over the reference arrays; returns the number of people found.
 * @param ref - reference arrays
 * @param r - the case (same request as EpiGrid's)
 * @param profile - thresholds and window days
 * @param twoHops - also scan each close contact from first exposure to asOf
 */
export function referenceTrace(ref: Reference, r: TraceRequest, profile: ProtocolProfile, twoHops: boolean): number {
  const c = r.case;
  const from = localMidnight(dayNumberOf(c.onsetDate ?? c.samplingDate) - profile.exposureWindow.daysBeforeOnset, 480);
  const to = c.isolatedAt ?? r.asOf;
  const close: number[] = [];
  scan(ref, c.personId, from, to, profile.closeContact.venue.threshold.minutes * 60, 1, close);
  const sub: number[] = [];
  if (twoHops) for (const p of close) scan(ref, p, ref.first[p]!, r.asOf, profile.subCloseContact.venue.threshold.minutes * 60, 2, sub);
  for (const p of close) ref.mark[p] = 0;
  for (const p of sub) ref.mark[p] = 0;
  return close.length + sub.length;
}
