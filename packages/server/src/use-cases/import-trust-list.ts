import { can, DomainError, type Actor } from '@epigrid/core';
import { listRootJurisdictions, saveTrustedIssuer } from '@epigrid/store';
import { parsePeerDocuments } from '../passes/pass-service.js';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** What an import changed. */
export interface ImportedTrustList {
  readonly jurisdiction: string;
  readonly keys: number;
  readonly revokedPasses: number;
  readonly revokedSubjects: number;
}

/**
 * Imports a peer jurisdiction's published trust documents (mutual recognition): from now on its
 * passes and place codes verify here, and its revocations apply. A later import replaces the earlier
 * one. A list claiming one of this instance's own jurisdictions is refused. Audited.
 * @param services - application services
 * @param actor - an administrator (`pass.keys.manage`)
 * @param document - the peer's `{ trustList, revocations }`
 */
export async function importTrustList(services: Services, actor: Actor, document: unknown): Promise<ImportedTrustList> {
  const audit = { actor, action: 'pass.trust.import', purpose: 'system' } as const;
  if (!can(actor, 'pass.keys.manage')) {
    await recordAudit(services, { ...audit, subject: null, outcome: 'refused', details: { reason: 'forbidden' } });
    throw new DomainError('forbidden', { ability: 'pass.keys.manage' });
  }
  const peer = parsePeerDocuments(document);
  const issuer = peer.trustList.issuer;
  if ((await listRootJurisdictions(services.db)).some((j) => j.code === issuer)) {
    throw new DomainError('validation_failed', { field: 'trustList.issuer', reason: `${issuer} is this instance's own jurisdiction` });
  }
  await saveTrustedIssuer(services.db, { jurisdiction: issuer, document: JSON.parse(JSON.stringify(peer)), importedBy: actor.username, importedAt: services.now() });
  services.passes.invalidate();
  const result = { jurisdiction: issuer, keys: peer.trustList.keys.length, revokedPasses: peer.revocations.passes.length, revokedSubjects: peer.revocations.subjects.length };
  await recordAudit(services, { ...audit, subject: `jurisdiction:${issuer}`, outcome: 'allowed', details: { ...result } });
  return result;
}
