import { DomainError } from '@epigrid/core';
import { findUserCredentials, issueSession, verifyPassword, type UserAccount } from '@epigrid/store';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** Input of {@link logIn}. */
export interface LogInInput {
  readonly username: string;
  readonly password: string;
}

/** A successful login. */
export interface LogInResult {
  readonly token: string;
  readonly expiresAt: Date;
  readonly user: UserAccount;
}

/**
 * Checks credentials and issues a session token. Failures are audited and answer the same way
 * whether the user exists or not.
 * @param services - application services
 * @param input - user name and password
 */
export async function logIn(services: Services, input: LogInInput): Promise<LogInResult> {
  const found = await findUserCredentials(services.db, input.username);
  const valid = found !== null && !found.disabled && (await verifyPassword(input.password, found.passwordHash));
  if (!valid || found === null) {
    await recordAudit(services, {
      actor: null,
      actorName: input.username.slice(0, 64),
      action: 'auth.login',
      purpose: 'system',
      subject: null,
      outcome: 'refused',
      details: { reason: 'invalid_credentials' },
    });
    throw new DomainError('invalid_credentials');
  }
  const { passwordHash: _hash, ...user } = found;
  const session = await issueSession(services.db, user.id, services.config.auth.sessionTtlMinutes, services.now());
  await recordAudit(services, {
    actor: { userId: user.id, username: user.username, role: user.role, regionId: user.regionId, regionPath: user.regionPath },
    action: 'auth.login',
    purpose: 'system',
    subject: `user:${user.id}`,
    outcome: 'allowed',
  });
  return { token: session.token, expiresAt: session.expiresAt, user };
}
