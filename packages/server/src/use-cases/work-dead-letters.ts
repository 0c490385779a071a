import { DomainError, type Actor, type Purpose } from '@epigrid/core';
import { exportDeadLetters, fixDeadLetterRow, rerunDeadLetters, type RerunReport } from '@epigrid/ingest';
import { getDeadLetter, type DeadLetterStatus } from '@epigrid/store';
import type { Services } from '../services.js';
import { existingBatch, requireImportRun } from './read-import-batches.js';
import { recordAudit } from './record-audit.js';

/** A fixed dead letter as the page shows it again. */
export interface FixedDeadLetter {
  readonly id: number;
  readonly status: DeadLetterStatus;
  readonly preview: Readonly<Record<string, string>>;
}

/**
 * Edits fields of a rejected row; it then waits for a re-run. Audited with the changed field names,
 * never their values (they may be identifiers).
 * @param services - application services
 * @param actor - the acting user (needs `import.run`)
 * @param id - dead letter id
 * @param changes - field → new value
 */
export async function fixDeadLetterFields(services: Services, actor: Actor, id: number, changes: Readonly<Record<string, string>>): Promise<FixedDeadLetter> {
  const subject = `dead-letter:${id}`;
  await requireImportRun(services, actor, 'deadletters.fix', subject);
  const letter = await getDeadLetter(services.db, id);
  if (letter === null) throw new DomainError('not_found', { deadLetterId: id });
  // A row a re-run has loaded (or one given up) is no longer work; editing it would change nothing stored.
  if (letter.status !== 'open' && letter.status !== 'fixed') {
    throw new DomainError('validation_failed', { deadLetterId: id, reason: `the row is ${letter.status}, not open` });
  }
  const preview = await fixDeadLetterRow(services.db, services.vault, id, changes);
  await recordAudit(services, {
    actor,
    action: 'deadletters.fix',
    purpose: 'system',
    subject,
    outcome: 'allowed',
    details: { id, batchId: letter.batchId, fields: Object.keys(changes) },
  });
  return { id, status: 'fixed', preview };
}

/**
 * Re-runs the open and fixed rejected rows of a batch through the import's validation and writing.
 * @param services - application services
 * @param actor - the acting user (needs `import.run`)
 * @param batchId - batch id
 */
export async function rerunBatchDeadLetters(services: Services, actor: Actor, batchId: number): Promise<RerunReport> {
  const subject = `import-batch:${batchId}`;
  await requireImportRun(services, actor, 'deadletters.rerun', subject);
  await existingBatch(services, batchId);
  const today = services.now().toISOString().slice(0, 10);
  const report = await rerunDeadLetters({ db: services.db, vault: services.vault, auditHasher: services.auditHasher, today }, { batchId });
  await recordAudit(services, { actor, action: 'deadletters.rerun', purpose: 'system', subject, outcome: 'allowed', details: { batchId, ...report } });
  return report;
}

/**
 * Exports the rejected rows of a batch as CSV with the raw fields in clear, under a declared purpose.
 * The rows are collected first so that the audit entry names the exact count before anything is sent.
 * @param services - application services
 * @param actor - the acting user (needs `import.run`)
 * @param batchId - batch id
 * @param purpose - declared purpose, written to the audit log
 * @param status - only rows of this status (default: all)
 * @returns the CSV text
 */
export async function exportBatchDeadLetters(
  services: Services,
  actor: Actor,
  batchId: number,
  purpose: Purpose,
  status?: DeadLetterStatus,
): Promise<{ csv: string; count: number }> {
  const subject = `import-batch:${batchId}`;
  await requireImportRun(services, actor, 'deadletters.export', subject, purpose);
  await existingBatch(services, batchId);
  const lines: string[] = [];
  const count = await exportDeadLetters(services.db, services.vault, { batchId, status }, (line) => lines.push(line));
  await recordAudit(services, { actor, action: 'deadletters.export', purpose, subject, outcome: 'allowed', details: { batchId, count, purpose } });
  return { csv: lines.length === 0 ? '' : `${lines.join('\r\n')}\r\n`, count };
}
