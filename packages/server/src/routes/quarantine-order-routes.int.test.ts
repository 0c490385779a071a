import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listAudit, testBackends, type SqlClient } from '@epigrid/store';
import { readPdfText } from '../testing/pdf-text.js';
import { buildTaskFixture, type TaskFixture } from '../testing/task-fixture.js';
import { generateTasks } from '../use-cases/generate-tasks.js';

for (const backend of testBackends()) {
  describe(`quarantine orders over HTTP on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: TaskFixture;
    let taskIds: number[];

    const print = async (username: string, body: object, purpose = 'quarantine_management'): Promise<{ status: number; type: string; raw: Buffer; json: () => any }> => {
      const token = await fx.signIn(username);
      const res = await fx.app.inject({
        method: 'POST',
        url: '/api/quarantine-orders',
        headers: { authorization: `Bearer ${token}`, 'x-purpose': purpose },
        payload: body,
      });
      return { status: res.statusCode, type: String(res.headers['content-type']), raw: res.rawPayload, json: () => res.json() };
    };

    before(async () => {
      db = await backend.open();
      fx = await buildTaskFixture(db);
      const inA1 = fx.jurisdiction.people.filter((p) => p.gridCode.startsWith('A1')).slice(1, 4);
      for (const p of inA1) await fx.traceContact(p.id, 'close');
      await generateTasks(fx.services);
      const rows = await db.query<{ id: string }>(`SELECT id FROM task WHERE person_id = ANY($1::bigint[]) ORDER BY id`, [inA1.map((p) => p.id)]);
      taskIds = rows.rows.map((r) => Number(r.id));
      assert.equal(taskIds.length, 3);
    });
    after(async () => {
      await fx.app.close();
      await db.close();
    });

    it('prints one page per person of the tasks, with their names and the resident ID masked for quarantine management', async () => {
      const epi = fx.jurisdiction.users.epi.username;
      const res = await print(epi, { taskIds, locale: 'zh' });
      assert.equal(res.status, 200);
      assert.equal(res.type, 'application/pdf');
      const pdf = readPdfText(res.raw);
      assert.equal(pdf.pageCount, 3);
      const people = fx.jurisdiction.people.filter((p) => p.gridCode.startsWith('A1')).slice(1, 4);
      people.forEach((p, i) => {
        assert.ok(pdf.pages[i]!.includes(p.name), `page ${i + 1} names ${p.name}`);
        assert.ok(!pdf.pages[i]!.includes(p.residentId), 'resident ID not in clear');
        assert.ok(pdf.pages[i]!.includes(p.residentId.slice(-4)), 'masked ID keeps its last four');
      });
      assert.ok(pdf.pages[0]!.replaceAll('\n', '').includes('集中隔离医学观察'));
    });

    it('prints the resident ID in clear for an epidemiologist tracing contacts, in English on request', async () => {
      const person = fx.jurisdiction.people.find((p) => p.gridCode === 'B1g1')!;
      const res = await print(fx.jurisdiction.users.epi.username, { personIds: [person.id], locale: 'en' }, 'contact_tracing');
      assert.equal(res.status, 200);
      const pdf = readPdfText(res.raw);
      assert.equal(pdf.pageCount, 1);
      assert.ok(pdf.pages[0]!.includes(`To ${person.name} (resident ID ${person.residentId}`));
    });

    it('records who printed orders for whom, per person', async () => {
      const person = fx.jurisdiction.people.filter((p) => p.gridCode.startsWith('A1'))[1]!;
      const log = await listAudit(db, { subject: `person:${person.id}`, limit: 20 });
      assert.ok(log.some((e) => e.action === 'quarantine_order.print' && e.outcome === 'allowed' && e.actorName === fx.jurisdiction.users.epi.username));
    });

    it('refuses people outside the jurisdiction (logged) and roles that may not print', async () => {
      const outsider = fx.jurisdiction.people.find((p) => p.gridCode === 'A1g1')!;
      const other = await print(fx.jurisdiction.users.otherCounty.username, { personIds: [outsider.id] });
      assert.equal(other.status, 403);
      assert.equal(other.json().error.code, 'outside_jurisdiction');
      const refusals = await listAudit(db, { limit: 50 });
      assert.ok(refusals.some((e) => e.action === 'quarantine_order.print' && e.outcome === 'refused' && e.actorName === fx.jurisdiction.users.otherCounty.username));
      const tasksOutside = await print(fx.jurisdiction.users.otherCounty.username, { taskIds });
      assert.equal(tasksOutside.status, 403);
      const grid = await print(fx.jurisdiction.users.grid.username, { personIds: [outsider.id] });
      assert.equal(grid.status, 403);
      assert.equal(grid.json().error.code, 'forbidden');
      const empty = await print(fx.jurisdiction.users.epi.username, { locale: 'zh' });
      assert.equal(empty.status, 400);
    });
  });
}
