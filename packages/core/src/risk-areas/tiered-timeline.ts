import { dateOfDayNumber, dayNumberOf } from '../protocol/day-counting.js';
import type { AreaCaseFact, AreaLevel, RiskAreaProfile, TieredModel } from './risk-area-profile.js';

/** The running state of one area while its infections are replayed in day order. */
interface AreaState {
  level: string;
  /** First day at the current level. */
  enteredDay: number;
  /** True when the current level was reached by designation, false when by a downgrade. */
  designated: boolean;
  lastInfectionDay: number;
  reasonCaseIds: number[];
}

/**
 * Replays one area's infections day by day under a tiered model (9th edition, 20 measures, Shanghai).
 * A day's infections raise the area to their designation and restart the clock; a level drops at the
 * start of day `max(lastInfection + 1, enteredDay) + quietDays`.
 * @param profile - the area-risk profile (its model is tiered)
 * @param model - that model
 * @param areaPath - the area
 * @param facts - the area's infections that count under the profile
 * @param today - the local day number evaluated
 */
export function tieredLevel(profile: RiskAreaProfile, model: TieredModel, areaPath: string, facts: readonly AreaCaseFact[], today: number): AreaLevel {
  const background = model.levels[model.levels.length - 1]!;
  const rank = (level: string): number => model.levels.indexOf(level);
  const state: AreaState = { level: background, enteredDay: Number.NEGATIVE_INFINITY, designated: false, lastInfectionDay: Number.NEGATIVE_INFINITY, reasonCaseIds: [] };

  const dropDay = (): number | null => {
    if (state.level === background) return null;
    const step = model.downgrades.find((d) => d.from === state.level)!;
    const quiet = state.designated ? (step.quietDaysIfDesignated ?? step.quietDays) : step.quietDays;
    return Math.max(state.lastInfectionDay + 1, state.enteredDay) + quiet;
  };
  const advance = (day: number): void => {
    for (let drop = dropDay(); drop !== null && drop <= day; drop = dropDay()) {
      state.level = model.downgrades.find((d) => d.from === state.level)!.to;
      state.enteredDay = drop;
      state.designated = false;
      if (state.level === background) state.reasonCaseIds = [];
    }
  };

  const byDay = new Map<number, AreaCaseFact[]>();
  for (const fact of facts) {
    const day = dayNumberOf(fact.day);
    if (day > today) continue;
    const list = byDay.get(day) ?? [];
    list.push(fact);
    byDay.set(day, list);
  }
  for (const day of [...byDay.keys()].sort((a, b) => a - b)) {
    advance(day);
    for (const fact of byDay.get(day)!) {
      const designation = fact.role === 'residence' ? model.residenceLevel : model.activityLevel;
      if (designation === null) continue;
      // A designation at the level the area merely fell to re-designates it: its longer clock applies,
      // so an extra infection can never shorten how long an area stays at a level.
      if (rank(designation) < rank(state.level) || (designation === state.level && !state.designated)) {
        state.level = designation;
        state.enteredDay = day;
        state.designated = true;
      }
      state.lastInfectionDay = day;
      if (!state.reasonCaseIds.includes(fact.caseId)) state.reasonCaseIds.push(fact.caseId);
    }
  }
  advance(today);

  const drop = dropDay();
  const isBackground = state.level === background;
  const how = isBackground ? 'quiet' : state.designated ? 'designated' : 'downgraded';
  return {
    areaPath,
    profileId: profile.id,
    level: state.level,
    background: isBackground,
    ruleId: `${profile.rulePrefix}/${state.level}/${how}`,
    reasonCaseIds: [...state.reasonCaseIds].sort((a, b) => a - b),
    since: dateOfDayNumber(Number.isFinite(state.enteredDay) ? state.enteredDay : today),
    dropsAt: drop === null ? null : dateOfDayNumber(drop),
  };
}
