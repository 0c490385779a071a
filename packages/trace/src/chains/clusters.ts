import { dateOfDayNumber, dayNumberOf } from '@epigrid/core';
import type { ChainCase, LinkSetting, TracedLink } from './traced-links.js';
import type { Cluster } from '@epigrid/core';
export type { Cluster };


const settingKey = (s: LinkSetting): string =>
  s.kind === 'venue' ? `venue:${s.venueId}` : s.kind === 'household' ? `household:${s.householdId}` : s.kind === 'vehicle' ? `vehicle:${s.serviceKey}` : `investigator:${s.reference}`;
const preference = { venue: 0, household: 0, vehicle: 1, investigator: 2 } as const;

/**
 * Clusters as connected components (size ≥ 2) of traced links, largest first.
 * @param cases - the cases
 * @param links - traced links
 * @param asOfDate - reference day for growth (YYYY-MM-DD)
 */
export function clustersOf(cases: readonly ChainCase[], links: readonly TracedLink[], asOfDate: string): Cluster[] {
  const parent = new Map<number, number>(cases.map((c) => [c.caseId, c.caseId]));
  const find = (x: number): number => {
    let r = x;
    while (parent.get(r)! !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  for (const l of links) {
    if (!parent.has(l.infectorCaseId) || !parent.has(l.infecteeCaseId)) continue;
    const a = find(l.infectorCaseId);
    const b = find(l.infecteeCaseId);
    if (a !== b) parent.set(Math.max(a, b), Math.min(a, b));
  }
  const members = new Map<number, ChainCase[]>();
  for (const c of cases) members.set(find(c.caseId), [...(members.get(find(c.caseId)) ?? []), c]);
  const today = dayNumberOf(asOfDate);
  const out: Cluster[] = [];
  for (const [root, group] of members) {
    if (group.length < 2) continue;
    const ids = new Set(group.map((c) => c.caseId));
    const votes = new Map<string, { setting: LinkSetting; n: number }>();
    for (const l of links) {
      if (!ids.has(l.infecteeCaseId)) continue;
      for (const s of l.settings) {
        const k = settingKey(s);
        votes.set(k, { setting: s, n: (votes.get(k)?.n ?? 0) + 1 });
      }
    }
    const ranked = [...votes.entries()].sort(
      (a, b) => preference[a[1].setting.kind] - preference[b[1].setting.kind] || b[1].n - a[1].n || a[0].localeCompare(b[0]),
    );
    const days = group.map((c) => dayNumberOf(c.date));
    const first = Math.min(...days);
    const last = Math.max(...days);
    const last7 = days.filter((d) => d > today - 7 && d <= today).length;
    const previous7 = days.filter((d) => d > today - 14 && d <= today - 7).length;
    const dominant = ranked[0]?.[1].setting ?? null;
    out.push({
      id: root,
      dominantSetting: dominant,
      name: dominant ? settingKey(dominant) : `cases:${root}`,
      caseIds: group.map((c) => c.caseId).sort((a, b) => a - b),
      size: group.length,
      firstDate: dateOfDayNumber(first),
      lastDate: dateOfDayNumber(last),
      spanDays: last - first + 1,
      last7Days: last7,
      previous7Days: previous7,
      growth: previous7 === 0 ? (last7 === 0 ? 0 : Number.POSITIVE_INFINITY) : last7 / previous7,
    });
  }
  return out.sort((a, b) => b.size - a.size || a.id - b.id);
}
