import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SqlClient } from '../db/sql-client.js';

const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

/** One numbered migration file. */
export interface Migration {
  /** Number from the file name, e.g. 1 for `0001-foundation.sql`. */
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** What {@link migrate} did. */
export interface MigrationReport {
  readonly applied: readonly string[];
  readonly alreadyApplied: number;
}

/** Reads the migration files in version order. */
export function listMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{4}-[a-z0-9-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file.replace(/\.sql$/, ''),
      sql: readFileSync(`${MIGRATIONS_DIR}${file}`, 'utf8'),
    }));
}

/**
 * Applies every migration not yet applied, each in its own transaction, recording it in
 * `schema_migration`. Safe to run on every start and from several processes (advisory lock).
 * @param db - the database
 */
export async function migrate(db: SqlClient): Promise<MigrationReport> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migration (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const migration of listMigrations()) {
    const done = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(7201)');
      const seen = await tx.query('SELECT 1 FROM schema_migration WHERE version = $1', [migration.version]);
      if (seen.rows.length > 0) return false;
      await tx.exec(migration.sql);
      await tx.query('INSERT INTO schema_migration (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      return true;
    });
    if (done) applied.push(migration.name);
    else alreadyApplied++;
  }
  return { applied, alreadyApplied };
}
