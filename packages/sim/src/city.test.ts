import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseResidentId, roles } from '@epigrid/core';
import { generateCity, personAt } from './city.js';
import { insideRectPolygon } from './geo.js';
import type { City } from './model.js';
import { demoLogins } from './staff.js';

/** A stable digest of everything that identifies the people of a city. */
function peopleDigest(city: City): string {
  const hash = createHash('sha256');
  const p = city.people;
  for (let i = 0; i < p.count; i++) {
    hash.update(`${p.name[i]}|${p.sex[i]}|${p.birthDate[i]}|${p.idNumber[i]}|${p.phone[i]}|${p.household[i]}|${p.workplace[i]}|${p.school[i]}\n`);
  }
  return hash.digest('hex');
}

function countyCodeOf(city: City, region: number): string {
  let r = region;
  while (city.regions[r]!.level !== 'county') r = city.regions[r]!.parent;
  return city.regions[r]!.code;
}

/** Checks the structural invariants every generated city must satisfy; throws on the first failure. */
function assertInvariants(city: City): void {
  const { regions, people, households, places } = city;

  // Region tree: parents first, codes synthetic and unique, populations add up, tiles nest.
  assert.equal(new Set(regions.map((r) => r.code)).size, regions.length, 'region codes are unique');
  const childSum = new Array<number>(regions.length).fill(0);
  regions.forEach((region, index) => {
    assert.ok(region.code.startsWith('99'), `region code ${region.code} starts with 99`);
    if (region.parent >= 0) {
      assert.ok(region.parent < index, 'parents come before children');
      childSum[region.parent]! += region.population;
      const [sw, , ne] = region.polygon.coordinates[0]!;
      assert.ok(insideRectPolygon(regions[region.parent]!.polygon, sw![0], sw![1]), 'tile inside parent');
      assert.ok(insideRectPolygon(regions[region.parent]!.polygon, ne![0], ne![1]), 'tile inside parent');
    }
  });
  const gridPopulation = new Array<number>(regions.length).fill(0);
  for (let i = 0; i < people.count; i++) gridPopulation[people.grid[i]!]!++;
  regions.forEach((region, index) => {
    if (region.level === 'grid') assert.equal(region.population, gridPopulation[index], `grid ${region.code} population`);
    else assert.equal(region.population, childSum[index], `${region.code} population is the sum of its children`);
  });
  assert.equal(regions[0]!.population, people.count);

  // People: valid synthetic resident IDs matching their facts; unique IDs and phones.
  assert.equal(new Set(people.idNumber).size, people.count, 'resident IDs are unique');
  const phones = people.phone.filter((phone) => phone !== null);
  assert.equal(new Set(phones).size, phones.length, 'phones are unique');
  for (let i = 0; i < people.count; i++) {
    const person = personAt(city, i);
    const parsed = parseResidentId(person.idNumber, city.today);
    assert.ok(parsed.ok, `${person.idNumber} is valid`);
    assert.equal(parsed.facts.regionCode, countyCodeOf(city, person.grid));
    assert.ok(parsed.facts.regionCode.startsWith('99'));
    assert.equal(parsed.facts.birthDate, person.birthDate);
    assert.equal(parsed.facts.sex, person.sex);
    if (person.phone !== null) assert.match(person.phone, /^199\d{8}$/);
    assert.equal(person.workplace >= 0, person.occupation === 'worker', 'workers, and only workers, have a workplace');
    assert.equal(person.school >= 0, person.occupation === 'student', 'students, and only students, have a school');
    if (person.workplace >= 0) assert.equal(places[person.workplace]!.kind, 'workplace');
    if (person.school >= 0) assert.equal(places[person.school]!.kind, 'school');
    assert.equal(households.grid[person.household], person.grid);
  }

  // Households: members contiguous, coordinates inside the grid.
  let covered = 0;
  for (let h = 0; h < households.count; h++) {
    assert.equal(households.firstMember[h], covered);
    covered += households.size[h]!;
    assert.ok(insideRectPolygon(regions[households.grid[h]!]!.polygon, households.lng[h]!, households.lat[h]!), 'household in its grid');
  }
  assert.equal(covered, people.count);

  // Places: venues have unique place codes, everything stands inside its grid.
  const venues = places.filter((place) => place.kind === 'venue');
  assert.ok(venues.length >= 1);
  assert.equal(new Set(venues.map((v) => v.placeCode)).size, venues.length, 'place codes are unique');
  for (const place of places) {
    assert.equal(place.placeCode !== null, place.kind === 'venue');
    assert.equal(regions[place.region]!.level, 'grid');
    assert.ok(insideRectPolygon(regions[place.region]!.polygon, place.lng, place.lat), `${place.name} in its grid`);
  }
  // Isolation facilities: a few in every county (counties run them; a transfer chooses among the county's).
  const hotelsPerCounty = new Map<string, number>();
  for (const place of places) if (place.kind === 'isolation_hotel') hotelsPerCounty.set(countyCodeOf(city, place.region), (hotelsPerCounty.get(countyCodeOf(city, place.region)) ?? 0) + 1);
  const counties = regions.filter((r) => r.level === 'county').map((r) => r.code);
  assert.deepEqual([...hotelsPerCounty.keys()].sort(), [...counties].sort(), 'every county has isolation hotels');
  assert.ok([...hotelsPerCounty.values()].every((n) => n >= 2), 'at least two per county');
  assert.ok(city.isolationRooms.length > 0);

  // Staff: every grid has a grid worker; usernames unique.
  const served = new Set(city.gridWorkers.map((w) => w.region));
  regions.forEach((region, index) => {
    if (region.level === 'grid') assert.ok(served.has(index), `grid ${region.code} has a grid worker`);
  });
  const usernames = [...city.gridWorkers, ...city.demoLogins].map((u) => u.username);
  assert.equal(new Set(usernames).size, usernames.length, 'usernames are unique');
}

