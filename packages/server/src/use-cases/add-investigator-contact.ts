import { can, DomainError, type Actor } from '@epigrid/core';
import { addInvestigatorContact, getCase } from '@epigrid/store';
import type { CaseTrace } from '@epigrid/trace';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';
import { traceStoredCase } from './trace-case.js';

/** A contact named by a field investigator after an interview (domain rules §1.1 item 9). */
export interface InvestigatorContactRequest {
  readonly personId: number;
  /** Reference of the investigation record, e.g. the interview note id. */
  readonly reference: string;
  readonly from: Date;
  readonly to: Date;
  readonly note: string | null;
}

/** The outcome: whether the contact was new, and the case's fresh trace. */
export interface InvestigatorContactResult {
  readonly added: boolean;
  readonly trace: CaseTrace;
}

/** Identifiers are not needed to check where the contact lives. */
const noIdentifiers = { residentId: false, phone: false } as const;

/**
 * A field investigator (a role that may write) enters a close contact of a case in their jurisdiction;
 * the contact person must live in the jurisdiction too. The entry is idempotent on (case, person,
 * reference), audited with the contact-tracing purpose, and the case is traced again at once.
 * @param services - application services
 * @param actor - the acting user
 * @param caseId - case report row id
 * @param request - the contact
 */
export async function addInvestigatorContactForActor(
  services: Services,
  actor: Actor,
  caseId: number,
  request: InvestigatorContactRequest,
): Promise<InvestigatorContactResult> {
  const audit = { actor, action: 'case.contact.add', purpose: 'contact_tracing', subject: `case:${caseId}` } as const;
  const target = { personId: request.personId, reference: request.reference };
  if (!can(actor, 'person.write')) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'forbidden', ...target } });
    throw new DomainError('forbidden', { ability: 'person.write' });
  }
  const found = await getCase(services.db, actor.regionPath, caseId);
  if (found.kind === 'outside') {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'outside_jurisdiction', ...target } });
    throw new DomainError('outside_jurisdiction', { caseId });
  }
  if (found.kind === 'missing') throw new DomainError('not_found', { caseId });
  const person = await services.persons.get(actor.regionPath, request.personId, noIdentifiers);
  if (person.kind === 'outside') {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'outside_jurisdiction', ...target } });
    throw new DomainError('outside_jurisdiction', { personId: request.personId });
  }
  if (person.kind === 'missing') throw new DomainError('not_found', { personId: request.personId });
  if (request.personId === found.value.personId) throw new DomainError('validation_failed', { personId: 'the case itself' });
  if (!(request.from.getTime() <= request.to.getTime())) throw new DomainError('validation_failed', { to: 'the exposure ends before it starts' });
  const stored = await addInvestigatorContact(services.db, {
    caseReportId: caseId,
    personId: request.personId,
    reference: request.reference,
    exposureFrom: request.from,
    exposureTo: request.to,
    note: request.note,
    enteredBy: actor.username,
    enteredAt: services.now(),
  });
  await recordAudit(services, { ...audit, outcome: 'allowed', details: { ...target, added: stored.added, contactId: stored.id } });
  const trace = await traceStoredCase(services, found.value);
  return { added: stored.added, trace };
}
