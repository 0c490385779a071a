import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { getResolution, isValidCell } from 'h3-js';
import { generateCity } from '../city.js';
import { Simulation } from '../outbreak/simulation.js';
import { dayHeaders, daySources, writeDayFiles } from './day-files.js';
import type { WrittenDay } from './day-files.js';

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+08:00$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const city = generateCity({ seed: 31, people: 2_500 });
const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function runTo(seed: number, days: number): { dir: string; written: WrittenDay[]; sim: Simulation } {
  const dir = mkdtempSync(join(tmpdir(), 'epigrid-sim-'));
  dirs.push(dir);
  const sim = new Simulation(city, { seed, seeds: 30, massTesting: { firstDay: 3, everyDays: 3, coverage: 0.9, poolSize: 10 } });
  const written: WrittenDay[] = [];
  for (let d = 0; d < days; d++) written.push(writeDayFiles(sim, sim.simulateDay(), dir));
  return { dir, written, sim };
}

function read(path: string): { header: string[]; rows: Record<string, string>[] } {
  const text = readFileSync(path, 'utf8');
  const header = (parse(text, { to_line: 1 }) as string[][])[0]!;
  return { header, rows: parse(text, { columns: true, bom: true }) as Record<string, string>[] };
}

const digest = (paths: readonly string[]): string => {
  const hash = createHash('sha256');
  for (const path of paths) hash.update(readFileSync(path));
  return hash.digest('hex');
};

