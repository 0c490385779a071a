/**
 * What the simulated days need to know about the city, computed once: ages, the town of every
 * home and place, H3 cells (resolution 8) of homes and places, venue pools, workplace teams and
 * school classes, and isolation hotels.
 */
import type { City } from '../model.js';
import { occupations } from '../model.js';
import { CellTable } from './cell-table.js';
import { VenuePools } from './venue-pools.js';

/** Groups of people who meet daily: workplace teams and school classes. */
export interface ContactGroups {
  /** Group index of every person, -1 when none. */
  readonly groupOf: Int32Array;
  /** Members of group g are members[first[g] … first[g + 1] - 1]. */
  readonly first: Int32Array;
  readonly members: Int32Array;
}

/** Precomputed lookups over a city. */
export interface CityIndex {
  readonly city: City;
  /** Age in completed years at the start date. */
  readonly age: Uint8Array;
  /** Town index (0 … towns - 1) of every region at or below town level, else -1. */
  readonly townOfRegion: Int32Array;
  readonly towns: number;
  /** Region code of every town index. */
  readonly townCode: readonly string[];
  /** H3 cells; the cell ids below point here. */
  readonly cells: CellTable;
  readonly householdCell: Int32Array;
  readonly placeCell: Int32Array;
  readonly venues: VenuePools;
  /** Workplace teams (workers) and school classes (students). */
  readonly groups: ContactGroups;
  /** Place indices of the isolation hotels. */
  readonly hotels: Int32Array;
  /** Region index of the county of every town index. */
  readonly countyRegionOfTown: Int32Array;
}

const WORKER = occupations.indexOf('worker');
const STUDENT = occupations.indexOf('student');

function ageAt(birthDate: string, onDate: string): number {
  const years = Number(onDate.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return onDate.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

function contactGroups(city: City, age: Uint8Array, teamSize: number, classSize: number): ContactGroups {
  const p = city.people;
  const byPlace: number[][] = Array.from({ length: city.places.length }, () => []);
  for (let i = 0; i < p.count; i++) {
    if (p.occupation[i] === WORKER && p.workplace[i]! >= 0) byPlace[p.workplace[i]!]!.push(i);
    else if (p.occupation[i] === STUDENT && p.school[i]! >= 0) byPlace[p.school[i]!]!.push(i);
  }
  const groupOf = new Int32Array(p.count).fill(-1);
  const members = new Int32Array(p.count);
  const first: number[] = [];
  let k = 0;
  byPlace.forEach((list, place) => {
    if (list.length === 0) return;
    const school = city.places[place]!.kind === 'school';
    // Classes gather pupils of one age; teams are simply colleagues in registry order.
    if (school) list.sort((a, b) => age[a]! - age[b]! || a - b);
    const size = school ? classSize : teamSize;
    list.forEach((person, rank) => {
      if (rank % size === 0) first.push(k);
      groupOf[person] = first.length - 1;
      members[k++] = person;
    });
  });
  first.push(k);
  return { groupOf, first: Int32Array.from(first), members: members.slice(0, k) };
}

/**
 * Builds the lookups.
 * @param city - the city
 * @param onDate - date ages are computed at (YYYY-MM-DD)
 * @param teamSize - people per workplace team
 * @param classSize - pupils per class
 * @returns the index
 */
export function indexCity(city: City, onDate: string, teamSize: number, classSize: number): CityIndex {
  const p = city.people;
  const age = new Uint8Array(p.count);
  for (let i = 0; i < p.count; i++) age[i] = Math.max(0, Math.min(255, ageAt(p.birthDate[i]!, onDate)));

  const townOfRegion = new Int32Array(city.regions.length).fill(-1);
  const townCode: string[] = [];
  const countyOfTownList: number[] = [];
  const countyIndex = new Map<number, number>();
  const countyRegionOfTown: number[] = [];
  city.regions.forEach((region, r) => {
    if (region.level === 'county') countyIndex.set(r, countyIndex.size);
    if (region.level === 'town') {
      townOfRegion[r] = townCode.length;
      townCode.push(region.code);
      countyOfTownList.push(countyIndex.get(region.parent)!);
      countyRegionOfTown.push(region.parent);
    } else if (region.depth > 3) townOfRegion[r] = townOfRegion[region.parent]!;
  });

  const cells = new CellTable();
  const hh = city.households;
  const householdCell = new Int32Array(hh.count);
  for (let h = 0; h < hh.count; h++) householdCell[h] = cells.at(hh.lat[h]!, hh.lng[h]!);
  const placeCell = Int32Array.from(city.places, (place) => cells.at(place.lat, place.lng));

  const countyOfTown = Int32Array.from(countyOfTownList);
  const hotels: number[] = [];
  city.places.forEach((place, j) => {
    if (place.kind === 'isolation_hotel') hotels.push(j);
  });
  return {
    city,
    age,
    townOfRegion,
    towns: townCode.length,
    townCode,
    cells,
    householdCell,
    placeCell,
    venues: new VenuePools(city, townOfRegion, countyOfTown, townCode.length, countyIndex.size),
    groups: contactGroups(city, age, teamSize, classSize),
    hotels: Int32Array.from(hotels),
    countyRegionOfTown: Int32Array.from(countyRegionOfTown),
  };
}
