import { DomainError } from '@epigrid/core';
import { createAuditHasher, createIdentifierVault } from '@epigrid/store';
import { formatReport, importFile, sourceMapper, type ImportEnv, type ImportProgress } from '@epigrid/ingest';
import { createServices, recordAudit } from '@epigrid/server';
import cliProgress from 'cli-progress';
import { openConfigured, type Opened } from '../open-configured.js';

/** Options of `epigrid import`. */
export interface ImportOptions {
  /** Import again even if the same file was imported before. */
  readonly again?: boolean;
  /** Rows per transaction, as typed. */
  readonly chunkRows?: string;
}

/**
 * The import environment of a command: database, vault, audit hasher, today.
 * @param opened - configured database
 */
export function importEnvOf(opened: Opened): ImportEnv {
  return {
    db: opened.db,
    vault: createIdentifierVault(opened.secret),
    auditHasher: createAuditHasher(opened.secret),
    today: new Date().toISOString().slice(0, 10),
  };
}

function progressReporter(file: string): { update: (p: ImportProgress) => void; stop: () => void } {
  const started = Date.now();
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar({
      format: `${file} | {rows} rows | {speed} rows/s | accepted {accepted} rejected {rejected} duplicates {duplicates} | {duration_formatted}`,
      hideCursor: true,
    });
    bar.start(0, 0, { rows: 0, speed: 0, accepted: 0, rejected: 0, duplicates: 0 });
    return {
      update: (p) => bar.update(p.rows, { ...p, speed: Math.round(p.rows / Math.max(0.001, (Date.now() - started) / 1000)) }),
      stop: () => bar.stop(),
    };
  }
  let last = 0;
  return {
    update: (p) => {
      if (Date.now() - last < 5000) return;
      last = Date.now();
      const rate = Math.round(p.rows / Math.max(0.001, (Date.now() - started) / 1000));
      console.log(`${file}: ${p.rows} rows (${rate} rows/s), accepted ${p.accepted}, rejected ${p.rejected}, duplicates ${p.duplicates}`);
    },
    stop: () => undefined,
  };
}

/**
 * `epigrid import SOURCE FILE…`: imports files one after the other, printing progress (a bar with
 * rows/s on a terminal, a line every 5 s otherwise) and each file's report. Audited.
 * @param source - source name
 * @param files - file paths
 * @param options - command options
 */
export async function importCommand(source: string, files: readonly string[], options: ImportOptions = {}): Promise<void> {
  sourceMapper(source);
  const opened = await openConfigured(process.env);
  try {
    const chunkSize = options.chunkRows === undefined ? undefined : Number(options.chunkRows);
    if (chunkSize !== undefined && !(Number.isInteger(chunkSize) && chunkSize > 0)) {
      throw new DomainError('validation_failed', { field: '--chunk-rows', reason: 'a positive whole number of rows' });
    }
    const env = { ...importEnvOf(opened), ...(chunkSize === undefined ? {} : { chunkSize }) };
    const services = createServices(opened.db, opened.config, opened.secret);
    for (const file of files) {
      const progress = progressReporter(file);
      let report;
      try {
        report = await importFile(env, source, file, { actorName: 'cli', fresh: options.again ?? false, onProgress: progress.update });
      } finally {
        progress.stop();
      }
      console.log(formatReport(report));
      await recordAudit(services, {
        actor: null,
        actorName: 'cli',
        action: 'import.run',
        purpose: 'system',
        subject: `import:${source}`,
        outcome: 'allowed',
        details: { batchId: report.batchId, file: report.fileName, accepted: report.accepted, rejected: report.rejected, duplicates: report.duplicates },
      });
    }
  } finally {
    await opened.db.close();
  }
}
