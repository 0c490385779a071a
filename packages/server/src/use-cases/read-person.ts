import { can, DomainError, identifierVisibility, type Actor, type Purpose } from '@epigrid/core';
import type { PersonWithHousehold } from '@epigrid/store';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/**
 * Reads one person's record for a declared purpose. Refusals (role, jurisdiction) are audited as
 * such; a permitted read is audited with which identifiers were disclosed in clear.
 * @param services - application services
 * @param actor - the acting user
 * @param purpose - declared purpose
 * @param personId - the person
 */
export async function readPerson(services: Services, actor: Actor, purpose: Purpose, personId: number): Promise<PersonWithHousehold> {
  const audit = { actor, action: 'person.read', purpose, subject: `person:${personId}` } as const;
  if (!can(actor, 'person.read')) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'forbidden' } });
    throw new DomainError('forbidden', { ability: 'person.read' });
  }
  const visibility = identifierVisibility(actor.role, purpose);
  const found = await services.persons.get(actor.regionPath, personId, visibility);
  if (found.kind === 'outside') {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'outside_jurisdiction' } });
    throw new DomainError('outside_jurisdiction', { personId });
  }
  if (found.kind === 'missing') throw new DomainError('not_found', { personId });
  await recordAudit(services, { ...audit, outcome: 'allowed', details: { clearIdentifiers: visibility } });
  return found.value;
}
