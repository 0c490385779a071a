/**
 * The in-memory shape of a synthetic city. Small collections (regions, places, staff) are arrays
 * of readonly objects; the two large ones (households and people) are column tables of compact
 * arrays, so a city of a million people stays a few hundred megabytes. Cross references are
 * indices into the other collections (-1 = none), never database ids.
 */
import type { GeoPolygon, Role } from '@epigrid/core';

/** A level of the default region tree. */
export type CityRegionLevel = 'province' | 'city' | 'county' | 'town' | 'community' | 'grid';

/** One node of the synthetic region tree; parents come before their children in {@link City.regions}. */
export interface CityRegion {
  /** Synthetic administrative code starting with 99, unique in the city. */
  readonly code: string;
  /** ltree path built with core's childRegionPath. */
  readonly path: string;
  /** Index of the parent in {@link City.regions}, -1 for the province. */
  readonly parent: number;
  readonly level: CityRegionLevel;
  /** 0 for the province, 5 for grids. */
  readonly depth: number;
  readonly nameZh: string;
  readonly nameEn: string;
  /** Number of people living under this node. */
  readonly population: number;
  /** A rectangle; each child's rectangle is a tile of its parent's. */
  readonly polygon: GeoPolygon;
}

/** One station or airport of the timetable, as the station catalogue holds it. */
export interface CityStation {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly modes: ReadonlyArray<'train' | 'coach' | 'plane'>;
  /** Index of the town in the city's regions, or -1 for another city's station. */
  readonly region: number;
  /** The town's code, or the administrative code of the other city's region. */
  readonly regionCode: string;
  /** Name of the other city's region (null for the city's own stations). */
  readonly regionName: string | null;
  readonly lat: number;
  readonly lng: number;
}

/** Households as columns; household `h` has members `firstMember[h] .. firstMember[h] + size[h] - 1`. */
export interface CityHouseholds {
  readonly count: number;
  /** Region index of the household's grid. */
  readonly grid: Int32Array;
  /** Street address, e.g. `示范市东城区和平街道幸福社区 12栋3单元502`. */
  readonly address: readonly string[];
  /** Latitude, inside the grid's polygon. */
  readonly lat: Float64Array;
  /** Longitude, inside the grid's polygon. */
  readonly lng: Float64Array;
  /** Index of the first member in {@link CityPeople}. */
  readonly firstMember: Int32Array;
  readonly size: Uint8Array;
}

/** What a person does, as stored in `person.occupation`. */
export const occupations = ['worker', 'student', 'retiree', 'child', 'unemployed'] as const;

/** One of {@link occupations}. */
export type Occupation = (typeof occupations)[number];

/** People as columns, ordered by household (and so by grid and county). */
export interface CityPeople {
  readonly count: number;
  readonly name: readonly string[];
  /** 0 = male, 1 = female. */
  readonly sex: Uint8Array;
  /** YYYY-MM-DD. */
  readonly birthDate: readonly string[];
  /** 18-character resident ID number registered in the person's county (code starts with 99). */
  readonly idNumber: readonly string[];
  /** 11-digit mobile number starting with 199, or null for young children. */
  readonly phone: readonly (string | null)[];
  /** Household index. */
  readonly household: Int32Array;
  /** Region index of the person's grid. */
  readonly grid: Int32Array;
  /** Index into {@link occupations}. */
  readonly occupation: Uint8Array;
  /** Place index of the workplace, -1 if none. */
  readonly workplace: Int32Array;
  /** Place index of the school, -1 if none. */
  readonly school: Int32Array;
}

/** A person of the city as one readable object (see personAt). */
export interface CityPerson {
  readonly index: number;
  readonly name: string;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
  readonly idNumber: string;
  readonly phone: string | null;
  readonly household: number;
  readonly grid: number;
  readonly occupation: Occupation;
  readonly workplace: number;
  readonly school: number;
}

/** The `place.kind` values. */
export type PlaceKind = 'workplace' | 'school' | 'venue' | 'isolation_hotel';

/** A workplace, school, venue or isolation hotel. */
export interface CityPlace {
  readonly kind: PlaceKind;
  /** Industry, school type or venue category (restaurant, supermarket, …). */
  readonly category: string;
  readonly name: string;
  /** Venue place code such as `PC-990101-000123`; null for other kinds. */
  readonly placeCode: string | null;
  /** Region index of the grid it stands in. */
  readonly region: number;
  readonly lat: number;
  readonly lng: number;
  /** Employees, pupils, visitors at once, or rooms (isolation hotels). */
  readonly capacity: number;
}

/** A room of an isolation hotel. */
export interface CityIsolationRoom {
  /** Place index of the hotel. */
  readonly place: number;
  /** e.g. `805` (floor 8, room 5). */
  readonly roomNo: string;
  readonly floor: number;
}

/** A grid worker account serving one grid. */
export interface CityGridWorker {
  /** `gw-<gridcode>-<n>`. */
  readonly username: string;
  readonly displayName: string;
  /** Region index of the grid. */
  readonly region: number;
  /** Index of the resident who holds the account, -1 if the grid has no adult of working age. */
  readonly person: number;
}

/** A demo login, one per role, printed by the CLI. */
export interface DemoLogin {
  readonly username: string;
  readonly role: Role;
  /** Code of the region node the account is attached to. */
  readonly regionCode: string;
  readonly regionNameZh: string;
  readonly regionNameEn: string;
  readonly password: string;
  readonly displayName: string;
}

/** A whole synthetic city. */
export interface City {
  readonly seed: number;
  /** The reference date (YYYY-MM-DD) ages and birth dates were computed from. */
  readonly today: string;
  readonly regions: readonly CityRegion[];
  readonly households: CityHouseholds;
  readonly people: CityPeople;
  readonly places: readonly CityPlace[];
  readonly isolationRooms: readonly CityIsolationRoom[];
  readonly gridWorkers: readonly CityGridWorker[];
  readonly demoLogins: readonly DemoLogin[];
  /** The stations and airports of the timetable: the city's own three, then the other cities'. */
  readonly stations: readonly CityStation[];
}
