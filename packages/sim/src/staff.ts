/**
 * The people who run the demo: one or two grid workers per grid, chosen among the grid's
 * working-age residents, and one demo login per role at a fixed node of the tree.
 */
import type { PopulationDraft } from './households.js';
import type { Role } from '@epigrid/core';
import type { CityGridWorker, DemoLogin } from './model.js';
import { familyName, givenName } from './names.js';
import type { Rng } from './random.js';
import type { RegionPlan } from './region-plan.js';

/** The shared password of every demo account (demo logins and grid workers). Demo data only. */
export const demoPassword = 'epigrid-demo';

type Place = readonly [code: string, nameZh: string, nameEn: string];
const PROVINCE: Place = ['990000', '示范省', 'Demo Province'];
const CITY: Place = ['990100', '示范市', 'Demo City'];
const COUNTY: Place = ['990101', '东城区', 'Dongcheng District'];
const TOWN: Place = ['990101001', '和平街道', 'Heping Subdistrict'];
const GRID: Place = ['990101001001001', '第1网格', 'Grid 1'];

function login(username: string, role: Role, [regionCode, regionNameZh, regionNameEn]: Place, displayName: string): DemoLogin {
  return { username, role, regionCode, regionNameZh, regionNameEn, password: demoPassword, displayName };
}

/**
 * One login per role. Their regions exist, with these names, in every generated city whatever its
 * size: the first county, town and grid always carry these codes and names.
 */
export const demoAccounts: readonly DemoLogin[] = [
  login('admin', 'administrator', PROVINCE, '系统管理员'),
  login('epi', 'epidemiologist', CITY, '市疾控流调组'),
  login('command', 'command_centre', CITY, '市防控指挥部'),
  login('county', 'command_centre', COUNTY, '东城区防控办'),
  login('town', 'command_centre', TOWN, '和平街道防控办'),
  login('grid', 'grid_worker', GRID, '第1网格网格员'),
  login('lab', 'lab', CITY, '市检测实验室'),
  login('facility', 'facility_manager', CITY, '隔离点管理员'),
  login('auditor', 'auditor', PROVINCE, '省审计员'),
  login('public', 'public', GRID, '公众用户'),
];

/** Region names as read back from a database. */
export interface RegionNames {
  readonly nameZh: string;
  readonly nameEn: string;
}

/**
 * The demo logins, for printing or for the login page.
 * @param regionNames - optional region names keyed by username or region code (e.g. read from the
 *   database) that override the names every generated city uses
 * @returns the demo logins with their region names
 */
export function demoLogins(regionNames?: ReadonlyMap<string, RegionNames>): DemoLogin[] {
  return demoAccounts.map((account) => {
    const names = regionNames?.get(account.username) ?? regionNames?.get(account.regionCode);
    return names === undefined ? account : { ...account, regionNameZh: names.nameZh, regionNameEn: names.nameEn };
  });
}

function isWorkingAge(draft: PopulationDraft, person: number): boolean {
  const age = draft.age[person]!;
  return age >= 23 && age <= 55;
}

/** Picks a working-age resident of [start, end) not in `taken`, or -1. */
function pickResident(rng: Rng, draft: PopulationDraft, start: number, end: number, taken: number): number {
  if (end <= start) return -1;
  for (let attempt = 0; attempt < 40; attempt++) {
    const person = rng.int(start, end - 1);
    if (person !== taken && isWorkingAge(draft, person)) return person;
  }
  for (let person = start; person < end; person++) if (person !== taken && isWorkingAge(draft, person)) return person;
  return -1;
}

/**
 * Grid worker accounts: one per grid, two for grids of 300 people or more.
 * @param rng - the staff stream
 * @param plan - the region plan
 * @param draft - households and demographic skeleton (people are contiguous by grid)
 * @param names - the people's names
 * @returns accounts named `gw-<gridcode>-<n>`
 */
export function generateGridWorkers(rng: Rng, plan: RegionPlan, draft: PopulationDraft, names: readonly string[]): CityGridWorker[] {
  const workers: CityGridWorker[] = [];
  let start = 0;
  for (let g = 0; g < plan.grids.length; g++) {
    const region = plan.grids[g]!;
    const end = start + plan.gridQuota[g]!;
    const count = plan.gridQuota[g]! >= 300 ? 2 : 1;
    let previous = -1;
    for (let n = 1; n <= count; n++) {
      const person = pickResident(rng, draft, start, end, previous);
      previous = person;
      const displayName = person >= 0 ? names[person]! : familyName(rng) + givenName(rng, rng.chance(0.5));
      workers.push({ username: `gw-${plan.regions[region]!.code}-${n}`, displayName, region, person });
    }
    start = end;
  }
  return workers;
}
