/**
 * The city in motion, one day at a time: observe (tests, results, reports), take the day's
 * restrictions, plan everyone's day and make them obey, seat the travellers, transmit, then derive
 * what the data sources record and the ground truth. Deterministic: the same city, configuration
 * and restrictions give the same days; each day and purpose draws from its own random stream, so
 * one person's confinement does not reshuffle everyone else's day.
 */
import type { City } from '../model.js';
import { Rng } from '../random.js';
import { indexCity } from '../motion/city-index.js';
import type { CityIndex } from '../motion/city-index.js';
import { confine } from '../motion/confine.js';
import { DayPresence, StayBuffer } from '../motion/day-presence.js';
import { scanCheckIns, telecomRecords } from '../motion/presence-records.js';
import type { CheckIns, TelecomRecords } from '../motion/presence-records.js';
import { planDay } from '../motion/routines.js';
import type { PlanContext } from '../motion/routines.js';
import { buildTimetable } from '../motion/timetable.js';
import type { Service } from '../motion/timetable.js';
import { TransportLegs } from '../motion/transport-legs.js';
import { drawCourse } from './natural-history.js';
import { Observation } from './observation.js';
import type { CaseReport, LabResult } from './observation.js';
import { OutbreakState } from './outbreak-state.js';
import type { Infection, RecordedBy } from './outbreak-state.js';
import { placeKey, recordedBy } from './recorded.js';
import { RestrictionBook } from './restriction-book.js';
import type { LoggedRestriction } from './restriction-book.js';
import type { Restriction } from './restrictions.js';
import { resolveSimConfig } from './sim-config.js';
import type { SimConfig, SimConfigInput } from './sim-config.js';
import { DAY_MINUTES, SimClock } from './sim-clock.js';
import { transmit } from './transmission.js';

/** Random stream phases of the simulation (above the city's phases). */
const SETUP_PHASE = { timetable: 40, habits: 41, seeds: 42 } as const;
const DAY_PHASE_BASE = 64;
const DAY_PHASES = { routines: 0, transmission: 1, observation: 2, records: 3, seating: 4, courses: 5 } as const;
const PHASES_PER_DAY = 8;

/** Everything one simulated day produced. */
export interface DayResult {
  /** Day index (0 = start date). */
  readonly day: number;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly presence: DayPresence;
  readonly legs: TransportLegs;
  readonly checkIns: CheckIns;
  readonly telecom: TelecomRecords;
  /** Lab results whose result time falls on this day. */
  readonly labResults: readonly LabResult[];
  /** Case reports (and corrections) made on this day. */
  readonly cases: readonly CaseReport[];
  /** Ground truth: infections of this day (on day 0 also the seeds). */
  readonly infections: readonly Infection[];
  /** Restrictions first recorded while preparing this day. */
  readonly restrictions: readonly LoggedRestriction[];
}

/** The state of a simulation, for counters. */
export interface SimulationTotals {
  readonly daysSimulated: number;
  readonly infections: number;
  readonly reportedCases: number;
  readonly restrictions: number;
}

/** A city living through an outbreak, day by day. */
export class Simulation {
  readonly config: SimConfig;
  readonly clock: SimClock;
  readonly index: CityIndex;
  readonly services: readonly Service[];
  readonly state: OutbreakState;
  private readonly observation: Observation;
  private readonly book: RestrictionBook;
  private readonly plan: PlanContext;
  private readonly neverScan: Uint8Array;
  private readonly seedInfections: Infection[] = [];
  private nextDay = 0;
  private reportedCount = 0;
  private loggedCount = 0;

  /**
   * @param city - a city from generateCity
   * @param input - configuration overrides
   */
  constructor(
    readonly city: City,
    input: SimConfigInput = {},
  ) {
    this.config = resolveSimConfig(input);
    const { seed } = this.config;
    this.clock = new SimClock(this.config.startDate);
    this.index = indexCity(city, this.config.startDate, this.config.teamSize, this.config.classSize);
    this.services = buildTimetable(Rng.stream(seed, SETUP_PHASE.timetable));
    const outbound: number[] = [];
    this.services.forEach((s, k) => {
      if (s.outbound) outbound.push(k);
    });
    this.plan = { index: this.index, services: this.services, outbound, tripShare: this.config.tripShare };
    const people = city.people.count;
    const habits = Rng.stream(seed, SETUP_PHASE.habits);
    this.neverScan = new Uint8Array(people);
    for (let i = 0; i < people; i++) this.neverScan[i] = habits.chance(this.config.neverScanShare) ? 1 : 0;
    this.state = new OutbreakState(people);
    this.observation = new Observation(this.index, this.config, this.state, this.clock);
    this.book = new RestrictionBook(city, this.clock);
    this.seed(Rng.stream(seed, SETUP_PHASE.seeds));
  }

  /** @returns the index of the next day to simulate */
  get day(): number {
    return this.nextDay;
  }

