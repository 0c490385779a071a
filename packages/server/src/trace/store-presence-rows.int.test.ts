import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ensureDayPartitions, insertRegion, testBackends, type SqlClient } from '@epigrid/store';
import type { CheckInBatch, CheckInRow, HouseholdRow, PresenceRows, TelecomBatch, TelecomRow, TicketRow } from '@epigrid/trace';
import { pagedPresenceRows } from './paged-presence-rows.js';
import { storePresenceRows } from './store-presence-rows.js';

// Check-ins over three days — a tenth open-ended, some not yet linked to a person, some at
// fractional seconds, one at a far-apart place id —, telecom rows (H3 cells of different base
// cells) and tickets (every mode, carriages or none, open and enclosed) over the same days, and
// persons in households (one merged away), read by the bulk COPY reader and by the paged reader:
// the same rows must come out.

const DAY0 = Date.UTC(2026, 3, 6) / 1000 - 8 * 3600; // 2026-04-06 00:00 in UTC+8
const iso = (seconds: number): string => new Date(seconds * 1000).toISOString();

function rowsOf(batch: CheckInBatch): CheckInRow[] {
  if (Array.isArray(batch)) return [...(batch as readonly CheckInRow[])];
  const c = batch as Exclude<CheckInBatch, readonly CheckInRow[]>;
  return Array.from({ length: c.rows }, (_, i) => ({
    personId: c.personId[i]!,
    venueId: c.venueId[i]!,
    timeIn: c.timeIn[i]!,
    timeOut: Number.isNaN(c.timeOut[i]!) ? null : c.timeOut[i]!,
    rowKey: c.rowKey[i]!,
  }));
}

function telecomRowsOf(batch: TelecomBatch): TelecomRow[] {
  if (Array.isArray(batch)) return [...(batch as readonly TelecomRow[])];
  const c = batch as Exclude<TelecomBatch, readonly TelecomRow[]>;
  const hex = (i: number): string => ((BigInt(c.cell[2 * i]!) << 32n) | BigInt(c.cell[2 * i + 1]!)).toString(16);
  return Array.from({ length: c.rows }, (_, i) => ({ personId: c.personId[i]!, cell: hex(i), start: c.start[i]!, end: c.end[i]!, rowKey: c.rowKey[i]! }));
}

async function telecom(source: PresenceRows, since: number): Promise<TelecomRow[]> {
  const out: TelecomRow[] = [];
  for await (const batch of source.telecom({ since })) out.push(...telecomRowsOf(batch));
  return out.sort((a, b) => a.rowKey - b.rowKey);
}

async function tickets(source: PresenceRows, since: number): Promise<TicketRow[]> {
  const out: TicketRow[] = [];
  for await (const batch of source.tickets({ since })) out.push(...batch);
  return out.sort((a, b) => a.rowKey - b.rowKey);
}

/** Every presence row a reader gives, by kind. */
async function presence(source: PresenceRows, since: number): Promise<{ checkIns: CheckInRow[]; telecom: TelecomRow[]; tickets: TicketRow[] }> {
  return { checkIns: await checkIns(source, since), telecom: await telecom(source, since), tickets: await tickets(source, since) };
}

async function checkIns(source: PresenceRows, since: number): Promise<CheckInRow[]> {
  const out: CheckInRow[] = [];
  for await (const batch of source.checkIns({ since })) out.push(...rowsOf(batch));
  return out.sort((a, b) => a.rowKey - b.rowKey);
}

async function households(source: PresenceRows): Promise<HouseholdRow[]> {
  const out: HouseholdRow[] = [];
  for await (const batch of source.households()) out.push(...batch);
  return out.sort((a, b) => a.personId - b.personId);
}

