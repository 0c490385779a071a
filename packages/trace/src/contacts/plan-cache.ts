import { localDayOf, managementPlan, type DayCounting, type ManagementPlan, type ManagementSchedule } from '@epigrid/core';

/**
 * Management plans memoised by the local day of last exposure: a trace has hundreds of contacts
 * but only a few distinct last-exposure days, and a plan depends on nothing else.
 * @param schedule - the group's schedule
 * @param counting - day-counting convention
 * @param utcOffsetMinutes - local offset
 * @param ruleId - rule id recorded on the plan
 */
export function planCache(schedule: ManagementSchedule, counting: DayCounting, utcOffsetMinutes: number, ruleId: string): (lastExposure: number) => ManagementPlan {
  const plans = new Map<number, ManagementPlan>();
  return (lastExposure) => {
    const day = localDayOf(lastExposure, utcOffsetMinutes);
    let plan = plans.get(day);
    if (!plan) {
      plan = managementPlan(schedule, counting, lastExposure, utcOffsetMinutes, ruleId);
      plans.set(day, plan);
    }
    return plan;
  };
}
