import { can, DomainError, type Actor } from '@epigrid/core';
import { jsonToRaw, runImport, sourceMapper, type HeaderSink, type ImportReport, type RowBatch, type SourceRecord } from '@epigrid/ingest';
import type { Services } from '../services.js';
import { recordAudit } from './record-audit.js';

/** Rows read from a streamed body as they arrive, with the header the reader saw (CSV). */
export interface StreamedRows {
  readonly batches: AsyncIterable<RowBatch>;
  readonly header?: HeaderSink;
}

/** An HTTP batch of rows for one source. */
export interface ImportRowsInput {
  readonly source: string;
  readonly idempotencyKey: string;
  /** The name of the file the rows came from, shown with the batch (default `http:` and the key). */
  readonly fileName?: string | undefined;
  /**
   * Parsed JSON values, one per row (objects; anything else is dead-lettered), or row batches read
   * from a streamed body (NDJSON, CSV) with the header the reader saw.
   */
  readonly rows: readonly unknown[] | StreamedRows;
}

async function* asRecords(rows: readonly unknown[]): AsyncGenerator<SourceRecord> {
  for (let i = 0; i < rows.length; i++) {
    const raw = jsonToRaw(rows[i]);
    yield raw === null ? { rowNumber: i + 1, raw: {}, defect: 'the row is not a JSON object' } : { rowNumber: i + 1, raw };
  }
}

/**
 * Imports a batch of rows sent over HTTP, in one transaction: the same idempotency key twice adds
 * nothing and returns the first result (a concurrent second request waits for the first). Needs
 * the `import.run` ability; audited either way.
 * @param services - application services
 * @param actor - the acting user
 * @param input - source, idempotency key, rows
 */
export async function importRows(services: Services, actor: Actor, input: ImportRowsInput): Promise<ImportReport> {
  const audit = { actor, action: 'import.run', purpose: 'system', subject: `import:${input.source}` } as const;
  if (!can(actor, 'import.run')) {
    await recordAudit(services, { ...audit, outcome: 'refused', details: { reason: 'forbidden' } });
    throw new DomainError('forbidden', { ability: 'import.run' });
  }
  sourceMapper(input.source);
  const today = services.now().toISOString().slice(0, 10);
  const streamed = Array.isArray(input.rows) ? null : (input.rows as StreamedRows);
  const report = await services.db.transaction((tx) =>
    runImport(
      { db: tx, vault: services.vault, auditHasher: services.auditHasher, today, sharedConnection: true },
      {
        source: input.source,
        fileName: input.fileName ?? `http:${input.idempotencyKey}`,
        records: streamed === null ? asRecords(input.rows as readonly unknown[]) : { batches: streamed.batches },
        header: streamed?.header,
        idempotencyKey: input.idempotencyKey,
        actorName: actor.username,
      },
    ),
  );
  await recordAudit(services, {
    ...audit,
    outcome: 'allowed',
    details: {
      batchId: report.batchId,
      rows: report.accepted + report.corrected + report.duplicates + report.rejected,
      accepted: report.accepted,
      rejected: report.rejected,
      duplicates: report.duplicates,
      alreadyImported: report.alreadyImported,
    },
  });
  return report;
}