async function load(db: SqlClient): Promise<number[]> {
  const region = await insertRegion(db, { code: 'copy-grid', parentId: null, level: 'grid', nameZh: '测试', nameEn: 'Test grid' });
  const household = await db.query<{ id: number }>('INSERT INTO household (address, grid_id, region_path) VALUES ($1, $2, $3::ltree), ($1, $2, $3::ltree) RETURNING id::int', ['copy', region.id, region.path]);
  const persons: number[] = [];
  for (let p = 0; p < 12; p++) {
    const r = await db.query<{ id: number }>(
      `INSERT INTO person (name, sex, birth_date, id_number_hash, id_number_cipher, id_number_tail, household_id, grid_id, region_path)
       VALUES ($1, 'male', '1990-01-01', $2, 'x', '0000', $3, $4, $5::ltree) RETURNING id::int`,
      [`P${p}`, `copy-${p}`, p % 4 === 3 ? null : household.rows[p % 2]!.id, region.id, region.path],
    );
    persons.push(r.rows[0]!.id);
  }
  await db.query('UPDATE person SET merged_into = $1 WHERE id = $2', [persons[0], persons[2]]);
  const rows: unknown[][] = [];
  for (let k = 0; k < 240; k++) {
    const tin = DAY0 + Math.floor(k / 80) * 86_400 + 8 * 3600 + k * 97 + (k % 7 === 0 ? 0.75 : 0);
    const person = k % 11 === 0 ? null : persons[k % persons.length]!;
    const place = k % 13 === 0 ? 9_000_000_000 + k : 100 + (k % 5);
    rows.push([`copy-${k}`, new Date((Math.floor(tin) + 8 * 3600) * 1000).toISOString().slice(0, 10), person, place, iso(tin), k % 10 === 0 ? null : iso(tin + 600 + k * 13)]);
  }
  await ensureDayPartitions(db, 'check_in', new Set(rows.map((r) => r[1] as string)));
  for (const r of rows) await db.query('INSERT INTO check_in (scan_id, day, person_id, place_id, time_in, time_out) VALUES ($1, $2, $3, $4, $5, $6)', r);
  await loadTelecomAndTickets(db, persons);
  return persons;
}

/** The day partition (UTC+8 date) of an instant. */
const dayOf = (seconds: number): string => new Date((Math.floor(seconds) + 8 * 3600) * 1000).toISOString().slice(0, 10);

async function loadTelecomAndTickets(db: SqlClient, persons: readonly number[]): Promise<void> {
  const cells = ['8831aa5a59fffff', '8831aa5a5bfffff', '88283082a3fffff', '88be8d1201fffff', '8801000001fffff'];
  const telecomRows: unknown[][] = [];
  for (let k = 0; k < 150; k++) {
    const start = DAY0 + Math.floor(k / 50) * 86_400 + 7 * 3600 + k * 131 + (k % 9 === 0 ? 0.5 : 0);
    const person = k % 7 === 0 ? null : persons[k % persons.length]!;
    telecomRows.push([`tel-${k}`, dayOf(start), person, `phone-${k}`, cells[k % cells.length], iso(start), iso(start + 300 + k * 11)]);
  }
  const modes = ['train', 'coach', 'plane', 'ship'];
  const ticketRows: unknown[][] = [];
  for (let k = 0; k < 60; k++) {
    const departure = DAY0 + Math.floor(k / 20) * 86_400 + 9 * 3600 + k * 600 + (k % 5 === 0 ? 0.25 : 0);
    const mode = modes[k % 4]!;
    ticketRows.push([
      `ticket-${k}`,
      dayOf(departure),
      k % 6 === 0 ? null : persons[k % persons.length]!,
      mode,
      `${mode[0]!.toUpperCase()}${100 + (k % 3)}`,
      dayOf(departure),
      iso(departure),
      iso(departure + 7200),
      mode === 'train' ? `0${k % 8}` : mode === 'ship' ? `舱${k % 3}` : null,
      1 + (k % 20),
      `${1 + (k % 20)}${'ABCDF'[k % 5]}`,
      k % 3 !== 0,
    ]);
  }
  await ensureDayPartitions(db, 'telecom_presence', new Set(telecomRows.map((r) => r[1] as string)));
  await ensureDayPartitions(db, 'transport_ticket', new Set(ticketRows.map((r) => r[1] as string)));
  for (const r of telecomRows) {
    await db.query('INSERT INTO telecom_presence (record_id, day, person_id, phone_hash, cell, start_time, end_time) VALUES ($1, $2, $3, $4, $5, $6, $7)', r);
  }
  for (const r of ticketRows) {
    await db.query(
      `INSERT INTO transport_ticket (ticket_id, day, person_id, mode, service_id, service_date, departure_time, arrival_time, origin, destination, carriage, seat_row, seat, enclosed)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'A', 'B', $9, $10, $11, $12)`,
      r,
    );
  }
}

