import { ruleId, type ProtocolProfile } from '@epigrid/core';
import type { PresenceIndex } from '../index/presence-index.js';
import type { CloseContact, Evidence, SubCloseContact } from './contact-types.js';
import { collectHouseholdExposures } from './household-exposures.js';
import { summarise, takeInto, type EvidenceByPerson } from './merge-evidence.js';
import { planCache } from './plan-cache.js';
import { collectVenueExposures } from './venue-exposures.js';

/**
 * Sub-close contacts (§1.2): for each close contact, over that contact's own window — from their
 * first exposure to the case until they were controlled — people who lived with them or shared a
 * venue under the profile's sub-close venue rule. The case and its close contacts are excluded
 * (they are already managed); one record per (person, close contact) link.
 * @param index - presence index
 * @param profile - protocol profile
 * @param casePerson - the case's person id
 * @param closeContacts - the case's close contacts
 * @param controlledAt - epoch seconds each close contact was put under control (default `asOf`)
 * @param asOf - epoch seconds of the trace
 */
export function subCloseContactsOf(
  index: PresenceIndex,
  profile: ProtocolProfile,
  casePerson: number,
  closeContacts: readonly CloseContact[],
  controlledAt: ReadonlyMap<number, number>,
  asOf: number,
): SubCloseContact[] {
  const rules = profile.subCloseContact;
  const schedule = profile.management.subCloseContact;
  if (!rules.enabled || schedule === null) return [];
  const excluded = new Set<number>([casePerson, ...closeContacts.map((c) => c.personId)]);
  const householdRule = ruleId(profile, 'sub-close/household');
  const venueRule = ruleId(profile, 'sub-close/venue');
  const planOf = planCache(schedule, profile.dayCounting, index.utcOffsetMinutes, ruleId(profile, 'management/sub-close'));
  const out: SubCloseContact[] = [];
  // One collection and one sink for every close contact: emptied, not re-made, per contact.
  const found: EvidenceByPerson = new Map();
  const take = (person: number, evidence: Evidence[]): void => {
    if (!excluded.has(person)) takeInto(found, person, evidence);
  };
  for (const close of closeContacts) {
    const window = { from: close.firstExposure, to: controlledAt.get(close.personId) ?? asOf };
    found.clear();
    if (rules.household) collectHouseholdExposures(index, close.personId, window, householdRule, take);
    collectVenueExposures(index, close.personId, window, rules.venue, venueRule, take);
    for (const [personId, evidence] of found) {
      const s = summarise(evidence);
      out.push({
        kind: 'sub-close',
        personId,
        caseId: close.caseId,
        viaPersonId: close.personId,
        profileId: profile.id,
        evidence: s.evidence,
        ruleIds: s.ruleIds,
        firstExposure: s.firstExposure,
        lastExposure: s.lastExposure,
        management: planOf(s.lastExposure),
      });
    }
  }
  return out.sort((a, b) => a.personId - b.personId || a.viaPersonId - b.viaPersonId);
}
