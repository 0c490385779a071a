import { personsOfAreas, personsWithHealthFacts, takePendingPersons, takePeopleToRejudge, type PlannedTestWindow } from '@epigrid/store';
import type { Services } from '../../services.js';
import { judgmentRules } from './judgment-rules.js';
import { recomputeHealthCodes } from './recompute-health-codes.js';
import { recomputeRiskAreas } from './recompute-risk-areas.js';

/** What one judgment run did. */
export interface JudgmentRun {
  readonly riskAreas: number;
  readonly areasChanged: number;
  readonly persons: number;
  readonly colourChanges: number;
}

/** Planned-test days as the health facts draw them: the areas' local offset and the profile's tolerance. */
const plannedTestWindow = (services: Services): PlannedTestWindow => ({
  utcOffsetMinutes: judgmentRules(services).areas?.utcOffsetMinutes ?? 480,
  testDayToleranceHours: services.profile.management.testDayToleranceHours ?? 0,
});

/**
 * The minute job: area levels first (new cases, timers), then the codes of the persons with new
 * facts, whose planned test day has just been missed, whose colour reached its expiry, or who live in or visited an area whose level changed.
 * @param services - application services
 */
export async function runPendingJudgment(services: Services): Promise<JudgmentRun> {
  const areas = await recomputeRiskAreas(services);
  const pending = await takePendingPersons(services.db, services.now(), plannedTestWindow(services));
  // Field outcomes (quarantined, released, tested) mark people for re-judgment: the loop closes here.
  const verified = await takePeopleToRejudge(services.db, 100_000);
  const ids = new Set([...pending.personIds, ...verified, ...(await personsOfAreas(services.db, areas.changedRegionIds))]);
  const codes = await recomputeHealthCodes(services, [...ids].sort((a, b) => a - b));
  await pending.commit();
  return { riskAreas: areas.riskAreas, areasChanged: areas.changedRegionIds.length, persons: codes.persons, colourChanges: codes.changes.length };
}

/**
 * The nightly job: every area, and every person with a health fact or a colour other than green.
 * @param services - application services
 */
export async function runFullJudgment(services: Services): Promise<JudgmentRun> {
  const areas = await recomputeRiskAreas(services);
  const pending = await takePendingPersons(services.db, services.now(), plannedTestWindow(services));
  const codes = await recomputeHealthCodes(services, await personsWithHealthFacts(services.db));
  await pending.commit();
  return { riskAreas: areas.riskAreas, areasChanged: areas.changedRegionIds.length, persons: codes.persons, colourChanges: codes.changes.length };
}
