import { can, DomainError, type Actor } from '@epigrid/core';
import { listCodeAlerts, listOverrideRequests, type CodeAlertRecord, type OverrideRequestRecord } from '@epigrid/store';
import type { Services } from '../../services.js';

/**
 * Override requests touching the actor's jurisdiction, and the alerts the safeguards raised there.
 * @param services - application services
 * @param actor - a user who may request or approve overrides
 */
export async function listCodeOverrides(services: Services, actor: Actor): Promise<{ requests: OverrideRequestRecord[]; alerts: CodeAlertRecord[] }> {
  if (!can(actor, 'code.override.request') && !can(actor, 'code.override.approve')) throw new DomainError('forbidden', { ability: 'code.override.approve' });
  return { requests: await listOverrideRequests(services.db, actor.regionPath), alerts: await listCodeAlerts(services.db, actor.regionPath) };
}
