import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openPglite } from './pglite-client.js';
import { openPostgres } from './postgres-client.js';
import type { SqlClient } from './sql-client.js';

/** Where the data lives: PostgreSQL when a URL is given, otherwise PGlite under the data directory. */
export interface DatabaseLocation {
  /** PostgreSQL connection URL; absent = embedded PGlite. */
  readonly databaseUrl?: string | undefined;
  /** Directory for the embedded database (its files go to `<dataDir>/pglite`). */
  readonly dataDir: string;
}

/**
 * Opens the configured database.
 * @param location - PostgreSQL URL or PGlite data directory
 */
export async function openDatabase(location: DatabaseLocation): Promise<SqlClient> {
  if (location.databaseUrl) return openPostgres(location.databaseUrl);
  const dir = join(location.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  return openPglite(dir);
}
