import type { VenueRule } from '@epigrid/core';
import type { IntervalVisitor } from '../index/interval-segment.js';
import type { PresenceIndex } from '../index/presence-index.js';
import type { Evidence } from './contact-types.js';
import { meetsThreshold, minutesOf, unionMeasure } from './intervals.js';
import { OverlapBuffer } from './overlap-buffer.js';

/** Venue evidence, as the venue rules record it. */
export type VenueEvidence = Extract<Evidence, { kind: 'venue' }>;

/** Receives one qualifying person with their evidence (in the order met, each pair of rows once). */
export type VenueExposureSink = (person: number, evidence: VenueEvidence[]) => void;

/**
 * One venue scan's working state, reused by every call: the source's stays and the overlaps met,
 * in typed columns, and the two row visitors, created once (a trace creates no closure per scan).
 * Traces run one at a time on a thread and every scan starts by emptying it, so no call sees
 * another's rows.
 */
class VenueScan {
  private readonly overlaps = new OverlapBuffer();
  private stays = 0;
  private stayVenue = new Uint32Array(64);
  private stayFrom = new Float64Array(64);
  private stayTo = new Float64Array(64);
  private stayRowKey = new Float64Array(64);
  private stayAssumed = new Uint8Array(64);
  private spanFrom = new Float64Array(64);
  private spanTo = new Float64Array(64);
  private source = 0;
  private from = 0;
  private to = 0;
  private sourceRowKey = 0;
  private sourceAssumed = false;

  private readonly ownRow: IntervalVisitor = (_person, start, end, rowKey, venue, assumed) => {
    const from = start > this.from ? start : this.from;
    const to = end < this.to ? end : this.to;
    if (to >= from) this.addStay(venue, from, to, rowKey, assumed);
  };

  private readonly otherRow: IntervalVisitor = (person, start, end, rowKey, venue, assumed) => {
    if (person === this.source) return;
    const from = start > this.from ? start : this.from;
    const to = end < this.to ? end : this.to;
    if (to >= from) this.overlaps.push(person, from, to, rowKey, this.sourceRowKey, venue, assumed || this.sourceAssumed);
  };

  run(index: PresenceIndex, sourcePerson: number, window: { readonly from: number; readonly to: number }, rule: VenueRule, ruleId: string, sink: VenueExposureSink): void {
    if (!rule.enabled || window.to < window.from) return;
    const open = rule.openEndedStayMinutes * 60;
    this.stays = 0;
    this.source = sourcePerson;
    this.from = window.from;
    this.to = window.to;
    index.checkInsOf(sourcePerson, window.from, window.to, open, this.ownRow);
    if (this.stays === 0) return;
    const overlaps = this.overlaps;
    overlaps.clear();
    for (let s = 0; s < this.stays; s++) {
      this.from = this.stayFrom[s]!;
      this.to = this.stayTo[s]!;
      this.sourceRowKey = this.stayRowKey[s]!;
      this.sourceAssumed = this.stayAssumed[s] === 1;
      index.checkInsAt(this.stayVenue[s]!, this.from, this.to, open, this.otherRow);
    }
    const limit = rule.threshold;
    for (let k = 0; k < overlaps.personCount; k++) {
      const head = overlaps.headAt(k);
      // The sum of the overlaps bounds any union measure: most co-visitors stop here.
      if (!meetsThreshold(overlaps.totalSeconds(head), limit)) continue;
      if (!meetsThreshold(this.measure(head, rule.accumulation), limit)) continue;
      sink(overlaps.personAt(k), this.evidence(head, ruleId));
    }
  }

  /** The rule's measure of the union of one person's overlaps. */
  private measure(head: number, accumulation: VenueRule['accumulation']): number {
    const overlaps = this.overlaps;
    let count = 0;
    for (let i = head; i >= 0; i = overlaps.next(i)) {
      if (count === this.spanFrom.length) {
        this.spanFrom = widen(this.spanFrom, new Float64Array(count * 2));
        this.spanTo = widen(this.spanTo, new Float64Array(count * 2));
      }
      this.spanFrom[count] = overlaps.from(i);
      this.spanTo[count] = overlaps.to(i);
      count++;
    }
    // Pairs met twice (two overlapping stays of the source) repeat one interval: the union is the same.
    return unionMeasure(this.spanFrom, this.spanTo, count, accumulation);
  }

