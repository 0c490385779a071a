import { ruleId, type ProtocolProfile } from '@epigrid/core';
import type { PresenceIndex } from '../index/presence-index.js';
import type { CloseContact, SubCloseContact } from './contact-types.js';
import { collectHouseholdExposures } from './household-exposures.js';
import { summarise } from './evidence-summary.js';
import { PersonEvidence } from './person-evidence.js';
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
  for (const close of closeContacts) {
    const window = { from: close.firstExposure, to: controlledAt.get(close.personId) ?? asOf };
    // Venue first: it reports each person once, so they need no lookup; household members add to them.
    const found = new PersonEvidence();
    collectVenueExposures(index, close.personId, window, rules.venue, venueRule, (person, evidence) => {
      if (!excluded.has(person)) found.addNew(person, evidence);
    });
    if (rules.household) {
      collectHouseholdExposures(index, close.personId, window, householdRule, (person, evidence) => {
        if (!excluded.has(person)) found.add(person, evidence);
      });
    }
    found.forEachAscending((personId, evidence) => {
      const s = summarise(evidence, true);
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
    });
  }
  return byPersonThenVia(out, isAscending(closeContacts));
}

function isAscending(closeContacts: readonly CloseContact[]): boolean {
  for (let k = 1; k < closeContacts.length; k++) if (closeContacts[k]!.personId <= closeContacts[k - 1]!.personId) return false;
  return true;
}

let packScratch = new Float64Array(1024);

/**
 * Sorts sub-close links by person, then linking close contact. Links were made close contact by
 * close contact, so when those came in ascending order the position breaks ties the same way: the
 * order is then one native sort of packed (person, position) numbers instead of thousands of
 * comparator calls.
 * @param out - the links, in the order made
 * @param viaAscending - they were made close contact by close contact in ascending id order
 */
function byPersonThenVia(out: SubCloseContact[], viaAscending: boolean): SubCloseContact[] {
  const n = out.length;
  const scale = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  let packable = viaAscending;
  for (let k = 0; packable && k < n; k++) {
    const person = out[k]!.personId;
    packable = Number.isInteger(person) && person >= 0 && person * scale < 2 ** 53;
  }
  if (!packable) return out.sort((a, b) => a.personId - b.personId || a.viaPersonId - b.viaPersonId);
  if (packScratch.length < n) packScratch = new Float64Array(Math.max(n, packScratch.length * 2));
  for (let k = 0; k < n; k++) packScratch[k] = out[k]!.personId * scale + k;
  const packed = packScratch.subarray(0, n).sort();
  const sorted: SubCloseContact[] = [];
  for (let k = 0; k < n; k++) sorted.push(out[packed[k]! % scale]!);
  return sorted;
}
