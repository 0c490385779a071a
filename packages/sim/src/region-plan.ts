/**
 * The region tree of the synthetic city: one province, one city, counties, towns, communities and
 * grids sized so a grid holds a few hundred people, laid out as nested rectangles, with each
 * grid's share of the population decided up front.
 */
import { childRegionPath } from '@epigrid/core';
import { cityBox, rectPolygon, tile } from './geo.js';
import type { Rect } from './geo.js';
import type { CityRegion, CityRegionLevel } from './model.js';
import { communityNames, countyNames, nthName, townNames } from './names.js';
import type { NamePair } from './names.js';
import type { Rng } from './random.js';

/** Average people per grid the plan aims at. */
const GRID_TARGET = 300;
/** People per county the plan aims at (before the cap on the number of counties). */
const COUNTY_TARGET = 25_000;

/** The planned tree, with the geometry and quotas the later phases need. */
export interface RegionPlan {
  /** Parents before children (depth-first), population filled in. */
  readonly regions: readonly CityRegion[];
  /** Rectangle of each region, parallel to regions. */
  readonly rects: readonly Rect[];
  /** Region indices of the grids, in tree order. */
  readonly grids: Int32Array;
  /** People to place in each grid, parallel to grids; sums to the city's size. */
  readonly gridQuota: Int32Array;
  /** Region index of the county above each region (-1 above county level). */
  readonly countyOf: Int32Array;
}

/** How many children each level gets, before random variation. */
export interface TreeShape {
  readonly counties: number;
  readonly townsPerCounty: number;
  readonly communitiesPerTown: number;
  readonly gridsPerCommunity: number;
}

/**
 * Sizes the tree so grids hold about 300 people: ~100k people → 4 counties × 4 towns × 4
 * communities × 5 grids; 1M → 12 counties × 14 towns × 4 × 5.
 * @param people - city size
 * @returns the average fan-out of each level
 */
export function treeShape(people: number): TreeShape {
  const grids = Math.max(1, Math.round(people / GRID_TARGET));
  const counties = Math.min(countyNames.length, Math.max(1, Math.round(people / COUNTY_TARGET)));
  const townsPerCounty = Math.max(1, Math.round(grids / counties / 20));
  const communitiesPerTown = Math.min(5, Math.max(1, Math.round(grids / counties / townsPerCounty / 5)));
  const gridsPerCommunity = Math.max(1, Math.round(grids / counties / townsPerCounty / communitiesPerTown));
  return { counties, townsPerCounty, communitiesPerTown, gridsPerCommunity };
}

interface Draft {
  code: string;
  path: string;
  parent: number;
  level: CityRegionLevel;
  depth: number;
  nameZh: string;
  nameEn: string;
  population: number;
  rect: Rect;
}

function vary(rng: Rng, average: number, minimumForVariation: number): number {
  return average >= minimumForVariation ? average + rng.int(-1, 1) : average;
}

/**
 * Plans the region tree and the population of every grid.
 * @param rng - the regions stream
 * @param people - city size, ≥ 1
 * @returns the plan
 */
export function planRegions(rng: Rng, people: number): RegionPlan {
  const shape = treeShape(people);
  const drafts: Draft[] = [];
  const add = (parent: number, level: CityRegionLevel, code: string, name: NamePair, rect: Rect): number => {
    const parentPath = parent < 0 ? '' : drafts[parent]!.path;
    const depth = parent < 0 ? 0 : drafts[parent]!.depth + 1;
    drafts.push({ code, path: childRegionPath(parentPath, code), parent, level, depth, nameZh: name[0], nameEn: name[1], population: 0, rect });
    return drafts.length - 1;
  };

  const province = add(-1, 'province', '990000', ['示范省', 'Demo Province'], cityBox);
  const city = add(province, 'city', '990100', ['示范市', 'Demo City'], cityBox);
  const countyRects = tile(cityBox, shape.counties);
  for (let c = 0; c < shape.counties; c++) {
    const countyCode = `9901${String(c + 1).padStart(2, '0')}`;
    const county = add(city, 'county', countyCode, countyNames[c]!, countyRects[c]!);
    const towns = vary(rng, shape.townsPerCounty, 3);
    const townRects = tile(countyRects[c]!, towns);
    for (let t = 0; t < towns; t++) {
      const townCode = `${countyCode}${String(t + 1).padStart(3, '0')}`;
      const [zh, en] = nthName(townNames, t + c * 7);
      const town = add(county, 'town', townCode, [`${zh}街道`, `${en} Subdistrict`], townRects[t]!);
      const communities = vary(rng, shape.communitiesPerTown, 2);
      const communityRects = tile(townRects[t]!, communities);
      for (let m = 0; m < communities; m++) {
        const communityCode = `${townCode}${String(m + 1).padStart(3, '0')}`;
        const [czh, cen] = nthName(communityNames, m + t * 3 + c);
        const community = add(town, 'community', communityCode, [`${czh}社区`, `${cen} Community`], communityRects[m]!);
        const grids = vary(rng, shape.gridsPerCommunity, 2);
        const gridRects = tile(communityRects[m]!, grids);
        for (let g = 0; g < grids; g++) {
          const gridCode = `${communityCode}${String(g + 1).padStart(3, '0')}`;
          add(community, 'grid', gridCode, [`第${g + 1}网格`, `Grid ${g + 1}`], gridRects[g]!);
        }
      }
    }
  }

  const gridList: number[] = [];
  drafts.forEach((draft, index) => {
    if (draft.level === 'grid') gridList.push(index);
  });
  const grids = Int32Array.from(gridList);
  const gridQuota = splitPopulation(rng, people, grids.length);
  grids.forEach((region, i) => {
    for (let r = region; r >= 0; r = drafts[r]!.parent) drafts[r]!.population += gridQuota[i]!;
  });

  const countyOf = new Int32Array(drafts.length).fill(-1);
  drafts.forEach((draft, index) => {
    if (draft.level === 'county') countyOf[index] = index;
    else if (draft.depth > 2) countyOf[index] = countyOf[draft.parent]!;
  });

  return {
    regions: drafts.map(({ rect, ...region }) => ({ ...region, polygon: rectPolygon(rect) })),
    rects: drafts.map((draft) => draft.rect),
    grids,
    gridQuota,
    countyOf,
  };
}

/** Splits `people` over `parts` with random weights 0.6–1.4, exactly, giving each part ≥ 1 when possible. */
function splitPopulation(rng: Rng, people: number, parts: number): Int32Array {
  const weights = new Float64Array(parts);
  let total = 0;
  for (let i = 0; i < parts; i++) {
    weights[i] = rng.between(0.6, 1.4);
    total += weights[i]!;
  }
  const floor = people >= parts ? 1 : 0;
  const spread = people - floor * parts;
  const quota = new Int32Array(parts);
  let running = 0;
  let given = 0;
  for (let i = 0; i < parts; i++) {
    running += weights[i]!;
    const upTo = i === parts - 1 ? spread : Math.floor((spread * running) / total);
    quota[i] = floor + upTo - given;
    given = upTo;
  }
  return quota;
}
