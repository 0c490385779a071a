import type { StationEntry } from '../stations/station-catalogue.js';

/**
 * A catalogue entry for tests: the code doubles as its name, no coordinates, dated 1 March 2026.
 * @param code - station code
 * @param modes - modes it serves
 * @param regionCode - the region it stands in (this tree's code or another jurisdiction's)
 * @param over - fields to set otherwise
 */
export function testStation(code: string, modes: StationEntry['modes'], regionCode: string, over: Partial<StationEntry> = {}): StationEntry {
  return {
    code,
    name: code,
    nameEn: null,
    modes,
    regionCode,
    regionName: null,
    lat: null,
    lng: null,
    updatedAt: new Date('2026-03-01T00:00:00+08:00'),
    ...over,
  };
}
