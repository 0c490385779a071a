import PgBoss from 'pg-boss';
import type { SqlClient } from '../db/sql-client.js';

/** The durable job queue (pg-boss), kept in the `pgboss` schema of EpiGrid's own database. */
export type JobQueue = PgBoss;

/** True for a parameterless script of several statements, which must go through the simple protocol. */
function isScript(text: string, values: readonly unknown[] | undefined): boolean {
  return (values === undefined || values.length === 0) && /;\s*\S/.test(text.trim().replace(/;$/, ''));
}

/**
 * Starts a job queue on the database EpiGrid already uses — PGlite or PostgreSQL — so jobs
 * (tracing a new case, retention, escalation) survive restarts without another service.
 * @param db - migrated database
 */
export async function openJobQueue(db: SqlClient): Promise<JobQueue> {
  const boss = new PgBoss({
    db: {
      async executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> {
        if (isScript(text, values)) {
          await db.exec(text);
          return { rows: [] };
        }
        return { rows: (await db.query(text, values ?? [])).rows };
      },
    },
    // PGlite serialises every query; one supervisor and slow polling keep it responsive.
    maintenanceIntervalSeconds: 120,
  });
  await boss.start();
  return boss;
}
