/** The import-batch and dead-letter calls of the API (users with `import.run`). */
import { apiRequest } from './api-client.js';

/** A recent import batch with its counts and the most frequent rejection reasons. */
export interface ImportBatchView {
  readonly id: number;
  readonly source: string;
  readonly fileName: string;
  readonly status: 'running' | 'done' | 'failed';
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly accepted: number;
  readonly rejected: number;
  readonly duplicates: number;
  readonly corrected: number;
  readonly openDeadLetters: number;
  readonly topReasons: ReadonlyArray<{ readonly reason: string; readonly count: number }>;
}

/** Where a rejected row stands. */
export type DeadLetterStatus = 'open' | 'fixed' | 'rerun' | 'discarded';

/** A rejected row: the reason in words and a preview of the row with identifiers masked. */
export interface DeadLetterView {
  readonly id: number;
  readonly rowNumber: number;
  readonly field: string | null;
  readonly rule: string;
  readonly reason: string;
  readonly status: DeadLetterStatus;
  readonly preview: Readonly<Record<string, string>>;
}

/** What a re-run of a batch's rejected rows did. */
export interface RerunResult {
  readonly loaded: number;
  readonly duplicates: number;
  readonly stillRejected: number;
}

/** The most recent import batches, newest first. */
export async function fetchImportBatches(): Promise<readonly ImportBatchView[]> {
  return (await apiRequest<{ batches: readonly ImportBatchView[] }>('/api/import-batches?limit=20')).batches;
}

/**
 * The rejected rows of a batch that still wait for work (open or fixed).
 * @param batchId - batch id
 */
export async function fetchBatchDeadLetters(batchId: number): Promise<readonly DeadLetterView[]> {
  const path = `/api/import-batches/${encodeURIComponent(String(batchId))}/dead-letters?limit=200`;
  const letters = (await apiRequest<{ deadLetters: readonly DeadLetterView[] }>(path)).deadLetters;
  return letters.filter((l) => l.status === 'open' || l.status === 'fixed');
}

/**
 * Saves edited fields of a rejected row; it then waits for a re-run.
 * @param id - dead letter id
 * @param changes - field → new value
 */
export function fixDeadLetter(id: number, changes: Readonly<Record<string, string>>): Promise<Pick<DeadLetterView, 'id' | 'status' | 'preview'>> {
  return apiRequest(`/api/dead-letters/${encodeURIComponent(String(id))}/fix`, { method: 'POST', body: { changes } });
}

/**
 * Re-runs the open and fixed rejected rows of a batch.
 * @param batchId - batch id
 */
export function rerunBatch(batchId: number): Promise<RerunResult> {
  return apiRequest(`/api/import-batches/${encodeURIComponent(String(batchId))}/rerun`, { method: 'POST' });
}

/** What an import did (`POST /api/import/:source`); `alreadyImported` when the same key came before. */
export interface ImportReportView {
  readonly batchId: number;
  readonly source: string;
  readonly status: string;
  readonly alreadyImported: boolean;
  readonly accepted: number;
  readonly corrected: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly topReasons: ReadonlyArray<{ readonly field: string | null; readonly rule: string; readonly count: number; readonly example: string }>;
  readonly extraColumns: readonly string[];
}

/** A file to import: its name and bytes, the type it is sent as and its idempotency key. */
export interface ImportUpload {
  readonly source: string;
  readonly file: Blob;
  /** Shown with the batch. */
  readonly fileName: string;
  readonly contentType: string;
  readonly idempotencyKey: string;
}

/**
 * Sends a file's rows to the import of one source; the server reads them as they arrive.
 * @param upload - source, file and its name, content type, idempotency key
 */
export function uploadImport(upload: ImportUpload): Promise<ImportReportView> {
  return apiRequest(`/api/import/${encodeURIComponent(upload.source)}`, {
    method: 'POST',
    raw: { data: upload.file, contentType: upload.contentType },
    headers: { 'Idempotency-Key': upload.idempotencyKey, 'X-File-Name': encodeURIComponent(upload.fileName) },
  });
}
