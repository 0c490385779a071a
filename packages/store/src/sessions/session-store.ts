import { createHash, randomBytes } from 'node:crypto';
import type { SqlClient } from '../db/sql-client.js';

/** A newly issued bearer token (shown once to the client; only its hash is stored). */
export interface IssuedSession {
  readonly token: string;
  readonly expiresAt: Date;
}

function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/**
 * Issues a session token for a user.
 * @param db - database
 * @param userId - the authenticated user
 * @param ttlMinutes - lifetime
 * @param now - current time
 */
export async function issueSession(db: SqlClient, userId: number, ttlMinutes: number, now = new Date()): Promise<IssuedSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlMinutes * 60_000);
  await db.query('INSERT INTO session (token_hash, user_id, expires_at) VALUES ($1, $2, $3)', [tokenHash(token), userId, expiresAt]);
  return { token, expiresAt };
}

/** What a token resolves to. */
export type SessionLookup = { readonly kind: 'valid'; readonly userId: number } | { readonly kind: 'expired' } | { readonly kind: 'unknown' };

/**
 * Resolves a bearer token.
 * @param db - database
 * @param token - the token presented
 * @param now - current time
 */
export async function resolveSession(db: SqlClient, token: string, now = new Date()): Promise<SessionLookup> {
  const result = await db.query<{ user_id: number; expires_at: Date }>(
    'SELECT s.user_id, s.expires_at FROM session s JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = $1 AND NOT u.disabled',
    [tokenHash(token)],
  );
  const row = result.rows[0];
  if (row === undefined) return { kind: 'unknown' };
  if (new Date(row.expires_at).getTime() <= now.getTime()) return { kind: 'expired' };
  return { kind: 'valid', userId: row.user_id };
}

/**
 * Ends a session (logout).
 * @param db - database
 * @param token - the token to revoke
 */
export async function revokeSession(db: SqlClient, token: string): Promise<void> {
  await db.query('DELETE FROM session WHERE token_hash = $1', [tokenHash(token)]);
}

/**
 * Deletes expired sessions.
 * @param db - database
 * @param now - current time
 */
export async function purgeExpiredSessions(db: SqlClient, now = new Date()): Promise<number> {
  const result = await db.query('DELETE FROM session WHERE expires_at <= $1', [now]);
  return result.rowCount;
}
