import type { ImportBatch, ReasonCount } from '@epigrid/store';

/** What an import did, shown to the user and stored with the batch. */
export interface ImportReport {
  readonly batchId: number;
  readonly source: string;
  readonly fileName: string;
  readonly status: 'done' | 'failed' | 'running';
  /** True when the same content (or idempotency key) was imported before: nothing was added. */
  readonly alreadyImported: boolean;
  readonly accepted: number;
  readonly corrected: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly topReasons: readonly ReasonCount[];
  /** Columns the source does not define (ignored). */
  readonly extraColumns: readonly string[];
  readonly seconds: number;
  readonly error?: string | undefined;
}

/**
 * Builds the report of a batch from its stored counts.
 * @param batch - the batch
 * @param extra - reasons, extra columns, duration and error
 */
export function reportOf(
  batch: ImportBatch,
  extra: { topReasons: readonly ReasonCount[]; extraColumns: readonly string[]; seconds: number; alreadyImported: boolean; error?: string },
): ImportReport {
  return {
    batchId: batch.id,
    source: batch.source,
    fileName: batch.fileName,
    status: batch.status,
    alreadyImported: extra.alreadyImported,
    accepted: batch.accepted,
    corrected: batch.corrected,
    duplicates: batch.duplicates,
    rejected: batch.rejected,
    topReasons: extra.topReasons,
    extraColumns: extra.extraColumns,
    seconds: extra.seconds,
    ...(extra.error === undefined ? {} : { error: extra.error }),
  };
}

/**
 * Formats a report for a terminal or a log, one fact per line.
 * @param report - the report
 */
export function formatReport(report: ImportReport): string {
  const lines = [
    `${report.source} ${report.fileName}: ${report.status}${report.alreadyImported ? ' (already imported: nothing added)' : ''}`,
    `  accepted ${report.accepted}, corrected ${report.corrected}, duplicates ${report.duplicates}, rejected ${report.rejected} in ${report.seconds.toFixed(1)} s`,
  ];
  if (report.extraColumns.length > 0) lines.push(`  ignored columns: ${report.extraColumns.join(', ')}`);
  for (const reason of report.topReasons) lines.push(`  ${String(reason.count).padStart(8)} × ${reason.field ?? '(row)'} ${reason.rule}: e.g. ${reason.example}`);
  if (report.error !== undefined) lines.push(`  stopped: ${report.error}`);
  return lines.join('\n');
}
