import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listAudit, listIdentityReviews, mergePersons, testBackends, undoMerge, type SqlClient } from '@epigrid/store';
import { runImport } from '../load/run-import.js';
import { buildPoolingFixture, type PoolingFixture } from '../testing/pooling-fixture.js';
import { recordsOf } from '../testing/rows.js';

const report = (id: string, extra: Record<string, string>): Record<string, string> => ({
  report_id: id,
  classification: 'asymptomatic',
  sampling_date: '2026-03-01',
  report_time: '2026-03-01T10:00:00+08:00',
  ...extra,
});

async function snapshot(db: SqlClient): Promise<string> {
  const tables = ['person', 'case_report', 'check_in', 'identity_review', 'lab_result', 'vaccination'];
  const out: Record<string, unknown> = {};
  for (const t of tables) out[t] = (await db.query(`SELECT * FROM ${t} ORDER BY id`)).rows;
  return JSON.stringify(out);
}

for (const backend of testBackends()) {
  describe(`identity resolution and merges on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: PoolingFixture;
    before(async () => {
      db = await backend.open();
      fx = await buildPoolingFixture(db, 4);
    });
    after(async () => db.close());

    it('links by score, queues the uncertain, creates provisional persons for the unknown', async () => {
      const a = fx.residents[0]!;
      const otherPhone = `1${a.phone.slice(1, 7) === '3900000' ? '5' : '3'}${a.phone.slice(2, 7)}${a.phone.slice(-4)}`;
      const result = await runImport(fx.env, {
        source: 'cases',
        fileName: 'cases.csv',
        actorName: 'test',
        records: recordsOf([
          report('c1', { name: a.name, birth_date: a.birthDate, phone: otherPhone.length === 11 ? otherPhone : a.phone }),
          report('c2', { name: a.name, birth_date: a.birthDate }),
          report('c3', { name: '无名氏', birth_date: '1950-05-05' }),
          report('c4', { resident_id: a.residentId }),
        ]),
      });
      assert.equal(result.accepted, 4);
      const rows = (await db.query<{ report_id: string; person_id: number; provisional: boolean }>(
        'SELECT c.report_id, c.person_id, p.provisional FROM case_report c JOIN person p ON p.id = c.person_id ORDER BY report_id',
      )).rows;
      assert.equal(rows[0]!.person_id, a.id, 'name + birth date + phone tail: linked');
      assert.equal(rows[1]!.provisional, true, 'name + birth date only: provisional, reviewed');
      assert.equal(rows[2]!.provisional, true, 'unknown: provisional');
      assert.equal(rows[3]!.person_id, a.id, 'resident ID: exact');
      const reviews = await listIdentityReviews(db);
      assert.deepEqual(
        reviews.map((r) => [r.personId, r.candidateId, r.source]),
        [[rows[1]!.person_id, a.id, 'cases']],
      );
      assert.ok(Math.abs(reviews[0]!.score - 0.85) < 0.001);
    });

    it('a merge moves every linked record, is audited, and undo restores the exact prior state', async () => {
      const [review] = await listIdentityReviews(db);
      const before = await snapshot(db);
      const by = { actorId: null, actorName: 'reviewer', actorRole: 'system' as const };
      const merge = await mergePersons(db, review!.personId, review!.candidateId, by, fx.env.auditHasher);
      assert.equal(merge.moved.case_report, 1);
      const moved = await db.query<{ person_id: number }>(`SELECT person_id FROM case_report WHERE report_id = 'c2'`);
      assert.equal(moved.rows[0]!.person_id, review!.candidateId);
      assert.equal((await listIdentityReviews(db)).length, 0, 'the review is closed');
      // Later records naming the merged person resolve to the survivor.
      await undoMerge(db, merge.mergeId, by, fx.env.auditHasher);
      assert.equal(await snapshot(db), before);
      const log = await listAudit(db, { subject: `person:${review!.candidateId}`, limit: 5 });
      assert.deepEqual(log.map((e) => e.action).slice(0, 2), ['person.merge.undo', 'person.merge']);
      await assert.rejects(undoMerge(db, merge.mergeId, by, fx.env.auditHasher), (e: any) => e.code === 'conflict' && /already undone/.test(e.details.reason));
    });

    it('a correction replaces a case report and keeps the replaced version; an older one is a duplicate', async () => {
      const a = fx.residents[1]!;
      const first = report('k1', { resident_id: a.residentId, report_time: '2026-03-02T10:00:00+08:00' });
      await runImport(fx.env, { source: 'cases', fileName: 'k1.csv', actorName: 'test', records: recordsOf([first]) });
      const corrected = await runImport(fx.env, {
        source: 'cases',
        fileName: 'k2.csv',
        actorName: 'test',
        records: recordsOf([
          { ...first, classification: 'confirmed', onset_date: '2026-02-28', report_time: '2026-03-03T10:00:00+08:00' },
          { ...first, report_time: '2026-03-01T09:00:00+08:00' },
          { ...first, classification: 'confirmed', onset_date: '2026-02-27', report_time: '2026-03-04T10:00:00+08:00' },
        ]),
      });
      assert.deepEqual([corrected.accepted, corrected.corrected, corrected.duplicates], [0, 2, 1]);
      const stored = await db.query<{ version: number; onset_date: string }>(`SELECT version, onset_date FROM case_report WHERE report_id = 'k1'`);
      assert.deepEqual(stored.rows[0], { version: 3, onset_date: '2026-02-27' });
      const history = await db.query<{ version: number; onset: string | null }>(
        `SELECT version, content->>'onset_date' AS onset FROM case_report_history WHERE report_id = 'k1' ORDER BY version`,
      );
      assert.deepEqual(history.rows, [
        { version: 1, onset: null },
        { version: 2, onset: '2026-02-28' },
      ]);
    });
  });
}
