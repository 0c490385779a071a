import { DomainError } from '@epigrid/core';
import { readCsv } from '@epigrid/ingest';

/** The columns of the published CSV (`GET /api/risk-areas.csv`), in order. */
export const riskAreaCsvColumns = ['region_code', 'name_zh', 'name_en', 'region_level', 'level', 'rule_id', 'since', 'drops_at', 'infections'] as const;

async function* once(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

/**
 * Reads a published risk-area CSV into the shape of the published JSON (no publisher, no levels:
 * every row is a risk area), for the same validation. A cell that is not a whole number in
 * `infections` is kept as text, so the validation names it.
 * @param text - the CSV (UTF-8)
 * @throws DomainError validation_failed when a column is missing; unreadable_file when the CSV is malformed
 */
export async function riskAreaListFromCsv(text: string): Promise<Record<string, unknown>> {
  const header = { columns: [] as readonly string[] };
  const areas: Array<Record<string, unknown>> = [];
  for await (const record of readCsv(once(new TextEncoder().encode(text)), header)) {
    if (record.defect !== undefined) throw new DomainError('validation_failed', { field: `row ${record.rowNumber}`, reason: record.defect }, `row ${record.rowNumber}: ${record.defect}`);
    const r = record.raw;
    const infections = (r.infections ?? '').trim();
    areas.push({
      regionCode: r.region_code ?? '',
      nameZh: r.name_zh ?? '',
      nameEn: r.name_en ?? '',
      regionLevel: r.region_level ?? '',
      level: r.level ?? '',
      ruleId: r.rule_id ?? '',
      since: r.since ?? '',
      dropsAt: (r.drops_at ?? '').trim() === '' ? null : r.drops_at,
      infections: /^\d{1,9}$/.test(infections) ? Number(infections) : infections,
    });
  }
  const missing = riskAreaCsvColumns.filter((c) => !header.columns.includes(c));
  if (missing.length > 0) throw new DomainError('validation_failed', { field: 'header', reason: `missing columns: ${missing.join(', ')}` }, `The risk-area CSV lacks the columns ${missing.join(', ')}`);
  return { profileId: null, unitLevel: null, levels: [], areas };
}
