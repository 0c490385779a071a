import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateCity } from '../city.js';
import { insideRectPolygon } from '../geo.js';
import { Rng } from '../random.js';
import { buildTimetable } from './timetable.js';

describe('the station catalogue of the demo city', () => {
  for (const people of [300, 20_000]) {
    it(`names every station of the timetable once, with the mode it serves (${people} people)`, () => {
      const city = generateCity({ seed: 7, people });
      const byCode = new Map(city.stations.map((s) => [s.code, s]));
      assert.equal(byCode.size, city.stations.length, 'codes are unique');
      for (const service of buildTimetable(Rng.stream(1, 0))) {
        for (const code of [service.origin, service.destination]) assert.ok(byCode.get(code)?.modes.includes(service.mode), `${code} serves ${service.mode}`);
      }
      const own = city.stations.filter((s) => s.region >= 0);
      assert.deepEqual(own.map((s) => s.code), ['SFQ', 'SFK', 'SFA']);
      for (const s of own) {
        const town = city.regions[s.region]!;
        assert.deepEqual([town.level, town.code], ['town', s.regionCode]);
        assert.ok(insideRectPolygon(town.polygon, s.lng, s.lat), `${s.code} stands inside its town`);
      }
      for (const s of city.stations.filter((x) => x.region < 0)) assert.match(s.regionCode, /^\d{6}$/, `${s.code} has an administrative code`);
    });
  }
});
