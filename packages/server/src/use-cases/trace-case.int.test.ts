import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ensureDayPartitions, testBackends, type SqlClient } from '@epigrid/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadTestConfig } from '../config/config.js';
import { tracePendingCases } from '../jobs/register-jobs.js';
import { createServices, type Services } from '../services.js';
import { buildTestJurisdiction, type TestJurisdiction } from '../testing/test-jurisdiction.js';

const at = (local: string): string => `2026-03-08T${local}:00+08:00`;

for (const backend of testBackends()) {
  describe(`contact tracing through the store, the job and the API on ${backend.name}`, () => {
    let db: SqlClient;
    let services: Services;
    let app: FastifyInstance;
    let fixture: TestJurisdiction;
    let caseId: number;
    let token: string;
    const ids: number[] = [];

    before(async () => {
      db = await backend.open();
      services = createServices(db, loadTestConfig({ EPIGRID_PROTOCOL_PROFILE: 'CN-P9-2022-06-28' }), 'a9'.repeat(32), () => new Date('2026-03-10T12:00:00+08:00'));
      app = await buildApp({ services, demo: null });
      fixture = await buildTestJurisdiction(db, services.vault);
      ids.push(...fixture.people.map((p) => p.id));
      const grid = fixture.regionIds.A1g1!;
      const venue = await db.query<{ id: number }>(
        `INSERT INTO place (kind, category, name, place_code, region_id, region_path, lat, lng)
         SELECT 'venue', 'restaurant', 'Test noodle shop', $2, id, path, 23.1, 113.2 FROM region WHERE id = $1 RETURNING id`,
        [grid, `PC-TEST-${grid}`],
      );
      const venueId = venue.rows[0]!.id;
      await ensureDayPartitions(db, 'check_in', ['2026-03-08']);
      // Case ids[0] at the venue 10:00–11:00. ids[1] overlaps 30 min (close); ids[2] overlaps 14 min (not close,
      // CN-P9 needs 15); ids[3] overlaps exactly 15 min (close); ids[4] has no exit scan from 10:40 (an assumed 60 min stay overlaps 20 min).
      const scans: Array<[number, string, string | null]> = [
        [ids[0]!, at('10:00'), at('11:00')],
        [ids[1]!, at('10:30'), at('11:10')],
        [ids[2]!, at('10:46'), at('11:30')],
        [ids[3]!, at('10:45'), at('11:20')],
        [ids[4]!, at('10:40'), null],
      ];
      for (const [i, [person, timeIn, timeOut]] of scans.entries()) {
        await db.query(
          `INSERT INTO check_in (scan_id, day, person_id, place_id, time_in, time_out) VALUES ($1, '2026-03-08', $2, $3, $4, $5)`,
          [`scan-${i}`, person, venueId, timeIn, timeOut],
        );
      }
      const report = await db.query<{ id: number }>(
        `INSERT INTO case_report (report_id, person_id, classification, onset_date, sampling_date, report_time)
         VALUES ('R-1', $1, 'confirmed', '2026-03-09', '2026-03-09', '2026-03-09T20:00:00+08:00') RETURNING id`,
        [ids[0]],
      );
      caseId = report.rows[0]!.id;
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: fixture.users.epi.username, password: fixture.users.epi.password },
      });
      token = (login.json() as { token: string }).token;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('the tracing job traces a new case once, with evidence, rule and profile ids', async () => {
      assert.equal(await tracePendingCases(services), 1);
      assert.equal(await tracePendingCases(services), 0, 'nothing left to trace');
      const res = await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { authorization: `Bearer ${token}`, 'x-purpose': 'contact_tracing' } });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { contacts: Array<{ personId: number; kind: string; ruleIds: string[]; profileId: string; evidence: Array<Record<string, unknown>>; management: { endDate: string } }> };
      const close = body.contacts.filter((c) => c.kind === 'close');
      assert.deepEqual(close.map((c) => c.personId).sort((a, b) => a - b), [ids[1], ids[3], ids[4]].sort((a, b) => a! - b!));
      const first = close.find((c) => c.personId === ids[1])!;
      assert.equal(first.profileId, 'CN-P9-2022-06-28');
      assert.ok(first.ruleIds.some((r) => r.includes('venue')));
      assert.equal(first.evidence[0]?.kind, 'venue');
      assert.equal(first.evidence[0]?.minutes, 30);
      assert.ok(first.management.endDate, 'the quarantine end date is computed from the profile');
      const open = close.find((c) => c.personId === ids[4])!;
      assert.equal(open.evidence[0]?.assumedStay, true);
    });

    it('re-tracing is idempotent, and a corrected case is traced again', async () => {
      const retrace = await app.inject({ method: 'POST', url: `/api/cases/${caseId}/trace`, headers: { authorization: `Bearer ${token}` } });
      assert.equal(retrace.statusCode, 200, retrace.body);
      assert.equal(retrace.json().close, 3);
      const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM traced_contact WHERE case_report_id = $1', [caseId]);
      assert.equal(count.rows[0]?.n, 3);
      await db.query(`UPDATE case_report SET onset_date = '2026-03-20', version = version + 1 WHERE id = $1`, [caseId]);
      assert.equal(await tracePendingCases(services), 1, 'the corrected onset date re-traces the case');
      const after = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM traced_contact WHERE case_report_id = $1', [caseId]);
      assert.equal(after.rows[0]?.n, 0, 'with onset on 20 March the venue visit of 8 March is outside the window');
    });

    it('a case outside the jurisdiction is refused', async () => {
      const other = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: fixture.users.otherCounty.username, password: fixture.users.otherCounty.password },
      });
      const res = await app.inject({
        method: 'GET',
        url: `/api/cases/${caseId}`,
        headers: { authorization: `Bearer ${(other.json() as { token: string }).token}`, 'x-purpose': 'contact_tracing' },
      });
      assert.equal(res.statusCode, 403);
    });

    it('chains list the case', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/chains', headers: { authorization: `Bearer ${token}`, 'x-purpose': 'contact_tracing' } });
      assert.equal(res.statusCode, 200);
      assert.equal((res.json() as { cases: unknown[] }).cases.length, 1);
    });
  });
}
