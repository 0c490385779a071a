import { can, DomainError, type Actor, type Purpose } from '@epigrid/core';
import {
  countOpenDeadLetters,
  getImportBatch,
  listDeadLetters,
  listImportBatches,
  topRejectionReasonsOf,
  type DeadLetter,
  type DeadLetterStatus,
  type ImportBatch,
} from '@epigrid/store';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** A batch with what the import page shows beside its counts. */
export interface BatchSummary {
  readonly batch: ImportBatch;
  readonly openDeadLetters: number;
  /** The most frequent rejections: an example reason as stored and how many rows share its field and rule. */
  readonly topReasons: ReadonlyArray<{ readonly reason: string; readonly count: number }>;
}

/**
 * Refuses (and audits the refusal) unless the actor may run imports: batches and their rejected
 * rows are import work.
 * @param services - application services
 * @param actor - the acting user
 * @param action - audited action name
 * @param subject - audited subject
 * @param purpose - declared purpose, when the action reads personal data
 */
export async function requireImportRun(services: Services, actor: Actor, action: string, subject: string, purpose: Purpose | 'system' = 'system'): Promise<void> {
  if (can(actor, 'import.run')) return;
  await recordAudit(services, { actor, action, purpose, subject, outcome: 'refused', details: { reason: 'forbidden' } });
  throw new DomainError('forbidden', { ability: 'import.run' });
}

/**
 * Reads a batch or fails with `not_found`.
 * @param services - application services
 * @param batchId - batch id
 */
export async function existingBatch(services: Services, batchId: number): Promise<ImportBatch> {
  const batch = await getImportBatch(services.db, batchId);
  if (batch === null) throw new DomainError('not_found', { importBatchId: batchId });
  return batch;
}

/**
 * The most recent import batches, newest first, with their open dead letters and top reasons.
 * @param services - application services
 * @param actor - the acting user (needs `import.run`)
 * @param limit - how many batches
 */
export async function listBatchSummaries(services: Services, actor: Actor, limit: number): Promise<BatchSummary[]> {
  await requireImportRun(services, actor, 'import.batches.read', 'import-batches');
  const batches = await listImportBatches(services.db, limit);
  const ids = batches.map((b) => b.id);
  const open = await countOpenDeadLetters(services.db, ids);
  const reasons = await topRejectionReasonsOf(services.db, ids, 3);
  return batches.map((batch) => ({
    batch,
    openDeadLetters: open.get(batch.id) ?? 0,
    topReasons: (reasons.get(batch.id) ?? []).map((r) => ({ reason: r.example, count: r.count })),
  }));
}

/** Page and status of {@link listBatchDeadLetters}. */
export interface BatchDeadLetterQuery {
  readonly status?: DeadLetterStatus | undefined;
  readonly afterId: number;
  readonly limit: number;
}

/**
 * The rejected rows of one batch, in id order (previews masked as stored).
 * @param services - application services
 * @param actor - the acting user (needs `import.run`)
 * @param batchId - batch id
 * @param query - status filter and page
 */
export async function listBatchDeadLetters(services: Services, actor: Actor, batchId: number, query: BatchDeadLetterQuery): Promise<DeadLetter[]> {
  await requireImportRun(services, actor, 'deadletters.read', `import-batch:${batchId}`);
  await existingBatch(services, batchId);
  return listDeadLetters(services.db, { batchId, status: query.status, afterId: query.afterId, limit: query.limit });
}
