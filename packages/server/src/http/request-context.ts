import { DomainError, isPurpose, type Actor, type Purpose } from '@epigrid/core';
import type { UserAccount } from '@epigrid/store';
import type { FastifyRequest } from 'fastify';
import type { Services } from '../services.js';
import { resolveActor } from '../use-cases/resolve-actor.js';

/**
 * Reads the bearer token of a request.
 * @param request - the request
 */
export function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
}

/**
 * Authenticates a request: the first step of every protected route.
 * @param services - application services
 * @param request - the request
 */
export async function authenticate(services: Services, request: FastifyRequest): Promise<{ actor: Actor; user: UserAccount }> {
  return resolveActor(services, bearerToken(request));
}

/**
 * Reads the declared purpose (header `X-Purpose`), required to read personal data.
 * @param request - the request
 */
export function declaredPurpose(request: FastifyRequest): Purpose {
  const value = request.headers['x-purpose'];
  const purpose = Array.isArray(value) ? value[0] : value;
  if (purpose === undefined || purpose === '') throw new DomainError('purpose_required');
  if (!isPurpose(purpose)) throw new DomainError('validation_failed', { field: 'X-Purpose', reason: `unknown purpose ${purpose}` });
  return purpose;
}
