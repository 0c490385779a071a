import { can, DomainError, type Actor } from '@epigrid/core';
import { addPassRevocation, revokeSigningKey, rotateSigningKey, type PassRevocationKind } from '@epigrid/store';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

async function authorise(services: Services, actor: Actor, action: string, subject: string): Promise<void> {
  if (can(actor, 'pass.keys.manage')) return;
  await recordAudit(services, { actor, action, purpose: 'system', subject, outcome: 'refused', details: { reason: 'forbidden' } });
  throw new DomainError('forbidden', { ability: 'pass.keys.manage' });
}

/**
 * Rotates a jurisdiction's signing key: a new key signs from now on; the old one stays published until
 * the passes it signed have expired. Audited.
 * @param services - application services
 * @param actor - an administrator
 * @param jurisdiction - root region code; omitted = the instance's only jurisdiction
 */
export async function rotatePassKey(services: Services, actor: Actor, jurisdiction?: string): Promise<{ kid: string; retiredKid: string | null; jurisdiction: string }> {
  const target = await services.passes.publishingJurisdiction(jurisdiction);
  await authorise(services, actor, 'pass.key.rotate', `jurisdiction:${target.code}`);
  const rotated = await rotateSigningKey(services.db, services.vault, target.code, target.path, services.now());
  services.passes.invalidate();
  const result = { kid: rotated.current.kid, retiredKid: rotated.retiredKid, jurisdiction: target.code };
  await recordAudit(services, { actor, action: 'pass.key.rotate', purpose: 'system', subject: `jurisdiction:${target.code}`, outcome: 'allowed', details: result });
  return result;
}

/**
 * Revokes a signing key: every pass and place code it signed fails verification from now on. Audited.
 * @param services - application services
 * @param actor - an administrator
 * @param kid - key id (base64)
 * @param reason - why
 */
export async function revokePassKey(services: Services, actor: Actor, kid: string, reason: string): Promise<void> {
  await authorise(services, actor, 'pass.key.revoke', `kid:${kid}`);
  if (!(await revokeSigningKey(services.db, kid, reason, services.now()))) throw new DomainError('not_found', { kid, reason: 'no such unrevoked key' });
  services.passes.invalidate();
  await recordAudit(services, { actor, action: 'pass.key.revoke', purpose: 'system', subject: `kid:${kid}`, outcome: 'allowed', details: { reason } });
}

/**
 * Revokes one pass (by its id) or every pass of a person (by their pseudonymous subject). Audited.
 * @param services - application services
 * @param actor - an administrator
 * @param revocation - what to revoke, in which jurisdiction, and why
 */
export async function revokePasses(
  services: Services,
  actor: Actor,
  revocation: { kind: PassRevocationKind; value: string; reason: string; jurisdiction?: string },
): Promise<{ added: boolean }> {
  const target = await services.passes.publishingJurisdiction(revocation.jurisdiction);
  await authorise(services, actor, 'pass.revoke', `${revocation.kind}:${revocation.value}`);
  const added = await addPassRevocation(services.db, {
    jurisdiction: target.code,
    kind: revocation.kind,
    value: revocation.value,
    reason: revocation.reason,
    revokedBy: actor.username,
    revokedAt: services.now(),
  });
  services.passes.invalidate();
  await recordAudit(services, { actor, action: 'pass.revoke', purpose: 'system', subject: `${revocation.kind}:${revocation.value}`, outcome: 'allowed', details: { reason: revocation.reason, added } });
  return { added };
}
