/**
 * @epigrid/sim — a deterministic synthetic city (regions, households, people, places, staff)
 * generated from a seed and a size, and loaded into the EpiGrid database for demos and benchmarks.
 */
export type { ProgressListener } from './bulk.js';
export { cityCounts, generateCity, maxCityPeople, personAt } from './city.js';
export type { CityCounts, CityOptions } from './city.js';
export { defaultCityDate } from './dates.js';
export { createDemoCity, isDatabaseEmpty } from './demo-city.js';
export type { DemoCityOptions, DemoCityReport } from './demo-city.js';
export { loadCity } from './load-city.js';
export type { LoadCityOptions } from './load-city.js';
export { occupations } from './model.js';
export type {
  City,
  CityGridWorker,
  CityHouseholds,
  CityIsolationRoom,
  CityPeople,
  CityPerson,
  CityPlace,
  CityRegion,
  CityRegionLevel,
  DemoLogin,
  Occupation,
  PlaceKind,
} from './model.js';
export { DEMO_PASSWORD, demoAccounts, demoLogins, demoPassword } from './staff.js';
export type { RegionNames } from './staff.js';
