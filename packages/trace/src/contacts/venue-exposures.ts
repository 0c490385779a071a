import type { VenueRule } from '@epigrid/core';
import type { PresenceIndex } from '../index/presence-index.js';
import type { Evidence } from './contact-types.js';
import { longestRun, maxWindowSum, meetsThreshold, minutesOf, unionOf, type Interval } from './intervals.js';

type VenueEvidence = Extract<Evidence, { kind: 'venue' }>;

interface SourceStay {
  readonly venue: number;
  readonly from: number;
  readonly to: number;
  readonly rowKey: number;
  readonly assumed: boolean;
}

/**
 * People who shared a venue with a source person inside a window and meet the venue rule: the
 * co-presence (intersection of both stays and the window) is measured per person as the longest
 * contiguous run, or the largest sum over a sliding 24 h, of the union of all overlaps.
 * @param index - presence index
 * @param sourcePerson - the case (or the close contact, for sub-close contacts)
 * @param window - closed interval of epoch seconds
 * @param rule - venue rule of the profile
 * @param ruleId - rule id recorded on the evidence
 * @returns evidence per qualifying person (source excluded)
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
  const stays: SourceStay[] = [];
  index.checkInsOf(sourcePerson, window.from, window.to, open, (_p, start, end, rowKey, venue, assumed) => {
    const from = Math.max(start, window.from);
    const to = Math.min(end, window.to);
    if (to >= from) stays.push({ venue, from, to, rowKey, assumed });
  });
  const found = new Map<number, VenueEvidence[]>();
  for (const stay of stays) {
    index.checkInsAt(stay.venue, stay.from, stay.to, open, (person, start, end, rowKey, venue, assumed) => {
      if (person === sourcePerson) return;
      const from = Math.max(start, stay.from);
      const to = Math.min(end, stay.to);
      if (to < from) return;
      const evidence: VenueEvidence = {
        kind: 'venue',
        ruleId,
        venueId: venue,
        sourceRowKey: stay.rowKey,
        rowKey,
        from,
        to,
        minutes: minutesOf(from, to),
        assumedStay: assumed || stay.assumed,
      };
      const list = found.get(person);
      if (list) list.push(evidence);
      else found.set(person, [evidence]);
    });
  }
  for (const [person, found0] of found) {
    // The same pair of rows is met twice only when two of the source's own stays overlap.
    const list = found0.length === 1 ? found0 : dedupe(found0);
    const union = unionOf(list.map((e): Interval => [e.from, e.to]));
    const measured = rule.accumulation === 'contiguous' ? longestRun(union) : maxWindowSum(union, 86_400);
    if (meetsThreshold(measured, rule.threshold)) result.set(person, list);
  }
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
