import { can, DomainError, facilityServiceLevel, type Actor } from '@epigrid/core';
import { facilityScope, listFacilities, type FacilityRecord } from '@epigrid/store';
import type { Services } from '../services.js';

/**
 * The isolation facilities serving the user's jurisdiction (for the `transferred` outcome): those
 * inside it, or — for a user below the level that runs facilities, such as a grid worker — inside
 * their county. No person is read.
 * @param services - application services
 * @param actor - the reader
 */
export async function listFacilitiesForActor(services: Services, actor: Actor): Promise<FacilityRecord[]> {
  if (!can(actor, 'facility.read')) throw new DomainError('forbidden', { ability: 'facility.read' });
  return listFacilities(services.db, await facilityScope(services.db, actor.regionPath, facilityServiceLevel));
}
