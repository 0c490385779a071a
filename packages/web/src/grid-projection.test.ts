import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { GeoPolygon } from '@epigrid/core';
import { fitProjection, polygonPath } from './grid-projection.js';

function rect(west: number, south: number, east: number, north: number): GeoPolygon {
  return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

describe('grid map projection', () => {
  it('draws a rectangle as a closed path filling the box inside the padding, north up', () => {
    // At the equator a degree of longitude is as long as a degree of latitude: a 2:1 rectangle.
    const polygon = rect(10, 0, 10.02, 0.01);
    const projection = fitProjection(polygon, 220, 120, 10);
    assert.equal(polygonPath(polygon, projection), 'M10 110 L210 110 L210 10 L10 10 L10 110 Z');
  });

  it('keeps the shape: longitude shrinks with the cosine of the latitude', () => {
    const polygon = rect(113, 60, 113.02, 60.01); // at 60° N, 0.02° of longitude ≈ 0.01° of latitude
    const projection = fitProjection(polygon, 100, 100, 0);
    const sw = projection.project({ lng: 113, lat: 60 });
    const ne = projection.project({ lng: 113.02, lat: 60.01 });
    assert.ok(Math.abs(ne.x - sw.x - (sw.y - ne.y)) < 1, `square on screen (got ${ne.x - sw.x} × ${sw.y - ne.y})`);
  });

  it('draws holes as further sub-paths', () => {
    const outer = rect(0, 0, 1, 1).coordinates[0]!;
    const hole = rect(0.4, 0.4, 0.6, 0.6).coordinates[0]!;
    const path = polygonPath({ type: 'Polygon', coordinates: [outer, hole] }, fitProjection({ type: 'Polygon', coordinates: [outer] }, 100, 100, 0));
    assert.equal(path.match(/M/g)?.length, 2);
    assert.equal(path.match(/Z/g)?.length, 2);
  });

  it('refuses an empty polygon', () => {
    assert.throws(() => fitProjection({ type: 'Polygon', coordinates: [] }, 100, 100, 0), /no points/);
  });

  it('property: every vertex and every point inside lands within the view box', () => {
    const coordinate = fc.record({ lng: fc.double({ min: 73, max: 135, noNaN: true }), lat: fc.double({ min: 18, max: 53, noNaN: true }) });
    fc.assert(
      fc.property(coordinate, fc.double({ min: 1e-5, max: 0.5, noNaN: true }), fc.double({ min: 1e-5, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (sw, dx, dy, t) => {
        const polygon = rect(sw.lng, sw.lat, sw.lng + dx, sw.lat + dy);
        const projection = fitProjection(polygon, 300, 200, 12);
        const points = [...polygon.coordinates[0]!.map(([lng, lat]) => ({ lng, lat })), { lng: sw.lng + t * dx, lat: sw.lat + t * dy }];
        for (const point of points) {
          const { x, y } = projection.project(point);
          assert.ok(x >= 11.9 && x <= 288.1 && y >= 11.9 && y <= 188.1, `(${x}, ${y}) outside the padded box`);
        }
      }),
    );
  });
});
