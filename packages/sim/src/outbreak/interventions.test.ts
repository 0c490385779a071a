import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateCity } from '../city.js';
import { stayKinds } from '../motion/day-presence.js';
import { occupations } from '../model.js';
import type { Restriction } from './restrictions.js';
import type { DayResult } from './simulation.js';
import { Simulation } from './simulation.js';
import { DAY_MINUTES } from './sim-clock.js';

const city = generateCity({ seed: 21, people: 3_000 });
const WORKER = occupations.indexOf('worker');
const workers: number[] = [];
for (let i = 0; i < city.people.count && workers.length < 40; i++) if (city.people.occupation[i] === WORKER && city.people.phone[i] !== null) workers.push(i);

/** Kinds of the person's stays that start at or after a minute, or are in progress then. */
function kindsFrom(day: DayResult, person: number, minute: number): number[] {
  const out: number[] = [];
  for (let i = day.presence.firstOf[person]!; i < day.presence.firstOf[person + 1]!; i++) if (day.presence.end[i]! > minute) out.push(day.presence.kind[i]!);
  return out;
}

describe('interventions', () => {
  it('stop movement from the time the decision reaches the person', () => {
    const sim = new Simulation(city, { seed: 4, seeds: 0, tripShare: 0.2 });
    const id = (i: number): string => city.people.idNumber[i]!;
    const at = (day: number, minute: number): string => sim.clock.iso(day * DAY_MINUTES + minute);
    const [isolated, homeIsolated, redCode, lifted] = [workers.slice(0, 10), workers.slice(10, 20), workers.slice(20, 30), workers.slice(30, 40)];
    const restrictions: Restriction[] = [
      ...isolated.map((i) => ({ residentId: id(i), kind: 'isolation' as const, from: at(1, 600) })),
      ...homeIsolated.map((i) => ({ residentId: id(i), kind: 'home_isolation' as const, from: at(1, 600) })),
      ...redCode.map((i) => ({ residentId: id(i), kind: 'red_code' as const, from: at(1, 0) })),
      ...lifted.map((i) => ({ residentId: id(i), kind: 'quarantine' as const, from: at(1, 0), until: at(2, 0) })),
    ];
    sim.simulateDay();
    const day1 = sim.simulateDay(restrictions);
    const day2 = sim.simulateDay();
    for (const day of [day1, day2]) {
      const from = day.day === 1 ? 600 : 0;
      for (const i of isolated) assert.deepEqual(new Set(kindsFrom(day, i, from)), new Set([stayKinds.hotel]), 'isolated: only the hotel');
      for (const i of homeIsolated) assert.deepEqual(new Set(kindsFrom(day, i, from)), new Set([stayKinds.home]), 'home isolation: only home');
      for (const i of redCode) for (const k of kindsFrom(day, i, 0)) assert.ok(k !== stayKinds.venue && k !== stayKinds.ride && k !== stayKinds.away, 'red code: no venues or transport');
      const confined = new Set([...isolated, ...homeIsolated, ...redCode]);
      for (let k = 0; k < day.checkIns.count; k++) {
        const stay = day.checkIns.stay[k]!;
        const person = day.presence.person[stay]!;
        if (confined.has(person)) assert.ok(day.checkIns.timeIn[k]! < from && !redCode.includes(person), 'no scans after the decision');
      }
      for (let k = 0; k < day.legs.count; k++) {
        const person = day.legs.person[k]!;
        if (confined.has(person)) assert.ok(day.presence.start[day.legs.stay[k]!]! < from && !redCode.includes(person), 'no journeys after the decision');
      }
      for (const i of isolated) {
        for (let k = day.telecom.firstOf[i]!; k < day.telecom.firstOf[i + 1]!; k++) {
          if (day.telecom.start[k]! < from + 10) continue;
          const hotelCell = sim.index.placeCell[sim.index.hotels[i % sim.index.hotels.length]!]!;
          const c = day.telecom.cell[k]!;
          assert.ok(c === hotelCell || sim.index.cells.neighbours(hotelCell).includes(c), 'phone seen only at the hotel');
        }
      }
    }
    for (const i of lifted) assert.deepEqual(new Set(kindsFrom(day1, i, 0)), new Set([stayKinds.hotel]), 'quarantined for the day');
    assert.ok(lifted.some((i) => kindsFrom(day2, i, 0).some((k) => k !== stayKinds.hotel)), 'free again after until');
    assert.equal(sim.interventionLog().length, restrictions.length);
  });

  it('locks down an area by region code', () => {
    const sim = new Simulation(city, { seed: 4, seeds: 0 });
    const county = city.regions.find((r) => r.level === 'county')!;
    const day = sim.simulateDay([{ regionCode: county.code, kind: 'lockdown', from: sim.clock.iso(0) }]);
    for (let i = 0; i < city.people.count; i++) assert.deepEqual(new Set(kindsFrom(day, i, 0)), new Set([stayKinds.home]));
    assert.equal(day.checkIns.count, 0);
  });

  it('isolates reported cases from their report time unless switched off', () => {
    const run = (isolate: boolean): { reported: number; outside: number } => {
      const sim = new Simulation(city, { seed: 8, seeds: 40, isolateReportedCases: isolate, careSeekingShare: 1 });
      const reports: { person: number; at: number }[] = [];
      let outside = 0;
      for (let d = 0; d < 14; d++) {
        const day = sim.simulateDay();
        for (const r of day.cases) if (!reports.some((x) => x.person === r.person)) reports.push({ person: r.person, at: r.reportTime });
        for (const r of reports) {
          const minute = Math.max(0, r.at - d * DAY_MINUTES);
          if (minute >= DAY_MINUTES) continue;
          if (kindsFrom(day, r.person, minute).some((k) => k !== stayKinds.hotel)) outside++;
        }
      }
      return { reported: reports.length, outside };
    };
    const on = run(true);
    const off = run(false);
    assert.ok(on.reported > 5, `cases reported (${on.reported})`);
    assert.equal(on.outside, 0, 'reported cases stay in isolation');
    assert.ok(off.outside > 0, 'without the response, reported cases keep moving');
  });
});