describe('generateCity', () => {
  const city = generateCity({ seed: 42, people: 20_000 });

  it('is deterministic: the same seed and size give a deep-equal city', () => {
    const again = generateCity({ seed: 42, people: 20_000 });
    assert.equal(peopleDigest(again), peopleDigest(city));
    assert.deepEqual(again, city);
  });

  it('gives a different city for a different seed', () => {
    const other = generateCity({ seed: 43, people: 20_000 });
    assert.notEqual(peopleDigest(other), peopleDigest(city));
    assert.notDeepEqual(other.people.name, city.people.name);
  });

  it('satisfies the structural invariants', () => {
    assertInvariants(city);
  });

  it('has census-like household sizes (mean between 2.3 and 2.9)', () => {
    const mean = city.people.count / city.households.count;
    assert.ok(mean >= 2.3 && mean <= 2.9, `mean household size ${mean}`);
  });

  it('has a plausible age pyramid and mix of occupations', () => {
    const bands = [0, 0, 0];
    const occupationCount = new Map<string, number>();
    for (let i = 0; i < city.people.count; i++) {
      const person = personAt(city, i);
      const age = Number(city.today.slice(0, 4)) - Number(person.birthDate.slice(0, 4));
      bands[age < 15 ? 0 : age < 60 ? 1 : 2]!++;
      occupationCount.set(person.occupation, (occupationCount.get(person.occupation) ?? 0) + 1);
    }
    const share = bands.map((n) => n / city.people.count);
    assert.ok(share[0]! > 0.12 && share[0]! < 0.28, `children ${share[0]}`);
    assert.ok(share[1]! > 0.5 && share[1]! < 0.7, `working age ${share[1]}`);
    assert.ok(share[2]! > 0.12 && share[2]! < 0.28, `elderly ${share[2]}`);
    for (const occupation of ['worker', 'student', 'retiree', 'child', 'unemployed']) assert.ok((occupationCount.get(occupation) ?? 0) > 0);
  });

  it('scales the tree so grids hold a few hundred people', () => {
    const grids = city.regions.filter((r) => r.level === 'grid');
    const mean = city.people.count / grids.length;
    assert.ok(mean >= 150 && mean <= 450, `mean grid population ${mean}`);
    assert.deepEqual(
      [...new Set(city.regions.map((r) => r.level))],
      ['province', 'city', 'county', 'town', 'community', 'grid'],
    );
  });

  it('keeps the demo logins on regions that exist, with the names shown, one role each', () => {
    const byCode = new Map(city.regions.map((r) => [r.code, r]));
    for (const login of demoLogins()) {
      const region = byCode.get(login.regionCode);
      assert.ok(region, `${login.username}: region ${login.regionCode} exists`);
      assert.equal(login.regionNameZh, region.nameZh);
      assert.equal(login.regionNameEn, region.nameEn);
    }
    assert.deepEqual(new Set(demoLogins().map((l) => l.role)), new Set(roles));
    assert.equal(demoLogins(new Map([['admin', { nameZh: '甲', nameEn: 'A' }]]))[0]!.regionNameEn, 'A');
  });

  it('refuses sizes out of range', () => {
    assert.throws(() => generateCity({ seed: 1, people: 0 }), RangeError);
    assert.throws(() => generateCity({ seed: 1, people: 1.5 }), RangeError);
    assert.throws(() => generateCity({ seed: 1, people: 100, today: '2026-02-30' }), RangeError);
  });

  it('holds its invariants for arbitrary seeds and small sizes', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.integer({ min: 200, max: 2_000 }), (seed, people) => {
        const small = generateCity({ seed, people });
        assert.equal(small.people.count, people);
        assertInvariants(small);
      }),
      { numRuns: 30 },
    );
  });

  it('copes with tiny cities', () => {
    for (const people of [1, 2, 7, 50]) assertInvariants(generateCity({ seed: people, people }));
  });
});
