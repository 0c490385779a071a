/**
 * Places of the city and who goes where: workplaces (about one per 40 workers, sizes heavy-tailed,
 * most staff living in the same county), schools (primary and middle schools per county, about
 * one per 600 pupils, plus colleges), venues with place codes (about one per 150 people) and
 * isolation hotels with their rooms (about one per 25,000 people, at least two).
 */
import { pointIn } from './geo.js';
import type { PopulationDraft } from './households.js';
import { occupations } from './model.js';
import type { CityIsolationRoom, CityPlace, PlaceKind } from './model.js';
import { brandWords } from './names.js';
import { industries, industryCumulative, venueCategories, venueCumulative, venueName, workplaceName } from './place-kinds.js';
import { cumulativeWeights } from './random.js';
import type { Rng } from './random.js';
import type { RegionPlan } from './region-plan.js';

/** Places, rooms, and each person's workplace and school (place indices, -1 for none). */
export interface PlacesResult {
  readonly places: CityPlace[];
  readonly isolationRooms: CityIsolationRoom[];
  readonly workplace: Int32Array;
  readonly school: Int32Array;
}

const WORKER = occupations.indexOf('worker');
const STUDENT = occupations.indexOf('student');

/** Places of one kind being filled with people before they get their final indices. */
interface Candidates {
  readonly grid: number[];
  readonly label: string[];
  readonly category: string[];
  readonly members: number[];
}

function emptyCandidates(): Candidates {
  return { grid: [], label: [], category: [], members: [] };
}

/** The grids of each county, for placing things near the people they serve. */
function gridsByCounty(plan: RegionPlan): Map<number, number[]> {
  const byCounty = new Map<number, number[]>();
  for (const grid of plan.grids) {
    const county = plan.countyOf[grid]!;
    const list = byCounty.get(county) ?? [];
    list.push(grid);
    byCounty.set(county, list);
  }
  return byCounty;
}

/**
 * Emits the places of candidates that got at least one member, remapping the members' references
 * from candidate indices to place indices.
 */
function emit(rng: Rng, plan: RegionPlan, kind: PlaceKind, candidates: Candidates, ref: Int32Array, places: CityPlace[]): void {
  const index = new Int32Array(candidates.grid.length).fill(-1);
  candidates.grid.forEach((grid, j) => {
    if (candidates.members[j]! === 0) return;
    const [lng, lat] = pointIn(rng, plan.rects[grid]!);
    index[j] = places.length;
    places.push({ kind, category: candidates.category[j]!, name: candidates.label[j]!, placeCode: null, region: grid, lat, lng, capacity: candidates.members[j]! });
  });
  for (let i = 0; i < ref.length; i++) if (ref[i]! >= 0) ref[i] = index[ref[i]!]!;
}

function addWorkplaces(rng: Rng, plan: RegionPlan, draft: PopulationDraft, occupation: Uint8Array, places: CityPlace[]): Int32Array {
  const people = occupation.length;
  const workplace = new Int32Array(people).fill(-1);
  let workers = 0;
  for (let i = 0; i < people; i++) if (occupation[i] === WORKER) workers++;
  const count = workers === 0 ? 0 : Math.max(1, Math.round(workers / 40));
  const candidates = emptyCandidates();
  const weights = new Float64Array(count);
  const local = new Map<number, number[]>();
  for (let j = 0; j < count; j++) {
    const grid = plan.grids[rng.int(0, plan.grids.length - 1)]!;
    const industry = industries[rng.weighted(industryCumulative)]!;
    const town = plan.regions[plan.regions[plan.regions[grid]!.parent]!.parent]!;
    candidates.grid.push(grid);
    candidates.category.push(industry.category);
    candidates.label.push(workplaceName(rng, industry, town.nameZh));
    candidates.members.push(0);
    weights[j] = Math.min(400, 1 / (1 - rng.float())); // Pareto(1) sizes; plain division keeps results identical on every platform
    const county = plan.countyOf[grid]!;
    const list = local.get(county) ?? [];
    list.push(j);
    local.set(county, list);
  }
  const everywhere = cumulativeWeights(weights);
  const localCumulative = new Map<number, { ids: number[]; cumulative: Float64Array }>();
  for (const [county, ids] of local) localCumulative.set(county, { ids, cumulative: cumulativeWeights(ids.map((j) => weights[j]!)) });
  for (let i = 0; i < people; i++) {
    if (occupation[i] !== WORKER) continue;
    const near = localCumulative.get(plan.countyOf[draft.grid[i]!]!);
    const j = near !== undefined && rng.chance(0.6) ? near.ids[rng.weighted(near.cumulative)]! : rng.weighted(everywhere);
    workplace[i] = j;
    candidates.members[j]!++;
  }
  emit(rng, plan, 'workplace', candidates, workplace, places);
  return workplace;
}

type SchoolType = 'primary_school' | 'middle_school' | 'college';

function schoolTypeOf(age: number): SchoolType {
  return age <= 11 ? 'primary_school' : age <= 17 ? 'middle_school' : 'college';
}

