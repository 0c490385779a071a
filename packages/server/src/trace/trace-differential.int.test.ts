import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinProfile, localMidnight, dayNumberOf, type ProtocolProfile } from '@epigrid/core';
import { ensureDayPartitions, insertRegion, testBackends, type SqlClient } from '@epigrid/store';
import { buildPresenceIndex, traceCase, type PresenceIndex } from '@epigrid/trace';
import { plainSqlTrace, sortLinks, type LinkRow } from './plain-sql-trace.js';
import { storePresenceRows } from './store-presence-rows.js';

// A generated scenario loaded into the store's own presence tables: people in households, check-ins
// at a few places over three days (minute-aligned, so 15- and 60-minute boundaries occur, a third
// open-ended), and tickets on a plane, trains and coaches. Each case is traced by the in-memory
// index and by an independent plain-SQL implementation of the same rules; the (case, contact,
// via, rule) rows must be the same set.

const OFFSET = 480;
const DAY0 = '2026-04-06';
const dayStart = (d: number): number => localMidnight(dayNumberOf(DAY0) + d, OFFSET);
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();
const dayOf = (seconds: number): string => new Date((seconds + OFFSET * 60) * 1000).toISOString().slice(0, 10);

function generator(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

interface Scenario {
  readonly persons: readonly number[];
}

async function loadScenario(db: SqlClient, seed: number): Promise<Scenario> {
  const rand = generator(seed);
  const tag = `d${seed}`;
  const region = await insertRegion(db, { code: `${tag}-grid`, parentId: null, level: 'grid', nameZh: '测试', nameEn: 'Test grid' });
  const households: number[] = [];
  for (let h = 0; h < 10; h++) {
    const r = await db.query<{ id: number }>('INSERT INTO household (address, grid_id, region_path) VALUES ($1, $2, $3::ltree) RETURNING id::int', [`${tag} ${h}`, region.id, region.path]);
    households.push(r.rows[0]!.id);
  }
  const persons: number[] = [];
  for (let p = 0; p < 36; p++) {
    const household = p % 6 === 5 ? null : households[rand(households.length)]!;
    const r = await db.query<{ id: number }>(
      `INSERT INTO person (name, sex, birth_date, id_number_hash, id_number_cipher, id_number_tail, household_id, grid_id, region_path)
       VALUES ($1, 'female', '1990-01-01', $2, 'x', '0000', $3, $4, $5::ltree) RETURNING id::int`,
      [`P${p}`, `${tag}-${p}`, household, region.id, region.path],
    );
    persons.push(r.rows[0]!.id);
  }
  const places = [1, 2, 3, 4, 5].map((k) => seed * 100 + k);
  let scan = 0;
  const checkIns: unknown[][] = [];
  for (const person of persons) {
    for (let v = 0; v < 5; v++) {
      const tin = dayStart(rand(3)) + (9 + rand(10)) * 3600 + rand(12) * 5 * 60;
      const tout = rand(3) === 0 ? null : tin + (rand(2) === 0 ? rand(20) : rand(120)) * 60;
      checkIns.push([`${tag}-${scan++}`, dayOf(tin), person, places[rand(places.length)]!, iso(tin), tout === null ? null : iso(tout)]);
    }
  }
  await ensureDayPartitions(db, 'check_in', new Set(checkIns.map((r) => r[1] as string)));
  for (const r of checkIns) await db.query('INSERT INTO check_in (scan_id, day, person_id, place_id, time_in, time_out) VALUES ($1, $2, $3, $4, $5, $6)', r);
  const services = [
    { mode: 'plane', id: `${tag}-MU1`, enclosed: rand(2) === 0, carriage: null },
    { mode: 'train', id: `${tag}-G1`, enclosed: false, carriage: '3' },
    { mode: 'coach', id: `${tag}-C1`, enclosed: false, carriage: null },
    { mode: 'coach', id: `${tag}-C2`, enclosed: true, carriage: null },
  ];
  const tickets: unknown[][] = [];
  for (const service of services) {
    const dep = dayStart(1) + (8 + rand(8)) * 3600;
    for (let k = 0; k < 8; k++) {
      const person = persons[rand(persons.length)]!;
      const boards = rand(4) === 0 ? dep + 3600 : dep;
      tickets.push([`${tag}-T${tickets.length}`, dayOf(dep), person, service.mode, service.id, dayOf(dep), iso(boards), iso(dep + 2 * 3600), service.carriage, 1 + rand(12), 'A', service.enclosed]);
    }
  }
  await ensureDayPartitions(db, 'transport_ticket', new Set(tickets.map((r) => r[1] as string)));
  for (const r of tickets) {
    await db.query(
      `INSERT INTO transport_ticket (ticket_id, day, person_id, mode, service_id, service_date, departure_time, arrival_time, origin, destination, carriage, seat_row, seat, enclosed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'A', 'B', $9, $10, $11, $12)`,
      r,
    );
  }
  return { persons };
}

function indexLinks(index: PresenceIndex, profile: ProtocolProfile, caseId: number, personId: number, isolatedAt: number, asOf: number): LinkRow[] {
  const trace = traceCase(index, profile, {
    case: { caseId, personId, onsetDate: '2026-04-08', samplingDate: '2026-04-08', isolatedAt },
    asOf,
    companions: false,
  });
  const rows: LinkRow[] = [];
  for (const c of trace.closeContacts) for (const id of c.ruleIds) rows.push({ caseId, contact: c.personId, via: null, ruleId: id });
  for (const c of trace.subCloseContacts) for (const id of c.ruleIds) rows.push({ caseId, contact: c.personId, via: c.viaPersonId, ruleId: id });
  return sortLinks(rows);
}

for (const backend of testBackends()) {
  describe(`trace differential: index vs plain SQL on ${backend.name}`, () => {
    it('finds the same (case, contact, via, rule) rows on generated data, for several profiles', async () => {
      const db = await backend.open();
      try {
        for (const seed of [11, 12]) {
          const { persons } = await loadScenario(db, seed);
          const max = (await db.query<{ n: number }>('SELECT max(id)::int AS n FROM check_in')).rows[0]!.n;
          const maxTicket = (await db.query<{ n: number }>('SELECT max(id)::int AS n FROM transport_ticket')).rows[0]!.n;
          const index = await buildPresenceIndex(storePresenceRows(db, 0, Math.max(max, maxTicket)), { since: dayStart(-30), utcOffsetMinutes: OFFSET });
          const p9 = builtinProfile('CN-P9-2022-06-28');
          const shortOpen: ProtocolProfile = {
            ...p9,
            id: 'TEST-short-open',
            closeContact: { ...p9.closeContact, venue: { ...p9.closeContact.venue, openEndedStayMinutes: 20, threshold: { minutes: 15, comparison: 'more-than' } } },
            subCloseContact: { ...p9.subCloseContact, venue: { ...p9.subCloseContact.venue, threshold: { minutes: 30, comparison: 'at-least' } } },
          };
          let compared = 0;
          for (const profile of [p9, builtinProfile('CN-P8-2021-05'), builtinProfile('CN-20M-2022-11-11'), shortOpen]) {
            for (let k = 0; k < 4; k++) {
              const personId = persons[k * 5]!;
              const caseId = seed * 1000 + k;
              // Windows start at onset − D (local midnight); isolation lands inside day 2 at varying hours.
              const from = localMidnight(dayNumberOf('2026-04-08') - profile.exposureWindow.daysBeforeOnset, OFFSET);
              const isolatedAt = dayStart(2) + (8 + k * 2) * 3600;
              const asOf = dayStart(3);
              const expected = await plainSqlTrace(db, profile, { caseId, personId, from, to: isolatedAt, asOf });
              const actual = indexLinks(index, profile, caseId, personId, isolatedAt, asOf);
              assert.deepEqual(actual, expected, `seed ${seed}, profile ${profile.id}, case person ${personId}`);
              compared += expected.length;
            }
          }
          assert.ok(compared > 50, `the scenario must produce links to compare (got ${compared})`);
        }
      } finally {
        await db.close();
      }
    });
  });
}
