import { ruleId, type ProtocolProfile } from '@epigrid/core';
import type { PresenceIndex } from '../index/presence-index.js';
import type { CloseContact, ExposureWindow } from './contact-types.js';
import { collectHouseholdExposures } from './household-exposures.js';
import { summarise } from './evidence-summary.js';
import { PersonEvidence } from './person-evidence.js';
import { planCache } from './plan-cache.js';
import { vehicleExposures } from './vehicle-exposures.js';
import { collectVenueExposures } from './venue-exposures.js';

/** A contact entered by a field investigator (criterion 9: "judged a close contact"). */
export interface InvestigatorContact {
  readonly personId: number;
  /** Epoch seconds of the exposure the investigator recorded. */
  readonly from: number;
  readonly to: number;
  /** Reference of the investigation record (kept as evidence). */
  readonly reference: string;
}

/**
 * Close contacts of a case over its exposure window: household, venue co-presence, vehicle seating
 * and investigator-entered contacts, each person once with all their evidence.
 * @param index - presence index
 * @param profile - protocol profile
 * @param caseId - the case's id (recorded on each contact)
 * @param casePerson - the case's person id
 * @param window - the case's exposure window
 * @param investigatorContacts - contacts entered by investigators
 */
export function closeContactsOf(
  index: PresenceIndex,
  profile: ProtocolProfile,
  caseId: number,
  casePerson: number,
  window: ExposureWindow,
  investigatorContacts: readonly InvestigatorContact[] = [],
): CloseContact[] {
  const rules = profile.closeContact;
  if (!rules.enabled) return [];
  // Venue first: it reports each person once, so they need no lookup; the other rules add to them.
  const found = new PersonEvidence();
  collectVenueExposures(index, casePerson, window, rules.venue, ruleId(profile, 'close/venue'), (person, evidence) => found.addNew(person, evidence));
  if (rules.household) collectHouseholdExposures(index, casePerson, window, ruleId(profile, 'close/household'), (person, evidence) => found.add(person, evidence));
  for (const [person, evidence] of vehicleExposures(index, casePerson, window, profile)) found.add(person, evidence);
  if (rules.investigator) {
    const id = ruleId(profile, 'close/investigator');
    for (const c of investigatorContacts) {
      if (c.personId !== casePerson) found.add(c.personId, [{ kind: 'investigator', ruleId: id, reference: c.reference, from: c.from, to: c.to }]);
    }
  }
  const planOf = planCache(profile.management.closeContact, profile.dayCounting, index.utcOffsetMinutes, ruleId(profile, 'management/close'));
  const contacts: CloseContact[] = [];
  found.forEachAscending((personId, evidence) => {
    const s = summarise(evidence, true);
    contacts.push({
      kind: 'close',
      personId,
      caseId,
      profileId: profile.id,
      evidence: s.evidence,
      ruleIds: s.ruleIds,
      firstExposure: s.firstExposure,
      lastExposure: s.lastExposure,
      management: planOf(s.lastExposure),
    });
  });
  return contacts;
}
