/**
 * Generates a whole synthetic city from a seed and a size. Pure and deterministic: the same
 * options always give a deep-equal city; nothing here reads the clock, the environment or disk.
 */
import { dayNumber, defaultCityDate } from './dates.js';
import { generateHouseholds } from './households.js';
import { occupations } from './model.js';
import type { City, CityPerson } from './model.js';
import { cityStations } from './motion/station-catalogue.js';
import { generateIdentities } from './people.js';
import { generatePlaces } from './places.js';
import { phases, Rng } from './random.js';
import { planRegions } from './region-plan.js';
import { demoAccounts, generateGridWorkers } from './staff.js';

/** Largest city generateCity accepts. */
export const maxCityPeople = 5_000_000;

/** Options of {@link generateCity}. */
export interface CityOptions {
  /** Any integer; only its low 32 bits count. */
  readonly seed: number;
  /** Number of residents, 1 … {@link maxCityPeople}. */
  readonly people: number;
  /** Reference date (YYYY-MM-DD) for ages; default 2026-01-01, never the clock. */
  readonly today?: string;
}

/**
 * Generates a synthetic city.
 * @param options - seed, size and reference date
 * @returns the city, in memory
 */
export function generateCity(options: CityOptions): City {
  const { seed, people } = options;
  if (!Number.isSafeInteger(seed)) throw new RangeError('seed must be an integer');
  if (!Number.isInteger(people) || people < 1 || people > maxCityPeople) {
    throw new RangeError(`people must be an integer from 1 to ${maxCityPeople}`);
  }
  const today = options.today ?? defaultCityDate;
  const todayDay = dayNumber(today);

  const plan = planRegions(Rng.stream(seed, phases.regions), people);
  const draft = generateHouseholds(Rng.stream(seed, phases.households), plan, people, todayDay);
  const identities = generateIdentities(Rng.stream(seed, phases.people), draft, plan);
  const places = generatePlaces(Rng.stream(seed, phases.places), plan, draft, identities.occupation);
  const gridWorkers = generateGridWorkers(Rng.stream(seed, phases.staff), plan, draft, identities.name);

  return {
    seed,
    today,
    regions: plan.regions,
    households: draft.households,
    people: {
      count: people,
      name: identities.name,
      sex: draft.sex,
      birthDate: identities.birthDate,
      idNumber: identities.idNumber,
      phone: identities.phone,
      household: draft.household,
      grid: draft.grid,
      occupation: identities.occupation,
      workplace: places.workplace,
      school: places.school,
    },
    places: places.places,
    isolationRooms: places.isolationRooms,
    gridWorkers,
    demoLogins: demoAccounts,
    stations: cityStations(plan.regions),
  };
}

/**
 * Reads one person of a city as an object (the city stores people as columns).
 * @param city - the city
 * @param index - 0 … city.people.count - 1
 * @returns the person
 */
export function personAt(city: City, index: number): CityPerson {
  const p = city.people;
  if (!Number.isInteger(index) || index < 0 || index >= p.count) throw new RangeError(`no person ${index}`);
  return {
    index,
    name: p.name[index]!,
    sex: p.sex[index] === 1 ? 'female' : 'male',
    birthDate: p.birthDate[index]!,
    idNumber: p.idNumber[index]!,
    phone: p.phone[index]!,
    household: p.household[index]!,
    grid: p.grid[index]!,
    occupation: occupations[p.occupation[index]!]!,
    workplace: p.workplace[index]!,
    school: p.school[index]!,
  };
}

/** How many rows of each kind a city has (what loadCity writes). */
export interface CityCounts {
  readonly regions: number;
  readonly households: number;
  readonly people: number;
  readonly places: number;
  readonly isolationRooms: number;
  /** Demo logins plus grid workers. */
  readonly users: number;
  readonly stations: number;
}

/**
 * Counts the rows of a city.
 * @param city - the city
 * @returns counts per table
 */
export function cityCounts(city: City): CityCounts {
  return {
    regions: city.regions.length,
    households: city.households.count,
    people: city.people.count,
    places: city.places.length,
    isolationRooms: city.isolationRooms.length,
    users: city.demoLogins.length + city.gridWorkers.length,
    stations: city.stations.length,
  };
}
