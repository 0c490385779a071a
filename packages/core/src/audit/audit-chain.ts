import canonicalize from 'canonicalize';
import type { AuditEntry, AuditEvent } from './audit-entry.js';

/** The previous-hash value of the first entry. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

/** A keyed hash function (HMAC-SHA-256 in production), injected so core stays free of I/O. */
export type ChainHasher = (text: string) => string;

/**
 * The exact text an entry's hash covers: its predecessor's hash and its canonical JSON (RFC 8785),
 * so any change to a field, to the order or to the predecessor changes the hash.
 * @param entry - the entry without its own hash
 */
export function auditHashInput(entry: Omit<AuditEntry, 'hash'>): string {
  const content = {
    seq: entry.seq,
    at: entry.at,
    actorId: entry.actorId,
    actorName: entry.actorName,
    actorRole: entry.actorRole,
    action: entry.action,
    purpose: entry.purpose,
    subject: entry.subject,
    outcome: entry.outcome,
    details: entry.details,
  };
  return `${entry.prevHash}\n${canonicalize(content)}`;
}

/**
 * Builds the next chained entry from an event.
 * @param event - what happened
 * @param previous - the current head of the chain, or null for an empty log
 * @param at - ISO time of writing
 * @param hasher - keyed hash function
 */
export function chainAuditEntry(
  event: AuditEvent,
  previous: Pick<AuditEntry, 'seq' | 'hash'> | null,
  at: string,
  hasher: ChainHasher,
): AuditEntry {
  const unsigned = { ...event, seq: (previous?.seq ?? 0) + 1, at, prevHash: previous?.hash ?? AUDIT_GENESIS_HASH };
  return { ...unsigned, hash: hasher(auditHashInput(unsigned)) };
}

/** One break found by {@link verifyAuditChain}. */
export interface AuditBreak {
  /** Sequence number of the entry where the chain breaks. */
  readonly seq: number;
  readonly kind: 'gap' | 'prev_hash_mismatch' | 'hash_mismatch';
  readonly reason: string;
}

/** Result of verifying a chain. */
export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly headSeq: number;
  readonly headHash: string;
  readonly breaks: readonly AuditBreak[];
}

/**
 * Incremental verifier: feed entries in stored order (by seq) so huge logs verify in constant memory.
 * @param hasher - the same keyed hash the writer used
 */
export function createAuditVerifier(hasher: ChainHasher): {
  push(entry: AuditEntry): void;
  result(): AuditVerification;
} {
  const breaks: AuditBreak[] = [];
  let expectedSeq = 1;
  let prevHash = AUDIT_GENESIS_HASH;
  let checked = 0;
  return {
    push(entry: AuditEntry): void {
      checked++;
      if (entry.seq !== expectedSeq) {
        const reason =
          entry.seq > expectedSeq
            ? `entry ${expectedSeq}${entry.seq - 1 > expectedSeq ? `–${entry.seq - 1}` : ''} missing before it`
            : `out of order: expected entry ${expectedSeq}`;
        breaks.push({ seq: entry.seq, kind: 'gap', reason });
      }
      if (entry.prevHash !== prevHash) {
        breaks.push({ seq: entry.seq, kind: 'prev_hash_mismatch', reason: 'does not link to the entry before it' });
      }
      const { hash, ...unsigned } = entry;
      if (hasher(auditHashInput(unsigned)) !== hash) {
        breaks.push({ seq: entry.seq, kind: 'hash_mismatch', reason: 'content differs from what was written' });
      }
      expectedSeq = entry.seq + 1;
      prevHash = hash;
    },
    result(): AuditVerification {
      return { ok: breaks.length === 0, checked, headSeq: expectedSeq - 1, headHash: prevHash, breaks };
    },
  };
}

/**
 * Verifies a whole chain held in memory.
 * @param entries - entries in stored order
 * @param hasher - the same keyed hash the writer used
 */
export function verifyAuditChain(entries: Iterable<AuditEntry>, hasher: ChainHasher): AuditVerification {
  const verifier = createAuditVerifier(hasher);
  for (const entry of entries) verifier.push(entry);
  return verifier.result();
}
