import { createHmac, hkdfSync } from 'node:crypto';
import type { ChainHasher } from '@epigrid/core';

/**
 * The keyed hash of the audit chain: HMAC-SHA-256 with a key derived from the deployment secret,
 * so someone who can write to the database but does not hold the secret cannot forge a valid chain.
 * @param secret - the deployment secret (EPIGRID_SECRET)
 */
export function createAuditHasher(secret: string): ChainHasher {
  const key = Buffer.from(hkdfSync('sha256', secret, 'epigrid', 'audit-chain', 32));
  return (text: string): string => createHmac('sha256', key).update(text).digest('hex');
}
