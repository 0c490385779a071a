import type { SqlClient } from '../db/sql-client.js';

/**
 * Makes a task-generation transaction exclusive: takes a transaction-scoped advisory lock as its
 * first statement, so a second pass (the minute job and a run after tracing or a filing) waits for
 * the first to commit and then reads what it wrote. Without it two overlapping passes could each
 * see no open task of a type for a person and create one each, for different reasons (a missed test
 * day and a missed round). Works alike on PGlite and PostgreSQL; released at commit or rollback.
 * @param tx - the generation transaction, before it reads anything
 */
export async function lockTaskGeneration(tx: SqlClient): Promise<void> {
  await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('epigrid:tasks.generate', 0))`);
}
