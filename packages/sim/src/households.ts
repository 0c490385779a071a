/**
 * Households and who lives in them: sizes follow the 2020 census (mean ≈ 2.6), members are
 * couples, children, and sometimes grandparents, with ages that together give a plausible age
 * pyramid. Each household gets a flat in a residential building of its grid.
 */
import { pointIn } from './geo.js';
import type { CityHouseholds } from './model.js';
import { cumulativeWeights } from './random.js';
import type { Rng } from './random.js';
import type { RegionPlan } from './region-plan.js';

/** Household sizes 1–8 and their shares (per mille), after China's 2020 census. */
const SIZE_CUMULATIVE = cumulativeWeights([254, 297, 209, 132, 62, 30, 10, 6]);

/** How a member relates to the first member of the household. */
export const relations = { head: 0, spouse: 1, child: 2, parent: 3 } as const;

/** Households plus the demographic skeleton of every person, in household order. */
export interface PopulationDraft {
  readonly households: CityHouseholds;
  /** 0 = male, 1 = female. */
  readonly sex: Uint8Array;
  /** Age in completed years on the reference date. */
  readonly age: Uint8Array;
  /** Birth date as a day number (days since 1970-01-01). */
  readonly birthDay: Int32Array;
  readonly household: Int32Array;
  /** Region index of the grid. */
  readonly grid: Int32Array;
  /** One of {@link relations}. */
  readonly relation: Uint8Array;
}

/** Fills member slots; reuses one object for the whole run instead of one per household. */
class MemberWriter {
  count = 0;
  constructor(
    private readonly rng: Rng,
    private readonly draft: { sex: Uint8Array; age: Uint8Array; relation: Uint8Array },
    private readonly today: number,
    private readonly birthDay: Int32Array,
  ) {}

  add(relation: number, sex: number, age: number): void {
    const i = this.count++;
    const years = Math.max(0, Math.min(100, Math.round(age)));
    this.draft.sex[i] = sex;
    this.draft.age[i] = years;
    this.draft.relation[i] = relation;
    this.birthDay[i] = this.today - Math.floor((years + this.rng.float()) * 365.2425);
  }
}

function clampAge(age: number): number {
  return Math.max(18, Math.min(99, age));
}

/** Adds a couple (or a lone adult when `single`), head first. */
function addCouple(rng: Rng, out: MemberWriter, headAge: number, single: boolean): void {
  const headSex = rng.chance(0.7) ? 0 : 1;
  out.add(relations.head, headSex, headAge);
  if (!single) out.add(relations.spouse, 1 - headSex, clampAge(headAge + rng.int(-5, 3)));
}

/** Writes the members of one household of the given size. */
function composeHousehold(rng: Rng, out: MemberWriter, size: number): void {
  if (size === 1) {
    const r = rng.float();
    const age = r < 0.4 ? rng.int(20, 35) : r < 0.6 ? rng.int(36, 59) : rng.int(60, 92);
    out.add(relations.head, rng.chance(0.5) ? 0 : 1, age);
    return;
  }
  if (size === 2) {
    const r = rng.float();
    if (r < 0.85) {
      const age = r < 0.3 ? rng.int(22, 38) : r < 0.45 ? rng.int(39, 59) : rng.int(60, 88);
      addCouple(rng, out, age, false);
    } else {
      const parentAge = rng.int(35, 75);
      out.add(relations.head, rng.chance(0.5) ? 0 : 1, parentAge);
      out.add(relations.child, rng.chance(0.5) ? 0 : 1, rng.int(Math.max(0, parentAge - 40), parentAge - 20));
    }
    return;
  }
  const grandparents = size >= 4 && rng.chance(0.55) ? (size >= 5 && rng.chance(0.6) ? 2 : 1) : size === 3 && rng.chance(0.15) ? 1 : 0;
  const singleParent = rng.chance(0.08);
  const parents = singleParent ? 1 : 2;
  const children = size - parents - grandparents;
  const parentAge = rng.int(25, 55);
  addCouple(rng, out, parentAge, singleParent);
  const oldestChild = Math.max(0, Math.min(26, parentAge - 22));
  for (let c = 0; c < children; c++) out.add(relations.child, rng.chance(0.52) ? 0 : 1, rng.int(0, oldestChild));
  const grandSex = rng.chance(0.5) ? 0 : 1;
  for (let g = 0; g < grandparents; g++) {
    out.add(relations.parent, g === 0 ? grandSex : 1 - grandSex, Math.min(99, parentAge + rng.int(24, 32)));
  }
}

/**
 * Creates the households of every grid until each grid's quota is met exactly (the last
 * household of a grid may be cut short).
 * @param rng - the households stream
 * @param plan - the region plan
 * @param people - city size (sum of the quotas)
 * @param today - reference date as a day number
 * @returns households and the demographic skeleton of the people
 */
export function generateHouseholds(rng: Rng, plan: RegionPlan, people: number, today: number): PopulationDraft {
  const skeleton = { sex: new Uint8Array(people), age: new Uint8Array(people), relation: new Uint8Array(people) };
  const birthDay = new Int32Array(people);
  const household = new Int32Array(people);
  const gridOfPerson = new Int32Array(people);
  const writer = new MemberWriter(rng, skeleton, today, birthDay);

  const hhGrid = new Int32Array(people);
  const hhFirst = new Int32Array(people);
  const hhSize = new Uint8Array(people);
  const hhLat = new Float64Array(people);
  const hhLng = new Float64Array(people);
  const address: string[] = [];

  const { regions, rects } = plan;
  let community = -1;
  let floors = 6;
  let nextBuilding = 1;
  for (let g = 0; g < plan.grids.length; g++) {
    const grid = plan.grids[g]!;
    if (regions[grid]!.parent !== community) {
      community = regions[grid]!.parent;
      floors = rng.int(6, 18);
      nextBuilding = rng.int(1, 8);
    }
    const town = regions[community]!.parent;
    const county = regions[town]!.parent;
    const prefix = `${regions[regions[county]!.parent]!.nameZh}${regions[county]!.nameZh}${regions[town]!.nameZh}${regions[community]!.nameZh}`;
    const perBuilding = 3 * floors * 2;
    let point = pointIn(rng, rects[grid]!);
    let building = nextBuilding;
    let remaining = plan.gridQuota[g]!;
    for (let k = 0; remaining > 0; k++) {
      const h = address.length;
      const size = Math.min(remaining, rng.weighted(SIZE_CUMULATIVE) + 1);
      const first = writer.count;
      composeHousehold(rng, writer, size);
      for (let i = first; i < writer.count; i++) {
        household[i] = h;
        gridOfPerson[i] = grid;
      }
      remaining -= size;
      if (k > 0 && k % perBuilding === 0) {
        building++;
        point = pointIn(rng, rects[grid]!);
      }
      const unit = (Math.floor(k / (floors * 2)) % 3) + 1;
      const floor = (Math.floor(k / 2) % floors) + 1;
      address.push(`${prefix} ${building}栋${unit}单元${floor}0${(k % 2) + 1}`);
      hhGrid[h] = grid;
      hhFirst[h] = first;
      hhSize[h] = size;
      hhLng[h] = point[0];
      hhLat[h] = point[1];
    }
    nextBuilding = building + 1;
  }

  const count = address.length;
  return {
    households: {
      count,
      grid: hhGrid.slice(0, count),
      address,
      lat: hhLat.slice(0, count),
      lng: hhLng.slice(0, count),
      firstMember: hhFirst.slice(0, count),
      size: hhSize.slice(0, count),
    },
    ...skeleton,
    birthDay,
    household,
    grid: gridOfPerson,
  };
}
