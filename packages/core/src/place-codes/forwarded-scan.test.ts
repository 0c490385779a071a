import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { defaultForwardedScanRules, judgeScan, type ScanSighting } from './forwarded-scan.js';
import { distanceMetres } from './great-circle.js';

const venue = { lat: 31.2304, lon: 121.4737 };
const at = new Date('2026-03-10T10:00:00+08:00');
const minutesBefore = (m: number): Date => new Date(at.getTime() - m * 60_000);
/** A point about `metres` north of the venue (1° of latitude ≈ 111.2 km). */
const north = (metres: number): { lat: number; lon: number } => ({ lat: venue.lat + metres / 111_195, lon: venue.lon });
const sighting = (position: { lat: number; lon: number } | null, accuracyM: number | null, when = at): ScanSighting => ({ at: when, position, accuracyM });

describe('great-circle distance', () => {
  it('measures one degree of latitude as about 111 km', () => {
    assert.ok(Math.abs(distanceMetres({ lat: 0, lon: 0 }, { lat: 1, lon: 0 }) - 111_195) < 5);
  });
  it('is symmetric and zero on the same point', () => {
    fc.assert(
      fc.property(fc.double({ min: -80, max: 80, noNaN: true }), fc.double({ min: -179, max: 179, noNaN: true }), fc.double({ min: -80, max: 80, noNaN: true }), (lat, lon, lat2) => {
        const a = { lat, lon };
        const b = { lat: lat2, lon };
        assert.equal(distanceMetres(a, a), 0);
        assert.ok(Math.abs(distanceMetres(a, b) - distanceMetres(b, a)) < 1e-6);
      }),
    );
  });
});

describe('forwarded place-code scans', () => {
  it('trusts a precise scan at the door', () => {
    assert.deepEqual(judgeScan(venue, sighting(north(30), 15), []), { kind: 'trusted', located: 'precise', distanceM: 30 });
  });

  it('flags a scan 40 km away as far from the venue', () => {
    const verdict = judgeScan(venue, sighting(north(40_000), 20), []);
    assert.equal(verdict.kind, 'flagged');
    assert.equal(verdict.kind === 'flagged' && verdict.reason, 'far_from_venue');
  });

  it('credits the accuracy radius before calling a scan far', () => {
    assert.equal(judgeScan(venue, sighting(north(1_400), 500), []).kind, 'trusted');
    assert.equal(judgeScan(venue, sighting(north(1_600), 500), []).kind, 'flagged');
  });

  it('trusts a scan without a position when the code is not circulating', () => {
    assert.deepEqual(judgeScan(venue, sighting(null, null), [sighting(north(10), 10, minutesBefore(2))]), { kind: 'trusted', located: 'none', distanceM: null });
  });

  it('flags an unlocated scan during a burst of scans from far-apart places', () => {
    const burst = [sighting(north(50), 10, minutesBefore(3)), sighting(north(30_000), 10, minutesBefore(2)), sighting(north(60_000), 10, minutesBefore(1))];
    const verdict = judgeScan(venue, sighting(null, null), burst);
    assert.equal(verdict.kind === 'flagged' && verdict.reason, 'burst_far_apart');
    assert.equal(verdict.kind === 'flagged' && verdict.reason === 'burst_far_apart' && verdict.scans, 3);
  });

  it('ignores scans outside the burst window', () => {
    const old = [sighting(north(30_000), 10, minutesBefore(30)), sighting(north(60_000), 10, minutesBefore(20))];
    assert.equal(judgeScan(venue, sighting(null, null), old).kind, 'trusted');
  });

  it('still trusts a precise scan at the door during a burst elsewhere', () => {
    const burst = [sighting(north(30_000), 10, minutesBefore(2)), sighting(north(60_000), 10, minutesBefore(1))];
    assert.equal(judgeScan(venue, sighting(north(20), 10), burst).kind, 'trusted');
  });

  it('never trusts a precisely located scan beyond the distance threshold plus its accuracy', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200_000 }), fc.integer({ min: 0, max: 200 }), (metres, accuracy) => {
        const verdict = judgeScan(venue, sighting(north(metres), accuracy), []);
        const far = distanceMetres(venue, north(metres)) - accuracy > defaultForwardedScanRules.maxDistanceM;
        assert.equal(verdict.kind === 'flagged', far);
      }),
    );
  });

  it('is a pure function of its inputs: the order of earlier scans does not matter', () => {
    const arb = fc.array(fc.record({ m: fc.integer({ min: 0, max: 20 }), d: fc.integer({ min: 0, max: 80_000 }) }), { maxLength: 8 });
    fc.assert(
      fc.property(arb, (items) => {
        const recent = items.map((i) => sighting(north(i.d), 10, minutesBefore(i.m)));
        const a = judgeScan(venue, sighting(null, null), recent);
        const b = judgeScan(venue, sighting(null, null), [...recent].reverse());
        assert.deepEqual(a, b);
      }),
    );
  });
});
