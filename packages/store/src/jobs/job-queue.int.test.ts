import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { testBackends } from '../testing/test-databases.js';
import { openJobQueue } from './job-queue.js';

for (const backend of testBackends()) {
  describe(`job queue on ${backend.name}`, () => {
    it('runs a queued job, and keeps jobs in the database', async () => {
      const db = await backend.open();
      const boss = await openJobQueue(db);
      try {
        await boss.createQueue('test.echo');
        const done = new Promise<unknown>((resolve) => {
          void boss.work('test.echo', { pollingIntervalSeconds: 0.5 }, async (jobs) => {
            for (const job of jobs) resolve(job.data);
          });
        });
        const id = await boss.send('test.echo', { caseId: 42 });
        assert.ok(id);
        assert.deepEqual(await done, { caseId: 42 });
        const stored = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.echo'");
        assert.equal(stored.rows[0]?.n, 1);
      } finally {
        await boss.stop({ graceful: false, wait: true });
        await db.close();
      }
    });
  });
}
