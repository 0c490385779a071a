import type { IdentityClaim } from '../model/identity-claim.js';

/** Something that hashes identifiers (the store's IdentifierVault). */
export interface IdentifierHasher {
  hash(value: string): string;
}

/** A claim with its identifiers hashed, as stored next to a record. */
export interface HashedClaim {
  readonly claim: IdentityClaim;
  readonly idHash: string | null;
  readonly phoneHash: string | null;
  readonly passportHash: string | null;
}

/**
 * Hashes the identifiers of a claim with the vault's keyed hash.
 * @param hasher - identifier vault
 * @param claim - validated claim
 */
export function hashClaim(hasher: IdentifierHasher, claim: IdentityClaim): HashedClaim {
  return {
    claim,
    idHash: claim.residentId === null ? null : hasher.hash(claim.residentId),
    phoneHash: claim.phone === null ? null : hasher.hash(claim.phone),
    passportHash: claim.passport === null ? null : hasher.hash(`passport:${claim.passport}`),
  };
}

/**
 * The strongest key of a claim, used to create one provisional person per unknown someone.
 * @param hashed - hashed claim
 */
export function strongestKey(hashed: HashedClaim): string {
  if (hashed.idHash !== null) return `i:${hashed.idHash}`;
  if (hashed.passportHash !== null) return `x:${hashed.passportHash}`;
  if (hashed.phoneHash !== null) return `p:${hashed.phoneHash}`;
  return `n:${hashed.claim.name ?? ''}|${hashed.claim.birthDate ?? ''}`;
}
