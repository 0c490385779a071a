import { DomainError } from '../errors/index.js';
import type { ProtocolProfile } from './protocol-profile.js';
import { protocolProfileSchema } from './protocol-profile-schema.js';

/** One reason a profile was refused: the dotted field path and what is wrong there. */
export interface ProfileIssue {
  /** Dotted path into the profile, e.g. `closeContact.venue.threshold.minutes`; `` for the root. */
  readonly path: string;
  readonly reason: string;
}

/** Result of {@link checkProfile}: the profile, or every issue found. */
export type ProfileCheck =
  | { readonly kind: 'valid'; readonly profile: ProtocolProfile }
  | { readonly kind: 'invalid'; readonly issues: readonly ProfileIssue[] };

/**
 * Validates an operator-supplied profile without throwing.
 * @param input - parsed JSON (an object) or JSON text
 */
export function checkProfile(input: unknown): ProfileCheck {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      return { kind: 'invalid', issues: [{ path: '', reason: `not JSON: ${(error as Error).message}` }] };
    }
  }
  const result = protocolProfileSchema.safeParse(value);
  if (result.success) return { kind: 'valid', profile: deepFreeze(result.data) };
  const issues = result.error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    reason: issue.message,
  }));
  return { kind: 'invalid', issues };
}

/**
 * Validates an operator-supplied profile.
 * @param input - parsed JSON (an object) or JSON text
 * @returns the frozen profile
 * @throws DomainError `validation_failed` with `details.issues` (path + reason) and a message listing them
 */
export function parseProfile(input: unknown): ProtocolProfile {
  const check = checkProfile(input);
  if (check.kind === 'valid') return check.profile;
  const summary = check.issues.map((i) => `${i.path || '(root)'}: ${i.reason}`).join('; ');
  throw new DomainError('validation_failed', { issues: check.issues }, `Protocol profile is not valid: ${summary}`);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
