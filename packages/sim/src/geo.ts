/**
 * Layout of the synthetic city on the map: nested lon/lat rectangles, each child a tile of its
 * parent, and random points well inside a rectangle.
 */
import type { GeoPolygon } from '@epigrid/core';
import type { Rng } from './random.js';

/** An axis-aligned lon/lat rectangle. */
export interface Rect {
  readonly west: number;
  readonly south: number;
  readonly east: number;
  readonly north: number;
}

/** The city's bounding box, near (113.25, 23.2). */
export const cityBox: Rect = { west: 113.0, south: 23.0, east: 113.5, north: 23.4 };

/**
 * Splits a rectangle into `count` tiles that cover it exactly: a grid of rows whose last row may
 * hold fewer, wider tiles.
 * @param rect - the parent rectangle
 * @param count - number of tiles, ≥ 1
 * @returns tiles in reading order (north-west first)
 */
export function tile(rect: Rect, count: number): Rect[] {
  const width = rect.east - rect.west;
  const height = rect.north - rect.south;
  const columns = Math.max(1, Math.min(count, Math.round(Math.sqrt((count * width) / height))));
  const rows = Math.ceil(count / columns);
  const tiles: Rect[] = [];
  for (let row = 0; row < rows; row++) {
    const inRow = row === rows - 1 ? count - columns * (rows - 1) : columns;
    const north = rect.north - (height * row) / rows;
    const south = row === rows - 1 ? rect.south : rect.north - (height * (row + 1)) / rows;
    for (let column = 0; column < inRow; column++) {
      const west = rect.west + (width * column) / inRow;
      const east = column === inRow - 1 ? rect.east : rect.west + (width * (column + 1)) / inRow;
      tiles.push({ west, south, east, north });
    }
  }
  return tiles;
}

/**
 * Rounds a coordinate to 6 decimals (about 0.1 m), as maps and JSON want.
 * @param value - degrees
 * @returns rounded degrees
 */
export function roundCoordinate(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The GeoJSON polygon of a rectangle (closed ring, counter-clockwise).
 * @param rect - rectangle
 * @returns a Polygon with one exterior ring
 */
export function rectPolygon(rect: Rect): GeoPolygon {
  const w = roundCoordinate(rect.west);
  const s = roundCoordinate(rect.south);
  const e = roundCoordinate(rect.east);
  const n = roundCoordinate(rect.north);
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

/**
 * A random point inside a rectangle, keeping 10% of its size away from each edge so that the
 * rounded point still lies inside the rounded polygon.
 * @param rng - random stream
 * @param rect - rectangle
 * @returns [lng, lat] rounded to 6 decimals
 */
export function pointIn(rng: Rng, rect: Rect): readonly [number, number] {
  const dx = rect.east - rect.west;
  const dy = rect.north - rect.south;
  return [roundCoordinate(rect.west + dx * rng.between(0.1, 0.9)), roundCoordinate(rect.south + dy * rng.between(0.1, 0.9))];
}

/**
 * Tells whether a point lies inside (or on the edge of) a rectangular polygon.
 * @param polygon - a polygon made by {@link rectPolygon}
 * @param lng - longitude
 * @param lat - latitude
 * @returns true when inside
 */
export function insideRectPolygon(polygon: GeoPolygon, lng: number, lat: number): boolean {
  const ring = polygon.coordinates[0] ?? [];
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  return lng >= Math.min(...lngs) && lng <= Math.max(...lngs) && lat >= Math.min(...lats) && lat <= Math.max(...lats);
}