  /** @returns running totals */
  totals(): SimulationTotals {
    return { daysSimulated: this.nextDay, infections: this.state.infected.length, reportedCases: this.reportedCount, restrictions: this.loggedCount };
  }

  /** @returns every restriction enforced so far (the platform's and the simulator's own) */
  interventionLog(): readonly LoggedRestriction[] {
    return this.book.all();
  }

  /**
   * Simulates the next day.
   * @param restrictions - the platform's decisions received before this day
   * @returns what happened and what was recorded
   */
  simulateDay(restrictions: readonly Restriction[] = []): DayResult {
    const d = this.nextDay;
    const stream = (phase: number): Rng => Rng.stream(this.config.seed, DAY_PHASE_BASE + d * PHASES_PER_DAY + phase);
    const people = this.city.people.count;

    for (const report of this.observation.observe(stream(DAY_PHASES.observation), d)) {
      this.reportedCount++;
      if (report.isolatedTime === null) continue;
      const residentId = this.city.people.idNumber[report.person]!;
      const until = this.clock.iso(report.isolatedTime + Math.round(this.config.isolationDays * DAY_MINUTES));
      this.book.add({ residentId, kind: 'isolation', from: this.clock.iso(report.isolatedTime), until }, 'simulator');
    }
    for (const restriction of restrictions) this.book.add(restriction, 'platform');
    const all = this.book.all();
    const fresh = all.slice(this.loggedCount);
    this.loggedCount = all.length;
    const windows = this.book.windowsFor(d);

    const presence = new DayPresence(people);
    const legs = new TransportLegs();
    const buffer = new StayBuffer();
    const routines = stream(DAY_PHASES.routines);
    const weekday = (this.clock.startDay + d + 3) % 7;
    const p = this.city.people;
    const hotels = this.index.hotels;
    for (let i = 0; i < people; i++) {
      planDay(this.plan, routines, i, weekday, buffer);
      const own = windows.byPerson.get(i);
      const area = windows.byGrid.size > 0 ? windows.byGrid.get(p.grid[i]!) : undefined;
      if (own !== undefined || area !== undefined) {
        const list = [...(own ?? []), ...(area ?? [])].sort((a, b) => a.from - b.from || a.level - b.level);
        for (const window of list) confine(buffer, window, p.household[i]!, hotels[i % hotels.length]!);
      }
      presence.append(i, buffer, (service, stay) => legs.add(i, service, stay));
    }
    legs.seat(stream(DAY_PHASES.seating), this.services);

    const exposures = transmit(stream(DAY_PHASES.transmission), this.index, this.config, this.state, { day: d, presence, legs, services: this.services });
    const courses = stream(DAY_PHASES.courses);
    for (const e of exposures) {
      this.state.infect(e.infectee, e.infector, e.at, drawCourse(courses, this.config, e.at));
      this.observation.planCareSeeking(courses, e.infectee, d);
    }

    const records = stream(DAY_PHASES.records);
    const checkIns = scanCheckIns(records, this.index, presence, { neverScan: this.neverScan, skipShare: this.config.skipScanShare, noTimeOutShare: this.config.noTimeOutShare });
    const telecom = telecomRecords(records, this.index, presence, this.config.telecomNoiseShare);
    const recordedDay = { day: d, presence, checkIns, telecom };
    const infections: Infection[] = d === 0 ? [...this.seedInfections] : [];
    for (const e of exposures) {
      infections.push({
        infectee: e.infectee,
        infector: e.infector,
        setting: e.setting,
        place: placeKey(this.city, this.services, e.setting, e.where),
        at: e.at,
        ...recording(recordedBy(recordedDay, e)),
      });
    }
    this.nextDay++;
    return {
      day: d,
      date: this.clock.date(d),
      presence,
      legs,
      checkIns,
      telecom,
      labResults: this.observation.takeResults(d),
      cases: this.observation.takeReports(d),
      infections,
      restrictions: fresh,
    };
  }

  /** Infects the initial cases during the four days before the start (imported infections). */
  private seed(rng: Rng): void {
    const people = this.city.people.count;
    const wanted = Math.min(this.config.seeds, people);
    for (let tries = 0; this.seedInfections.length < wanted && tries < wanted * 100; tries++) {
      const person = rng.int(0, people - 1);
      if (!this.state.susceptible(person) || (this.index.age[person]! < 18 && tries < wanted * 50)) continue;
      const at = -rng.int(1, 4 * DAY_MINUTES);
      this.state.infect(person, -1, at, drawCourse(rng, this.config, at));
      this.observation.planCareSeeking(rng, person, -1);
      const cell = this.index.cells.text(this.index.householdCell[this.city.people.household[person]!]!);
      this.seedInfections.push({ infectee: person, infector: -1, setting: 'community', place: cell, at, recorded: false, recordedBy: null });
    }
  }
}

function recording(by: RecordedBy): { recorded: boolean; recordedBy: RecordedBy } {
  return { recorded: by !== null, recordedBy: by };
}
