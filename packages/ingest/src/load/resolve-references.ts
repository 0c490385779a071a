import { findPlacesByCode, findRegionsByCode, type GridRef, type PlaceRef, type SqlClient } from '@epigrid/store';
import type { MappedRow, Reference } from '../model/source-mapper.js';
import type { Rejection } from '../model/source-record.js';
import { quote } from '../map/field-rules.js';

/** A row whose codes were found: the reference columns are filled in. */
export interface ResolvedRow {
  readonly row: MappedRow;
  /** Reference column → id (and `region_path` for a grid). */
  readonly refs: Readonly<Record<string, unknown>>;
}

const CACHE_LIMIT = 100_000;

/**
 * Place and grid codes looked up during one import, found or not: a code is asked of the database
 * once, however many rows name it.
 */
export class ReferenceCache {
  private readonly places = new Map<string, PlaceRef | null>();
  private readonly grids = new Map<string, GridRef | null>();

  /**
   * Whether every code of a row has been looked up.
   * @param row - a mapped row
   */
  knows(row: MappedRow): boolean {
    for (const ref of row.references) if (!(ref.kind === 'grid' ? this.grids : this.places).has(ref.code)) return false;
    return true;
  }

  /**
   * Looks up the codes of rows not looked up yet, in one query per kind.
   * @param db - database or transaction (reads only)
   * @param rows - mapped rows
   */
  async fetch(db: SqlClient, rows: Iterable<MappedRow>): Promise<void> {
    const placeCodes = new Set<string>();
    const gridCodes = new Set<string>();
    for (const row of rows) {
      for (const ref of row.references) {
        if (ref.kind === 'grid') {
          if (!this.grids.has(ref.code)) gridCodes.add(ref.code);
        } else if (!this.places.has(ref.code)) placeCodes.add(ref.code);
      }
    }
    if (this.places.size + placeCodes.size > CACHE_LIMIT) this.places.clear();
    if (this.grids.size + gridCodes.size > CACHE_LIMIT) this.grids.clear();
    const places = await findPlacesByCode(db, [...placeCodes]);
    const grids = await findRegionsByCode(db, [...gridCodes]);
    for (const code of placeCodes) this.places.set(code, places.get(code) ?? null);
    for (const code of gridCodes) this.grids.set(code, grids.get(code) ?? null);
  }

  /**
   * Fills a row's reference columns from looked-up codes (see {@link fetch}); a row with an unknown
   * code (or a grid code naming a region above grid level) is refused.
   * @param row - a mapped row whose codes are known to the cache
   */
  resolve(row: MappedRow): ResolvedRow | Rejection {
    const refs: Record<string, unknown> = {};
    for (const ref of row.references) {
      const problem = ref.kind === 'grid' ? this.fillGrid(ref, refs) : this.fillPlace(ref, refs);
      if (problem !== null) return problem;
    }
    return { row, refs };
  }

  private fillGrid(ref: Reference, refs: Record<string, unknown>): Rejection | null {
    const grid = this.grids.get(ref.code);
    if (grid === undefined || grid === null) return { field: ref.field, rule: 'unknown_code', reason: `no grid has the code ${quote(ref.code)}` };
    if (!grid.isLeaf) return { field: ref.field, rule: 'unknown_code', reason: `${quote(ref.code)} is a region above grid level, not a grid` };
    refs[ref.column] = grid.id;
    refs.region_path = grid.path;
    return null;
  }

  private fillPlace(ref: Reference, refs: Record<string, unknown>): Rejection | null {
    const place = this.places.get(ref.code);
    if (place === undefined || place === null) {
      const what = ref.kind === 'venue' ? 'no venue has the place code' : 'no place has the code';
      return { field: ref.field, rule: 'unknown_code', reason: `${what} ${quote(ref.code)}` };
    }
    refs[ref.column] = place.id;
    return null;
  }
}

/**
 * Looks up every place and grid code of a chunk in two queries and fills in the ids; a row with an
 * unknown code (or a grid code naming a region above grid level) is refused.
 * @param tx - the chunk's transaction
 * @param rows - mapped rows
 * @returns per row, the filled references or the rejection
 */
export async function resolveReferences(tx: SqlClient, rows: readonly MappedRow[]): Promise<Array<ResolvedRow | Rejection>> {
  const cache = new ReferenceCache();
  await cache.fetch(tx, rows);
  return rows.map((row) => cache.resolve(row));
}
