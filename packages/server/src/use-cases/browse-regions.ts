import { can, DomainError, type Actor } from '@epigrid/core';
import { getRegion, listChildRegions, type RegionNode } from '@epigrid/store';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

async function requireRegion(services: Services, actor: Actor, regionId: number): Promise<RegionNode> {
  if (!can(actor, 'region.read')) throw new DomainError('forbidden', { ability: 'region.read' });
  const found = await getRegion(services.db, actor.regionPath, regionId);
  if (found.kind === 'outside') {
    await recordAudit(services, {
      actor,
      action: 'region.read',
      purpose: 'administration',
      subject: `region:${regionId}`,
      outcome: 'refused',
      details: { reason: 'outside_jurisdiction' },
    });
    throw new DomainError('outside_jurisdiction', { regionId });
  }
  if (found.kind === 'missing') throw new DomainError('not_found', { regionId });
  return found.value;
}

/**
 * Reads a region node with its counts, if inside the actor's jurisdiction.
 * @param services - application services
 * @param actor - the acting user
 * @param regionId - the node
 */
export async function readRegion(services: Services, actor: Actor, regionId: number): Promise<RegionNode> {
  return requireRegion(services, actor, regionId);
}

/**
 * Lists a node's children with their counts, if the node is inside the actor's jurisdiction.
 * @param services - application services
 * @param actor - the acting user
 * @param regionId - the parent node
 */
export async function listRegionChildren(services: Services, actor: Actor, regionId: number): Promise<RegionNode[]> {
  await requireRegion(services, actor, regionId);
  return listChildRegions(services.db, actor.regionPath, regionId);
}
