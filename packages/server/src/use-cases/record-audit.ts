import type { Actor, AuditOutcome, Purpose } from '@epigrid/core';
import { appendAudit } from '@epigrid/store';
import type { Services } from '../services.js';

/** Input of {@link recordAudit}. */
export interface AuditInput {
  /** Who acted; null for an anonymous attempt such as a failed login. */
  readonly actor: Actor | null;
  /** Name used when there is no actor (the user name tried). */
  readonly actorName?: string;
  readonly action: string;
  readonly purpose: Purpose | 'system';
  readonly subject: string | null;
  readonly outcome: AuditOutcome;
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * Writes one audit entry for an action by a user.
 * @param services - application services
 * @param input - the event
 */
export async function recordAudit(services: Services, input: AuditInput): Promise<void> {
  await appendAudit(
    services.db,
    {
      actorId: input.actor?.userId ?? null,
      actorName: input.actor?.username ?? input.actorName ?? 'anonymous',
      actorRole: input.actor?.role ?? 'system',
      action: input.action,
      purpose: input.purpose,
      subject: input.subject,
      outcome: input.outcome,
      details: input.details ?? {},
    },
    services.auditHasher,
    services.now(),
  );
}
