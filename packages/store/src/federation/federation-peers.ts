import type { SqlClient } from '../db/sql-client.js';

/** Another EpiGrid instance this one exchanges referrals with. */
export interface PeerRecord {
  readonly peerId: string;
  readonly baseUrl: string;
  /** The peer's public signing key (EC P-256 JWK). */
  readonly publicJwk: Readonly<Record<string, string>>;
  /** Node of this instance's tree standing for the peer's territory, or null (the peer only sends). */
  readonly regionPath: string | null;
}

/** This instance's stored signing key: the public JWK and the sealed private key. */
export interface StoredInstanceKey {
  readonly keyId: string;
  readonly publicJwk: Readonly<Record<string, string>>;
  readonly privateSealed: string;
}

const PEER_COLUMNS = `peer_id AS "peerId", base_url AS "baseUrl", public_jwk AS "publicJwk", region_path::text AS "regionPath"`;

/**
 * Adds a peer or replaces its URL, key and territory.
 * @param db - database
 * @param peer - the peer
 */
export async function savePeer(db: SqlClient, peer: PeerRecord): Promise<void> {
  await db.query(
    `INSERT INTO federation_peer (peer_id, base_url, public_jwk, region_path) VALUES ($1, $2, $3, $4::ltree)
     ON CONFLICT (peer_id) DO UPDATE SET base_url = EXCLUDED.base_url, public_jwk = EXCLUDED.public_jwk, region_path = EXCLUDED.region_path`,
    [peer.peerId, peer.baseUrl, JSON.stringify(peer.publicJwk), peer.regionPath],
  );
}

/**
 * Reads one peer.
 * @param db - database
 * @param peerId - its id
 */
export async function getPeer(db: SqlClient, peerId: string): Promise<PeerRecord | null> {
  const result = await db.query<PeerRecord>(`SELECT ${PEER_COLUMNS} FROM federation_peer WHERE peer_id = $1`, [peerId]);
  return result.rows[0] ?? null;
}

/**
 * Lists the peers.
 * @param db - database
 */
export async function listPeers(db: SqlClient): Promise<PeerRecord[]> {
  return (await db.query<PeerRecord>(`SELECT ${PEER_COLUMNS} FROM federation_peer ORDER BY peer_id`)).rows;
}

/**
 * Reads this instance's signing key, if one was stored.
 * @param db - database
 */
export async function readInstanceKey(db: SqlClient): Promise<StoredInstanceKey | null> {
  const result = await db.query<StoredInstanceKey>(
    `SELECT key_id AS "keyId", public_jwk AS "publicJwk", private_sealed AS "privateSealed" FROM federation_key WHERE id = 1`,
  );
  return result.rows[0] ?? null;
}

/**
 * Stores this instance's signing key unless one exists; returns the one that is stored (two
 * processes starting together agree on the first).
 * @param db - database
 * @param key - the new key
 * @param now - creation time
 */
export async function storeInstanceKeyOnce(db: SqlClient, key: StoredInstanceKey, now: Date): Promise<StoredInstanceKey> {
  await db.query(
    `INSERT INTO federation_key (id, key_id, public_jwk, private_sealed, created_at) VALUES (1, $1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
    [key.keyId, JSON.stringify(key.publicJwk), key.privateSealed, now],
  );
  return (await readInstanceKey(db))!;
}
