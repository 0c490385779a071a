import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listAudit, testBackends, type SqlClient } from '@epigrid/store';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.js';
import { loadTestConfig } from '../config/config.js';
import { createServices, type Services } from '../services.js';
import { buildTestJurisdiction, type FixtureUser, type TestJurisdiction } from '../testing/test-jurisdiction.js';

for (const backend of testBackends()) {
  describe(`import batches and dead letters over HTTP on ${backend.name}`, () => {
    let db: SqlClient;
    let services: Services;
    let app: FastifyInstance;
    let fixture: TestJurisdiction;
    let venueCode = '';
    let batchId = 0;
    const tokens = new Map<string, string>();

    const token = async (user: FixtureUser): Promise<string> => {
      const known = tokens.get(user.username);
      if (known !== undefined) return known;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
      const value = (res.json() as { token: string }).token;
      tokens.set(user.username, value);
      return value;
    };
    const call = async (user: FixtureUser | null, method: 'GET' | 'POST', url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => {
      const auth: Record<string, string> = user === null ? {} : { authorization: `Bearer ${await token(user)}` };
      return app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as object }), headers: { ...auth, ...headers } });
    };

    before(async () => {
      db = await backend.open();
      services = createServices(db, loadTestConfig({ EPIGRID_LOGIN_ATTEMPTS_PER_MINUTE: '1000' }), 'd4'.repeat(32));
      app = await buildApp({ services, demo: null });
      fixture = await buildTestJurisdiction(db, services.vault);
      venueCode = `PC-${fixture.regionIds['A1g1']}-dl`;
      await db.query(
        `INSERT INTO place (kind, category, name, place_code, region_id, region_path, lat, lng)
         SELECT 'venue', 'shop', 'Shop', $1, id, path, 30, 120 FROM region WHERE id = $2`,
        [venueCode, fixture.regionIds['A1g1']],
      );
      const [a, b] = fixture.people;
      const csv = [
        'scan_id,place_code,phone,time_in,time_out',
        `dl-1,${venueCode},${a!.phone},2026-03-01T08:00:00+08:00,2026-03-01T09:00:00+08:00`,
        `dl-2,PC-nowhere,${a!.phone},2026-03-01T10:00:00+08:00,`,
        `dl-3,${venueCode},${b!.phone},2026-03-01T11:00:00+08:00,2026-03-01T10:00:00+08:00`,
        `dl-4,${venueCode},${b!.phone},2026-03-01T12:00:00+08:00,`,
      ].join('\r\n');
      const res = await call(fixture.users.lab, 'POST', '/api/import/check-ins', `${csv}\r\n`, { 'content-type': 'text/csv; charset=utf-8', 'idempotency-key': 'dl-batch' });
      assert.equal(res.statusCode, 200, res.body);
      batchId = res.json().batchId;
      assert.deepEqual([res.json().accepted, res.json().rejected], [2, 2]);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('requires a login and the import.run ability, and audits the refusals', async () => {
      const urls: Array<['GET' | 'POST', string, unknown?]> = [
        ['GET', '/api/import-batches'],
        ['GET', `/api/import-batches/${batchId}/dead-letters`],
        ['POST', '/api/dead-letters/1/fix', { changes: { place_code: 'x' } }],
        ['POST', `/api/import-batches/${batchId}/rerun`],
      ];
      for (const [method, url, body] of urls) {
        assert.equal((await call(null, method, url, body)).statusCode, 401, url);
        const refused = await call(fixture.users.grid, method, url, body);
        assert.equal(refused.statusCode, 403, url);
        assert.equal(refused.json().error.code, 'forbidden');
      }
      const csvRefused = await call(fixture.users.county, 'GET', `/api/import-batches/${batchId}/dead-letters.csv`, undefined, { 'x-purpose': 'administration' });
      assert.equal(csvRefused.statusCode, 403);
      const log = await listAudit(db, { subject: `import-batch:${batchId}`, limit: 10 });
      assert.deepEqual(
        log.filter((e) => e.outcome === 'refused').map((e) => e.action).sort(),
        ['deadletters.export', 'deadletters.read', 'deadletters.rerun'],
      );
      assert.equal((await listAudit(db, { subject: 'import-batches', limit: 1 }))[0]?.outcome, 'refused');
    });

    it('lists the batch newest first with its counts, open rejected rows and top reasons', async () => {
      const res = await call(fixture.users.epi, 'GET', '/api/import-batches?limit=5');
      assert.equal(res.statusCode, 200, res.body);
      const batch = res.json().batches[0];
      assert.equal(batch.id, batchId);
      assert.deepEqual(
        [batch.source, batch.fileName, batch.status, batch.accepted, batch.rejected, batch.duplicates, batch.openDeadLetters],
        ['check-ins', 'http:dl-batch', 'done', 2, 2, 0, 2],
      );
      assert.deepEqual(batch.topReasons.map((r: { reason: string; count: number }) => [r.reason, r.count]).sort(), [
        ['row 3, field place_code: no venue has the place code "PC-nowhere"', 1],
        ['row 4, field time_out: 2026-03-01T10:00:00+08:00 is earlier than time_in (2026-03-01T11:00:00+08:00)', 1],
      ]);
      assert.ok(!('contentHash' in batch) && !('report' in batch));
    });

    it("lists a batch's rejected rows with exact reasons and masked previews; an unknown batch is 404", async () => {
      const res = await call(fixture.users.epi, 'GET', `/api/import-batches/${batchId}/dead-letters?status=open`);
      assert.equal(res.statusCode, 200, res.body);
      const letters = res.json().deadLetters;
      assert.deepEqual(
        letters.map((l: { rowNumber: number; field: string; reason: string; status: string }) => [l.rowNumber, l.field, l.status, l.reason]),
        [
          [3, 'place_code', 'open', 'row 3, field place_code: no venue has the place code "PC-nowhere"'],
          [4, 'time_out', 'open', 'row 4, field time_out: 2026-03-01T10:00:00+08:00 is earlier than time_in (2026-03-01T11:00:00+08:00)'],
        ],
      );
      assert.ok(letters[0].preview.phone.startsWith('*******'), 'the preview masks the phone');
      assert.ok(!res.body.includes(fixture.people[0]!.phone) && !res.body.includes('rawSealed'), 'no clear phone and no sealed row is sent');
      assert.equal((await call(fixture.users.epi, 'GET', '/api/import-batches/999999/dead-letters')).statusCode, 404);
    });

    it('fixes a row (audited with field names only), re-runs: one loaded, one still rejected', async () => {
      const [first] = (await call(fixture.users.lab, 'GET', `/api/import-batches/${batchId}/dead-letters`)).json().deadLetters;
      const fixed = await call(fixture.users.lab, 'POST', `/api/dead-letters/${first.id}/fix`, { changes: { place_code: venueCode } });
      assert.equal(fixed.statusCode, 200, fixed.body);
      assert.deepEqual([fixed.json().id, fixed.json().status, fixed.json().preview.place_code], [first.id, 'fixed', venueCode]);
      const fixLog = await listAudit(db, { subject: `dead-letter:${first.id}`, limit: 1 });
      assert.equal(fixLog[0]?.action, 'deadletters.fix');
      assert.deepEqual(fixLog[0]?.details, { id: first.id, batchId, fields: ['place_code'] });
      assert.ok(!JSON.stringify(fixLog[0]).includes(venueCode), 'the audit entry names the field, not its value');

      const rerun = await call(fixture.users.lab, 'POST', `/api/import-batches/${batchId}/rerun`);
      assert.equal(rerun.statusCode, 200, rerun.body);
      assert.deepEqual(rerun.json(), { loaded: 1, duplicates: 0, stillRejected: 1 });
      const stored = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM check_in WHERE scan_id = 'dl-2'`);
      assert.equal(stored.rows[0]!.n, 1);
      const open = (await call(fixture.users.lab, 'GET', `/api/import-batches/${batchId}/dead-letters?status=open`)).json().deadLetters;
      assert.deepEqual(open.map((l: { rowNumber: number }) => l.rowNumber), [4]);
      const again = await call(fixture.users.lab, 'POST', `/api/dead-letters/${first.id}/fix`, { changes: { place_code: 'x' } });
      assert.equal(again.statusCode, 400, 'a row already loaded is no longer fixed');
      const batch = (await call(fixture.users.lab, 'GET', '/api/import-batches')).json().batches[0];
      assert.equal(batch.openDeadLetters, 1);
    });

    it('exports the rejected rows as CSV in clear only under a declared purpose, audited with the count', async () => {
      const url = `/api/import-batches/${batchId}/dead-letters.csv?status=open`;
      const missing = await call(fixture.users.epi, 'GET', url);
      assert.equal(missing.statusCode, 400);
      assert.equal(missing.json().error.code, 'purpose_required');
      const res = await call(fixture.users.epi, 'GET', url, undefined, { 'x-purpose': 'administration' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'text/csv; charset=utf-8');
      assert.match(String(res.headers['content-disposition']), /^attachment; filename="dead-letters-batch-\d+\.csv"$/);
      const lines = res.body.trimEnd().split('\r\n');
      assert.equal(lines[0], 'dead_letter_id,batch_id,source,row,status,reason,scan_id,place_code,phone,time_in,time_out');
      assert.equal(lines.length, 2);
      assert.ok(lines[1]!.includes(`dl-3,${venueCode},${fixture.people[1]!.phone},`), 'the raw row is in clear');
      const log = await listAudit(db, { subject: `import-batch:${batchId}`, limit: 3 });
      const exported = log.find((e) => e.action === 'deadletters.export' && e.outcome === 'allowed');
      assert.deepEqual(exported?.details, { batchId, count: 1, purpose: 'administration' });
      assert.equal(exported?.purpose, 'administration');
      assert.ok(log.some((e) => e.action === 'deadletters.rerun' && e.outcome === 'allowed'));
    });

    it('lists a newer batch first, each batch with its own reasons and open rows', async () => {
      const csv = `scan_id,place_code,phone,time_in,time_out\r\ndl-9,PC-elsewhere,${fixture.people[0]!.phone},2026-03-02T08:00:00+08:00,\r\n`;
      const res = await call(fixture.users.lab, 'POST', '/api/import/check-ins', csv, { 'content-type': 'text/csv', 'idempotency-key': 'dl-batch-2' });
      assert.equal(res.statusCode, 200, res.body);
      const batches = (await call(fixture.users.lab, 'GET', '/api/import-batches?limit=2')).json().batches;
      assert.deepEqual(
        batches.map((b: { id: number; openDeadLetters: number; topReasons: Array<{ reason: string }> }) => [b.id, b.openDeadLetters, b.topReasons.map((r) => r.reason)]),
        [
          [res.json().batchId, 1, ['row 2, field place_code: no venue has the place code "PC-elsewhere"']],
          // Reasons count every rejection of the import (as its report), also rows a re-run loaded since.
          [batchId, 1, ['row 3, field place_code: no venue has the place code "PC-nowhere"', 'row 4, field time_out: 2026-03-01T10:00:00+08:00 is earlier than time_in (2026-03-01T11:00:00+08:00)']],
        ],
      );
    });
  });
}
