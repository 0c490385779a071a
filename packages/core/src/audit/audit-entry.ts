import type { Purpose } from '../access/purposes.js';
import type { Role } from '../access/roles.js';

/** Whether the audited action was carried out or refused. */
export type AuditOutcome = 'allowed' | 'refused';

/** What the caller tells the audit log: who did what, to which subject, for which purpose. */
export interface AuditEvent {
  readonly actorId: number | null;
  readonly actorName: string;
  readonly actorRole: Role | 'system';
  /** Dotted action name, e.g. `person.read`, `person.search`, `user.create`. */
  readonly action: string;
  readonly purpose: Purpose | 'system';
  /** The record concerned, e.g. `person:42`; null for actions on no single record. */
  readonly subject: string | null;
  readonly outcome: AuditOutcome;
  /** Structured, non-identifying context (filters, counts, reasons). */
  readonly details: Readonly<Record<string, unknown>>;
}

/** An entry as stored: the event, its place in the chain, time, and hashes. */
export interface AuditEntry extends AuditEvent {
  /** 1-based position in the chain, without gaps. */
  readonly seq: number;
  /** ISO-8601 time of writing. */
  readonly at: string;
  /** Hash of the previous entry (the genesis value for seq 1). */
  readonly prevHash: string;
  /** Keyed hash over prevHash and this entry's content. */
  readonly hash: string;
}
