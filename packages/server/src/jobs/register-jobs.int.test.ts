import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { issueSession, openJobQueue, resolveSession, testBackends } from '@epigrid/store';
import { loadTestConfig } from '../config/config.js';
import { createServices } from '../services.js';
import { buildTestJurisdiction } from '../testing/test-jurisdiction.js';
import { registerJobs, runJobNow } from './register-jobs.js';

for (const backend of testBackends()) {
  describe(`recurring jobs on ${backend.name}`, () => {
    it('schedules the jobs in the database and purges expired sessions', async () => {
      const db = await backend.open();
      const now = new Date('2026-05-01T00:00:00Z');
      const services = createServices(db, loadTestConfig(), 'e7'.repeat(32), () => now);
      const queue = await openJobQueue(db);
      try {
        assert.deepEqual(await registerJobs(queue, services), ['sessions.purge', 'cases.trace', 'tasks.generate', 'tasks.escalate']);
        const schedules = await queue.getSchedules();
        assert.ok(schedules.some((s) => s.name === 'sessions.purge'));
        const fixture = await buildTestJurisdiction(db, services.vault);
        const user = (await db.query<{ id: number }>('SELECT id FROM app_user WHERE username = $1', [fixture.users.epi.username])).rows[0]!;
        const old = await issueSession(db, user.id, 10, new Date('2026-04-01T00:00:00Z'));
        const fresh = await issueSession(db, user.id, 10, now);
        assert.deepEqual(await runJobNow('sessions.purge', services), { purged: 1 });
        assert.equal((await resolveSession(db, old.token, now)).kind, 'unknown');
        assert.equal((await resolveSession(db, fresh.token, now)).kind, 'valid');
        assert.deepEqual(await runJobNow('tasks.generate', services), { created: 0, routed: 0, pushedTo: 0 });
        assert.deepEqual(await runJobNow('tasks.escalate', services), { escalated: 0 });
      } finally {
        await queue.stop({ graceful: false, wait: true });
        await db.close();
      }
    });
  });
}
