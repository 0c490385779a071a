import { DomainError } from '@epigrid/core';
import {
  fixDeadLetter,
  getDeadLetter,
  listDeadLetters,
  settleDeadLetter,
  type DeadLetter,
  type DeadLetterStatus,
  type IdentifierVault,
  type SqlClient,
} from '@epigrid/store';
import { IdentityResolver } from '../identity/identity-resolver.js';
import { sourceMapper } from '../map/source-catalogue.js';
import { describeRejection } from '../model/source-record.js';
import { loadChunk } from './load-chunk.js';
import type { ImportEnv } from './run-import.js';
import { previewRow, sealRow, unsealRow } from './seal-row.js';

/** Which dead letters to work on. */
export interface DeadLetterFilter {
  readonly source?: string | undefined;
  readonly batchId?: number | undefined;
  readonly status?: DeadLetterStatus | undefined;
}

/**
 * Edits fields of a dead letter's raw row (empty value = clear the field); the row is then `fixed`
 * and waits for a re-run, which validates it like any row.
 * @param db - database
 * @param vault - identifier vault
 * @param id - dead letter id
 * @param changes - field → new value
 */
export async function fixDeadLetterRow(db: SqlClient, vault: IdentifierVault, id: number, changes: Readonly<Record<string, string>>): Promise<Record<string, string>> {
  const letter = await getDeadLetter(db, id);
  if (letter === null) throw new DomainError('not_found', { deadLetterId: id });
  const raw = { ...unsealRow(vault, letter.rawSealed), ...changes };
  await fixDeadLetter(db, id, sealRow(vault, raw), previewRow(raw));
  return previewRow(raw);
}

/** The outcome of a re-run. */
export interface RerunReport {
  readonly loaded: number;
  readonly duplicates: number;
  readonly stillRejected: number;
}

/**
 * Re-runs open and fixed dead letters through the same validation, linking and writing as an import.
 * A row that passes is marked `rerun`; one that fails again keeps its status with the new reason.
 * @param env - import environment
 * @param filter - source and/or batch
 */
export async function rerunDeadLetters(env: ImportEnv, filter: DeadLetterFilter = {}): Promise<RerunReport> {
  const resolver = new IdentityResolver(env.vault, env.resolver);
  const load = { vault: env.vault, auditHasher: env.auditHasher, resolver, today: env.today, partitions: new Set<string>() };
  let loaded = 0;
  let duplicates = 0;
  let stillRejected = 0;
  for (const status of ['fixed', 'open'] as const) {
    let afterId = 0;
    for (;;) {
      const page = await listDeadLetters(env.db, { ...filter, status, afterId, limit: env.chunkSize ?? 5000 });
      if (page.length === 0) break;
      afterId = page[page.length - 1]!.id;
      const groups = new Map<string, DeadLetter[]>();
      for (const letter of page) {
        const key = `${letter.source}\u0000${letter.batchId}`;
        groups.set(key, [...(groups.get(key) ?? []), letter]);
      }
      for (const letters of groups.values()) {
        const mapper = sourceMapper(letters[0]!.source);
        await env.db.transaction(async (tx) => {
          const records = letters.map((l) => ({ rowNumber: l.rowNumber, raw: unsealRow(env.vault, l.rawSealed) }));
          const outcome = await loadChunk(tx, load, mapper, letters[0]!.batchId, records);
          const failed = new Map(outcome.rejected.map((r) => [r.record, r.rejection]));
          for (let i = 0; i < letters.length; i++) {
            const rejection = failed.get(records[i]!);
            if (rejection === undefined) {
              await settleDeadLetter(tx, letters[i]!.id, { status: 'rerun' });
            } else {
              await settleDeadLetter(tx, letters[i]!.id, {
                status: letters[i]!.status,
                field: rejection.field,
                rule: rejection.rule,
                reason: describeRejection(letters[i]!.rowNumber, rejection),
              });
            }
          }
          loaded += outcome.inserted + outcome.corrected;
          duplicates += outcome.duplicates;
          stillRejected += outcome.rejected.length;
        });
      }
    }
  }
  return { loaded, duplicates, stillRejected };
}

function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * Exports dead letters as CSV: id, batch, source, row, status, reason, then the raw fields (in clear,
 * so that they can be corrected; the export is the caller's to protect and to audit).
 * @param db - database
 * @param vault - identifier vault
 * @param filter - which letters
 * @param write - receives the CSV text, line by line
 */
export async function exportDeadLetters(db: SqlClient, vault: IdentifierVault, filter: DeadLetterFilter, write: (line: string) => void): Promise<number> {
  let afterId = 0;
  let count = 0;
  let fields: string[] | null = null;
  for (;;) {
    const page = await listDeadLetters(db, { ...filter, afterId, limit: 1000 });
    if (page.length === 0) break;
    afterId = page[page.length - 1]!.id;
    for (const letter of page) {
      const raw = unsealRow(vault, letter.rawSealed);
      if (fields === null) {
        fields = Object.keys(raw);
        write(['dead_letter_id', 'batch_id', 'source', 'row', 'status', 'reason', ...fields].map(csvCell).join(','));
      }
      const extra = Object.keys(raw).filter((k) => !fields!.includes(k));
      fields.push(...extra);
      const cells = [String(letter.id), String(letter.batchId), letter.source, String(letter.rowNumber), letter.status, letter.reason, ...fields.map((f) => raw[f] ?? '')];
      write(cells.map(csvCell).join(','));
      count++;
    }
  }
  return count;
}
