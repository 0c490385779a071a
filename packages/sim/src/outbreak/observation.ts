/**
 * How the health system sees the outbreak: symptomatic people seek a test after a delay,
 * uninfected people with a fever test negative, optional mass-testing rounds (single or pooled
 * tubes; a positive pool is retested single-tube the next day), lab turnaround, and case reports
 * (asymptomatic when found before onset, corrected to confirmed when symptoms follow).
 */
import type { CityIndex } from '../motion/city-index.js';
import type { Rng } from '../random.js';
import { lognormal } from './natural-history.js';
import type { OutbreakState } from './outbreak-state.js';
import type { SimConfig } from './sim-config.js';
import { DAY_MINUTES } from './sim-clock.js';
import type { SimClock } from './sim-clock.js';

/** One person-sample and its result. */
export interface LabResult {
  readonly sampleId: string;
  readonly tubeId: string;
  readonly poolSize: number;
  readonly person: number;
  readonly sampledAt: number;
  readonly resultedAt: number;
  readonly result: 'positive' | 'negative';
  readonly ctN: number | null;
  readonly ctOrf1ab: number | null;
  readonly labCode: string;
  readonly roundId: string | null;
}

/** A case report row (a correction repeats the report ID with a later report time). */
export interface CaseReport {
  readonly reportId: string;
  readonly person: number;
  readonly classification: 'confirmed' | 'asymptomatic';
  /** Minute of onset, null for asymptomatic. */
  readonly onset: number | null;
  readonly sampledAt: number;
  readonly reportTime: number;
  readonly isolatedTime: number | null;
  readonly reportingUnit: string;
}

type SampleKind = 'care' | 'retest' | 'background';

interface Sample {
  readonly person: number;
  readonly at: number;
  readonly kind: SampleKind;
  readonly roundId: string | null;
}

const compact = (date: string): string => date.replaceAll('-', '');

/** Test-seeking, labs and case reporting. */
export class Observation {
  private readonly samples = new Map<number, Sample[]>();
  private readonly results = new Map<number, LabResult[]>();
  private readonly reports = new Map<number, CaseReport[]>();
  private readonly reported: Uint8Array;
  private sampleSeq = 0;
  private tubeSeq = 0;
  private reportSeq = 0;

  /**
   * @param index - city lookups
   * @param config - parameters
   * @param state - infections
   * @param clock - simulation clock
   */
  constructor(
    private readonly index: CityIndex,
    private readonly config: SimConfig,
    private readonly state: OutbreakState,
    private readonly clock: SimClock,
  ) {
    this.reported = new Uint8Array(index.city.people.count);
  }

  /**
   * Decides, at infection, whether and when a symptomatic person will seek a test.
   * @param rng - random stream
   * @param person - the newly infected person
   * @param today - day index of the infection
   */
  planCareSeeking(rng: Rng, person: number, today: number): void {
    if (this.state.asymptomatic[person] === 1 || !rng.chance(this.config.careSeekingShare)) return;
    let at = this.state.onset[person]! + Math.round(lognormal(rng, this.config.careSeekingDelay) * DAY_MINUTES);
    const minute = at - Math.floor(at / DAY_MINUTES) * DAY_MINUTES;
    // Clinics sample from 08:00 to 21:00.
    if (minute < 480) at += 480 - minute + rng.int(0, 120);
    else if (minute > 1260) at += DAY_MINUTES - minute + 480 + rng.int(0, 120);
    if (this.clock.dayOf(at) <= today) at = (today + 1) * DAY_MINUTES + 480 + rng.int(0, 120);
    this.queue(this.samples, this.clock.dayOf(at), { person, at, kind: 'care', roundId: null });
  }

  /**
   * Takes and analyses the day's samples; results and reports are queued for the day they happen.
   * Uses the infection state at the start of the day (nobody infected today is detectable today).
   * @param rng - the day's observation stream
   * @param day - day index
   * @returns the reports first made as a result (corrections excluded), for the response to act on
   */
  observe(rng: Rng, day: number): CaseReport[] {
    const fresh: CaseReport[] = [];
    const dayStart = day * DAY_MINUTES;
    for (const sample of this.samples.get(day) ?? []) this.testSingle(rng, sample, fresh);
    this.samples.delete(day);
    const people = this.index.city.people.count;
    const background = Math.round(people * this.config.backgroundTestShare);
    for (let k = 0; k < background; k++) {
      this.testSingle(rng, { person: rng.int(0, people - 1), at: dayStart + rng.int(480, 1200), kind: 'background', roundId: null }, fresh);
    }
    const mass = this.config.massTesting;
    if (mass !== null && day >= mass.firstDay && (day - mass.firstDay) % mass.everyDays === 0) this.massRound(rng, day, fresh);
    return fresh;
  }

  /**
   * @param day - day index
   * @returns lab results whose result time falls on that day (removed from the queue)
   */
  takeResults(day: number): LabResult[] {
    const out = this.results.get(day) ?? [];
    this.results.delete(day);
    return out.sort((a, b) => a.resultedAt - b.resultedAt || (a.sampleId < b.sampleId ? -1 : 1));
  }

  /**
   * @param day - day index
   * @returns case reports (and corrections) made on that day (removed from the queue)
   */
  takeReports(day: number): CaseReport[] {
    const out = this.reports.get(day) ?? [];
    this.reports.delete(day);
    return out.sort((a, b) => a.reportTime - b.reportTime || (a.reportId < b.reportId ? -1 : 1));
  }

