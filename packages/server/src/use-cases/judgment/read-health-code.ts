import { can, DomainError, type Actor, type CodeColour, type Purpose } from '@epigrid/core';
import { listHealthCodeChanges, personIdOfUser, personRegionPaths, readHealthCode, type HealthCodeRecord } from '@epigrid/store';
import type { Services } from '../../services.js';
import { recordAudit } from '../record-audit.js';

/** A person's code as shown to them or to staff: colour, rule, reason key, evidence, next step. */
export interface HealthCodeView {
  readonly personId: number;
  readonly colour: CodeColour;
  readonly ruleId: string;
  readonly reasonKey: string;
  readonly evidence: HealthCodeRecord['evidence'];
  readonly since: Date | null;
  readonly expiresAt: Date | null;
  readonly nextColour: CodeColour | null;
  readonly nextCondition: unknown;
  readonly manual: boolean;
  readonly history: ReadonlyArray<{ fromColour: CodeColour; toColour: CodeColour; ruleId: string; cause: string; changedAt: Date }>;
}

async function view(services: Services, personId: number): Promise<HealthCodeView> {
  const record = await readHealthCode(services.db, personId);
  const history = (await listHealthCodeChanges(services.db, personId, 20)).map((c) => ({
    fromColour: c.fromColour,
    toColour: c.toColour,
    ruleId: c.ruleId,
    cause: c.cause,
    changedAt: c.changedAt,
  }));
  if (record === null) {
    return { personId, colour: 'green', ruleId: 'none', reasonKey: 'green', evidence: [], since: null, expiresAt: null, nextColour: null, nextCondition: null, manual: false, history };
  }
  const manual = record.overrideUntil !== null && new Date(record.overrideUntil) > services.now();
  return {
    personId,
    colour: record.colour,
    ruleId: record.ruleId,
    reasonKey: record.reasonKey,
    evidence: record.evidence,
    since: record.since,
    expiresAt: manual ? record.overrideUntil : record.expiresAt,
    nextColour: record.nextColour,
    nextCondition: record.nextCondition,
    manual,
    history,
  };
}

/**
 * Staff read a person's code in their jurisdiction (audited with the declared purpose).
 * @param services - application services
 * @param actor - the acting user
 * @param purpose - declared purpose
 * @param personId - the person
 */
export async function readHealthCodeForActor(services: Services, actor: Actor, purpose: Purpose, personId: number): Promise<HealthCodeView> {
  const audit = { actor, action: 'health-code.read', purpose, subject: `person:${personId}` } as const;
  const path = (await personRegionPaths(services.db, [personId])).get(personId);
  if (path === undefined) throw new DomainError('not_found', { personId });
  if (!can(actor, 'code.read')) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'forbidden' } });
    throw new DomainError('forbidden', { ability: 'code.read' });
  }
  if (!can(actor, 'code.read', path)) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'outside_jurisdiction' } });
    throw new DomainError('outside_jurisdiction', { personId });
  }
  const result = await view(services, personId);
  await recordAudit(services, { ...audit, outcome: 'allowed' });
  return result;
}

/**
 * A member of the public reads their own code: the account must be linked to a person.
 * @param services - application services
 * @param actor - the acting user
 */
export async function readOwnHealthCode(services: Services, actor: Actor): Promise<HealthCodeView> {
  if (!can(actor, 'code.read.own')) throw new DomainError('forbidden', { ability: 'code.read.own' });
  const personId = await personIdOfUser(services.db, actor.userId);
  if (personId === null) throw new DomainError('not_found', { reason: 'this account is not linked to a person' });
  const result = await view(services, personId);
  await recordAudit(services, { actor, action: 'health-code.read', purpose: 'administration', subject: `person:${personId}`, outcome: 'allowed', details: { own: true } });
  return result;
}
