import { can, DomainError, type Actor } from '@epigrid/core';
import { getCase, replaceCaseTrace, type CaseRecord, type TracedContactInput } from '@epigrid/store';
import { listInvestigatorContacts } from '@epigrid/store';
import { traceCase as runTrace, type CaseTrace, type TracedPerson } from '@epigrid/trace';
import type { InvestigatorContact } from '@epigrid/trace';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

const toDate = (seconds: number): Date => new Date(seconds * 1000);
const toSeconds = (time: Date | string): number => Math.floor(new Date(time).getTime() / 1000);

function toStored(person: TracedPerson): TracedContactInput {
  return {
    personId: person.personId,
    kind: person.kind,
    viaPersonId: person.kind === 'sub-close' ? person.viaPersonId : null,
    ruleIds: person.ruleIds,
    evidence: person.evidence,
    firstExposure: toDate(person.firstExposure),
    lastExposure: toDate(person.lastExposure),
    management: person.kind === 'companion' ? person.followUp : person.management,
  };
}

/**
 * Traces one stored case with the active protocol profile and stores the result, replacing the
 * previous trace of that case (idempotent). Used by the tracing job and by an epidemiologist's request.
 * @param services - application services
 * @param record - the case as stored
 */
export async function traceStoredCase(services: Services, record: CaseRecord): Promise<CaseTrace> {
  const index = await services.trace.current();
  const now = services.now();
  const entered = await listInvestigatorContacts(services.db, record.id);
  const investigatorContacts = entered.map(
    (c): InvestigatorContact => ({ personId: c.personId, from: toSeconds(c.exposureFrom), to: toSeconds(c.exposureTo), reference: c.reference }),
  );
  const trace = runTrace(index, services.profile, {
    case: {
      caseId: record.id,
      personId: record.personId,
      onsetDate: record.classification === 'asymptomatic' ? null : record.onsetDate,
      samplingDate: record.samplingDate,
      isolatedAt: record.isolatedTime === null ? null : Math.floor(new Date(record.isolatedTime).getTime() / 1000),
    },
    asOf: Math.floor(now.getTime() / 1000),
    investigatorContacts,
  });
  await replaceCaseTrace(services.db, {
    caseReportId: record.id,
    caseVersion: record.version,
    profileId: trace.profileId,
    windowFrom: toDate(trace.window.from),
    windowTo: toDate(trace.window.to),
    windowRuleId: trace.window.ruleId,
    tracedAt: now,
    contacts: [...trace.closeContacts, ...trace.subCloseContacts, ...trace.companions].map(toStored),
  });
  return trace;
}

/**
 * An epidemiologist asks to (re-)trace a case in their jurisdiction; audited with the contact-tracing purpose.
 * @param services - application services
 * @param actor - the acting user
 * @param caseId - case report row id
 */
export async function traceCaseForActor(services: Services, actor: Actor, caseId: number): Promise<CaseTrace> {
  const audit = { actor, action: 'case.trace', purpose: 'contact_tracing', subject: `case:${caseId}` } as const;
  if (!can(actor, 'person.write')) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'forbidden' } });
    throw new DomainError('forbidden', { ability: 'person.write' });
  }
  const found = await getCase(services.db, actor.regionPath, caseId);
  if (found.kind === 'outside') {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'outside_jurisdiction' } });
    throw new DomainError('outside_jurisdiction', { caseId });
  }
  if (found.kind === 'missing') throw new DomainError('not_found', { caseId });
  const trace = await traceStoredCase(services, found.value);
  await recordAudit(services, {
    ...audit,
    outcome: 'allowed',
    details: {
      profileId: trace.profileId,
      close: trace.closeContacts.length,
      subClose: trace.subCloseContacts.length,
      companions: trace.companions.length,
    },
  });
  return trace;
}
