import { createHash, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import type { SqlClient } from '../db/sql-client.js';
import type { IdentifierVault } from '../protect/identifier-vault.js';

/** The public half of a jurisdiction's pass signing key, as trust lists publish it. */
export interface PassPublicKey {
  /** Key id: base64 of the first 8 bytes of SHA-256 of the SubjectPublicKeyInfo (as the EU DCC does). */
  readonly kid: string;
  /** Issuing jurisdiction code (the region code of the instance's root region). */
  readonly jurisdiction: string;
  readonly publicJwk: JsonWebKey;
  readonly notBefore: Date;
  /** When a newer key replaced it; it signs nothing after this. */
  readonly retiredAt: Date | null;
  /** When it was revoked; every pass it signed is invalid from then on. */
  readonly revokedAt: Date | null;
}

/** A signing key with its private half unsealed, for the issuer only. */
export interface PassSigningKey extends PassPublicKey {
  readonly privateJwk: JsonWebKey;
}

interface KeyRow {
  kid: string;
  jurisdiction: string;
  publicJwk: JsonWebKey;
  sealed: string;
  notBefore: Date | string;
  retiredAt: Date | string | null;
  revokedAt: Date | string | null;
}

const KEY_COLUMNS = `kid, jurisdiction, public_jwk AS "publicJwk", private_jwk_sealed AS sealed, not_before AS "notBefore",
  retired_at AS "retiredAt", revoked_at AS "revokedAt"`;

const asDate = (value: Date | string): Date => (value instanceof Date ? value : new Date(value));
const asDateOrNull = (value: Date | string | null): Date | null => (value === null ? null : asDate(value));

function publicOf(row: KeyRow): PassPublicKey {
  return {
    kid: row.kid,
    jurisdiction: row.jurisdiction,
    publicJwk: row.publicJwk,
    notBefore: asDate(row.notBefore),
    retiredAt: asDateOrNull(row.retiredAt),
    revokedAt: asDateOrNull(row.revokedAt),
  };
}

/**
 * Generates an ES256 (ECDSA P-256) key pair and its key id.
 * @returns the key id and both halves as JWK
 */
export function generatePassKeyPair(): { kid: string; publicJwk: JsonWebKey; privateJwk: JsonWebKey } {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  const kid = createHash('sha256').update(spki).digest().subarray(0, 8).toString('base64');
  return { kid, publicJwk: publicKey.export({ format: 'jwk' }), privateJwk: privateKey.export({ format: 'jwk' }) };
}

async function insertKey(db: SqlClient, vault: IdentifierVault, jurisdiction: string, regionPath: string, at: Date): Promise<void> {
  const pair = generatePassKeyPair();
  // Passes carry whole seconds (CWT iat): a key valid from a fraction of a second later would refuse them.
  const notBefore = new Date(Math.floor(at.getTime() / 1000) * 1000);
  await db.query(
    `INSERT INTO pass_signing_key (kid, jurisdiction, region_path, public_jwk, private_jwk_sealed, not_before)
     VALUES ($1, $2, $3::ltree, $4::jsonb, $5, $6) ON CONFLICT DO NOTHING`,
    [pair.kid, jurisdiction, regionPath, JSON.stringify(pair.publicJwk), vault.encrypt(JSON.stringify(pair.privateJwk)), notBefore.toISOString()],
  );
}

async function readCurrent(db: SqlClient, vault: IdentifierVault, jurisdiction: string): Promise<PassSigningKey | null> {
  const result = await db.query<KeyRow>(
    `SELECT ${KEY_COLUMNS} FROM pass_signing_key WHERE jurisdiction = $1 AND retired_at IS NULL AND revoked_at IS NULL`,
    [jurisdiction],
  );
  const row = result.rows[0];
  return row === undefined ? null : { ...publicOf(row), privateJwk: JSON.parse(vault.decrypt(row.sealed)) as JsonWebKey };
}

/**
 * The key a jurisdiction signs with now, created on first use. Concurrent first uses agree on one key
 * (a unique index allows one current key per jurisdiction).
 * @param db - database
 * @param vault - seals and unseals the private half
 * @param jurisdiction - issuing jurisdiction code
 * @param regionPath - ltree path of that jurisdiction's region
 * @param at - now
 */
export async function currentSigningKey(db: SqlClient, vault: IdentifierVault, jurisdiction: string, regionPath: string, at: Date): Promise<PassSigningKey> {
  const existing = await readCurrent(db, vault, jurisdiction);
  if (existing !== null) return existing;
  await insertKey(db, vault, jurisdiction, regionPath, at);
  const created = await readCurrent(db, vault, jurisdiction);
  if (created === null) throw new Error(`no signing key for ${jurisdiction} after creating one`);
  return created;
}

/**
 * Rotates a jurisdiction's key: the current key is retired (it stays published so the passes it signed
 * verify until they expire) and a new key signs from now on.
 * @param db - database
 * @param vault - seals the new private half
 * @param jurisdiction - issuing jurisdiction code
 * @param regionPath - ltree path of that jurisdiction's region
 * @param at - now
 * @returns the new key's public half and the retired key id (null when there was none)
 */
export async function rotateSigningKey(
  db: SqlClient,
  vault: IdentifierVault,
  jurisdiction: string,
  regionPath: string,
  at: Date,
): Promise<{ current: PassPublicKey; retiredKid: string | null }> {
  return db.transaction(async (tx) => {
    const retired = await tx.query<{ kid: string }>(
      `UPDATE pass_signing_key SET retired_at = $2 WHERE jurisdiction = $1 AND retired_at IS NULL AND revoked_at IS NULL RETURNING kid`,
      [jurisdiction, at.toISOString()],
    );
    await insertKey(tx, vault, jurisdiction, regionPath, at);
    const current = await readCurrent(tx, vault, jurisdiction);
    return { current: current!, retiredKid: retired.rows[0]?.kid ?? null };
  });
}

/**
 * Revokes a key: every pass it signed fails verification from now on, here and (once they fetch the
 * trust list again) at every peer. A revoked current key is replaced on the next signature.
 * @param db - database
 * @param kid - key id
 * @param reason - why (kept with the key)
 * @param at - now
 * @returns false when no such unrevoked key exists
 */
export async function revokeSigningKey(db: SqlClient, kid: string, reason: string, at: Date): Promise<boolean> {
  const result = await db.query(
    'UPDATE pass_signing_key SET revoked_at = $2, revoked_reason = $3 WHERE kid = $1 AND revoked_at IS NULL',
    [kid, at.toISOString(), reason],
  );
  return result.rowCount > 0;
}

/**
 * The public halves of a jurisdiction's keys, oldest first, including retired and revoked ones (a
 * verifier must learn of a revocation).
 * @param db - database
 * @param jurisdiction - issuing jurisdiction code
 */
export async function listPassPublicKeys(db: SqlClient, jurisdiction: string): Promise<PassPublicKey[]> {
  const result = await db.query<KeyRow>(`SELECT ${KEY_COLUMNS} FROM pass_signing_key WHERE jurisdiction = $1 ORDER BY not_before, kid`, [jurisdiction]);
  return result.rows.map(publicOf);
}
