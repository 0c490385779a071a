import { openConfigured } from '../open-configured.js';

/** `epigrid db migrate`: applies pending migrations and reports them. */
export async function dbMigrate(): Promise<void> {
  const opened = await openConfigured(process.env);
  try {
    const { applied, alreadyApplied } = opened.migrations;
    console.log(`database: ${opened.db.engine}`);
    console.log(applied.length === 0 ? 'schema is up to date' : `applied: ${applied.join(', ')}`);
    console.log(`already applied: ${alreadyApplied}`);
  } finally {
    await opened.db.close();
  }
}
