import { can, DomainError, type Actor, type Purpose } from '@epigrid/core';
import { getCase, listCaseContacts, listCases, type CaseRecord, type TracedContactRecord } from '@epigrid/store';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** A case with its traced contacts and their evidence. */
export interface CaseWithContacts {
  readonly case: CaseRecord;
  readonly contacts: readonly TracedContactRecord[];
}

/**
 * Reads a case and its traced contacts (contacts outside the reader's jurisdiction come without
 * personal data); audited as a read of the case's person.
 * @param services - application services
 * @param actor - the acting user
 * @param purpose - declared purpose
 * @param caseId - case report row id
 */
export async function readCase(services: Services, actor: Actor, purpose: Purpose, caseId: number): Promise<CaseWithContacts> {
  const audit = { actor, action: 'case.read', purpose, subject: `case:${caseId}` } as const;
  if (!can(actor, 'person.read')) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'forbidden' } });
    throw new DomainError('forbidden', { ability: 'person.read' });
  }
  const found = await getCase(services.db, actor.regionPath, caseId);
  if (found.kind === 'outside') {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'outside_jurisdiction' } });
    throw new DomainError('outside_jurisdiction', { caseId });
  }
  if (found.kind === 'missing') throw new DomainError('not_found', { caseId });
  const contacts = await listCaseContacts(services.db, actor.regionPath, caseId);
  await recordAudit(services, { ...audit, outcome: 'allowed', details: { contacts: contacts.length } });
  return { case: found.value, contacts };
}

/**
 * Lists the cases in the actor's jurisdiction, newest report first.
 * @param services - application services
 * @param actor - the acting user
 * @param purpose - declared purpose
 * @param page - paging
 */
export async function listCasesForActor(
  services: Services,
  actor: Actor,
  purpose: Purpose,
  page: { limit: number; offset: number },
): Promise<CaseRecord[]> {
  if (!can(actor, 'person.search')) throw new DomainError('forbidden', { ability: 'person.search' });
  const cases = await listCases(services.db, actor.regionPath, page.limit, page.offset);
  await recordAudit(services, { actor, action: 'case.list', purpose, subject: null, outcome: 'allowed', details: { returned: cases.length } });
  return cases;
}
