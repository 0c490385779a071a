import { can, DomainError, type Actor } from '@epigrid/core';
import type { MergeActor } from '@epigrid/store';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/**
 * The reviewer as the store's merge functions record them.
 * @param actor - the acting user
 */
export function mergeActorOf(actor: Actor): MergeActor {
  return { actorId: actor.userId, actorName: actor.username, actorRole: actor.role };
}

/**
 * Checks that an actor may decide identities (the `person.write` ability) on a record at a region
 * path; a refusal is audited and thrown.
 * @param services - application services
 * @param actor - the acting user
 * @param action - audit action
 * @param subject - audit subject
 * @param regionPath - region of the registered person concerned, or undefined for no record
 */
export async function requireIdentityDecision(services: Services, actor: Actor, action: string, subject: string, regionPath?: string): Promise<void> {
  if (!can(actor, 'person.write')) {
    await recordAudit(services, { actor, action, purpose: 'system', subject, outcome: 'refused', details: { reason: 'forbidden' } });
    throw new DomainError('forbidden', { ability: 'person.write' });
  }
  if (regionPath !== undefined && !can(actor, 'person.write', regionPath)) {
    await recordAudit(services, { actor, action, purpose: 'system', subject, outcome: 'refused', details: { reason: 'outside_jurisdiction' } });
    throw new DomainError('outside_jurisdiction', { subject });
  }
}
