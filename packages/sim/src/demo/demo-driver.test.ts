import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { generateCity } from '../city.js';
import type { Restriction } from '../outbreak/restrictions.js';
import { DemoDriver } from './demo-driver.js';

const city = generateCity({ seed: 41, people: 2_000 });
const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'epigrid-driver-'));
  dirs.push(dir);
  return dir;
};

describe('DemoDriver', () => {
  it('simulates, writes, ingests and runs the platform loop day by day, asking the feed first', async () => {
    const calls: string[] = [];
    const ingested: { source: string; path: string }[][] = [];
    const outDir = tempDir();
    const driver = new DemoDriver({
      city,
      config: { seed: 2 },
      outDir,
      days: 3,
      ingestDay: async (files, day) => {
        calls.push(`ingest ${day}`);
        ingested.push(files);
      },
      afterDay: async (day) => void calls.push(`after ${day}`),
      feed: {
        restrictionsFor: async (day): Promise<readonly Restriction[]> => {
          calls.push(`feed ${day}`);
          return day === '2026-03-03' ? [{ residentId: city.people.idNumber[0]!, kind: 'home_isolation', from: '2026-03-03T00:00:00+08:00' }] : [];
        },
      },
    });
    const state = await driver.run();
    assert.deepEqual(calls, ['feed 2026-03-02', 'ingest 2026-03-02', 'after 2026-03-02', 'feed 2026-03-03', 'ingest 2026-03-03', 'after 2026-03-03', 'feed 2026-03-04', 'ingest 2026-03-04', 'after 2026-03-04']);
    assert.deepEqual(ingested[0]!.map((f) => f.source), ['check-ins', 'telecom', 'transport', 'cases', 'lab-results']);
    assert.equal(ingested[0]![0]!.path, join(outDir, '2026-03-02', '2026-03-02.check-ins.csv'));
    assert.equal(state.daysDone, 3);
    assert.equal(state.finished, true);
    assert.equal(state.running, false);
    assert.ok(state.totals.rows['check-ins']! > 0, 'rows counted');
    assert.equal(driver.simulation.interventionLog().filter((r) => r.source === 'platform').length, 1);
    assert.equal(await driver.step(), null, 'nothing after the last day');
  });

  it('pauses, steps, resumes and resets to the same day 0', async () => {
    const outDir = tempDir();
    const driver = new DemoDriver({ city, config: { seed: 2 }, outDir, days: 4, secondsPerDay: 0.05, ingestDay: async () => {} });
    const firstDay = join(outDir, '2026-03-02', '2026-03-02.telecom.csv');
    driver.pause();
    const running = driver.run();
    await new Promise((r) => setTimeout(r, 30));
    assert.equal(driver.state().daysDone, 0, 'paused before the first day');
    const summary = await driver.step();
    assert.equal(summary?.date, '2026-03-02');
    assert.equal(driver.state().daysDone, 1);
    const before = readFileSync(firstDay, 'utf8');
    await driver.reset();
    assert.equal(driver.state().daysDone, 0);
    assert.equal(driver.state().lastDate, null);
    driver.resume();
    const final = await running;
    assert.equal(final.daysDone, 4);
    assert.equal(readFileSync(firstDay, 'utf8'), before, 'the same seed gives the same day 0');
  });
});
