import { can, DomainError, type Actor } from '@epigrid/core';
import { listImportedRiskLists, type ImportedRiskList } from '@epigrid/store';
import type { Services } from '../../services.js';

/**
 * The lists of current risk areas imported from other jurisdictions, with where each came from and
 * when, for the staff who import them.
 * @param services - application services
 * @param actor - a user with `risk-area.import`
 */
export async function listImportedRiskAreaLists(services: Services, actor: Actor): Promise<ImportedRiskList[]> {
  if (!can(actor, 'risk-area.import')) throw new DomainError('forbidden', { ability: 'risk-area.import' });
  return listImportedRiskLists(services.db);
}
