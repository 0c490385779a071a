import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listAudit, testBackends, type SqlClient } from '@epigrid/store';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadTestConfig } from '../config/config.js';
import { createServices, type Services } from '../services.js';
import { buildTestJurisdiction, type FixtureUser, type TestJurisdiction } from '../testing/test-jurisdiction.js';

for (const backend of testBackends()) {
  describe(`POST /api/import/:source on ${backend.name}`, () => {
    let db: SqlClient;
    let services: Services;
    let app: FastifyInstance;
    let fixture: TestJurisdiction;

    const login = async (user: FixtureUser): Promise<string> => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
      return (res.json() as { token: string }).token;
    };
    const post = async (user: FixtureUser | null, payload: string, headers: Record<string, string>): Promise<{ status: number; json: () => any }> => {
      const auth: Record<string, string> = user === null ? {} : { authorization: `Bearer ${await login(user)}` };
      const res = await app.inject({ method: 'POST', url: '/api/import/vaccinations', payload, headers: { 'content-type': 'application/json', ...auth, ...headers } });
      return { status: res.statusCode, json: () => res.json() };
    };

    before(async () => {
      db = await backend.open();
      services = createServices(db, loadTestConfig({ EPIGRID_LOGIN_ATTEMPTS_PER_MINUTE: '1000' }), 'b2'.repeat(32));
      app = await buildApp({ services, demo: null });
      fixture = await buildTestJurisdiction(db, services.vault);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const rows = (): Array<Record<string, unknown>> => [
      { record_id: 'v-1', resident_id: fixture.people[0]!.residentId, vaccine_code: 'BBIBP', dose_number: 1, administered_on: '2021-05-01' },
      { record_id: 'v-2', phone: fixture.people[1]!.phone, vaccine_code: 'BBIBP', dose_number: 2, administered_on: '2021-06-01' },
      { record_id: 'v-3', phone: fixture.people[1]!.phone, vaccine_code: 'BBIBP', dose_number: 0, administered_on: '2021-06-01' },
    ];

    it('requires a login, the import.run ability and an Idempotency-Key', async () => {
      assert.equal((await post(null, '[]', { 'idempotency-key': 'k0' })).status, 401);
      const refused = await post(fixture.users.grid, '[]', { 'idempotency-key': 'k0' });
      assert.equal(refused.status, 403);
      const log = await listAudit(db, { subject: 'import:vaccinations', limit: 5 });
      assert.equal(log[0]?.outcome, 'refused');
      const noKey = await post(fixture.users.lab, '[]', {});
      assert.equal(noKey.status, 400);
      assert.equal(noKey.json().error.code, 'idempotency_key_required');
    });

    it('imports a JSON array once per Idempotency-Key, returning the first result again', async () => {
      const first = await post(fixture.users.lab, JSON.stringify(rows()), { 'idempotency-key': 'batch-1' });
      assert.equal(first.status, 200);
      assert.deepEqual([first.json().accepted, first.json().rejected, first.json().alreadyImported], [2, 1, false]);
      assert.equal(first.json().topReasons[0].example, 'row 3, field dose_number: "0" is too small: the least allowed is 1');
      const second = await post(fixture.users.lab, JSON.stringify(rows()), { 'idempotency-key': 'batch-1' });
      assert.equal(second.json().batchId, first.json().batchId);
      assert.equal(second.json().alreadyImported, true);
      assert.equal(second.json().accepted, 2);
      const stored = await db.query<{ n: number; linked: number }>('SELECT count(*)::int AS n, count(person_id)::int AS linked FROM vaccination');
      assert.deepEqual(stored.rows[0], { n: 2, linked: 2 });
      const log = await listAudit(db, { subject: 'import:vaccinations', limit: 1 });
      assert.equal(log[0]?.outcome, 'allowed');
    });

    it('accepts NDJSON; rows already stored count as duplicates', async () => {
      const body = rows().map((r) => JSON.stringify(r)).join('\n');
      const res = await app.inject({
        method: 'POST',
        url: '/api/import/vaccinations',
        payload: `${body}\nnot json\n`,
        headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${await login(fixture.users.epi)}`, 'idempotency-key': 'batch-2' },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().accepted, res.json().duplicates, res.json().rejected], [0, 2, 2]);
    });
    it('streams a CSV body into the import: reasons name the line, a key twice in the batch falls back to the staging path', async () => {
      const phone = fixture.people[2]!.phone;
      const csv = [
        'record_id,phone,vaccine_code,dose_number,administered_on',
        `v-20,${phone},BBIBP,1,2021-05-01`,
        `v-21,${phone},BBIBP,0,2021-05-01`,
        `v-22,${phone},BBIBP,2,2021-06-01`,
        `v-20,${phone},BBIBP,1,2021-05-01`,
      ].join('\r\n');
      const res = await app.inject({
        method: 'POST',
        url: '/api/import/vaccinations',
        payload: `${csv}\r\n`,
        headers: { 'content-type': 'text/csv; charset=utf-8', authorization: `Bearer ${await login(fixture.users.lab)}`, 'idempotency-key': 'batch-3' },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().accepted, res.json().duplicates, res.json().rejected], [2, 1, 1]);
      assert.equal(res.json().topReasons[0].example, 'row 3, field dose_number: "0" is too small: the least allowed is 1');
      const stored = await db.query<{ record_id: string; linked: boolean }>(
        `SELECT record_id, person_id IS NOT NULL AS linked FROM vaccination WHERE record_id IN ('v-20', 'v-21', 'v-22') ORDER BY record_id`,
      );
      assert.deepEqual(stored.rows, [
        { record_id: 'v-20', linked: true },
        { record_id: 'v-22', linked: true },
      ]);
    });

    it('streams an XLSX body into the import, named by the file name sent with it; the same key twice adds nothing', async () => {
      const phone = fixture.people[3]!.phone;
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('vaccinations');
      sheet.addRow(['record_id', 'phone', 'vaccine_code', 'dose_number', 'administered_on']);
      sheet.addRow(['v-40', phone, 'BBIBP', 1, new Date(Date.UTC(2021, 4, 1))]);
      sheet.addRow(['v-41', phone, 'BBIBP', 0, '2021-05-02']);
      sheet.addRow(['v-42', phone, 'BBIBP', 2, '2021-06-01']);
      const payload = Buffer.from(await book.xlsx.writeBuffer());
      const send = async (): Promise<{ status: number; json: () => any; body: string }> => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/import/vaccinations',
          payload,
          headers: {
            'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            authorization: `Bearer ${await login(fixture.users.epi)}`,
            'idempotency-key': 'batch-xlsx',
            'x-file-name': encodeURIComponent('疫苗接种 三月.xlsx'),
          },
        });
        return { status: res.statusCode, json: () => res.json(), body: res.body };
      };
      const first = await send();
      assert.equal(first.status, 200, first.body);
      assert.deepEqual([first.json().accepted, first.json().duplicates, first.json().rejected, first.json().alreadyImported], [2, 0, 1, false]);
      assert.equal(first.json().topReasons[0].example, 'row 3, field dose_number: "0" is too small: the least allowed is 1');
      const stored = await db.query<{ record_id: string }>(
        `SELECT record_id FROM vaccination WHERE record_id IN ('v-40', 'v-41', 'v-42') ORDER BY record_id`,
      );
      assert.deepEqual(stored.rows.map((r) => r.record_id), ['v-40', 'v-42']);
      const batch = await db.query<{ file_name: string }>('SELECT file_name FROM import_batch WHERE id = $1', [first.json().batchId]);
      assert.equal(batch.rows[0]!.file_name, '疫苗接种 三月.xlsx');
      const second = await send();
      assert.equal(second.status, 200, second.body);
      assert.deepEqual([second.json().batchId, second.json().alreadyImported, second.json().accepted], [first.json().batchId, true, 2]);
      const again = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM vaccination WHERE record_id IN ('v-40', 'v-41', 'v-42')`);
      assert.equal(again.rows[0]!.n, 2);
    });

    it('refuses a file name that is not percent-encoded UTF-8', async () => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/import/vaccinations',
        payload: [],
        headers: { authorization: `Bearer ${await login(fixture.users.epi)}`, 'idempotency-key': 'bad-name', 'x-file-name': '%E7%96' },
      });
      assert.equal(res.statusCode, 400);
      assert.deepEqual(res.json().error.details, { field: 'X-File-Name', reason: 'the file name is not percent-encoded UTF-8' });
    });

    it('a streamed body that cannot be read rolls the whole batch back', async () => {
      const csv = `record_id,phone,vaccine_code,dose_number,administered_on\nv-30,${fixture.people[2]!.phone},BBIBP,1,2021-05-01\nv-31,"open`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/import/vaccinations',
        payload: csv,
        headers: { 'content-type': 'text/csv', authorization: `Bearer ${await login(fixture.users.lab)}`, 'idempotency-key': 'batch-4' },
      });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal(res.json().error.code, 'unreadable_file');
      const stored = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM vaccination WHERE record_id = 'v-30'`);
      assert.equal(stored.rows[0]!.n, 0);
    });
  });
}
