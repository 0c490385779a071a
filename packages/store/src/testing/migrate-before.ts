import type { SqlClient } from '../db/sql-client.js';
import { listMigrations } from '../migrate/migrate.js';

/**
 * Brings an empty database to the schema just before one migration (each earlier one applied and
 * recorded as `migrate` would), so a test can store rows the old way and then run `migrate`.
 * @param db - an empty database
 * @param name - the migration to stop before, e.g. `0014-imported-risk-level-names`
 * @returns the names of that migration and those after it, in order (what `migrate` then applies)
 */
export async function migrateBefore(db: SqlClient, name: string): Promise<string[]> {
  const all = listMigrations();
  const stop = all.find((m) => m.name === name);
  if (stop === undefined) throw new Error(`no migration ${name}`);
  await db.exec('CREATE TABLE schema_migration (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  for (const earlier of all.filter((m) => m.version < stop.version)) {
    await db.exec(earlier.sql);
    await db.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [earlier.version, earlier.name]);
  }
  return all.filter((m) => m.version >= stop.version).map((m) => m.name);
}
