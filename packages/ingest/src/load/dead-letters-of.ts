import type { NewDeadLetter } from '@epigrid/store';
import { describeRejection, type Rejection, type SourceRecord } from '../model/source-record.js';
import type { LoadEnv } from './load-chunk.js';
import { previewRow, sealRow } from './seal-row.js';

/**
 * Dead letters of a chunk's rejected rows, sealed (the raw row may hold clear identifiers), in row order.
 * @param env - load environment
 * @param source - source name
 * @param batchId - import batch
 * @param rejected - rows and why
 */
export function deadLettersOf(
  env: Pick<LoadEnv, 'vault'>,
  source: string,
  batchId: number,
  rejected: ReadonlyArray<{ readonly record: SourceRecord; readonly rejection: Rejection }>,
): NewDeadLetter[] {
  return [...rejected]
    .sort((a, b) => a.record.rowNumber - b.record.rowNumber)
    .map(({ record, rejection }) => ({
      batchId,
      source,
      rowNumber: record.rowNumber,
      rawSealed: sealRow(env.vault, record.raw),
      preview: previewRow(record.raw),
      field: rejection.field,
      rule: rejection.rule,
      reason: describeRejection(record.rowNumber, rejection),
    }));
}
