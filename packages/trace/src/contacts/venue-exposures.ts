import type { VenueRule } from '@epigrid/core';
import type { IntervalVisitor } from '../index/interval-segment.js';
import type { PresenceIndex } from '../index/presence-index.js';
import type { Evidence } from './contact-types.js';
import { longestRun, maxWindowSum, meetsThreshold, minutesOf, unionOf, type Interval } from './intervals.js';
import { OverlapBuffer } from './overlap-buffer.js';

type VenueEvidence = Extract<Evidence, { kind: 'venue' }>;

// One scratch buffer for every call: traces run one at a time on a thread, and the buffer is
// emptied before each use, so no call sees another's rows.
const scratch = new OverlapBuffer();

/**
 * People who shared a venue with a source person inside a window and meet the venue rule: the
 * co-presence (intersection of both stays and the window) is measured per person as the longest
 * contiguous run, or the largest sum over a sliding 24 h, of the union of all overlaps.
 *
 * Overlaps are gathered into reused typed arrays and evidence objects are built only for people
 * whose summed overlap could meet the threshold (the union's run or window sum never exceeds the
 * sum), so the many brief co-visitors cost no allocation.
 * @param index - presence index
 * @param sourcePerson - the case (or the close contact, for sub-close contacts)
 * @param window - closed interval of epoch seconds
 * @param rule - venue rule of the profile
 * @param ruleId - rule id recorded on the evidence
 * @returns evidence per qualifying person (source excluded), in order of first meeting
 */
export function venueExposures(
  index: PresenceIndex,
  sourcePerson: number,
  window: { readonly from: number; readonly to: number },
  rule: VenueRule,
  ruleId: string,
): Map<number, VenueEvidence[]> {
  const result = new Map<number, VenueEvidence[]>();
  if (!rule.enabled || window.to < window.from) return result;
  const open = rule.openEndedStayMinutes * 60;
  const stayVenue: number[] = [];
  const stayFrom: number[] = [];
  const stayTo: number[] = [];
  const stayRowKey: number[] = [];
  const stayAssumed: boolean[] = [];
  index.checkInsOf(sourcePerson, window.from, window.to, open, (_p, start, end, rowKey, venue, assumed) => {
    const from = Math.max(start, window.from);
    const to = Math.min(end, window.to);
    if (to < from) return;
    stayVenue.push(venue);
    stayFrom.push(from);
    stayTo.push(to);
    stayRowKey.push(rowKey);
    stayAssumed.push(assumed);
  });
  if (stayVenue.length === 0) return result;
  const buffer = scratch;
  buffer.clear();
  let sFrom = 0;
  let sTo = 0;
  let sRowKey = 0;
  let sAssumed = false;
  const visit: IntervalVisitor = (person, start, end, rowKey, venue, assumed) => {
    if (person === sourcePerson) return;
    const from = start > sFrom ? start : sFrom;
    const to = end < sTo ? end : sTo;
    if (to < from) return;
    buffer.push(person, from, to, rowKey, sRowKey, venue, assumed || sAssumed);
  };
  for (let s = 0; s < stayVenue.length; s++) {
    sFrom = stayFrom[s]!;
    sTo = stayTo[s]!;
    sRowKey = stayRowKey[s]!;
    sAssumed = stayAssumed[s]!;
    index.checkInsAt(stayVenue[s]!, sFrom, sTo, open, visit);
  }
  const limit = rule.threshold;
  buffer.forEachPerson((person, head) => {
    if (!meetsThreshold(buffer.totalSeconds(head), limit)) return;
    const list = buffer.evidence(head, (i): VenueEvidence => ({
      kind: 'venue',
      ruleId,
      venueId: buffer.venue(i),
      sourceRowKey: buffer.sourceRowKey(i),
      rowKey: buffer.rowKey(i),
      from: buffer.from(i),
      to: buffer.to(i),
      minutes: minutesOf(buffer.from(i), buffer.to(i)),
      assumedStay: buffer.assumed(i),
    }));
    // The same pair of rows is met twice only when two of the source's own stays overlap.
    const kept = list.length === 1 ? list : dedupe(list);
    const union = unionOf(kept.map((e): Interval => [e.from, e.to]));
    const measured = rule.accumulation === 'contiguous' ? longestRun(union) : maxWindowSum(union, 86_400);
    if (meetsThreshold(measured, limit)) result.set(person, kept);
  });
  return result;
}

function dedupe(list: readonly VenueEvidence[]): VenueEvidence[] {
  const seen = new Set<string>();
  return list.filter((e) => {
    const key = `${e.sourceRowKey}:${e.rowKey}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
