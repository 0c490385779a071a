import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { insertAppeal, testBackends, type SqlClient } from '@epigrid/store';
import { buildTaskFixture, type TaskFixture } from '../testing/task-fixture.js';
import { tasksOfType } from '../testing/trigger-fixture.js';
import { escalateTasks } from './escalate-tasks.js';
import { generateTasks } from './generate-tasks.js';

for (const backend of testBackends()) {
  describe(`a filed appeal becomes a reviewer's task on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: TaskFixture;
    const person = (i: number): number => fx.jurisdiction.people[i]!.id;
    const userId = async (username: string): Promise<number> => Number((await db.query<{ id: string }>('SELECT id FROM app_user WHERE username = $1', [username])).rows[0]!.id);
    const post = async (username: string, url: string, payload: Record<string, unknown>): Promise<{ statusCode: number; body: string; json: () => unknown }> =>
      fx.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${await fx.signIn(username)}` }, payload });

    before(async () => {
      db = await backend.open();
      fx = await buildTaskFixture(db);
    });
    after(async () => {
      await fx.app.close();
      await db.close();
    });

    it('routes the review to a reviewer of the person’s county at once, never to a grid worker, and only once', async () => {
      const filed = await post(fx.workers.gridA.username, '/api/appeals', { personId: person(1), reason: 'was never at that venue' });
      assert.equal(filed.statusCode, 201, filed.body);
      const appealId = (filed.json() as { id: number }).id;
      const [review] = await tasksOfType(db, 'review_appeal');
      assert.equal(review?.subjectKey, `appeal:${appealId}`);
      assert.equal(review.level, 'county');
      assert.equal(review.assignee, await userId(fx.jurisdiction.users.county.username), 'the command centre of county A');
      assert.equal(review.deadline, '2026-03-11T04:00:00.000Z', 'the appeal’s own deadline: 24 h after the filing');
      assert.deepEqual(await generateTasks(fx.services), { created: 0, routed: 0, pushedTo: 0 });
    });

    it('deciding the appeal closes its task', async () => {
      const [review] = await tasksOfType(db, 'review_appeal');
      const appealId = Number(review!.subjectKey.split(':')[1]);
      const decided = await post(fx.jurisdiction.users.county.username, `/api/appeals/${appealId}/decide`, { status: 'rejected', outcome: 'the venue scan was his own phone' });
      assert.equal(decided.statusCode, 200, decided.body);
      const [after] = await tasksOfType(db, 'review_appeal');
      assert.equal(after?.status, 'done');
      const done = await db.query<{ doneAt: Date }>('SELECT done_at AS "doneAt" FROM task WHERE id = $1', [after!.id]);
      assert.equal(new Date(done.rows[0]!.doneAt).toISOString(), '2026-03-10T04:00:00.000Z');
    });

    it('an appeal stored by another path is picked up by the generation pass; overdue, it climbs to a reviewer above', async () => {
      const filer = await userId(fx.workers.gridA.username);
      const appeal = await insertAppeal(db, {
        personId: person(8),
        filedBy: filer,
        filedByRole: 'grid_worker',
        reason: 'test appeal',
        colourAtFiling: 'yellow',
        ruleIdAtFiling: 'CN-P9-codes/yellow',
        filedAt: new Date('2026-03-10T12:00:00+08:00'),
        deadline: new Date('2026-03-11T12:00:00+08:00'),
      });
      assert.equal((await generateTasks(fx.services)).created, 1);
      const review = (await tasksOfType(db, 'review_appeal')).find((t) => t.subjectKey === `appeal:${appeal.id}`)!;
      assert.deepEqual([review.level, review.assignee], ['county', await userId(fx.jurisdiction.users.otherCounty.username)]);
      fx.setNow('2026-03-11T12:00:01+08:00');
      assert.equal((await escalateTasks(fx.services)).escalated, 1);
      const climbed = (await tasksOfType(db, 'review_appeal')).find((t) => t.id === review.id)!;
      assert.deepEqual([climbed.level, climbed.assignee], ['city', await userId(fx.jurisdiction.users.epi.username)], 'the city’s epidemiologist, a reviewer');
    });

    it('an outcome cannot close a review: "reached" is refused, saying the appeal’s decision closes it; "not home" is noted and leaves it open', async () => {
      const epi = fx.jurisdiction.users.epi.username;
      const review = (await tasksOfType(db, 'review_appeal')).find((t) => t.status === 'open')!;
      const outcome = (code: string): Promise<{ statusCode: number; body: string; json: () => unknown }> =>
        post(epi, `/api/tasks/${review.id}/outcomes`, { clientId: randomUUID(), code, recordedAt: '2026-03-11T12:30:00+08:00' });
      for (const code of ['reached', 'moved', 'transferred']) {
        const refused = await outcome(code);
        assert.equal(refused.statusCode, 400, refused.body);
        const error = (refused.json() as { error: { details: { field: string; reason: string } } }).error.details;
        assert.equal(error.field, 'code');
        assert.match(error.reason, new RegExp(`review_appeal task closes only when its appeal is decided .* not by outcome ${code}; the outcomes it records are: not_home$`));
      }
      assert.equal((await tasksOfType(db, 'review_appeal')).find((t) => t.id === review.id)!.status, 'open');
      const refusals = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'task.outcome' AND outcome = 'refused' AND subject = $1 AND details->>'reason' = 'outcome_not_allowed'`,
        [`task:${review.id}`],
      );
      assert.equal(refusals.rows[0]!.n, 3, 'each refusal is audited');
      const noted = await outcome('not_home');
      assert.equal(noted.statusCode, 201, noted.body);
      assert.equal((noted.json() as { task: { status: string } }).task.status, 'open');

      const appealId = Number(review.subjectKey.split(':')[1]);
      const decided = await post(epi, `/api/appeals/${appealId}/decide`, { status: 'upheld', outcome: 'the test result was filed under the wrong person' });
      assert.equal(decided.statusCode, 200, decided.body);
      assert.equal((await tasksOfType(db, 'review_appeal')).find((t) => t.id === review.id)!.status, 'done', 'the decision closes it');
    });
  });
}