function addSchools(rng: Rng, plan: RegionPlan, draft: PopulationDraft, occupation: Uint8Array, places: CityPlace[]): Int32Array {
  const people = occupation.length;
  const school = new Int32Array(people).fill(-1);
  const countyGrids = gridsByCounty(plan);
  const pupils = new Map<string, number>();
  const groupOf = (i: number): string => {
    const type = schoolTypeOf(draft.age[i]!);
    return type === 'college' ? type : `${type}:${plan.countyOf[draft.grid[i]!]!}`;
  };
  for (let i = 0; i < people; i++) {
    if (occupation[i] !== STUDENT) continue;
    const group = groupOf(i);
    pupils.set(group, (pupils.get(group) ?? 0) + 1);
  }
  const candidates = emptyCandidates();
  const groups = new Map<string, { first: number; count: number }>();
  for (const [group, n] of [...pupils].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const [type, countyText] = group.split(':') as [SchoolType, string | undefined];
    const county = countyText === undefined ? -1 : Number(countyText);
    const count = Math.max(1, Math.round(n / (type === 'college' ? 3000 : 600)));
    groups.set(group, { first: candidates.grid.length, count });
    for (let k = 1; k <= count; k++) {
      const grids = county < 0 ? plan.grids : countyGrids.get(county)!;
      candidates.grid.push(grids[rng.int(0, grids.length - 1)]!);
      candidates.category.push(type);
      candidates.members.push(0);
      const countyZh = county < 0 ? '' : plan.regions[county]!.nameZh;
      candidates.label.push(
        type === 'college' ? `示范市${rng.pick(brandWords)}职业技术学院` : `${countyZh}第${k}${type === 'primary_school' ? '小学' : '中学'}`,
      );
    }
  }
  for (let i = 0; i < people; i++) {
    if (occupation[i] !== STUDENT) continue;
    const group = groups.get(groupOf(i))!;
    const j = group.first + rng.int(0, group.count - 1);
    school[i] = j;
    candidates.members[j]!++;
  }
  emit(rng, plan, 'school', candidates, school, places);
  return school;
}

function addVenues(rng: Rng, plan: RegionPlan, people: number, places: CityPlace[]): void {
  const count = Math.max(1, Math.round(people / 150));
  const byPopulation = cumulativeWeights(Array.from(plan.gridQuota, (q) => q + 1));
  const serial = new Map<number, number>();
  for (let j = 0; j < count; j++) {
    const grid = plan.grids[rng.weighted(byPopulation)]!;
    const community = plan.regions[plan.regions[grid]!.parent]!;
    const town = plan.regions[community.parent]!;
    const county = plan.countyOf[grid]!;
    const n = (serial.get(county) ?? 0) + 1;
    serial.set(county, n);
    const venue = venueCategories[rng.weighted(venueCumulative)]!;
    const [lng, lat] = pointIn(rng, plan.rects[grid]!);
    places.push({
      kind: 'venue',
      category: venue.category,
      name: venueName(rng, venue, community.nameZh, town.nameZh),
      placeCode: `PC-${plan.regions[county]!.code}-${String(n).padStart(6, '0')}`,
      region: grid,
      lat,
      lng,
      capacity: rng.int(venue.capacity[0], venue.capacity[1]),
    });
  }
}

/** Isolation hotels of a county: two or three, and one more per 25,000 residents beyond that. */
function hotelsOfCounty(rng: Rng, population: number): number {
  return Math.max(2 + rng.int(0, 1), Math.round(population / 25_000));
}

/**
 * Isolation hotels (the facilities a transfer names), a few in every county, since counties run
 * them: each in a random grid of its county, with rooms on several floors.
 */
function addIsolationHotels(rng: Rng, plan: RegionPlan, places: CityPlace[], rooms: CityIsolationRoom[]): void {
  const gridsOfCounty = new Map<number, number[]>();
  for (const grid of plan.grids) {
    const county = plan.countyOf[grid]!;
    gridsOfCounty.set(county, [...(gridsOfCounty.get(county) ?? []), grid]);
  }
  let k = 0;
  for (const [county, grids] of gridsOfCounty) {
    const count = hotelsOfCounty(rng, plan.regions[county]!.population);
    for (let n = 0; n < count; n++) {
      k++;
      const grid = grids[rng.int(0, grids.length - 1)]!;
      const floors = rng.int(6, 12);
      const perFloor = rng.int(12, 24);
      const [lng, lat] = pointIn(rng, plan.rects[grid]!);
      const place = places.length;
      places.push({
        kind: 'isolation_hotel',
        category: 'hotel',
        name: `${plan.regions[county]!.nameZh}${rng.pick(brandWords)}酒店（集中隔离点${k}号）`,
        placeCode: null,
        region: grid,
        lat,
        lng,
        capacity: floors * perFloor,
      });
      for (let floor = 2; floor < floors + 2; floor++) {
        for (let room = 1; room <= perFloor; room++) rooms.push({ place, floor, roomNo: `${floor}${String(room).padStart(2, '0')}` });
      }
    }
  }
}

/**
 * Creates all places and assigns workers to workplaces and students to schools.
 * @param rng - the places stream
 * @param plan - the region plan
 * @param draft - households and demographic skeleton
 * @param occupation - occupation index of every person
 * @returns places (workplaces, schools, venues, isolation hotels, in that order), rooms and assignments
 */
export function generatePlaces(rng: Rng, plan: RegionPlan, draft: PopulationDraft, occupation: Uint8Array): PlacesResult {
  const places: CityPlace[] = [];
  const isolationRooms: CityIsolationRoom[] = [];
  const workplace = addWorkplaces(rng, plan, draft, occupation, places);
  const school = addSchools(rng, plan, draft, occupation, places);
  addVenues(rng, plan, occupation.length, places);
  addIsolationHotels(rng, plan, places, isolationRooms);
  return { places, isolationRooms, workplace, school };
}
