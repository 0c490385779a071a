import { findPlacesByCode, findRegionsByCode, type SqlClient } from '@epigrid/store';
import type { MappedRow } from '../model/source-mapper.js';
import { RowRejected, type Rejection } from '../model/source-record.js';
import { quote } from '../map/field-rules.js';

/** A row whose codes were found: the reference columns are filled in. */
export interface ResolvedRow {
  readonly row: MappedRow;
  /** Reference column → id (and `region_path` for a grid). */
  readonly refs: Readonly<Record<string, unknown>>;
}

/**
 * Looks up every place and grid code of a chunk in two queries and fills in the ids; a row with an
 * unknown code (or a grid code naming a region above grid level) is refused.
 * @param tx - the chunk's transaction
 * @param rows - mapped rows
 * @returns per row, the filled references or the rejection
 */
export async function resolveReferences(tx: SqlClient, rows: readonly MappedRow[]): Promise<Array<ResolvedRow | Rejection>> {
  const placeCodes = new Set<string>();
  const gridCodes = new Set<string>();
  for (const row of rows) {
    for (const ref of row.references) (ref.kind === 'grid' ? gridCodes : placeCodes).add(ref.code);
  }
  const places = await findPlacesByCode(tx, [...placeCodes]);
  const grids = await findRegionsByCode(tx, [...gridCodes]);
  return rows.map((row) => {
    const refs: Record<string, unknown> = {};
    try {
      for (const ref of row.references) {
        if (ref.kind === 'grid') {
          const grid = grids.get(ref.code);
          if (grid === undefined) throw new RowRejected(ref.field, 'unknown_code', `no grid has the code ${quote(ref.code)}`);
          if (!grid.isLeaf) throw new RowRejected(ref.field, 'unknown_code', `${quote(ref.code)} is a region above grid level, not a grid`);
          refs[ref.column] = grid.id;
          refs.region_path = grid.path;
        } else {
          const place = places.get(ref.code);
          if (place === undefined) {
            const what = ref.kind === 'venue' ? 'no venue has the place code' : 'no place has the code';
            throw new RowRejected(ref.field, 'unknown_code', `${what} ${quote(ref.code)}`);
          }
          refs[ref.column] = place.id;
        }
      }
      return { row, refs };
    } catch (error) {
      if (error instanceof RowRejected) return error.rejection;
      throw error;
    }
  });
}
