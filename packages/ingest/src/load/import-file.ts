import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { readFileBatches } from '../read/read-records.js';
import type { HeaderSink } from '../read/csv-reader.js';
import type { ImportReport } from './import-report.js';
import { runImport, type ImportEnv, type ImportProgress } from './run-import.js';

/**
 * SHA-256 of a file, streamed.
 * @param path - file path
 */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Options of {@link importFile}. */
export interface ImportFileOptions {
  readonly actorName: string;
  readonly fresh?: boolean;
  readonly onProgress?: (progress: ImportProgress) => void;
}

/**
 * Imports one file (CSV, NDJSON or XLSX by extension; UTF-8 or GB18030 detected), recognised by its
 * content hash: running it again resumes an interrupted import or returns the first result.
 * @param env - import environment
 * @param source - source name
 * @param path - file path
 * @param options - actor, fresh, progress callback
 */
export async function importFile(env: ImportEnv, source: string, path: string, options: ImportFileOptions): Promise<ImportReport> {
  const header: HeaderSink = { columns: [] };
  return runImport(env, {
    source,
    fileName: basename(path),
    records: { batches: readFileBatches(path, header) },
    contentHash: await hashFile(path),
    fresh: options.fresh ?? false,
    actorName: options.actorName,
    header,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
}
