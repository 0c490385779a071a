import { fileURLToPath } from 'node:url';
import { buildApp, createServices, registerJobs, type DemoInfo, type DemoRun } from '@epigrid/server';
import { createDemoCity, demoAccounts, demoPassword, isDatabaseEmpty } from '@epigrid/sim';
import { openJobQueue } from '@epigrid/store';
import { startDemoRun } from '../demo/demo-run.js';
import { openConfigured } from '../open-configured.js';

const WEB_DIR = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/**
 * `epigrid start`: migrates, creates the demo city if the database is empty (and demo mode is on),
 * then serves the API and the web app on one port until interrupted.
 */
export async function start(): Promise<void> {
  const t0 = performance.now();
  const opened = await openConfigured(process.env);
  const { config, db } = opened;
  console.log(`database: ${db.engine === 'pglite' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL'}`);
  if (opened.migrations.applied.length > 0) console.log(`migrations applied: ${opened.migrations.applied.join(', ')}`);
  if (opened.secretSource === 'created') console.log(`created a new secret in ${config.database.dataDir}/secret.key (keep it safe)`);

  let demo: DemoInfo | null = null;
  let demoRun: DemoRun | null = null; // the outbreak simulated day by day while serving
  if (config.demo.enabled) {
    if (await isDatabaseEmpty(db)) {
      console.log(`creating the demo city: ${config.demo.people.toLocaleString('en')} people, seed ${config.demo.seed}…`);
      const t = performance.now();
      let lastStage = '';
      await createDemoCity(db, {
        seed: config.demo.seed,
        people: config.demo.people,
        secret: opened.secret,
        onProgress: (stage) => {
          if (stage !== lastStage) console.log(`  ${stage}`);
          lastStage = stage;
        },
      });
      console.log(`demo city created in ${seconds(t)}`);
    }
    demo = {
      password: demoPassword,
      logins: demoAccounts.map(({ username, role, regionNameZh, regionNameEn }) => ({ username, role, regionNameZh, regionNameEn })),
    };
  }

  const services = createServices(db, config, opened.secret);
  const queue = await openJobQueue(db);
  const jobs = await registerJobs(queue, services);
  console.log(`jobs scheduled: ${jobs.join(', ')}`);
  if (demo !== null && config.demo.run) demoRun = startDemoRun(opened, (line) => console.log(line));
  const app = await buildApp({ services, demo, demoRun, webDir: WEB_DIR });
  const address = await app.listen({ port: config.http.port, host: config.http.host });
  console.log(`\nEpiGrid is serving at ${address} (ready in ${seconds(t0)})`);
  console.log(`API documentation: ${address}/docs`);
  if (demoRun !== null) {
    console.log(`demo outbreak: one simulated day every ${config.demo.secondsPerDay} s for ${config.demo.days} days (pause, step, reset from the web app)`);
  }
  if (demo !== null) {
    console.log(`\ndemo logins (password "${demo.password}"):`);
    for (const login of demo.logins) console.log(`  ${login.username.padEnd(10)} ${login.role.padEnd(17)} ${login.regionNameEn}`);
  }

  const stop = async (): Promise<void> => {
    await app.close();
    await queue.stop({ graceful: true, wait: true });
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}
