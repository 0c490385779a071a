import { loadConfig, resolveSecret, type Config } from '@epigrid/server';
import { migrate, openDatabase, type SqlClient } from '@epigrid/store';

/** An open, migrated database with the configuration and secret it was opened with. */
export interface Opened {
  readonly config: Config;
  readonly secret: string;
  readonly secretSource: 'environment' | 'file' | 'created';
  readonly db: SqlClient;
  readonly migrations: { readonly applied: readonly string[]; readonly alreadyApplied: number };
}

/**
 * Reads the environment, opens the configured database and brings its schema up to date.
 * @param env - environment variables
 */
export async function openConfigured(env: Readonly<Record<string, string | undefined>>): Promise<Opened> {
  const config = loadConfig(env);
  const { secret, source } = resolveSecret(config);
  const db = await openDatabase({ databaseUrl: config.database.url, dataDir: config.database.dataDir });
  const migrations = await migrate(db);
  return { config, secret, secretSource: source, db, migrations };
}
