import { listCasesToTrace, purgeExpiredSessions, type JobQueue } from '@epigrid/store';
import { runFullJudgment, runPendingJudgment } from '../use-cases/judgment/run-judgment.js';
import { escalateTasks } from '../use-cases/escalate-tasks.js';
import { exchangeReferrals } from './federation-jobs.js';
import { generateTasks } from '../use-cases/generate-tasks.js';
import { traceStoredCase } from '../use-cases/trace-case.js';
import type { Services } from '../services.js';

/** A recurring job: queue name, cron schedule and what it does. */
interface RecurringJob {
  readonly name: string;
  readonly cron: string;
  run(services: Services): Promise<Record<string, unknown>>;
}

/** The recurring jobs of this release; later capabilities (retention, escalation, re-classification) add theirs here. */
const recurringJobs: readonly RecurringJob[] = [
  {
    name: 'sessions.purge',
    cron: '17 * * * *',
    async run(services) {
      return { purged: await purgeExpiredSessions(services.db, services.now()) };
    },
  },
  {
    // New and corrected case reports are traced within a minute of import, and again when corrected.
    name: 'cases.trace',
    cron: '* * * * *',
    async run(services) {
      const traced = await tracePendingCases(services);
      // New links become tasks at once, so a grid worker is pushed the work within seconds of the trace.
      const tasks = traced > 0 ? (await generateTasks(services)).created : 0;
      return { traced, tasks };
    },
  },
  {
    // After tracing: area levels and the codes of persons with new facts or a colour that expired.
    name: 'judgment.recompute',
    cron: '* * * * *',
    async run(services) {
      return { ...(await runPendingJudgment(services)) };
    },
  },
  {
    // Nightly: every area and every person with a health fact, so nothing waits on a missed change.
    name: 'judgment.full',
    cron: '30 0 * * *',
    async run(services) {
      return { ...(await runFullJudgment(services)) };
    },
  },
  {
    // After tracing: new close, sub-close and companion links become tasks, routed and pushed.
    name: 'tasks.generate',
    cron: '* * * * *',
    async run(services) {
      return { ...(await generateTasks(services)) };
    },
  },
  {
    name: 'tasks.escalate',
    cron: '* * * * *',
    async run(services) {
      return { ...(await escalateTasks(services)) };
    },
  },
  {
    // Cross-region referrals: the outbox is durable, so a failed delivery is retried on a later run.
    name: 'referrals.exchange',
    cron: '* * * * *',
    async run(services) {
      return { ...(await exchangeReferrals(services)) };
    },
  },
];

/**
 * Traces every case never traced or corrected since its last trace.
 * @param services - application services
 * @returns how many cases were traced
 */
export async function tracePendingCases(services: Services): Promise<number> {
  let traced = 0;
  for (;;) {
    const cases = await listCasesToTrace(services.db, 100);
    if (cases.length === 0) return traced;
    for (const record of cases) await traceStoredCase(services, record);
    traced += cases.length;
  }
}

/**
 * Creates the queues, schedules the recurring jobs and starts their workers.
 * @param queue - the durable job queue
 * @param services - application services the jobs run on
 * @returns the names of the scheduled jobs
 */
export async function registerJobs(queue: JobQueue, services: Services): Promise<string[]> {
  for (const job of recurringJobs) {
    await queue.createQueue(job.name);
    await queue.schedule(job.name, job.cron);
    await queue.work(job.name, async () => {
      await job.run(services);
    });
  }
  return recurringJobs.map((job) => job.name);
}

/**
 * Runs a recurring job once, now (for operators and tests).
 * @param name - job name
 * @param services - application services
 */
export async function runJobNow(name: string, services: Services): Promise<Record<string, unknown>> {
  const job = recurringJobs.find((j) => j.name === name);
  if (job === undefined) throw new Error(`unknown job "${name}"; known: ${recurringJobs.map((j) => j.name).join(', ')}`);
  return job.run(services);
}
