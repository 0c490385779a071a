import { systemActor } from '@epigrid/core';
import { importFile } from '@epigrid/ingest';
import { createServices, escalateTasks, generateTasks, importRiskAreaList, runPendingJudgment, tracePendingCases } from '@epigrid/server';
import { neighbourRiskAreas, type AfterDay, type IngestDay, type InterventionFeed, type PersonRestriction } from '@epigrid/sim';
import { createAuditHasher, createIdentifierVault } from '@epigrid/store';
import type { Opened } from '../open-configured.js';
import { defaultResponseTimes, type ResponseTimes } from './response-times.js';
import { respondToTasks } from './simulated-workers.js';

/** How the demo driver reaches the platform each simulated day. */
export interface PlatformHooks {
  /** The day's files go through the real ingestion path (validation, identity resolution, storage). */
  readonly ingestDay: IngestDay;
  /** The platform's loop after the day's data: trace, judge areas and codes, generate and route tasks, workers answer, escalate. */
  readonly afterDay: AfterDay;
  /** What the loop verified, back to the simulated people: contacts are controlled once a worker recorded it. */
  readonly feed: InterventionFeed;
}

/** How the simulated grid workers behave. */
export interface LoopOptions {
  /** Seed of the workers' response draws (the demo's seed). */
  readonly seed: number;
  readonly responseTimes: ResponseTimes;
}

/** What the demo imports besides the day files. */
export interface DemoImports {
  /** Import the neighbouring city's list of risk areas before the first day (its day-trippers turn yellow). */
  readonly neighbourRiskAreas: boolean;
}

/** End of a simulated local day: the platform's clock while it processes that day. */
const endOfDay = (day: string): Date => new Date(`${day}T23:59:59+08:00`);

/**
 * Builds the hooks over the configured database. The platform's clock follows the simulated days,
 * so exposure windows, quarantine dates and "listed at" times are in simulated time.
 * @param opened - configured, migrated database with the demo city
 * @param log - where progress lines go
 * @param loop - simulated grid workers' seed and response times
 * @param imports - lists imported besides the day files
 */
export function platformHooks(
  opened: Opened,
  log: (line: string) => void = console.log,
  loop: LoopOptions = { seed: opened.config.demo.seed, responseTimes: defaultResponseTimes },
  imports: DemoImports = { neighbourRiskAreas: true },
): PlatformHooks {
  let clock = new Date();
  const services = createServices(opened.db, opened.config, opened.secret, () => clock);
  const vault = createIdentifierVault(opened.secret);
  const env = { db: opened.db, vault, auditHasher: createAuditHasher(opened.secret), today: new Date().toISOString().slice(0, 10) };
  let neighbourListed = !imports.neighbourRiskAreas;
  return {
    async ingestDay(files, day): Promise<void> {
      clock = endOfDay(day);
      if (!neighbourListed) {
        const listed = await importRiskAreaList(services, systemActor, { list: neighbourRiskAreas(day), source: 'demo: the neighbouring city' });
        log(`  ${day} imported ${listed.publisher}'s risk areas: ${listed.areas}`);
        neighbourListed = true;
      }
      const parts: string[] = [];
      for (const file of files) {
        const report = await importFile(env, file.source, file.path, { actorName: 'demo' });
        parts.push(`${file.source} ${report.accepted}${report.rejected > 0 ? ` (${report.rejected} rejected)` : ''}`);
      }
      log(`  ${day} ingested: ${parts.join(', ')}`);
    },
    async afterDay(day): Promise<void> {
      clock = endOfDay(day);
      const started = performance.now();
      const traced = await tracePendingCases(services);
      if (traced > 0) log(`  ${day} traced ${traced} case(s) in ${Math.round(performance.now() - started)} ms`);
      const judged = performance.now();
      const judgment = await runPendingJudgment(services);
      if (judgment.persons > 0 || judgment.areasChanged > 0) {
        log(`  ${day} judged: ${judgment.riskAreas} risk area(s) (${judgment.areasChanged} changed), ${judgment.persons} code(s), ${judgment.colourChanges} colour change(s) in ${Math.round(performance.now() - judged)} ms`);
      }
      const tasks = await generateTasks(services);
      const answered = await respondToTasks(services, loop.seed, loop.responseTimes);
      const escalated = await escalateTasks(services);
      if (tasks.created + answered.recorded + escalated.escalated > 0) {
        log(`  ${day} tasks: ${tasks.created} new, ${answered.recorded} outcomes (${answered.notHome} not home), ${escalated.escalated} escalated`);
      }
    },
    feed: {
      async restrictionsFor(day: string): Promise<readonly PersonRestriction[]> {
        // A contact is controlled from the moment a grid worker recorded it, not when tracing listed them.
        const rows = await opened.db.query<{ cipher: string; kind: string; controlledAt: Date; endDate: string | null }>(
          `SELECT p.id_number_cipher AS cipher, tc.kind, min(t.done_at) AS "controlledAt", max(tc.management->>'endDate') AS "endDate"
           FROM task t
           JOIN task_outcome o ON o.task_id = t.id AND o.code IN ('reached', 'transferred', 'tested')
           JOIN traced_contact tc ON tc.case_report_id = (t.source->>'caseId')::bigint AND tc.person_id = t.person_id
           JOIN person p ON p.id = t.person_id
           WHERE t.type IN ('verify_close_contact', 'home_isolation_tests') AND t.status = 'done' AND t.done_at < $1
             AND tc.kind IN ('close', 'sub-close') AND p.id_number_cipher IS NOT NULL
           GROUP BY p.id_number_cipher, tc.kind`,
          [new Date(`${day}T00:00:00+08:00`)],
        );
        return rows.rows.map((r) => ({
          residentId: vault.decrypt(r.cipher),
          kind: r.kind === 'close' ? 'quarantine' : 'home_isolation',
          from: new Date(r.controlledAt).toISOString(),
          ...(r.endDate === null ? {} : { until: endOfDay(r.endDate).toISOString() }),
        }));
      },
    },
  };
}