for (const backend of testBackends()) {
  describe(`store presence rows on ${backend.name}`, () => {
    it('the COPY reader returns the paged reader’s rows: nulls, id bounds and the retention horizon', async () => {
      const db = await backend.open();
      try {
        const persons = await load(db);
        // Presence ids are shared by the three tables: the bounds cut through all of them.
        const ids = (
          await db.query<{ id: number }>('SELECT id::int FROM check_in UNION ALL SELECT id::int FROM telecom_presence UNION ALL SELECT id::int FROM transport_ticket ORDER BY id')
        ).rows.map((r) => r.id);
        const cases: [number, number, number][] = [
          [0, ids[ids.length - 1]!, DAY0 - 86_400],
          [ids[30]!, ids[200]!, DAY0 - 86_400],
          [ids[220]!, ids[420]!, DAY0 - 86_400],
          [0, ids[ids.length - 1]!, DAY0 + 86_400 + 12 * 3600],
          [ids[100]!, ids[100]!, DAY0],
          // A horizon just after a telecom row's start and just after a ticket's departure: rows
          // begun before it are left out even when they end after it.
          [0, ids[ids.length - 1]!, DAY0 + 86_400 + 7 * 3600 + 60 * 131 + 1],
          [0, ids[ids.length - 1]!, DAY0 + 86_400 + 9 * 3600 + 25 * 600 + 1],
        ];
        let compared = 0;
        for (const [minId, maxId, since] of cases) {
          const want = await presence(pagedPresenceRows(db, minId, maxId), since);
          const got = await presence(storePresenceRows(db, minId, maxId), since);
          assert.deepEqual(got, want, `minId ${minId}, maxId ${maxId}, since ${since}`);
          // PGlite reads in id windows: narrow ones must add up to the same rows.
          assert.deepEqual(await presence(storePresenceRows(db, minId, maxId, 0, 17), since), want);
          compared += want.checkIns.length + want.telecom.length + want.tickets.length;
        }
        const all = await presence(storePresenceRows(db, 0, ids[ids.length - 1]!), DAY0);
        assert.ok(all.checkIns.some((r) => r.timeOut === null) && all.checkIns.some((r) => r.venueId > 2 ** 32) && all.checkIns.length < 240, 'nulls, big ids, unlinked rows left out');
        assert.ok(all.telecom.length > 100 && all.telecom.length < 150 && new Set(all.telecom.map((r) => r.cell)).size === 5, 'every cell, unlinked rows left out');
        const modes = new Set(all.tickets.map((t) => t.mode));
        assert.ok(modes.size === 4 && all.tickets.some((t) => t.carriage === null) && all.tickets.some((t) => t.carriage?.startsWith('舱')), 'modes, no carriage, text');
        assert.ok(all.tickets.some((t) => !t.enclosed) && all.tickets.some((t) => t.enclosed) && all.tickets.length < 60);
        assert.ok(compared > 600, `rows compared: ${compared}`);
        for (const minPerson of [0, persons[5]!]) {
          const want = await households(pagedPresenceRows(db, 0, 0, minPerson));
          assert.deepEqual(await households(storePresenceRows(db, 0, 0, minPerson)), want);
          assert.ok(want.length > 0 && !want.some((h) => h.personId === persons[2]));
        }
      } finally {
        await db.close();
      }
    });

    it('refuses bounds it cannot write into the statement', async () => {
      await assert.rejects(storePresenceRows({} as SqlClient, Number.NaN, 1).checkIns({ since: 0 })[Symbol.asyncIterator]().next(), /minId/);
      await assert.rejects(storePresenceRows({} as SqlClient, 0, 1).checkIns({ since: Number.POSITIVE_INFINITY })[Symbol.asyncIterator]().next(), /since/);
    });
  });
}
