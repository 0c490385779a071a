import { can, DomainError, type Actor, type Purpose } from '@epigrid/core';
import { listChainCases, listCloseContactsOfCases } from '@epigrid/store';
import {
  clustersOf,
  rankInfectors,
  tracedLinksOf,
  type CaseTrace,
  type ChainAnalysis,
  type CloseContact,
  type Cluster,
  type TracedLink,
} from '@epigrid/trace';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** Transmission chains and clusters in a jurisdiction. */
export interface ChainReport {
  readonly cases: ReadonlyArray<{ caseId: number; personId: number; personName: string; date: string; imported: boolean }>;
  readonly links: readonly TracedLink[];
  readonly analysis: ChainAnalysis;
  readonly clusters: readonly Cluster[];
}

/**
 * Builds transmission chains from the stored traces: case → case links where a case's person was a
 * traced close contact of another case, candidate infectors ranked by Wallinga–Teunis likelihood with
 * the profile's serial interval, and clusters as connected components.
 * @param services - application services
 * @param actor - the acting user
 * @param purpose - declared purpose (the report names the cases' persons)
 */
export async function analyseChains(services: Services, actor: Actor, purpose: Purpose): Promise<ChainReport> {
  if (!can(actor, 'person.search')) throw new DomainError('forbidden', { ability: 'person.search' });
  const cases = await listChainCases(services.db, actor.regionPath);
  await recordAudit(services, { actor, action: 'chains.read', purpose, subject: null, outcome: 'allowed', details: { cases: cases.length } });
  const contacts = await listCloseContactsOfCases(services.db, actor.regionPath);
  const byCase = new Map<number, CloseContact[]>();
  for (const c of contacts) {
    const list = byCase.get(c.caseReportId) ?? [];
    list.push({
      kind: 'close',
      personId: c.personId,
      caseId: c.caseReportId,
      profileId: services.profile.id,
      ruleIds: c.ruleIds,
      evidence: c.evidence as CloseContact['evidence'],
      firstExposure: Math.floor(new Date(c.firstExposure).getTime() / 1000),
      lastExposure: Math.floor(new Date(c.lastExposure).getTime() / 1000),
      management: null as unknown as CloseContact['management'],
    });
    byCase.set(c.caseReportId, list);
  }
  const traces: CaseTrace[] = cases.map((c) => ({
    caseId: c.caseId,
    personId: c.personId,
    profileId: services.profile.id,
    window: { from: 0, to: 0, ruleId: '' },
    closeContacts: byCase.get(c.caseId) ?? [],
    subCloseContacts: [],
    companions: [],
  }));
  const chainCases = cases.map(({ caseId, personId, date, imported }) => ({ caseId, personId, date, imported }));
  const links = tracedLinksOf(chainCases, traces);
  const today = services.now().toISOString().slice(0, 10);
  return {
    cases,
    links,
    analysis: rankInfectors(chainCases, links, services.profile.serialInterval),
    clusters: clustersOf(chainCases, links, today),
  };
}
