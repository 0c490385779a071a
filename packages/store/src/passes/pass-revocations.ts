import type { SqlClient } from '../db/sql-client.js';

/** What a revocation names: one pass by its id, or every pass of one pseudonymous subject. */
export type PassRevocationKind = 'pass' | 'subject';

/** A stored revocation. */
export interface PassRevocation {
  readonly jurisdiction: string;
  readonly kind: PassRevocationKind;
  readonly value: string;
  readonly reason: string;
  readonly revokedBy: string;
  readonly revokedAt: Date;
}

/**
 * Revokes a pass or a subject; revoking the same thing twice keeps the first entry.
 * @param db - database
 * @param revocation - what, why, by whom, when
 * @returns false when it was already revoked
 */
export async function addPassRevocation(db: SqlClient, revocation: PassRevocation): Promise<boolean> {
  const result = await db.query(
    `INSERT INTO pass_revocation (jurisdiction, kind, value, reason, revoked_by, revoked_at)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (kind, value) DO NOTHING`,
    [revocation.jurisdiction, revocation.kind, revocation.value, revocation.reason, revocation.revokedBy, revocation.revokedAt.toISOString()],
  );
  return result.rowCount > 0;
}

/**
 * The revocations of a jurisdiction, oldest first.
 * @param db - database
 * @param jurisdiction - issuing jurisdiction code
 */
export async function listPassRevocations(db: SqlClient, jurisdiction: string): Promise<PassRevocation[]> {
  const result = await db.query<{ jurisdiction: string; kind: PassRevocationKind; value: string; reason: string; revokedBy: string; revokedAt: Date | string }>(
    `SELECT jurisdiction, kind, value, reason, revoked_by AS "revokedBy", revoked_at AS "revokedAt"
     FROM pass_revocation WHERE jurisdiction = $1 ORDER BY revoked_at, id`,
    [jurisdiction],
  );
  return result.rows.map((r) => ({ ...r, revokedAt: new Date(r.revokedAt) }));
}
