import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPglite } from '../db/pglite-client.js';
import { openPostgres } from '../db/postgres-client.js';
import type { SqlClient } from '../db/sql-client.js';
import { migrate } from '../migrate/migrate.js';

/** A database engine the integration suites run against. */
export interface TestBackend {
  readonly name: 'pglite' | 'postgres';
  /**
   * Opens a fresh, empty, isolated database (in-memory PGlite, or a new PostgreSQL database that
   * is dropped on close), so test files never share state and need no truncation.
   * @param options - `migrated: false` for an empty database (migration tests)
   */
  open(options?: { migrated?: boolean }): Promise<SqlClient>;
}

/** A throwaway PostgreSQL database: its URL and how to drop it. */
export interface ThrowawayDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/**
 * Creates an empty PostgreSQL database with a random name next to the admin URL's database.
 * @param adminUrl - URL of a database the test user may run CREATE DATABASE from
 */
export async function createThrowawayDatabase(adminUrl: string): Promise<ThrowawayDatabase> {
  const name = `epigrid_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop(): Promise<void> {
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

async function freshPostgres(adminUrl: string): Promise<SqlClient> {
  const throwaway = await createThrowawayDatabase(adminUrl);
  const db = await openPostgres(throwaway.url, 4);
  return {
    ...db,
    async close(): Promise<void> {
      await db.close();
      await throwaway.drop();
    },
  };
}

/**
 * The backends to run integration suites on: PGlite always, PostgreSQL when
 * `EPIGRID_TEST_DATABASE_URL` is set (the test runner sets it when a server is reachable).
 */
export function testBackends(): TestBackend[] {
  const backends: TestBackend[] = [
    {
      name: 'pglite',
      async open(options = {}): Promise<SqlClient> {
        const db = await openPglite();
        if (options.migrated !== false) await migrate(db);
        return db;
      },
    },
  ];
  const url = process.env.EPIGRID_TEST_DATABASE_URL;
  if (url) {
    backends.push({
      name: 'postgres',
      async open(options = {}): Promise<SqlClient> {
        const db = await freshPostgres(url);
        if (options.migrated !== false) await migrate(db);
        return db;
      },
    });
  }
  return backends;
}
