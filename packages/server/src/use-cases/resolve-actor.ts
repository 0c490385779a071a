import { DomainError, type Actor } from '@epigrid/core';
import { findUserById, resolveSession, type UserAccount } from '@epigrid/store';
import type { Services } from '../services.js';

/**
 * Turns a bearer token into the acting user.
 * @param services - application services
 * @param token - bearer token, or undefined when none was sent
 * @throws DomainError unauthenticated | session_expired
 */
export async function resolveActor(services: Services, token: string | undefined): Promise<{ actor: Actor; user: UserAccount }> {
  if (!token) throw new DomainError('unauthenticated');
  const session = await resolveSession(services.db, token, services.now());
  if (session.kind === 'expired') throw new DomainError('session_expired');
  if (session.kind === 'unknown') throw new DomainError('unauthenticated');
  const user = await findUserById(services.db, session.userId);
  if (user === null || user.disabled) throw new DomainError('unauthenticated');
  return {
    user,
    actor: { userId: user.id, username: user.username, role: user.role, regionId: user.regionId, regionPath: user.regionPath },
  };
}
