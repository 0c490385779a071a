/**
 * Writes one simulated day as the files of docs/data-formats.md: `<out>/<date>/<date>.<source>.csv`
 * for check-ins, telecom, transport, cases and lab-results; the ground truth to
 * `<out>/truth/<date>.infections.csv` (never imported); and the restrictions the simulator enforced
 * to `<out>/log/<date>.restrictions.ndjson` (for `epigrid sim evaluate`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { seatOf } from '../motion/timetable.js';
import type { DayResult, Simulation } from '../outbreak/simulation.js';
import { DAY_MINUTES } from '../outbreak/sim-clock.js';
import { CsvWriter } from './csv-writer.js';

/** The sources the simulator emits each day, in the order they are written. */
export const daySources = ['check-ins', 'telecom', 'transport', 'cases', 'lab-results'] as const;

/** One of {@link daySources}. */
export type DaySource = (typeof daySources)[number];

/** A file for the ingestion path. */
export interface DayFile {
  readonly source: DaySource;
  readonly path: string;
}

/** What {@link writeDayFiles} wrote. */
export interface WrittenDay {
  /** The files to import, one per source. */
  readonly files: readonly DayFile[];
  readonly truthPath: string;
  readonly logPath: string;
  /** Data rows per source (and `truth`). */
  readonly rows: Readonly<Record<DaySource | 'truth', number>>;
}

/** Field names per source, as in docs/data-formats.md. */
export const dayHeaders: Readonly<Record<DaySource | 'truth', readonly string[]>> = {
  'check-ins': ['scan_id', 'place_code', 'phone', 'resident_id', 'time_in', 'time_out'],
  telecom: ['record_id', 'phone', 'cell', 'start_time', 'end_time'],
  transport: ['ticket_id', 'mode', 'service_id', 'service_date', 'departure_time', 'arrival_time', 'origin', 'destination', 'resident_id', 'name', 'carriage', 'seat_row', 'seat', 'enclosed'],
  cases: ['report_id', 'resident_id', 'name', 'phone', 'classification', 'onset_date', 'sampling_date', 'report_time', 'isolated_time', 'imported', 'reporting_unit'],
  'lab-results': ['sample_id', 'tube_id', 'pool_size', 'resident_id', 'name', 'phone', 'sampled_at', 'resulted_at', 'result', 'ct_n', 'ct_orf1ab', 'lab_code', 'round_id'],
  truth: ['infectee_resident_id', 'infector_resident_id', 'setting', 'place', 'infected_at', 'onset_date', 'recorded', 'recorded_by'],
};

/**
 * Writes the day's files.
 * @param sim - the simulation that produced the day
 * @param day - the day
 * @param outDir - output directory
 * @returns paths and row counts
 */
export function writeDayFiles(sim: Simulation, day: DayResult, outDir: string): WrittenDay {
  const { clock, city, services, state } = sim;
  const p = city.people;
  const date = day.date;
  const tag = date.replaceAll('-', '');
  const dayStart = day.day * DAY_MINUTES;
  const at = (minute: number): string => clock.iso(dayStart + minute);
  const dir = join(outDir, date);
  mkdirSync(dir, { recursive: true });
  mkdirSync(join(outDir, 'truth'), { recursive: true });
  mkdirSync(join(outDir, 'log'), { recursive: true });
  const open = (source: DaySource): CsvWriter => new CsvWriter(join(dir, `${date}.${source}.csv`), dayHeaders[source]);
  const seq = (n: number): string => String(n).padStart(7, '0');

  const checkIns = open('check-ins');
  const c = day.checkIns;
  for (let k = 0; k < c.count; k++) {
    const stay = c.stay[k]!;
    const person = day.presence.person[stay]!;
    const byId = c.byResidentId[k] === 1;
    checkIns.row([`SC${tag}-${seq(k + 1)}`, city.places[day.presence.place[stay]!]!.placeCode, byId ? null : p.phone[person], byId ? p.idNumber[person] : null, at(c.timeIn[k]!), c.timeOut[k]! < 0 ? null : at(c.timeOut[k]!)]);
  }
  checkIns.close();

  const telecom = open('telecom');
  const t = day.telecom;
  for (let k = 0; k < t.count; k++) {
    telecom.row([`TC${tag}-${seq(k + 1)}`, p.phone[t.person[k]!], sim.index.cells.text(t.cell[k]!), at(t.start[k]!), at(t.end[k]!)]);
  }
  telecom.close();

  const transport = open('transport');
  const legs = day.legs;
  for (let k = 0; k < legs.count; k++) {
    const service = services[legs.service[k]!]!;
    const seat = seatOf(service, legs.flatSeat[k]!);
    const person = legs.person[k]!;
    transport.row([
      `TK${tag}-${seq(k + 1)}`,
      service.mode,
      service.id,
      date,
      at(service.depart),
      at(service.arrive),
      service.origin,
      service.destination,
      p.idNumber[person],
      p.name[person],
      service.mode === 'train' ? seat.carriage : null,
      seat.row,
      service.seatLetters[seat.seat] ?? String(seat.seat + 1),
      service.enclosed,
    ]);
  }
  transport.close();

  const cases = open('cases');
  for (const r of day.cases) {
    cases.row([
      r.reportId,
      p.idNumber[r.person],
      p.name[r.person],
      p.phone[r.person],
      r.classification,
      r.onset === null ? null : clock.date(clock.dayOf(r.onset)),
      clock.date(clock.dayOf(r.sampledAt)),
      clock.iso(r.reportTime),
      r.isolatedTime === null ? null : clock.iso(r.isolatedTime),
      state.infector[r.person] === -1,
      r.reportingUnit,
    ]);
  }
  cases.close();

  const labs = open('lab-results');
  for (const r of day.labResults) {
    labs.row([r.sampleId, r.tubeId, r.poolSize, p.idNumber[r.person], p.name[r.person], p.phone[r.person], clock.iso(r.sampledAt), clock.iso(r.resultedAt), r.result, r.ctN, r.ctOrf1ab, r.labCode, r.roundId]);
  }
  labs.close();

  const truthPath = join(outDir, 'truth', `${date}.infections.csv`);
  const truth = new CsvWriter(truthPath, dayHeaders.truth);
  for (const inf of day.infections) {
    const onset = state.asymptomatic[inf.infectee] === 1 ? null : clock.date(clock.dayOf(state.onset[inf.infectee]!));
    truth.row([p.idNumber[inf.infectee], inf.infector < 0 ? null : p.idNumber[inf.infector], inf.setting, inf.place, clock.iso(inf.at), onset, inf.recorded, inf.recordedBy]);
  }
  truth.close();

  const logPath = join(outDir, 'log', `${date}.restrictions.ndjson`);
  writeFileSync(logPath, day.restrictions.map((r) => `${JSON.stringify(r)}\n`).join(''));

  const files = daySources.map((source) => ({ source, path: join(dir, `${date}.${source}.csv`) }));
  return {
    files,
    truthPath,
    logPath,
    rows: { 'check-ins': checkIns.rows, telecom: telecom.rows, transport: transport.rows, cases: cases.rows, 'lab-results': labs.rows, truth: truth.rows },
  };
}
