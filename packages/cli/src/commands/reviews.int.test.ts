import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { buildPoolingFixture, recordsOf, runImport } from '@epigrid/ingest';
import { listAudit, migrate, openPglite } from '@epigrid/store';

const BIN = fileURLToPath(new URL('../../bin/epigrid.js', import.meta.url));

describe('epigrid reviews (embedded database)', () => {
  let dir: string;
  const run = (...args: string[]): { status: number | null; output: string } => {
    const result = spawnSync(process.execPath, [BIN, 'reviews', ...args], {
      env: { ...process.env, EPIGRID_DATA_DIR: dir, EPIGRID_SECRET: 'c3'.repeat(32), DATABASE_URL: '' },
      encoding: 'utf8',
    });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const owner = async (): Promise<{ person: number; resident: number }> => {
    const db = await openPglite(join(dir, 'pglite'));
    try {
      const row = (await db.query<{ person: number; resident: number }>(
        `SELECT c.person_id AS person, r.candidate_id AS resident FROM case_report c JOIN identity_review r ON r.person_id = c.person_id OR r.candidate_id = c.person_id`,
      )).rows[0]!;
      return row;
    } finally {
      await db.close();
    }
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'epigrid-reviews-'));
    const db = await openPglite(join(dir, 'pglite'));
    await migrate(db);
    const fx = await buildPoolingFixture(db, 2);
    const a = fx.residents[0]!;
    const row = { report_id: 'r-1', classification: 'asymptomatic', sampling_date: '2026-03-01', report_time: '2026-03-01T10:00:00+08:00', name: a.name, birth_date: a.birthDate };
    await runImport(fx.env, { source: 'cases', fileName: 'cases.csv', actorName: 'test', records: recordsOf([row]) });
    await db.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('lists a review with masked identifiers, links it, undoes the merge, and keeps them apart', async () => {
    const listed = run('list');
    assert.equal(listed.status, 0, listed.output);
    const reviewId = /review (\d+) score 0\.85 \(cases\)/.exec(listed.output)?.[1];
    assert.ok(reviewId !== undefined, listed.output);
    assert.match(listed.output, /probably: #\d+ .* id \*{14}\w{4} phone \*{7}\d{4}/);
    assert.match(listed.output, /1 open review\(s\)/);

    const linked = run('link', reviewId);
    assert.equal(linked.status, 0, linked.output);
    const mergeId = /merged \(merge (\d+),/.exec(linked.output)?.[1];
    const merged = await owner();
    assert.equal(merged.person, merged.resident, 'the case now belongs to the registered person');

    assert.equal(run('undo', mergeId!).status, 0);
    const undone = await owner();
    assert.notEqual(undone.person, undone.resident, 'back on the provisional person');

    assert.match(run('new', reviewId).output, /kept apart/);
    assert.match(run('list').output, /0 open review\(s\)/);
    const again = run('new', reviewId);
    assert.notEqual(again.status, 0);
    assert.match(again.output, /already exists/, 'a decided review is a conflict');

    const db = await openPglite(join(dir, 'pglite'));
    const actions = (await listAudit(db, { limit: 5 })).map((e) => e.action);
    await db.close();
    assert.deepEqual(actions.slice(0, 3), ['identity.review.new', 'person.merge.undo', 'person.merge']);
  });
});
