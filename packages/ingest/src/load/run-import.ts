import type { ChainHasher } from '@epigrid/core';
import {
  finishImportBatch,
  getImportBatch,
  openImportBatch,
  topRejectionReasons,
  type IdentifierVault,
  type SqlClient,
} from '@epigrid/store';
import { IdentityResolver, type ResolverOptions } from '../identity/identity-resolver.js';
import { sourceMapper } from '../map/source-catalogue.js';
import { batchesOf, type RowBatch } from '../model/row-batch.js';
import type { SourceRecord } from '../model/source-record.js';
import type { HeaderSink } from '../read/csv-reader.js';
import { reportOf, type ImportReport } from './import-report.js';
import { ChunkWriter } from './chunk-writer.js';
import type { LoadEnv } from './load-chunk.js';

/** Rows of the first chunk of a large import; each next chunk doubles until the chunk size. */
const FIRST_CHUNK_ROWS = 5000;

/** What imports run on. */
export interface ImportEnv {
  readonly db: SqlClient;
  readonly vault: IdentifierVault;
  readonly auditHasher: ChainHasher;
  /** Today (YYYY-MM-DD), for resident IDs with a birth date in the future. */
  readonly today: string;
  readonly resolver?: ResolverOptions;
  /** Rows per transaction (default 50,000 for sources loaded by COPY, else 5,000; the first chunks start at 5,000 and double). */
  readonly chunkSize?: number;
  /**
   * True when `db` is a single connection inside an outer transaction (an HTTP batch): lookups for
   * the next chunk then wait while a chunk's COPY runs.
   */
  readonly sharedConnection?: boolean;
  /**
   * Load a day that has no partition yet into a table of its own and attach it when the import ends
   * (default: true unless `sharedConnection`). The day is then visible only once complete.
   */
  readonly dayLoads?: boolean;
}

/** Progress after each committed chunk. */
export interface ImportProgress {
  readonly rows: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly duplicates: number;
}

/** One import: the source, the rows, and how the import is recognised when run again. */
export interface ImportRequest {
  readonly source: string;
  readonly fileName: string;
  /** The rows, one by one or in batches (readers' batches spare one object per row). */
  readonly records: AsyncIterable<SourceRecord> | { readonly batches: AsyncIterable<RowBatch> };
  /** SHA-256 of the file: running the same file again resumes it or returns its first result. */
  readonly contentHash?: string | undefined;
  /** A client's key (HTTP): the same key twice adds nothing and returns the first result. */
  readonly idempotencyKey?: string | undefined;
  /** Import again even when the same content was imported before (rows already stored count as duplicates). */
  readonly fresh?: boolean;
  readonly actorName: string;
  /** The header the reader saw (to report extra columns). */
  readonly header?: HeaderSink;
  readonly onProgress?: (progress: ImportProgress) => void;
}

/** Notes the fields of rows without a header (NDJSON, JSON) that the source does not define (up to 50). */
function noteExtraFields(rows: RowBatch, known: ReadonlySet<string>, extra: Set<string>): void {
  for (let i = 0; i < rows.size && extra.size < 50; i++) {
    for (const key in rows.view(i)) if (!known.has(key) && key !== '_line') extra.add(key);
  }
}

/**
 * Imports rows in chunks, each chunk in one transaction together with its dead letters and the
 * batch's progress marker: a crash loses at most the chunk in flight, and running the same file
 * again skips what was committed, so it ends with exactly the rows of one clean run.
 * @param env - database, protections, today
 * @param request - source, rows, identity of the import
 */
export async function runImport(env: ImportEnv, request: ImportRequest): Promise<ImportReport> {
  const started = Date.now();
  const mapper = sourceMapper(request.source);
  const { batch, existed } = await openImportBatch(
    env.db,
    {
      source: mapper.source,
      fileName: request.fileName,
      contentHash: request.contentHash,
      idempotencyKey: request.idempotencyKey,
      actorName: request.actorName,
    },
    request.fresh ?? false,
  );
  const seconds = (): number => (Date.now() - started) / 1000;
  if (existed && batch.status === 'done') {
    const stored = batch.report as unknown as ImportReport | null;
    return { ...(stored ?? reportOf(batch, { topReasons: [], extraColumns: [], seconds: 0, alreadyImported: true })), alreadyImported: true };
  }
  const load: LoadEnv = {
    vault: env.vault,
    auditHasher: env.auditHasher,
    resolver: new IdentityResolver(env.vault, env.resolver),
    today: env.today,
    partitions: new Set(),
  };
  const known = new Set(mapper.fields);
  const extra = new Set<string>();
  const progress = { rows: batch.rowsDone, accepted: batch.accepted, rejected: batch.rejected, duplicates: batch.duplicates };
  const writer = new ChunkWriter(
    env.db,
    load,
    mapper,
    batch.id,
    ({ lastRowNumber, counts }) => {
      progress.rows = Math.max(progress.rows, lastRowNumber);
      progress.accepted += counts.accepted;
      progress.rejected += counts.rejected;
      progress.duplicates += counts.duplicates;
      request.onProgress?.({ ...progress });
    },
    { sharedConnection: env.sharedConnection ?? false, dayLoads: env.dayLoads ?? !(env.sharedConnection ?? false) },
  );
  const chunkSize = env.chunkSize ?? writer.defaultChunkSize;
  // The first chunks are smaller, so that writing starts soon and overlaps the reading of the next.
  let limit = Math.min(chunkSize, FIRST_CHUNK_ROWS);
  const batches = 'batches' in request.records ? request.records.batches : batchesOf(request.records);
  let inChunk = 0;

  try {
    for await (const rows of batches) {
      if (rows.columns === null) noteExtraFields(rows, known, extra);
      let from = 0;
      while (from < rows.size && rows.rowNumber(from) <= batch.rowsDone) from++; // committed by an earlier run of this import
      while (from < rows.size) {
        const to = Math.min(rows.size, from + limit - inChunk);
        await writer.add(rows, from, to);
        inChunk += to - from;
        from = to;
        if (inChunk >= limit) {
          await writer.endChunk();
          inChunk = 0;
          limit = Math.min(chunkSize, 2 * limit);
        }
      }
    }
    await writer.endChunk();
    await writer.drain();
    await writer.finish();
  } catch (error) {
    await writer.drain().catch(() => undefined);
    load.resolver.reset();
    const message = error instanceof Error ? error.message : String(error);
    try {
      const current = (await getImportBatch(env.db, batch.id))!;
      const topReasons = await topRejectionReasons(env.db, batch.id);
      const failed = reportOf(current, { topReasons, extraColumns: [...extra], seconds: seconds(), alreadyImported: false, error: message });
      await finishImportBatch(env.db, batch.id, 'failed', { ...failed, status: 'failed' });
    } catch {
      // Inside an aborted outer transaction (HTTP batches) nothing can be written; the error below says why.
    }
    throw error;
  }
  for (const column of request.header?.columns ?? []) if (column !== '' && !known.has(column)) extra.add(column);
  const current = (await getImportBatch(env.db, batch.id))!;
  const report = reportOf({ ...current, status: 'done' }, {
    topReasons: await topRejectionReasons(env.db, batch.id),
    extraColumns: [...extra],
    seconds: seconds(),
    alreadyImported: false,
  });
  await finishImportBatch(env.db, batch.id, 'done', { ...report });
  return report;
}
