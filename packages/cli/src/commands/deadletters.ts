import { createWriteStream } from 'node:fs';
import { exportDeadLetters, fixDeadLetterRow, rerunDeadLetters } from '@epigrid/ingest';
import { createServices, recordAudit } from '@epigrid/server';
import { listDeadLetters, type DeadLetterStatus } from '@epigrid/store';
import { openConfigured } from '../open-configured.js';
import { importEnvOf } from './import.js';

/** Filters shared by the `deadletters` subcommands. */
export interface DeadLetterOptions {
  readonly source?: string;
  readonly batch?: string;
  readonly status?: DeadLetterStatus;
  readonly limit?: string;
  readonly out?: string;
}

const filterOf = (o: DeadLetterOptions): { source?: string; batchId?: number; status?: DeadLetterStatus } => ({
  ...(o.source === undefined ? {} : { source: o.source }),
  ...(o.batch === undefined ? {} : { batchId: Number(o.batch) }),
  ...(o.status === undefined ? {} : { status: o.status }),
});

/**
 * `epigrid deadletters list`: rejected rows with their reason (identifiers masked).
 * @param options - filters
 */
export async function deadLettersList(options: DeadLetterOptions): Promise<void> {
  const opened = await openConfigured(process.env);
  try {
    const letters = await listDeadLetters(opened.db, { ...filterOf(options), limit: Number(options.limit ?? 100) });
    for (const l of letters) console.log(`#${l.id} [${l.status}] ${l.source} batch ${l.batchId}: ${l.reason}  ${JSON.stringify(l.preview)}`);
    console.log(`${letters.length} dead letter(s)`);
  } finally {
    await opened.db.close();
  }
}

/**
 * `epigrid deadletters export`: CSV with the raw rows in clear, to fix them (audited).
 * @param options - filters and output file (stdout when absent)
 */
export async function deadLettersExport(options: DeadLetterOptions): Promise<void> {
  const opened = await openConfigured(process.env);
  try {
    const out = options.out === undefined ? null : createWriteStream(options.out);
    const count = await exportDeadLetters(opened.db, importEnvOf(opened).vault, filterOf(options), (line) => {
      if (out === null) process.stdout.write(`${line}\n`);
      else out.write(`${line}\n`);
    });
    if (out !== null) await new Promise<void>((resolve) => out.end(resolve));
    await recordAudit(createServices(opened.db, opened.config, opened.secret), {
      actor: null,
      actorName: 'cli',
      action: 'deadletters.export',
      purpose: 'system',
      subject: null,
      outcome: 'allowed',
      details: { count, ...filterOf(options) },
    });
    if (out !== null) console.log(`exported ${count} dead letter(s) to ${options.out}`);
  } finally {
    await opened.db.close();
  }
}

/**
 * `epigrid deadletters fix ID field=value…`: edits a rejected row; `rerun` then validates it again.
 * @param id - dead letter id
 * @param assignments - `field=value` pairs
 */
export async function deadLettersFix(id: string, assignments: readonly string[]): Promise<void> {
  const changes: Record<string, string> = {};
  for (const a of assignments) {
    const eq = a.indexOf('=');
    if (eq < 1) throw new Error(`"${a}" is not field=value`);
    changes[a.slice(0, eq)] = a.slice(eq + 1);
  }
  const opened = await openConfigured(process.env);
  try {
    const preview = await fixDeadLetterRow(opened.db, importEnvOf(opened).vault, Number(id), changes);
    console.log(`dead letter #${id} fixed: ${JSON.stringify(preview)}`);
  } finally {
    await opened.db.close();
  }
}

/**
 * `epigrid deadletters rerun`: runs open and fixed rows through the same validation again.
 * @param options - filters
 */
export async function deadLettersRerun(options: DeadLetterOptions): Promise<void> {
  const opened = await openConfigured(process.env);
  try {
    const report = await rerunDeadLetters(importEnvOf(opened), filterOf(options));
    console.log(`loaded ${report.loaded}, duplicates ${report.duplicates}, still rejected ${report.stillRejected}`);
  } finally {
    await opened.db.close();
  }
}
