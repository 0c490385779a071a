import type { MapResult, MappedRow } from '../model/source-mapper.js';
import { RowRejected } from '../model/source-record.js';

/**
 * Runs a mapper body, turning a {@link RowRejected} into a rejected result.
 * @param body - validates and builds the row, throwing RowRejected on the first problem
 */
export function mapRow(body: () => MappedRow): MapResult {
  try {
    return { ok: true, row: body() };
  } catch (error) {
    if (error instanceof RowRejected) return { ok: false, rejection: error.rejection };
    throw error;
  }
}
