import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testBackends } from '../testing/test-databases.js';
import { listMigrations, migrate } from './migrate.js';

for (const backend of testBackends()) {
  describe(`migrations on ${backend.name}`, () => {
    it('run from empty, then a second time without harm', async () => {
      const db = await backend.open({ migrated: false });
      try {
        const first = await migrate(db);
        assert.deepEqual(first.applied, listMigrations().map((m) => m.name));
        const second = await migrate(db);
        assert.deepEqual(second.applied, []);
        assert.equal(second.alreadyApplied, listMigrations().length);
        const tables = await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name IN ('region','person','audit_log')",
        );
        assert.equal(tables.rows[0]?.n, 3);
      } finally {
        await db.close();
      }
    });

    it('refuses to update or delete audit rows', async () => {
      const db = await backend.open();
      try {
        await db.query(
          `INSERT INTO audit_log (seq, at, actor_name, actor_role, action, purpose, outcome, prev_hash, hash)
           VALUES (1, now(), 'x', 'system', 'test', 'system', 'allowed', 'a', 'b')`,
        );
        await assert.rejects(db.query("UPDATE audit_log SET action = 'other'"), /append-only/);
        await assert.rejects(db.query('DELETE FROM audit_log'), /append-only/);
      } finally {
        await db.close();
      }
    });
  });
}
