import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { readRecords } from '@epigrid/ingest';
import { listAudit, testBackends, type SqlClient } from '@epigrid/store';
import { unguardCell } from '../exports/csv-line.js';
import { taskExportHeader } from '../exports/task-export.js';
import { buildTaskFixture, type TaskFixture } from '../testing/task-fixture.js';
import { EXPORT_PAGE_SIZE, exportTasks } from '../use-cases/export-tasks.js';
import { resolveActor } from '../use-cases/resolve-actor.js';

const BULK = 2000;

async function* once(bytes: Buffer): AsyncGenerator<Uint8Array> {
  yield bytes;
}

for (const backend of testBackends()) {
  describe(`task exports on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: TaskFixture;
    let expectedIds: Set<number>;

    const download = async (username: string, query: string): Promise<{ status: number; headers: Record<string, unknown>; raw: Buffer; json: () => any }> => {
      const token = await fx.signIn(username);
      const res = await fx.app.inject({ method: 'GET', url: `/api/tasks/export?${query}`, headers: { authorization: `Bearer ${token}` } });
      return { status: res.statusCode, headers: res.headers, raw: res.rawPayload, json: () => res.json() };
    };
    const rowsOf = async (raw: Buffer, format: 'csv' | 'xlsx'): Promise<Array<Record<string, string>>> => {
      const rows: Array<Record<string, string>> = [];
      for await (const record of readRecords(once(raw), format)) rows.push(record.raw);
      return rows;
    };

    before(async () => {
      db = await backend.open();
      fx = await buildTaskFixture(db);
      const inA = fx.jurisdiction.people.filter((p) => p.gridCode.startsWith('A')).map((p) => p.id);
      await db.query(
        `INSERT INTO task (type, rule_id, person_id, subject_key, home_region_path, assigned_region_path, assigned_level, priority,
                           deadline, status, created_at, clock_start, routed_at)
         SELECT 'urge_test', 'loop.mass_testing.urge', p.id, 'bulk:' || g, p.region_path, p.region_path, 'grid', 3,
                $1::timestamptz + g * interval '1 minute', 'open', $1, $1, $1
         FROM generate_series(1, $3::int) g
         JOIN person p ON p.id = ($2::bigint[])[1 + g % array_length($2::bigint[], 1)]`,
        ['2026-03-10T00:00:00Z', inA, BULK],
      );
      const ids = await db.query<{ id: string }>(`SELECT id FROM task WHERE subject_key LIKE 'bulk:%'`);
      expectedIds = new Set(ids.rows.map((r) => Number(r.id)));
      assert.equal(expectedIds.size, BULK);
    });
    after(async () => {
      await fx.app.close();
      await db.close();
    });

    it('reads the tasks a page at a time, never more than one page in memory', async () => {
      const { actor } = await resolveActor(fx.services, await fx.signIn(fx.jurisdiction.users.epi.username));
      const sizes: number[] = [];
      for await (const page of await exportTasks(fx.services, actor, { view: 'region', status: 'open', format: 'csv' })) sizes.push(page.length);
      assert.ok(sizes.every((n) => n <= EXPORT_PAGE_SIZE));
      assert.equal(sizes.reduce((a, b) => a + b, 0), BULK);
      assert.equal(sizes.length, Math.ceil(BULK / EXPORT_PAGE_SIZE));
    });

    it('streams a CSV that round-trips: every task once, by deadline, phones masked', async () => {
      const res = await download(fx.jurisdiction.users.epi.username, 'format=csv&view=region&status=open');
      assert.equal(res.status, 200);
      assert.match(String(res.headers['content-type']), /^text\/csv/);
      assert.equal(res.headers['content-length'], undefined, 'streamed, not buffered');
      assert.equal(res.raw.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 BOM for spreadsheets');
      const rows = await rowsOf(res.raw, 'csv');
      assert.deepEqual(Object.keys(rows[0]!), [...taskExportHeader]);
      assert.deepEqual(new Set(rows.map((r) => Number(r.id))), expectedIds);
      const deadlines = rows.map((r) => r.deadline!);
      assert.deepEqual(deadlines, [...deadlines].sort());
      const person = fx.jurisdiction.people.find((p) => p.gridCode.startsWith('A'))!;
      const theirs = rows.find((r) => Number(r.person_id) === person.id)!;
      assert.equal(theirs.person_name, person.name);
      assert.equal(unguardCell(theirs.phone_masked!), `*******${person.phone.slice(-4)}`);
      assert.ok(!res.raw.toString('utf8').includes(person.phone), 'no phone in clear');
      const log = await listAudit(db, { limit: 20 });
      assert.ok(log.some((e) => e.action === 'task.export' && e.outcome === 'allowed' && e.actorName === fx.jurisdiction.users.epi.username));
    });

    it('streams the same list as XLSX', async () => {
      const res = await download(fx.jurisdiction.users.epi.username, 'format=xlsx&view=region&status=open');
      assert.equal(res.status, 200);
      assert.equal(res.headers['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      const rows = await rowsOf(res.raw, 'xlsx');
      assert.deepEqual(new Set(rows.map((r) => Number(r.id))), expectedIds);
      assert.ok(rows.every((r) => r.type === 'urge_test' && r.status === 'open'));
    });

    it('exports only the jurisdiction, and refuses roles without the ability', async () => {
      const other = await download(fx.jurisdiction.users.otherCounty.username, 'format=csv&view=region&status=open');
      assert.equal(other.status, 200);
      assert.deepEqual(await rowsOf(other.raw, 'csv'), []);
      const grid = await download(fx.jurisdiction.users.grid.username, 'format=csv');
      assert.equal(grid.status, 403);
      assert.equal(grid.json().error.code, 'forbidden');
    });
  });
}
