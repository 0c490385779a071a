import { localDayOf, managementPlan, type DayCounting, type ManagementPlan, type ManagementSchedule } from '@epigrid/core';

// Plans kept across traces, per schedule object (profiles are long-lived values), then per
// counting/offset/rule, then per local day of last exposure: the thousands of contacts of a day's
// traces share a handful of last-exposure days, and a plan depends on nothing else.
const bySchedule = new WeakMap<ManagementSchedule, WeakMap<DayCounting, Map<string, Map<number, ManagementPlan>>>>();

function plansFor(schedule: ManagementSchedule, counting: DayCounting, utcOffsetMinutes: number, ruleId: string): Map<number, ManagementPlan> {
  let byCounting = bySchedule.get(schedule);
  if (!byCounting) {
    byCounting = new WeakMap();
    bySchedule.set(schedule, byCounting);
  }
  let byRule = byCounting.get(counting);
  if (!byRule) {
    byRule = new Map();
    byCounting.set(counting, byRule);
  }
  const key = `${utcOffsetMinutes}|${ruleId}`;
  let plans = byRule.get(key);
  if (!plans) {
    plans = new Map();
    byRule.set(key, plans);
  }
  return plans;
}

function frozen(plan: ManagementPlan): ManagementPlan {
  for (const test of plan.tests) Object.freeze(test);
  Object.freeze(plan.tests);
  return Object.freeze(plan);
}

/**
 * Management plans memoised by the local day of last exposure. Plans are shared between contacts
 * and traces, so they are frozen: nobody can change one contact's plan under another.
 * @param schedule - the group's schedule
 * @param counting - day-counting convention
 * @param utcOffsetMinutes - local offset
 * @param ruleId - rule id recorded on the plan
 */
export function planCache(schedule: ManagementSchedule, counting: DayCounting, utcOffsetMinutes: number, ruleId: string): (lastExposure: number) => ManagementPlan {
  const plans = plansFor(schedule, counting, utcOffsetMinutes, ruleId);
  return (lastExposure) => {
    const day = localDayOf(lastExposure, utcOffsetMinutes);
    let plan = plans.get(day);
    if (!plan) {
      plan = frozen(managementPlan(schedule, counting, lastExposure, utcOffsetMinutes, ruleId));
      plans.set(day, plan);
    }
    return plan;
  };
}
