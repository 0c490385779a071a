import { importFile } from '@epigrid/ingest';
import { createServices, runPendingJudgment, tracePendingCases } from '@epigrid/server';
import type { AfterDay, IngestDay, InterventionFeed, PersonRestriction } from '@epigrid/sim';
import { createAuditHasher, createIdentifierVault } from '@epigrid/store';
import type { Opened } from '../open-configured.js';

/** How the demo driver reaches the platform each simulated day. */
export interface PlatformHooks {
  /** The day's files go through the real ingestion path (validation, identity resolution, storage). */
  readonly ingestDay: IngestDay;
  /** The platform's loop after the day's data: trace new and corrected cases, then judge areas and codes. */
  readonly afterDay: AfterDay;
  /** What the platform decided, back to the simulated people: traced contacts are quarantined. */
  readonly feed: InterventionFeed;
}

/** End of a simulated local day: the platform's clock while it processes that day. */
const endOfDay = (day: string): Date => new Date(`${day}T23:59:59+08:00`);

/**
 * Builds the hooks over the configured database. The platform's clock follows the simulated days,
 * so exposure windows, quarantine dates and "listed at" times are in simulated time.
 * @param opened - configured, migrated database with the demo city
 * @param log - where progress lines go
 */
export function platformHooks(opened: Opened, log: (line: string) => void = console.log): PlatformHooks {
  let clock = new Date();
  const services = createServices(opened.db, opened.config, opened.secret, () => clock);
  const vault = createIdentifierVault(opened.secret);
  const env = { db: opened.db, vault, auditHasher: createAuditHasher(opened.secret), today: new Date().toISOString().slice(0, 10) };
  return {
    async ingestDay(files, day): Promise<void> {
      clock = endOfDay(day);
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
    },
    feed: {
      async restrictionsFor(day: string): Promise<readonly PersonRestriction[]> {
        const rows = await opened.db.query<{ cipher: string; kind: string; listedAt: Date; endDate: string | null }>(
          `SELECT p.id_number_cipher AS cipher, tc.kind, min(tc.listed_at) AS "listedAt", max(tc.management->>'endDate') AS "endDate"
           FROM traced_contact tc JOIN person p ON p.id = tc.person_id
           WHERE tc.kind IN ('close', 'sub-close') AND tc.listed_at < $1 AND p.id_number_cipher IS NOT NULL
           GROUP BY p.id_number_cipher, tc.kind`,
          [new Date(`${day}T00:00:00+08:00`)],
        );
        return rows.rows.map((r) => ({
          residentId: vault.decrypt(r.cipher),
          kind: r.kind === 'close' ? 'quarantine' : 'home_isolation',
          from: new Date(r.listedAt).toISOString(),
          ...(r.endDate === null ? {} : { until: endOfDay(r.endDate).toISOString() }),
        }));
      },
    },
  };
}
