import { DomainError, type Actor } from '@epigrid/core';
import { getMergeParties, mergePersons as mergeStored, personPlaces, undoMerge, type MergeResult } from '@epigrid/store';
import type { Services } from '../services.js';
import { mergeActorOf, requireIdentityDecision } from './identity-review-access.js';

/**
 * Merges one person into another (every linked record moves; reversible). The survivor must be in
 * the actor's jurisdiction, and so must the merged person unless it is provisional (provisional
 * persons wait outside every jurisdiction). Needs `person.write`; audited as `person.merge`.
 * @param services - application services
 * @param actor - the acting user
 * @param fromId - the person merged away
 * @param intoId - the survivor
 */
export async function mergePersons(services: Services, actor: Actor, fromId: number, intoId: number): Promise<MergeResult> {
  const places = await personPlaces(services.db, [fromId, intoId]);
  const from = places.get(fromId);
  const into = places.get(intoId);
  if (from === undefined || into === undefined) throw new DomainError('not_found', { personId: from === undefined ? fromId : intoId });
  await requireIdentityDecision(services, actor, 'person.merge', `person:${intoId}`, into.regionPath);
  if (!from.provisional) await requireIdentityDecision(services, actor, 'person.merge', `person:${fromId}`, from.regionPath);
  return mergeStored(services.db, fromId, intoId, mergeActorOf(actor), services.auditHasher);
}

/**
 * Undoes a merge exactly. Needs `person.write` over the survivor's region; audited as
 * `person.merge.undo`.
 * @param services - application services
 * @param actor - the acting user
 * @param mergeId - the merge
 */
export async function undoPersonMerge(services: Services, actor: Actor, mergeId: number): Promise<void> {
  const parties = await getMergeParties(services.db, mergeId);
  if (parties === null) throw new DomainError('not_found', { mergeId });
  await requireIdentityDecision(services, actor, 'person.merge.undo', `person:${parties.intoId}`, parties.intoPath);
  await undoMerge(services.db, mergeId, mergeActorOf(actor), services.auditHasher);
}
