import { dateOfDayNumber, localDayOf, ruleId, type ProtocolProfile } from '@epigrid/core';
import type { PresenceIndex } from '../index/presence-index.js';
import type { Companion, Evidence } from './contact-types.js';
import { longestRun, meetsThreshold, minutesOf, unionOf, type Interval } from './intervals.js';
import { summarise } from './evidence-summary.js';

interface Group {
  readonly name: string;
  readonly members: readonly number[];
  readonly caseIntervals: Interval[];
}

interface Presence {
  seconds: number;
  from: number;
  to: number;
}

/**
 * Spatiotemporal companions (§1.3) from telecom presence: people in the same grid cell (H3 at the
 * profile's resolution) as the case for over the threshold, within the look-back before isolation
 * (or `asOf`), with the dwell clause applied as the profile says (see {@link DwellClause}).
 * @param index - presence index
 * @param profile - protocol profile
 * @param caseId - the case's id
 * @param casePerson - the case's person id
 * @param until - end of the look-back (isolation or asOf), epoch seconds
 */
export function companionsOf(index: PresenceIndex, profile: ProtocolProfile, caseId: number, casePerson: number, until: number): Companion[] {
  const rules = profile.companion;
  if (!rules.enabled) return [];
  const window = { from: until - rules.lookBackDays * 86_400, to: until };
  const coRule = ruleId(profile, 'companion/co-presence');
  const dwellRule = ruleId(profile, 'companion/dwell');
  const groups = new Map<string, Group>();
  const caseRows: { group: Group; from: number; to: number; rowKey: number }[] = [];
  index.telecomOf(casePerson, window.from, window.to, (_p, start, end, rowKey, cell) => {
    const from = Math.max(start, window.from);
    const to = Math.min(end, window.to);
    if (to < from) return;
    const g = index.cellGroup(cell, rules.h3Resolution);
    let group = groups.get(g.name);
    if (!group) {
      group = { name: g.name, members: g.members, caseIntervals: [] };
      groups.set(g.name, group);
    }
    group.caseIntervals.push([from, to]);
    caseRows.push({ group, from, to, rowKey });
  });

  const together = new Map<string, Map<number, Evidence[]>>();
  for (const row of caseRows) {
    const byPerson = together.get(row.group.name) ?? new Map<number, Evidence[]>();
    together.set(row.group.name, byPerson);
    for (const cell of row.group.members) {
      index.telecomAt(cell, row.from, row.to, (person, start, end, rowKey) => {
        if (person === casePerson) return;
        const from = Math.max(start, row.from);
        const to = Math.min(end, row.to);
        if (to < from) return;
        const list = byPerson.get(person) ?? [];
        list.push({ kind: 'companion-co-presence', ruleId: coRule, cell: row.group.name, sourceRowKey: row.rowKey, rowKey, from, to, minutes: minutesOf(from, to) });
        byPerson.set(person, list);
      });
    }
  }

  const dwellLimit = rules.dwell.kind === 'off' ? Number.POSITIVE_INFINITY : rules.dwell.hours * 3600;
  const presenceCache = new Map<string, Map<number, Presence>>();
  const presenceIn = (group: Group): Map<number, Presence> => {
    let map = presenceCache.get(group.name);
    if (map) return map;
    const intervals = new Map<number, Interval[]>();
    for (const cell of group.members) {
      index.telecomAt(cell, window.from, window.to, (person, start, end) => {
        const from = Math.max(start, window.from);
        const to = Math.min(end, window.to);
        if (to < from || person === casePerson) return;
        const list = intervals.get(person) ?? [];
        list.push([from, to]);
        intervals.set(person, list);
      });
    }
    map = new Map();
    for (const [person, list] of intervals) {
      const u = unionOf(list);
      map.set(person, { seconds: u.reduce((s, [a, b]) => s + b - a, 0), from: u[0]![0], to: u[u.length - 1]![1] });
    }
    presenceCache.set(group.name, map);
    return map;
  };

  const qualified = new Map<number, { evidence: Evidence[]; from: number; to: number }>();
  const add = (person: number, evidence: readonly Evidence[], from: number, to: number): void => {
    const q = qualified.get(person);
    if (q) {
      q.evidence.push(...evidence);
      q.from = Math.min(q.from, from);
      q.to = Math.max(q.to, to);
    } else qualified.set(person, { evidence: [...evidence], from, to });
  };
  for (const group of groups.values()) {
    const caseDwell = unionOf(group.caseIntervals).reduce((s, [a, b]) => s + b - a, 0);
    const byPerson = together.get(group.name) ?? new Map<number, Evidence[]>();
    const dwellEvidence = (person: number): Evidence[] | null => {
      if (caseDwell > dwellLimit) return [{ kind: 'companion-dwell', ruleId: dwellRule, cell: group.name, party: 'case', hours: caseDwell / 3600 }];
      const own = presenceIn(group).get(person);
      if (own && own.seconds > dwellLimit) return [{ kind: 'companion-dwell', ruleId: dwellRule, cell: group.name, party: 'contact', hours: own.seconds / 3600 }];
      return null;
    };
    for (const [person, evidence] of byPerson) {
      const spans = evidence.map((e): Interval => ('from' in e ? [e.from, e.to] : [0, 0]));
      if (!meetsThreshold(longestRun(unionOf(spans)), rules.threshold)) continue;
      const from = Math.min(...spans.map((s) => s[0]));
      const to = Math.max(...spans.map((s) => s[1]));
      if (rules.dwell.kind !== 'and') add(person, evidence, from, to);
      else {
        const dwell = dwellEvidence(person);
        if (dwell) add(person, [...evidence, ...dwell], from, to);
      }
    }
    if (rules.dwell.kind === 'or') {
      for (const [person, presence] of presenceIn(group)) {
        if (qualified.has(person) && qualified.get(person)!.evidence.some((e) => 'cell' in e && e.cell === group.name)) continue;
        const dwell = dwellEvidence(person);
        if (dwell) add(person, [...(byPerson.get(person) ?? []), ...dwell], presence.from, presence.to);
      }
    }
  }

  const follow = profile.management.companion;
  const followRule = ruleId(profile, 'management/companion');
  return [...qualified.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([personId, q]): Companion => {
      const s = summarise(q.evidence);
      const lastExposure = Number.isFinite(s.lastExposure) ? s.lastExposure : q.to;
      return {
        kind: 'companion',
        personId,
        caseId,
        profileId: profile.id,
        ruleIds: s.ruleIds,
        evidence: s.evidence,
        firstExposure: Number.isFinite(s.firstExposure) ? s.firstExposure : q.from,
        lastExposure,
        followUp:
          follow === null
            ? null
            : {
                ruleId: followRule,
                tests: follow.tests,
                minHoursApart: follow.minHoursApart,
                dueBy: dateOfDayNumber(localDayOf(lastExposure, index.utcOffsetMinutes) + follow.withinDays),
              },
      };
    });
}
