/**
 * Drawing a grid on a small inline SVG map without tiles: an equirectangular projection (longitude
 * scaled by the cosine of the mid latitude, so a grid near 23° N keeps its shape) fitted to the view box.
 */
import type { GeoPolygon } from '@epigrid/core';
import type { GeoPoint } from './task-types.js';

/** A point in SVG user units. */
export interface SvgPoint {
  readonly x: number;
  readonly y: number;
}

/** A projection fitted to a polygon and a view box. */
export interface FittedProjection {
  /** Projects a longitude/latitude pair into the view box. */
  readonly project: (point: GeoPoint) => SvgPoint;
  readonly width: number;
  readonly height: number;
}

/**
 * Fits a projection so the polygon fills a `width` × `height` box inside `padding`, centred, aspect kept.
 * @param polygon - GeoJSON polygon ([lng, lat] pairs)
 * @param width - view box width
 * @param height - view box height
 * @param padding - margin on every side
 */
export function fitProjection(polygon: GeoPolygon, width: number, height: number, padding: number): FittedProjection {
  const points = polygon.coordinates.flat();
  if (points.length === 0) throw new Error('the polygon has no points');
  const lngs = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  const west = Math.min(...lngs);
  const east = Math.max(...lngs);
  const south = Math.min(...lats);
  const north = Math.max(...lats);
  const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * kx, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const scale = Math.min((width - 2 * padding) / spanX, (height - 2 * padding) / spanY);
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const round = (value: number): number => Math.round(value * 10) / 10;
  return {
    width,
    height,
    project: ({ lat, lng }) => ({ x: round(offsetX + (lng - west) * kx * scale), y: round(offsetY + (north - lat) * scale) }),
  };
}

/**
 * The SVG path (`d`) of a polygon: one closed sub-path per ring (holes drawn with the even-odd rule).
 * @param polygon - GeoJSON polygon
 * @param projection - projection fitted by {@link fitProjection}
 */
export function polygonPath(polygon: GeoPolygon, projection: FittedProjection): string {
  return polygon.coordinates
    .filter((ring) => ring.length > 0)
    .map((ring) => {
      const steps = ring.map(([lng, lat], index) => {
        const { x, y } = projection.project({ lat, lng });
        return `${index === 0 ? 'M' : 'L'}${x} ${y}`;
      });
      return `${steps.join(' ')} Z`;
    })
    .join(' ');
}
