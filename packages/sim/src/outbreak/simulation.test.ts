import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { generateCity } from '../city.js';
import { stayKinds } from '../motion/day-presence.js';
import { seatOf } from '../motion/timetable.js';
import type { DayResult } from './simulation.js';
import { Simulation } from './simulation.js';
import { DAY_MINUTES } from './sim-clock.js';

const city = generateCity({ seed: 11, people: 4_000 });

function staysOf(day: DayResult, person: number): number[] {
  const out: number[] = [];
  for (let i = day.presence.firstOf[person]!; i < day.presence.firstOf[person + 1]!; i++) out.push(i);
  return out;
}

/** The stay of a person of a kind (and place) containing a minute of the day, or -1. */
function stayAt(day: DayResult, person: number, kind: number, minute: number, place?: number): number {
  return staysOf(day, person).find((i) => day.presence.kind[i] === kind && (place === undefined || day.presence.place[i] === place) && day.presence.start[i]! <= minute && minute < day.presence.end[i]!) ?? -1;
}

describe('Simulation', () => {
  it('plans every person a day of ordered, non-overlapping stays within the day', () => {
    const sim = new Simulation(city, { seed: 3 });
    const day = sim.simulateDay();
    const p = day.presence;
    for (let person = 0; person < city.people.count; person++) {
      const stays = staysOf(day, person);
      assert.ok(stays.length >= 1, `person ${person} has a day`);
      let last = 0;
      for (const i of stays) {
        assert.ok(p.start[i]! >= last && p.end[i]! > p.start[i]! && p.end[i]! <= DAY_MINUTES, `person ${person} stays are ordered`);
        last = p.end[i]!;
        if (p.kind[i] === stayKinds.home) assert.equal(p.place[i], city.people.household[person]);
        if (p.kind[i] === stayKinds.work) assert.equal(p.place[i], city.people.workplace[person]);
        if (p.kind[i] === stayKinds.school) assert.equal(p.place[i], city.people.school[person]);
        if (p.kind[i] === stayKinds.venue) assert.equal(city.places[p.place[i]!]!.kind, 'venue');
      }
    }
    assert.ok(day.checkIns.count > 0 && day.telecom.count > 0, 'scans and telecom records');
  });

  it('infects only along the co-presence the routines created', () => {
    const sim = new Simulation(city, { seed: 5, seeds: 40, isolateReportedCases: false });
    const settings = new Set<string>();
    let checked = 0;
    for (let d = 0; d < 12; d++) {
      const day = sim.simulateDay();
      for (const inf of day.infections) {
        if (inf.infector < 0) {
          assert.equal(inf.setting, 'community');
          continue;
        }
        settings.add(inf.setting);
        const minute = inf.at - d * DAY_MINUTES;
        assert.ok(minute >= 0 && minute < DAY_MINUTES, 'infected during the day');
        const a = inf.infector;
        const b = inf.infectee;
        assert.ok(sim.state.infectedAt[a]! < d * DAY_MINUTES, 'the infector was infected before the day');
        assert.ok(sim.state.start[a]! <= inf.at && inf.at <= sim.state.end[a]!, 'the infector was infectious');
        if (inf.setting === 'household') {
          assert.equal(city.people.household[a], city.people.household[b]);
          assert.ok(stayAt(day, a, stayKinds.home, minute) >= 0 && stayAt(day, b, stayKinds.home, minute) >= 0, 'both at home');
        } else if (inf.setting === 'workplace' || inf.setting === 'school') {
          const kind = inf.setting === 'workplace' ? stayKinds.work : stayKinds.school;
          const sa = stayAt(day, a, kind, minute);
          assert.ok(sa >= 0 && stayAt(day, b, kind, minute, day.presence.place[sa]) >= 0, 'both at the same workplace or school');
          assert.equal(inf.place, `${inf.setting === 'school' ? 'SC' : 'WP'}-${day.presence.place[sa]}`);
          assert.equal(sim.index.groups.groupOf[a], sim.index.groups.groupOf[b], 'same team or class');
        } else if (inf.setting === 'venue') {
          const sa = stayAt(day, a, stayKinds.venue, minute);
          assert.ok(sa >= 0, 'infector at a venue');
          assert.equal(city.places[day.presence.place[sa]!]!.placeCode, inf.place);
          assert.ok(stayAt(day, b, stayKinds.venue, minute, day.presence.place[sa]) >= 0, 'infectee at the same venue at that time');
        } else if (inf.setting === 'transport') {
          const la = day.legs.person.findIndex((p, k) => p === a && sim.services[day.legs.service[k]!]!.id === inf.place);
          const lb = day.legs.person.findIndex((p, k) => p === b && sim.services[day.legs.service[k]!]!.id === inf.place);
          assert.ok(la >= 0 && lb >= 0, 'both on the service');
          const service = sim.services[day.legs.service[la]!]!;
          const [x, y] = [seatOf(service, day.legs.flatSeat[la]!), seatOf(service, day.legs.flatSeat[lb]!)];
          assert.ok(x.carriage === y.carriage && Math.abs(x.row - y.row) <= 2, 'seated near each other');
        } else {
          assert.fail(`unexpected setting ${inf.setting}`);
        }
        checked++;
      }
    }
    assert.ok(checked > 50, `enough infections to check (${checked})`);
    assert.ok(settings.has('household') && settings.has('venue'), [...settings].join());
  });

  it('is deterministic and depends on the seed', () => {
    const run = (seed: number): string => {
      const sim = new Simulation(city, { seed, seeds: 20 });
      const parts: string[] = [];
      for (let d = 0; d < 6; d++) {
        const day = sim.simulateDay();
        parts.push(`${day.presence.count}:${Buffer.from(day.presence.start.buffer, 0, day.presence.count * 2).toString('base64').slice(0, 4000)}`);
        parts.push(JSON.stringify(day.infections), JSON.stringify(day.cases), JSON.stringify(day.labResults.length), String(day.telecom.count), String(day.checkIns.count));
      }
      return parts.join('|');
    };
    assert.equal(run(9), run(9));
    assert.notEqual(run(9), run(10));
  });
});