  /**
   * @param person - person index
   * @returns true once a case report has been made or scheduled for the person
   */
  isReported(person: number): boolean {
    return this.reported[person] === 1;
  }

  private queue<T>(map: Map<number, T[]>, day: number, item: T): void {
    const list = map.get(day);
    if (list === undefined) map.set(day, [item]);
    else list.push(item);
  }

  private countyCode(person: number): string {
    const town = this.index.townOfRegion[this.index.city.people.grid[person]!]!;
    return this.index.townCode[town]!.slice(0, 6);
  }

  private ct(rng: Rng, person: number, at: number): number {
    const distance = Math.min(1, Math.abs(at - this.state.peak[person]!) / (7 * DAY_MINUTES));
    return Math.round(Math.min(38.5, Math.max(15, 18 + 17 * distance + rng.between(-2, 2))) * 10) / 10;
  }

  private positive(rng: Rng, person: number, at: number): boolean {
    return !this.state.susceptible(person) && this.state.detectable(person, at) && rng.chance(this.config.sensitivity);
  }

  private result(rng: Rng, persons: readonly number[], ats: readonly number[], positive: boolean, resultedAt: number, roundId: string | null): void {
    const tubeId = `TB${compact(this.clock.date(this.clock.dayOf(ats[0]!)))}-${String(++this.tubeSeq).padStart(7, '0')}`;
    persons.forEach((person, k) => {
      const at = ats[k]!;
      const ctN = positive ? this.ct(rng, persons.find((p, m) => !this.state.susceptible(p) && this.state.detectable(p, ats[m]!)) ?? person, at) : null;
      this.queue(this.results, this.clock.dayOf(resultedAt), {
        sampleId: `SP${compact(this.clock.date(this.clock.dayOf(at)))}-${String(++this.sampleSeq).padStart(7, '0')}`,
        tubeId,
        poolSize: persons.length,
        person,
        sampledAt: at,
        resultedAt,
        result: positive ? 'positive' : 'negative',
        ctN,
        ctOrf1ab: ctN === null ? null : Math.round((ctN + rng.between(-0.5, 1.5)) * 10) / 10,
        labCode: `LAB-${this.countyCode(persons[0]!)}`,
        roundId,
      });
    });
  }

  private testSingle(rng: Rng, sample: Sample, fresh: CaseReport[]): void {
    const positive = this.positive(rng, sample.person, sample.at);
    const turnaround = sample.kind === 'background' ? rng.int(240, 1200) : rng.int(180, 720);
    const resultedAt = sample.at + turnaround;
    this.result(rng, [sample.person], [sample.at], positive, resultedAt, sample.roundId);
    if (positive) this.report(rng, sample.person, sample.at, resultedAt, fresh);
  }

  private massRound(rng: Rng, day: number, fresh: CaseReport[]): void {
    const mass = this.config.massTesting!;
    const roundId = `MT${compact(this.clock.date(day))}`;
    const people = this.index.city.people.count;
    const dayStart = day * DAY_MINUTES;
    let tube: number[] = [];
    let ats: number[] = [];
    const close = (): void => {
      if (tube.length === 0) return;
      const positive = tube.some((p, k) => !this.state.susceptible(p) && this.state.detectable(p, ats[k]!)) && rng.chance(this.config.sensitivity);
      const resultedAt = ats[ats.length - 1]! + rng.int(240, 900);
      this.result(rng, tube, ats, positive, resultedAt, roundId);
      if (positive && tube.length === 1) this.report(rng, tube[0]!, ats[0]!, resultedAt, fresh);
      if (positive && tube.length > 1) {
        for (const person of tube) this.queue(this.samples, day + 1, { person, at: dayStart + DAY_MINUTES + rng.int(480, 720), kind: 'retest', roundId });
      }
      tube = [];
      ats = [];
    };
    for (let person = 0; person < people; person++) {
      if (this.reported[person] === 1 || !rng.chance(mass.coverage)) continue;
      tube.push(person);
      ats.push(dayStart + 420 + Math.floor((person / people) * 660));
      if (tube.length === mass.poolSize) close();
    }
    // Pool sizes are validated values only: the last few people get single tubes.
    const [rest, restAts] = [tube, ats];
    tube = [];
    ats = [];
    rest.forEach((person, k) => {
      tube = [person];
      ats = [restAts[k]!];
      close();
    });
  }

  private report(rng: Rng, person: number, sampledAt: number, resultedAt: number, fresh: CaseReport[]): void {
    if (this.reported[person] === 1) return;
    this.reported[person] = 1;
    const reportTime = resultedAt + rng.int(60, 240);
    const onset = this.state.onset[person]!;
    const symptomatic = this.state.asymptomatic[person] === 0;
    const confirmed = symptomatic && onset <= reportTime;
    const reportId = `CR${compact(this.clock.date(this.clock.dayOf(reportTime)))}-${String(++this.reportSeq).padStart(6, '0')}`;
    const base = {
      reportId,
      person,
      sampledAt,
      isolatedTime: this.config.isolateReportedCases ? reportTime : null,
      reportingUnit: `CDC-${this.countyCode(person)}`,
    };
    const row: CaseReport = { ...base, classification: confirmed ? 'confirmed' : 'asymptomatic', onset: confirmed ? onset : null, reportTime };
    this.queue(this.reports, this.clock.dayOf(reportTime), row);
    fresh.push(row);
    if (symptomatic && !confirmed) {
      const correctedAt = onset + rng.int(60, 600);
      this.queue(this.reports, this.clock.dayOf(correctedAt), { ...base, classification: 'confirmed', onset, reportTime: correctedAt });
    }
  }
}