describe('day files', () => {
  const days = 9;
  const run = runTo(5, days);
  const residents = new Set(city.people.idNumber);
  const phones = new Set(city.people.phone.filter((p) => p !== null));
  const placeCodes = new Set(city.places.map((p) => p.placeCode).filter((c) => c !== null));
  const ms = (iso: string): number => Date.parse(iso);

  it('round-trip through the format spec', () => {
    const keys = new Map<string, Set<string>>();
    const counts: Record<string, number> = {};
    const identity = (r: Record<string, string>): void => {
      assert.ok(r.resident_id !== '' || r.phone !== '', 'a person identity');
      if (r.resident_id !== '' && r.resident_id !== undefined) assert.ok(residents.has(r.resident_id), `resident ${r.resident_id} exists`);
      if (r.phone !== '' && r.phone !== undefined) assert.ok(phones.has(r.phone), `phone ${r.phone} exists`);
    };
    for (const day of run.written) {
      for (const file of day.files) {
        const { header, rows } = read(file.path);
        assert.deepEqual(header, dayHeaders[file.source]);
        counts[file.source] = (counts[file.source] ?? 0) + rows.length;
        const key = header[0]!;
        const seen = keys.get(file.source) ?? new Set();
        keys.set(file.source, seen);
        for (const r of rows) {
          if (file.source !== 'cases') {
            assert.ok(!seen.has(r[key]!), `${file.source} key ${r[key]} unique`);
            seen.add(r[key]!);
          }
          if (file.source === 'check-ins') {
            assert.ok(placeCodes.has(r.place_code!), 'place code exists');
            identity(r);
            assert.match(r.time_in!, ISO);
            if (r.time_out !== '') {
              assert.match(r.time_out!, ISO);
              assert.ok(ms(r.time_in!) <= ms(r.time_out!), 'time_in ≤ time_out');
            }
          } else if (file.source === 'telecom') {
            assert.ok(phones.has(r.phone!), 'phone exists');
            assert.equal(r.cell!.length, 15);
            assert.ok(isValidCell(r.cell!) && getResolution(r.cell!) === 8, 'an H3 resolution-8 cell');
            assert.match(r.start_time!, ISO);
            assert.match(r.end_time!, ISO);
            assert.ok(ms(r.start_time!) <= ms(r.end_time!), 'start ≤ end');
          } else if (file.source === 'transport') {
            assert.ok(['train', 'coach', 'plane', 'ship'].includes(r.mode!), 'mode');
            assert.match(r.service_date!, DATE);
            assert.ok(ms(r.departure_time!) <= ms(r.arrival_time!), 'departure ≤ arrival');
            assert.ok(r.origin !== '' && r.destination !== '' && r.service_id !== '', 'origin, destination, service');
            identity(r);
            if (r.mode === 'train') assert.ok(Number(r.carriage) >= 1, 'carriage of a train');
            assert.ok(Number.isInteger(Number(r.seat_row)) && Number(r.seat_row) >= 1, 'seat row');
            assert.ok(r.seat !== '', 'seat');
            assert.ok(['true', 'false'].includes(r.enclosed!), 'enclosed flag');
          } else if (file.source === 'cases') {
            identity(r);
            assert.ok(['confirmed', 'asymptomatic'].includes(r.classification!), 'classification');
            if (r.classification === 'confirmed') assert.match(r.onset_date!, DATE);
            else assert.equal(r.onset_date, '');
            assert.match(r.sampling_date!, DATE);
            assert.match(r.report_time!, ISO);
            if (r.isolated_time !== '') assert.match(r.isolated_time!, ISO);
          } else {
            identity(r);
            assert.ok([1, 5, 10, 20].includes(Number(r.pool_size)), 'validated pool size');
            assert.ok(ms(r.sampled_at!) <= ms(r.resulted_at!), 'sampled ≤ resulted');
            assert.ok(['positive', 'negative', 'invalid'].includes(r.result!), 'result');
            if (r.ct_n !== '') assert.ok(Number.isFinite(Number(r.ct_n)) && r.result === 'positive', 'Ct only on positives');
            assert.ok(r.lab_code !== '', 'lab code');
          }
        }
      }
    }
    for (const source of daySources) assert.ok((counts[source] ?? 0) > 0, `${source} rows emitted`);
  });

  it('writes pooled tubes with the whole tube\'s result on every member row, retested single-tube next day', () => {
    const tubes = new Map<string, Record<string, string>[]>();
    for (const day of run.written) for (const r of read(day.files.find((f) => f.source === 'lab-results')!.path).rows) tubes.set(r.tube_id!, [...(tubes.get(r.tube_id!) ?? []), r]);
    let positivePools = 0;
    for (const rows of tubes.values()) {
      assert.ok(rows.every((r) => r.result === rows[0]!.result && Number(r.pool_size) >= rows.length), 'one result per tube');
      if (rows[0]!.pool_size === '10' && rows[0]!.result === 'positive') {
        positivePools++;
        const sampled = rows[0]!.sampled_at!.slice(0, 10);
        for (const member of rows) {
          const retest = [...tubes.values()].flat().find((r) => r.resident_id === member.resident_id && r.pool_size === '1' && r.round_id === member.round_id);
          if (retest !== undefined) assert.ok(retest.sampled_at!.slice(0, 10) > sampled, 'retest on a later day');
        }
      }
    }
    assert.ok(positivePools > 0, 'some pools were positive');
  });

  it('writes the ground truth, with recorded matching the emitted data', () => {
    let rows = 0;
    for (const day of run.written) {
      const truth = read(day.truthPath);
      assert.deepEqual(truth.header, dayHeaders.truth);
      const files = Object.fromEntries(day.files.map((f) => [f.source, read(f.path).rows]));
      const phoneOf = new Map<string, string>(city.people.idNumber.map((id, i) => [id, city.people.phone[i] ?? '']));
      const cellAt = (resident: string, t: number): string | null => {
        const phone = phoneOf.get(resident);
        const hit = files.telecom!.find((r) => r.phone === phone && ms(r.start_time!) <= t && t < ms(r.end_time!));
        return hit?.cell ?? null;
      };
      const scanned = (resident: string, place: string): boolean =>
        files['check-ins']!.some((r) => r.place_code === place && (r.resident_id === resident || (r.phone !== '' && r.phone === phoneOf.get(resident))));
      for (const r of truth.rows) {
        rows++;
        assert.ok(residents.has(r.infectee_resident_id!), 'infectee exists');
        assert.ok(r.infector_resident_id === '' || residents.has(r.infector_resident_id!), 'infector exists');
        assert.ok(['household', 'venue', 'workplace', 'school', 'transport', 'community'].includes(r.setting!), 'setting');
        assert.match(r.infected_at!, ISO);
        if (r.onset_date !== '') assert.match(r.onset_date!, DATE);
        assert.ok(['true', 'false'].includes(r.recorded!), 'recorded flag');
        assert.equal(r.recorded_by !== '', r.recorded === 'true', 'recorded_by given exactly when recorded');
        if (r.infector_resident_id === '') continue;
        if (r.setting === 'household' || r.setting === 'transport') {
          assert.equal(r.recorded, 'true');
          assert.equal(r.recorded_by, r.setting === 'household' ? 'registry' : 'manifest');
          continue;
        }
        const t = ms(r.infected_at!);
        const cell = cellAt(r.infector_resident_id!, t);
        const together = cell !== null && cell === cellAt(r.infectee_resident_id!, t);
        if (r.recorded === 'false') assert.ok(!together, 'unrecorded: phones not together');
        else {
          const scans = r.setting === 'venue' && scanned(r.infector_resident_id!, r.place!) && scanned(r.infectee_resident_id!, r.place!);
          assert.ok(together || scans, 'recorded: scans or phones show it');
          assert.ok(r.recorded_by === 'scans' ? scans : r.recorded_by === 'telecom' && together, `recorded_by ${r.recorded_by}`);
        }
      }
    }
    assert.ok(rows > 30, `truth rows (${rows})`);
  });

  it('gives identical files for the same seed and different ones for another', () => {
    const again = runTo(5, 3);
    const other = runTo(6, 3);
    const paths = (r: { written: WrittenDay[] }): string[] => r.written.flatMap((w) => [...w.files.map((f) => f.path), w.truthPath]);
    assert.equal(digest(paths(again)), digest(paths({ written: run.written.slice(0, 3) })));
    assert.notEqual(digest(paths(other)), digest(paths(again)));
  });
});
