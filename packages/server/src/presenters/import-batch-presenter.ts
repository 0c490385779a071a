import type { DeadLetter } from '@epigrid/store';
import { z } from 'zod';
import type { BatchSummary } from '../use-cases/read-import-batches.js';

/** An import batch as returned over HTTP: counts, open rejected rows and the top reasons. */
export const importBatchSchema = z.object({
  id: z.number(),
  source: z.string(),
  fileName: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  accepted: z.number(),
  rejected: z.number(),
  duplicates: z.number(),
  corrected: z.number(),
  openDeadLetters: z.number(),
  topReasons: z.array(z.object({ reason: z.string(), count: z.number() })),
});

/** A rejected row as returned over HTTP: the reason and the masked preview, never the sealed raw row. */
export const deadLetterSchema = z.object({
  id: z.number(),
  rowNumber: z.number(),
  field: z.string().nullable(),
  rule: z.string(),
  reason: z.string(),
  status: z.enum(['open', 'fixed', 'rerun', 'discarded']),
  preview: z.record(z.string(), z.string()),
});

/**
 * Whitelists a batch's fields (content hash, idempotency key and stored report stay inside).
 * @param summary - the batch with its open dead letters and reasons
 */
export function presentImportBatch(summary: BatchSummary): z.infer<typeof importBatchSchema> {
  const { batch } = summary;
  return {
    id: batch.id,
    source: batch.source,
    fileName: batch.fileName,
    status: batch.status,
    startedAt: batch.startedAt,
    finishedAt: batch.finishedAt,
    accepted: batch.accepted,
    rejected: batch.rejected,
    duplicates: batch.duplicates,
    corrected: batch.corrected,
    openDeadLetters: summary.openDeadLetters,
    topReasons: summary.topReasons.map((r) => ({ reason: r.reason, count: r.count })),
  };
}

/**
 * Whitelists a dead letter's fields: `rawSealed` is never sent.
 * @param letter - the stored dead letter
 */
export function presentDeadLetter(letter: DeadLetter): z.infer<typeof deadLetterSchema> {
  return {
    id: letter.id,
    rowNumber: letter.rowNumber,
    field: letter.field,
    rule: letter.rule,
    reason: letter.reason,
    status: letter.status,
    preview: { ...letter.preview },
  };
}
