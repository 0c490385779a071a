import type { PresenceIndex } from '../index/presence-index.js';
import type { Evidence } from './contact-types.js';

type HouseholdEvidence = Extract<Evidence, { kind: 'household' }>;

/**
 * Household members of a source person: living together exposes them over the whole window.
 * @param index - presence index (holds the household table)
 * @param sourcePerson - the case or close contact
 * @param window - closed interval of epoch seconds
 * @param ruleId - rule id recorded on the evidence
 */
export function householdExposures(
  index: PresenceIndex,
  sourcePerson: number,
  window: { readonly from: number; readonly to: number },
  ruleId: string,
): Map<number, HouseholdEvidence[]> {
  const result = new Map<number, HouseholdEvidence[]>();
  const household = index.householdOf(sourcePerson);
  if (household === undefined || window.to < window.from) return result;
  for (const member of index.householdMembers(household)) {
    if (member === sourcePerson) continue;
    result.set(member, [{ kind: 'household', ruleId, householdId: household, from: window.from, to: window.to }]);
  }
  return result;
}
