import type { CaseTrace } from '../contacts/trace-case.js';
import type { Evidence } from '../contacts/contact-types.js';
import type { LinkSetting, TracedLink } from '@epigrid/core';
export type { LinkSetting, TracedLink };

/** A case as chain and cluster analysis needs it. */
export interface ChainCase {
  readonly caseId: number;
  readonly personId: number;
  /** Onset date, or sampling date for an asymptomatic infection (YYYY-MM-DD). */
  readonly date: string;
  /** Infected outside the jurisdiction: an infector only, never an offspring (§7). */
  readonly imported: boolean;
}



function settingOf(e: Evidence): LinkSetting | null {
  switch (e.kind) {
    case 'venue':
      return { kind: 'venue', venueId: e.venueId };
    case 'household':
      return { kind: 'household', householdId: e.householdId };
    case 'vehicle':
      return { kind: 'vehicle', serviceKey: `${e.mode}|${e.serviceId}|${e.serviceDate}` };
    case 'investigator':
      return { kind: 'investigator', reference: e.reference };
    default:
      return null;
  }
}

/**
 * Case–case links from traces: case j → case i when i's person is a close contact of j. Both
 * directions can appear; chain ranking keeps only infectors dated before the infectee.
 * @param cases - the cases
 * @param traces - traces of (some of) those cases
 */
export function tracedLinksOf(cases: readonly ChainCase[], traces: readonly CaseTrace[]): TracedLink[] {
  const casesOfPerson = new Map<number, number[]>();
  for (const c of cases) casesOfPerson.set(c.personId, [...(casesOfPerson.get(c.personId) ?? []), c.caseId]);
  const links: TracedLink[] = [];
  for (const trace of traces) {
    for (const contact of trace.closeContacts) {
      for (const infectee of casesOfPerson.get(contact.personId) ?? []) {
        if (infectee === trace.caseId) continue;
        const seen = new Set<string>();
        const settings: LinkSetting[] = [];
        for (const e of contact.evidence) {
          const s = settingOf(e);
          if (s && !seen.has(JSON.stringify(s))) {
            seen.add(JSON.stringify(s));
            settings.push(s);
          }
        }
        links.push({ infectorCaseId: trace.caseId, infecteeCaseId: infectee, settings, ruleIds: contact.ruleIds });
      }
    }
  }
  return links.sort((a, b) => a.infecteeCaseId - b.infecteeCaseId || a.infectorCaseId - b.infectorCaseId);
}
