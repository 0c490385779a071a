import { can, DomainError, type Actor, type Purpose } from '@epigrid/core';
import { signPass } from '@epigrid/pass';
import { nodeCryptoEngine } from '@epigrid/pass/node';
import { personIdOfUser } from '@epigrid/store';
import { readCurrentColour, type CurrentColour } from '../passes/current-colour.js';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** A freshly signed pass with what it says, for the pass page. */
export interface IssuedPass {
  /** The signed text (`EGP1:…`) the QR code holds. */
  readonly text: string;
  readonly personId: number;
  readonly colour: CurrentColour['colour'];
  readonly reasonCode: string;
  readonly reasonKey: string;
  readonly jurisdiction: string;
  readonly kid: string;
  readonly issuedAt: Date;
  /** The pass's end: the lifetime cap or the colour's own expiry, whichever comes first. */
  readonly expiresAt: Date;
}

const noIdentifiers = { residentId: false, phone: false } as const;

async function issueFor(services: Services, personId: number, regionPath: string): Promise<IssuedPass> {
  const colour = await readCurrentColour(services, personId);
  const jurisdiction = await services.passes.jurisdictionOf(regionPath);
  const key = await services.passes.signingKey(jurisdiction);
  const issuedAt = new Date(Math.floor(services.now().getTime() / 1000) * 1000);
  const cap = issuedAt.getTime() + services.passes.settings.passLifetimeHours * 3_600_000;
  const expiresAt = new Date(Math.min(cap, colour.expiresAt?.getTime() ?? cap));
  if (expiresAt.getTime() <= issuedAt.getTime()) throw new DomainError('colour_lapsed', { personId });
  const text = await signPass({ subject: services.passes.subjectOf(personId), colour: colour.colour, reasonCode: colour.reasonCode, issuedAt, expiresAt }, key, nodeCryptoEngine);
  return { text, personId, colour: colour.colour, reasonCode: colour.reasonCode, reasonKey: colour.reasonKey, jurisdiction: jurisdiction.code, kid: key.kidText, issuedAt, expiresAt };
}

/**
 * Issues the signed pass of the person linked to the acting login (a member of the public sees their
 * own pass only). Audited.
 * @param services - application services
 * @param actor - the acting user
 */
export async function issueOwnPass(services: Services, actor: Actor): Promise<IssuedPass> {
  const audit = { actor, action: 'pass.issue.own', purpose: 'system', subject: `user:${actor.userId}` } as const;
  if (!can(actor, 'code.read.own')) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'forbidden' } });
    throw new DomainError('forbidden', { ability: 'code.read.own' });
  }
  const personId = await personIdOfUser(services.db, actor.userId);
  if (personId === null) throw new DomainError('not_a_pass_holder', { userId: actor.userId });
  const person = await services.persons.get('', personId, noIdentifiers);
  if (person.kind !== 'found') throw new DomainError('not_a_pass_holder', { userId: actor.userId });
  const pass = await issueFor(services, personId, person.value.regionPath);
  await recordAudit(services, { ...audit, subject: `person:${personId}`, outcome: 'allowed', details: { kid: pass.kid, colour: pass.colour, expiresAt: pass.expiresAt.toISOString() } });
  return pass;
}

/**
 * Issues the signed pass of a person in the actor's jurisdiction (staff who read health codes, e.g. to
 * print a pass for someone without a phone). Audited with the declared purpose.
 * @param services - application services
 * @param actor - the acting user
 * @param purpose - declared purpose
 * @param personId - the person
 */
export async function issuePersonPass(services: Services, actor: Actor, purpose: Purpose, personId: number): Promise<IssuedPass> {
  const audit = { actor, action: 'pass.issue', purpose, subject: `person:${personId}` } as const;
  if (!can(actor, 'code.read')) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'forbidden' } });
    throw new DomainError('forbidden', { ability: 'code.read' });
  }
  const person = await services.persons.get(actor.regionPath, personId, noIdentifiers);
  if (person.kind === 'outside') {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'outside_jurisdiction' } });
    throw new DomainError('outside_jurisdiction', { personId });
  }
  if (person.kind === 'missing') throw new DomainError('not_found', { personId });
  const pass = await issueFor(services, personId, person.value.regionPath);
  await recordAudit(services, { ...audit, outcome: 'allowed', details: { kid: pass.kid, colour: pass.colour, expiresAt: pass.expiresAt.toISOString() } });
  return pass;
}
