import { dateOfDayNumber, dayNumberOf } from '../protocol/day-counting.js';
import type { AreaCaseFact, AreaLevel, CumulativeClusterModel, RiskAreaProfile } from './risk-area-profile.js';

interface DayCase {
  readonly id: number;
  readonly day: number;
  readonly setting: string | null;
}

/** The level index (0 = highest) of the county rule on one day, with the cases behind it. */
function levelOn(model: CumulativeClusterModel, cases: readonly DayCase[], day: number): { index: number; reason: number[] } {
  const upTo = cases.filter((c) => c.day <= day);
  const recent = upTo.filter((c) => c.day > day - model.windowDays);
  if (upTo.length === 0 || recent.length === 0) return { index: 2, reason: [] };
  const inClusterWindow = upTo.filter((c) => c.day > day - model.cluster.windowDays && c.setting !== null);
  const bySetting = new Map<string, number>();
  for (const c of inClusterWindow) bySetting.set(c.setting!, (bySetting.get(c.setting!) ?? 0) + 1);
  const cluster = [...bySetting.values()].some((n) => n >= model.cluster.minCases);
  const reason = recent.map((c) => c.id).sort((a, b) => a - b);
  return { index: upTo.length > model.cumulativeThreshold && cluster ? 0 : 1, reason };
}

/**
 * The 17 Feb 2020 county rule on one day (§3.1), with the day the level began and the day it drops
 * if no new case arrives (found by evaluating the following days with the same cases).
 * @param profile - the area-risk profile (its model is cumulative-cluster)
 * @param model - that model
 * @param areaPath - the area
 * @param facts - the area's infections (residence only)
 * @param today - the local day number evaluated
 */
export function countyLevel(profile: RiskAreaProfile, model: CumulativeClusterModel, areaPath: string, facts: readonly AreaCaseFact[], today: number): AreaLevel {
  const cases = facts.filter((f) => f.role === 'residence').map((f) => ({ id: f.caseId, day: dayNumberOf(f.day), setting: f.settingKey }));
  const current = levelOn(model, cases, today);
  const first = Math.min(...cases.map((c) => c.day), today);
  let since = today;
  while (since > first && levelOn(model, cases, since - 1).index === current.index) since--;
  let dropsAt: number | null = null;
  if (current.index < 2) {
    const horizon = today + Math.max(model.windowDays, model.cluster.windowDays) + 1;
    for (let d = today + 1; d <= horizon && dropsAt === null; d++) if (levelOn(model, cases, d).index !== current.index) dropsAt = d;
  }
  const level = model.levels[current.index]!;
  const why = ['cumulative-and-cluster', 'recent-cases', 'no-recent-cases'][current.index]!;
  return {
    areaPath,
    profileId: profile.id,
    level,
    background: current.index === 2,
    ruleId: `${profile.rulePrefix}/${level}/${why}`,
    reasonCaseIds: current.reason,
    since: dateOfDayNumber(since),
    dropsAt: dropsAt === null ? null : dateOfDayNumber(dropsAt),
  };
}
