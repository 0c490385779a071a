import { can, DomainError, type Ability, type Actor } from '@epigrid/core';
import { personRegionPaths } from '@epigrid/store';
import type { Services } from '../../services.js';
import { recordAudit } from '../record-audit.js';

/**
 * Checks an ability and that every person lies in the actor's jurisdiction; audits and throws on refusal.
 * @param services - application services
 * @param actor - the acting user
 * @param ability - the ability needed
 * @param personIds - the persons concerned
 * @param action - audit action name
 */
export async function assertCodeAccess(services: Services, actor: Actor, ability: Ability, personIds: readonly number[], action: string): Promise<void> {
  const refuse = async (reason: string, details: Record<string, unknown> = {}): Promise<void> => {
    await recordAudit(services, { actor, action, purpose: 'administration', subject: null, outcome: 'refused', details: { reason, ...details } });
  };
  if (!can(actor, ability)) {
    await refuse('forbidden');
    throw new DomainError('forbidden', { ability });
  }
  const paths = await personRegionPaths(services.db, personIds);
  const missing = personIds.filter((id) => !paths.has(id));
  if (missing.length > 0) throw new DomainError('not_found', { personIds: missing });
  const outside = personIds.filter((id) => !can(actor, ability, paths.get(id)!));
  if (outside.length > 0) {
    await refuse('outside_jurisdiction', { personIds: outside });
    throw new DomainError('outside_jurisdiction', { personIds: outside });
  }
}
