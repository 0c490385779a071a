import type { VenueRule } from '@epigrid/core';
import { longestRun, maxWindowSum, meetsThreshold, unionOf, type Interval } from '../contacts/intervals.js';
import type { CheckInRow } from '../presence-rows.js';

/**
 * Reference for differential tests: venue close contacts by an O(n²) scan over raw rows.
 * @param rows - every check-in
 * @param casePerson - the case
 * @param window - exposure window
 * @param rule - venue rule
 * @returns person id → overlap intervals, for qualifying people
 */
export function naiveVenueScan(rows: readonly CheckInRow[], casePerson: number, window: { from: number; to: number }, rule: VenueRule): Map<number, Interval[]> {
  const end = (r: CheckInRow): number => r.timeOut ?? r.timeIn + rule.openEndedStayMinutes * 60;
  const found = new Map<number, Interval[]>();
  for (const c of rows) {
    if (c.personId !== casePerson) continue;
    const a = Math.max(c.timeIn, window.from);
    const b = Math.min(end(c), window.to);
    if (b < a) continue;
    for (const o of rows) {
      if (o.personId === casePerson || o.venueId !== c.venueId) continue;
      const from = Math.max(a, o.timeIn);
      const to = Math.min(b, end(o));
      if (to >= from) found.set(o.personId, [...(found.get(o.personId) ?? []), [from, to]]);
    }
  }
  for (const [person, list] of found) {
    const u = unionOf(list);
    if (!meetsThreshold(rule.accumulation === 'contiguous' ? longestRun(u) : maxWindowSum(u, 86_400), rule.threshold)) found.delete(person);
  }
  return found;
}
