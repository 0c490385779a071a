import { DomainError, isRole, type Role } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import { hashPassword } from './password.js';

/** A user account as stored, without its password hash. */
export interface UserAccount {
  readonly id: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly regionId: number;
  readonly regionPath: string;
  readonly regionNameZh: string;
  readonly regionNameEn: string;
  readonly disabled: boolean;
}

/** Input of {@link createUser}. */
export interface NewUser {
  /** Login name: 3–64 of a-z, 0-9, dot, dash, underscore. */
  readonly username: string;
  readonly displayName: string;
  /** Clear password, at least 8 characters; only its scrypt hash is stored. */
  readonly password: string;
  readonly role: Role;
  /** The region node whose subtree is the user's jurisdiction. */
  readonly regionId: number;
}

const USER_COLUMNS = `u.id, u.username, u.display_name AS "displayName", u.role, u.region_id AS "regionId",
  u.region_path::text AS "regionPath", r.name_zh AS "regionNameZh", r.name_en AS "regionNameEn", u.disabled`;

/**
 * Creates a user account at a region node.
 * @param db - database
 * @param user - the new account
 * @returns the stored account
 */
export async function createUser(db: SqlClient, user: NewUser): Promise<UserAccount> {
  if (!/^[a-z0-9._-]{3,64}$/.test(user.username)) {
    throw new DomainError('validation_failed', { field: 'username', reason: 'use 3-64 of a-z 0-9 . _ -' });
  }
  if (user.password.length < 8) {
    throw new DomainError('validation_failed', { field: 'password', reason: 'must have at least 8 characters' });
  }
  if (!isRole(user.role)) throw new DomainError('validation_failed', { field: 'role', reason: `unknown role ${user.role}` });
  const region = await db.query<{ path: string }>('SELECT path::text AS path FROM region WHERE id = $1', [user.regionId]);
  const path = region.rows[0]?.path;
  if (path === undefined) throw new DomainError('validation_failed', { field: 'regionId', reason: 'no such region' });
  const taken = await db.query('SELECT 1 FROM app_user WHERE username = $1', [user.username]);
  if (taken.rows.length > 0) throw new DomainError('conflict', { field: 'username', value: user.username });
  const passwordHash = await hashPassword(user.password);
  const inserted = await db.query<{ id: number }>(
    `INSERT INTO app_user (username, display_name, password_hash, role, region_id, region_path)
     VALUES ($1, $2, $3, $4, $5, $6::ltree) RETURNING id`,
    [user.username, user.displayName, passwordHash, user.role, user.regionId, path],
  );
  const account = await findUserById(db, inserted.rows[0]!.id);
  return account!;
}

/**
 * Loads a user by id.
 * @param db - database
 * @param id - user id
 */
export async function findUserById(db: SqlClient, id: number): Promise<UserAccount | null> {
  const result = await db.query<UserAccount>(
    `SELECT ${USER_COLUMNS} FROM app_user u JOIN region r ON r.id = u.region_id WHERE u.id = $1`,
    [id],
  );
  return result.rows[0] ?? null;
}

/**
 * Loads a user and their password hash by login name, for authentication only.
 * @param db - database
 * @param username - login name
 */
export async function findUserCredentials(
  db: SqlClient,
  username: string,
): Promise<(UserAccount & { readonly passwordHash: string }) | null> {
  const result = await db.query<UserAccount & { passwordHash: string }>(
    `SELECT ${USER_COLUMNS}, u.password_hash AS "passwordHash"
     FROM app_user u JOIN region r ON r.id = u.region_id WHERE u.username = $1`,
    [username],
  );
  return result.rows[0] ?? null;
}