  /** Evidence of one person, in the order met; a pair of rows met twice is recorded once. */
  private evidence(head: number, ruleId: string): VenueEvidence[] {
    const overlaps = this.overlaps;
    const out: VenueEvidence[] = [];
    for (let i = head; i >= 0; i = overlaps.next(i)) {
      const rowKey = overlaps.rowKey(i);
      const sourceRowKey = overlaps.sourceRowKey(i);
      if (out.length > 0 && out.some((e) => e.rowKey === rowKey && e.sourceRowKey === sourceRowKey)) continue;
      const from = overlaps.from(i);
      const to = overlaps.to(i);
      out.push({ kind: 'venue', ruleId, venueId: overlaps.venue(i), sourceRowKey, rowKey, from, to, minutes: minutesOf(from, to), assumedStay: overlaps.assumed(i) });
    }
    return out;
  }

  private addStay(venue: number, from: number, to: number, rowKey: number, assumed: boolean): void {
    const s = this.stays++;
    if (s === this.stayVenue.length) {
      const size = s * 2;
      this.stayVenue = widen(this.stayVenue, new Uint32Array(size));
      this.stayFrom = widen(this.stayFrom, new Float64Array(size));
      this.stayTo = widen(this.stayTo, new Float64Array(size));
      this.stayRowKey = widen(this.stayRowKey, new Float64Array(size));
      this.stayAssumed = widen(this.stayAssumed, new Uint8Array(size));
    }
    this.stayVenue[s] = venue;
    this.stayFrom[s] = from;
    this.stayTo[s] = to;
    this.stayRowKey[s] = rowKey;
    this.stayAssumed[s] = assumed ? 1 : 0;
  }
}

function widen<A extends Uint32Array | Float64Array | Uint8Array>(old: A, next: A): A {
  next.set(old);
  return next;
}

const scan = new VenueScan();

/**
 * People who shared a venue with a source person inside a window and meet the venue rule: the
 * co-presence (intersection of both stays and the window) is measured per person as the longest
 * contiguous run, or the largest sum over a sliding 24 h, of the union of all overlaps.
 *
 * Overlaps are gathered into reused typed arrays and evidence objects are built only for people
 * who meet the rule, so the many brief co-visitors cost no allocation.
 * @param index - presence index
 * @param sourcePerson - the case (or the close contact, for sub-close contacts)
 * @param window - closed interval of epoch seconds
 * @param rule - venue rule of the profile
 * @param ruleId - rule id recorded on the evidence
 * @param sink - receives each qualifying person (source excluded) once, in order of first meeting
 */
export function collectVenueExposures(
  index: PresenceIndex,
  sourcePerson: number,
  window: { readonly from: number; readonly to: number },
  rule: VenueRule,
  ruleId: string,
  sink: VenueExposureSink,
): void {
  scan.run(index, sourcePerson, window, rule, ruleId, sink);
}

/**
 * {@link collectVenueExposures} as a map: evidence per qualifying person, in order of first meeting.
 * @param index - presence index
 * @param sourcePerson - the case (or the close contact, for sub-close contacts)
 * @param window - closed interval of epoch seconds
 * @param rule - venue rule of the profile
 * @param ruleId - rule id recorded on the evidence
 */
export function venueExposures(
  index: PresenceIndex,
  sourcePerson: number,
  window: { readonly from: number; readonly to: number },
  rule: VenueRule,
  ruleId: string,
): Map<number, VenueEvidence[]> {
  const result = new Map<number, VenueEvidence[]>();
  scan.run(index, sourcePerson, window, rule, ruleId, (person, evidence) => result.set(person, evidence));
  return result;
}
