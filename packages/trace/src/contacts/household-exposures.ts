import type { PresenceIndex } from '../index/presence-index.js';
import type { Evidence } from './contact-types.js';

/** Household evidence, as the household rules record it. */
export type HouseholdEvidence = Extract<Evidence, { kind: 'household' }>;

/**
 * Household members of a source person: living together exposes them over the whole window.
 * @param index - presence index (holds the household table)
 * @param sourcePerson - the case or close contact
 * @param window - closed interval of epoch seconds
 * @param ruleId - rule id recorded on the evidence
 * @param sink - receives each member (source excluded) with a fresh one-element evidence list
 */
export function collectHouseholdExposures(
  index: PresenceIndex,
  sourcePerson: number,
  window: { readonly from: number; readonly to: number },
  ruleId: string,
  sink: (person: number, evidence: HouseholdEvidence[]) => void,
): void {
  const household = index.householdOf(sourcePerson);
  if (household === undefined || window.to < window.from) return;
  for (const member of index.householdMembersOf(sourcePerson)) {
    if (member !== sourcePerson) sink(member, [{ kind: 'household', ruleId, householdId: household, from: window.from, to: window.to }]);
  }
}
