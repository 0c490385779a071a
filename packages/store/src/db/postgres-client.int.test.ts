import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { createThrowawayDatabase } from '../testing/test-databases.js';
import { openPostgres } from './postgres-client.js';

const url = process.env.EPIGRID_TEST_DATABASE_URL;

describe('PostgreSQL client', { skip: url === undefined ? 'no PostgreSQL (EPIGRID_TEST_DATABASE_URL)' : false }, () => {
  it('survives an idle connection closed by the server: the next query opens another', async () => {
    const throwaway = await createThrowawayDatabase(url!);
    const db = await openPostgres(throwaway.url, 2);
    try {
      const before = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('SELECT pg_terminate_backend($1)', [before]);
      await admin.end();
      await new Promise((resolve) => setTimeout(resolve, 200)); // the idle client hears of it
      const after = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;
      assert.notEqual(after, before);
    } finally {
      await db.close();
      await throwaway.drop();
    }
  });
});
