import type { Clearance } from './code-rule-set.js';
import type { ClearingInput, HealthFact } from './health-inputs.js';

const DAY = 86_400;
const HOUR = 3_600;

/** What a person still has to show to leave a stage, when time alone does not end it. */
export type NextCondition =
  | { readonly kind: 'evidence'; readonly input: ClearingInput; readonly count: number; readonly minHoursApart: number; readonly withinDays: number | null }
  | { readonly kind: 'fact-ends' };

/** How a stage ends: `met` = already ended at that time; `timed` = will end then; `condition` = waits for something. */
export interface StageEnd {
  readonly met: number | null;
  readonly timed: number | null;
  readonly condition: NextCondition | null;
}

/** Earliest time `count` clearing facts satisfy the spacing and span rules, or null. */
function evidenceMet(clearance: Extract<Clearance, { kind: 'evidence' }>, candidates: readonly HealthFact[]): number | null {
  for (let first = 0; first < candidates.length; first++) {
    const chosen = [candidates[first]!];
    for (let i = first + 1; i < candidates.length && chosen.length < clearance.count; i++) {
      const c = candidates[i]!;
      if (clearance.withinDays !== null && c.at - chosen[0]!.at > clearance.withinDays * DAY) break;
      if (c.at - chosen[chosen.length - 1]!.at >= clearance.minHoursApart * HOUR) chosen.push(c);
    }
    if (chosen.length >= clearance.count) return chosen[chosen.length - 1]!.at;
  }
  return null;
}

/**
 * When a stage that began at `start` ends, seen at instant `at` (facts after `at` are not known yet).
 * @param clearance - the stage's clearance
 * @param start - when the stage began (epoch seconds)
 * @param trigger - the fact that started the rule
 * @param facts - all the person's facts
 * @param at - the instant evaluated
 */
export function stageEnd(clearance: Clearance, start: number, trigger: HealthFact, facts: readonly HealthFact[], at: number): StageEnd {
  switch (clearance.kind) {
    case 'elapsed': {
      const end = start + clearance.days * DAY;
      return end <= at ? { met: end, timed: null, condition: null } : { met: null, timed: end, condition: null };
    }
    case 'fact-until': {
      if (trigger.until === undefined || trigger.until === null) return { met: null, timed: null, condition: { kind: 'fact-ends' } };
      const end = Math.max(start, trigger.until + clearance.extraDays * DAY);
      return end <= at ? { met: end, timed: null, condition: null } : { met: null, timed: end, condition: null };
    }
    case 'evidence': {
      const from = start - clearance.lookBackHours * HOUR;
      const candidates = facts.filter((f) => f.input === clearance.input && f.at >= from && f.at <= at).sort((a, b) => a.at - b.at);
      const met = evidenceMet(clearance, candidates);
      if (met !== null) return { met: Math.max(met, start), timed: null, condition: null };
      const { kind: _kind, lookBackHours: _lookBack, ...rest } = clearance;
      return { met: null, timed: null, condition: { kind: 'evidence', ...rest } };
    }
    case 'any-of': {
      const ends = clearance.of.map((c) => stageEnd(c, start, trigger, facts, at));
      const met = ends.map((e) => e.met).filter((t): t is number => t !== null);
      if (met.length > 0) return { met: Math.min(...met), timed: null, condition: null };
      const timed = ends.map((e) => e.timed).filter((t): t is number => t !== null);
      return { met: null, timed: timed.length > 0 ? Math.min(...timed) : null, condition: ends.find((e) => e.condition !== null)?.condition ?? null };
    }
  }
}
