import { join } from 'node:path';
import type { DemoRun } from '@epigrid/server';
import { DemoDriver, generateCity } from '@epigrid/sim';
import { clearOutbreakData } from '@epigrid/store';
import type { Opened } from '../open-configured.js';
import { platformHooks } from './platform-hooks.js';

/**
 * Starts the demo outbreak in the background of a serving process: one simulated day every
 * `secondsPerDay`, each day's files ingested and traced by the platform, decisions fed back.
 * @param opened - configured database holding the demo city of the configured seed and size
 * @param log - progress lines
 * @returns the handle the API uses to show and steer it
 */
export function startDemoRun(opened: Opened, log: (line: string) => void): DemoRun {
  const { demo, database } = opened.config;
  const hooks = platformHooks(opened, log);
  const driver = new DemoDriver({
    city: generateCity({ seed: demo.seed, people: demo.people }),
    config: { seed: demo.seed },
    outDir: join(database.dataDir, 'demo-run'),
    days: demo.days,
    secondsPerDay: demo.secondsPerDay,
    ingestDay: hooks.ingestDay,
    afterDay: hooks.afterDay,
    feed: hooks.feed,
    onDay: (s) => log(`demo ${s.date}: ${s.newInfections} new infections, ${s.casesReported} cases reported`),
  });
  const run = (): void => {
    driver.run().catch((error: unknown) => log(`demo stopped: ${error instanceof Error ? error.message : String(error)}`));
  };
  run();
  return {
    state: () => ({ ...driver.state() }),
    pause: () => driver.pause(),
    resume: () => driver.resume(),
    async step(): Promise<void> {
      await driver.step();
    },
    async reset(): Promise<void> {
      await driver.reset();
      await clearOutbreakData(opened.db);
      if (!driver.state().running) run();
    },
  };
}
