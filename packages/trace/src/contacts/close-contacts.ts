import { ruleId, type ProtocolProfile } from '@epigrid/core';
import type { PresenceIndex } from '../index/presence-index.js';
import type { CloseContact, Evidence, ExposureWindow } from './contact-types.js';
import { collectHouseholdExposures } from './household-exposures.js';
import { mergeInto, personsAscending, summarise, takeInto, type EvidenceByPerson } from './merge-evidence.js';
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
  const found: EvidenceByPerson = new Map();
  if (rules.household) collectHouseholdExposures(index, casePerson, window, ruleId(profile, 'close/household'), (person, evidence) => takeInto(found, person, evidence));
  collectVenueExposures(index, casePerson, window, rules.venue, ruleId(profile, 'close/venue'), (person, evidence) => takeInto(found, person, evidence));
  mergeInto(found, vehicleExposures(index, casePerson, window, profile));
  if (rules.investigator) {
    const id = ruleId(profile, 'close/investigator');
    const entered = new Map<number, Evidence[]>();
    for (const c of investigatorContacts) {
      if (c.personId === casePerson) continue;
      const list = entered.get(c.personId) ?? [];
      list.push({ kind: 'investigator', ruleId: id, reference: c.reference, from: c.from, to: c.to });
      entered.set(c.personId, list);
    }
    mergeInto(found, entered);
  }
  const planOf = planCache(profile.management.closeContact, profile.dayCounting, index.utcOffsetMinutes, ruleId(profile, 'management/close'));
  const persons = personsAscending(found);
  const contacts: CloseContact[] = [];
  for (const personId of persons) {
    const s = summarise(found.get(personId)!);
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
  }
  return contacts;
}
