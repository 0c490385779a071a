import { can, DomainError, type Actor, type Purpose } from '@epigrid/core';
import { classifyPersonQuery, getRegion, type PersonPage } from '@epigrid/store';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** Input of {@link searchPersons}. */
export interface SearchPersonsInput {
  /** Name, full ID number, last 4 ID characters, or phone. */
  readonly q?: string | undefined;
  /** Optional region node to search under; must be inside the actor's jurisdiction. */
  readonly regionId?: number | undefined;
  readonly limit: number;
  readonly offset: number;
}

/**
 * Searches the person registry within the actor's jurisdiction; the search is audited with its
 * purpose (the kind of query is logged, never the identifier searched for).
 * @param services - application services
 * @param actor - the acting user
 * @param purpose - declared purpose
 * @param input - search text, region and paging
 */
export async function searchPersons(services: Services, actor: Actor, purpose: Purpose, input: SearchPersonsInput): Promise<PersonPage> {
  const queryKind = classifyPersonQuery(input.q, services.vault).kind;
  const audit = { actor, action: 'person.search', purpose, subject: null } as const;
  if (!can(actor, 'person.search')) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'forbidden', queryKind } });
    throw new DomainError('forbidden', { ability: 'person.search' });
  }
  if (input.regionId !== undefined) {
    const region = await getRegion(services.db, actor.regionPath, input.regionId);
    if (region.kind !== 'found') {
      await recordAudit(services, {
        ...audit,
        outcome: 'refused',
        details: { reason: region.kind === 'outside' ? 'outside_jurisdiction' : 'not_found', regionId: input.regionId },
      });
      throw region.kind === 'outside'
        ? new DomainError('outside_jurisdiction', { regionId: input.regionId })
        : new DomainError('not_found', { regionId: input.regionId });
    }
  }
  const page = await services.persons.search(actor.regionPath, input);
  await recordAudit(services, {
    ...audit,
    outcome: 'allowed',
    details: { queryKind, regionId: input.regionId ?? null, returned: page.items.length, total: page.total },
  });
  return page;
}
