/**
 * Default administrative levels, top to bottom. The tree is N-level: a deployment may use
 * any list of levels; only the last level is special (it is the grid, the unit grid workers serve).
 */
export const defaultRegionLevels = ['province', 'city', 'county', 'town', 'community', 'grid'] as const;

/** A GeoJSON polygon (exterior ring first), as drawn on maps. */
export interface GeoPolygon {
  readonly type: 'Polygon';
  readonly coordinates: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
}

/** A node of the region tree. */
export interface Region {
  readonly id: number;
  /** Administrative code, unique across the tree; also the last label of {@link Region.path}. */
  readonly code: string;
  /** ltree path of codes from the root, e.g. `r990000.r990100.r990101`. */
  readonly path: string;
  readonly parentId: number | null;
  readonly level: string;
  /** 0 for the root. */
  readonly depth: number;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly population: number;
  readonly polygon: GeoPolygon | null;
}

/**
 * Turns a region code into an ltree label. ltree labels may not start arbitrarily in every
 * version, so codes are prefixed with `r` and non-alphanumerics replaced.
 * @param code - administrative code
 */
export function regionLabel(code: string): string {
  return `r${code.replace(/[^A-Za-z0-9_]/g, '_')}`;
}

/**
 * The ltree path of a child node.
 * @param parentPath - the parent's path, or '' for a root
 * @param code - the child's code
 */
export function childRegionPath(parentPath: string, code: string): string {
  return parentPath === '' ? regionLabel(code) : `${parentPath}.${regionLabel(code)}`;
}
