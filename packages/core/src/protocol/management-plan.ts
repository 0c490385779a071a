import { dateOfDayNumber, localDayOf, managementDay } from './day-counting.js';
import type { DayCounting, HomeMode, ManagementSchedule } from './protocol-profile.js';

/** One scheduled test of a managed person. */
export interface ScheduledTest {
  readonly phase: 'centralised' | 'home';
  /** Management day counted from the last exposure (home tests: centralised days + home day). */
  readonly day: number;
  readonly date: string;
}

/** What a schedule means for one person, given their last exposure. */
export interface ManagementPlan {
  readonly ruleId: string;
  readonly lastExposureDate: string;
  /** Last calendar day of centralised quarantine, or null when there is none. */
  readonly centralisedUntil: string | null;
  /** Last calendar day of the home phase, or null when there is none. */
  readonly homeUntil: string | null;
  readonly homeMode: HomeMode;
  /** Last calendar day under management (inclusive), or null when nothing is required. */
  readonly endDate: string | null;
  readonly tests: readonly ScheduledTest[];
}

/**
 * Applies a management schedule to a last exposure: phase end dates and test dates.
 * @param schedule - the profile's schedule for the person's group
 * @param counting - the profile's day-counting convention
 * @param lastExposure - epoch seconds of the last exposure
 * @param utcOffsetMinutes - local offset from UTC used to find calendar days
 * @param ruleId - the rule id recorded on the plan
 */
export function managementPlan(
  schedule: ManagementSchedule,
  counting: DayCounting,
  lastExposure: number,
  utcOffsetMinutes: number,
  ruleId: string,
): ManagementPlan {
  const exposureDay = localDayOf(lastExposure, utcOffsetMinutes);
  const day = (k: number): string => dateOfDayNumber(managementDay(exposureDay, k, counting));
  const c = schedule.centralisedDays;
  const h = schedule.homeDays;
  const tests: ScheduledTest[] = [
    ...schedule.centralisedTestDays.map((k) => ({ phase: 'centralised' as const, day: k, date: day(k) })),
    ...schedule.homeTestDays.map((j) => ({ phase: 'home' as const, day: c + j, date: day(c + j) })),
  ].sort((a, b) => a.day - b.day);
  return {
    ruleId,
    lastExposureDate: dateOfDayNumber(exposureDay),
    centralisedUntil: c > 0 ? day(c) : null,
    homeUntil: h > 0 ? day(c + h) : null,
    homeMode: h > 0 ? schedule.homeMode : 'none',
    endDate: c + h > 0 ? day(c + h) : null,
    tests,
  };
}
