import { localDayOf } from '../protocol/day-counting.js';
import { countyLevel } from './county-rule.js';
import type { AreaCaseFact, AreaLevel, RiskAreaProfile } from './risk-area-profile.js';
import { tieredLevel } from './tiered-timeline.js';

/**
 * Classifies every area that has at least one infection, at one instant. Pure: the same facts,
 * profile and instant always give the same levels, so re-running it later applies the timers.
 * @param facts - infections placed in areas at the profile's unit level
 * @param profile - the area-risk profile
 * @param at - the instant evaluated (epoch seconds)
 * @returns one level per area, sorted by area path
 */
export function classifyAreas(facts: readonly AreaCaseFact[], profile: RiskAreaProfile, at: number): AreaLevel[] {
  const today = localDayOf(at, profile.utcOffsetMinutes);
  const counted = profile.newInfection === 'community' ? facts.filter((f) => f.community) : facts;
  const byArea = new Map<string, AreaCaseFact[]>();
  for (const fact of counted) {
    const list = byArea.get(fact.areaPath) ?? [];
    list.push(fact);
    byArea.set(fact.areaPath, list);
  }
  const model = profile.model;
  return [...byArea.keys()].sort().map((area) =>
    model.kind === 'tiered' ? tieredLevel(profile, model, area, byArea.get(area)!, today) : countyLevel(profile, model, area, byArea.get(area)!, today),
  );
}
