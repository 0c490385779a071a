import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ruleId } from '@epigrid/core';
import { createUser, listAudit, testBackends, type SqlClient } from '@epigrid/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadTestConfig } from '../config/config.js';
import { createServices, type Services } from '../services.js';
import { buildTestJurisdiction, type TestJurisdiction } from '../testing/test-jurisdiction.js';

/** What a test reads of an injected reply. */
interface Reply {
  readonly statusCode: number;
  readonly body: string;
  json: () => Record<string, unknown>;
}

interface ContactView {
  personId: number;
  kind: string;
  ruleIds: string[];
  evidence: Array<Record<string, unknown>>;
  management: { endDate: string } | null;
}

for (const backend of testBackends()) {
  describe(`investigator-entered contacts through the API on ${backend.name}`, () => {
    let db: SqlClient;
    let services: Services;
    let app: FastifyInstance;
    let fixture: TestJurisdiction;
    let caseId: number;
    let epiToken: string;
    const ids: number[] = [];
    const contact = {
      personId: 0,
      reference: 'FI-2026-0309-07',
      from: '2026-03-08T18:00:00+08:00',
      to: '2026-03-08T20:30:00+08:00',
      note: 'Dinner at a relative’s home, named in the interview',
    };

    const signIn = async (user: { username: string; password: string }): Promise<string> => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { token: string }).token;
    };
    const post = async (token: string, payload: Record<string, unknown>): Promise<Reply> =>
      app.inject({ method: 'POST', url: `/api/cases/${caseId}/contacts`, headers: { authorization: `Bearer ${token}` }, payload });

    before(async () => {
      db = await backend.open();
      services = createServices(db, loadTestConfig({ EPIGRID_PROTOCOL_PROFILE: 'CN-P9-2022-06-28' }), 'b7'.repeat(32), () => new Date('2026-03-10T12:00:00+08:00'));
      app = await buildApp({ services, demo: null });
      fixture = await buildTestJurisdiction(db, services.vault);
      ids.push(...fixture.people.map((p) => p.id));
      contact.personId = ids[5]!;
      // A case with no presence data at all: only the investigator can name its contacts.
      const report = await db.query<{ id: number }>(
        `INSERT INTO case_report (report_id, person_id, classification, onset_date, sampling_date, report_time)
         VALUES ('R-FI-1', $1, 'confirmed', '2026-03-09', '2026-03-09', '2026-03-09T20:00:00+08:00') RETURNING id`,
        [ids[0]],
      );
      caseId = report.rows[0]!.id;
      epiToken = await signIn(fixture.users.epi);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('an entered contact becomes a close contact with investigator evidence, the reference and the rule id', async () => {
      const res = await post(epiToken, contact);
      assert.equal(res.statusCode, 201, res.body);
      assert.deepEqual(res.json(), { added: true, profileId: 'CN-P9-2022-06-28', close: 1, subClose: 0, companions: 0 });
      const page = await app.inject({ method: 'GET', url: `/api/cases/${caseId}`, headers: { authorization: `Bearer ${epiToken}`, 'x-purpose': 'contact_tracing' } });
      assert.equal(page.statusCode, 200, page.body);
      const body = page.json() as { case: { tracedAt: string | null }; contacts: ContactView[] };
      assert.ok(body.case.tracedAt !== null, 'the case was traced at once');
      const close = body.contacts.filter((c) => c.kind === 'close');
      assert.deepEqual(close.map((c) => c.personId), [contact.personId]);
      const entered = close[0]!;
      assert.deepEqual(entered.ruleIds, [ruleId(services.profile, 'close/investigator')]);
      assert.equal(entered.evidence[0]?.kind, 'investigator');
      assert.equal(entered.evidence[0]?.reference, contact.reference);
      assert.equal(entered.evidence[0]?.from, Date.parse(contact.from) / 1000);
      assert.equal(entered.evidence[0]?.to, Date.parse(contact.to) / 1000);
      assert.ok(entered.management?.endDate, 'the quarantine plan runs from the exposure the investigator recorded');
    });

    it('adding the same contact twice stores it once', async () => {
      const again = await post(epiToken, contact);
      assert.equal(again.statusCode, 201, again.body);
      assert.equal(again.json().added, false);
      assert.equal(again.json().close, 1);
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM investigator_contact WHERE case_report_id = $1', [caseId]);
      assert.equal(rows.rows[0]?.n, 1);
      const traced = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM traced_contact WHERE case_report_id = $1', [caseId]);
      assert.equal(traced.rows[0]?.n, 1);
    });

    it('an exposure that ends before it starts, or a malformed time, is refused 400', async () => {
      assert.equal((await post(epiToken, { ...contact, reference: 'FI-bad', from: contact.to, to: contact.from })).statusCode, 400);
      assert.equal((await post(epiToken, { ...contact, reference: 'FI-bad', from: '8 March' })).statusCode, 400);
      const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM investigator_contact WHERE reference = 'FI-bad'`);
      assert.equal(rows.rows[0]?.n, 0);
    });

    it('a grid worker (no person.write) is refused 403', async () => {
      const res = await post(await signIn(fixture.users.grid), { ...contact, personId: ids[1], reference: 'FI-grid' });
      assert.equal(res.statusCode, 403, res.body);
      assert.equal((res.json() as { error: { code: string } }).error.code, 'forbidden');
    });

    it('a contact person outside the jurisdiction is refused 403, and the refusal is audited', async () => {
      // An epidemiologist of county A, where the case lives; the contact lives in county B.
      const countyEpi = { username: `${fixture.users.epi.username}-a`, password: fixture.users.epi.password };
      await createUser(db, { ...countyEpi, displayName: countyEpi.username, role: 'epidemiologist', regionId: fixture.regionIds.A! });
      const outsider = fixture.people.find((p) => p.gridCode.startsWith('B'))!.id;
      const res = await post(await signIn(countyEpi), { ...contact, personId: outsider, reference: 'FI-outside' });
      assert.equal(res.statusCode, 403, res.body);
      assert.equal((res.json() as { error: { code: string } }).error.code, 'outside_jurisdiction');
      const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM investigator_contact WHERE person_id = $1', [outsider]);
      assert.equal(rows.rows[0]?.n, 0);
      const entries = await listAudit(db, { subject: `case:${caseId}`, limit: 50 });
      const refusal = entries.find((e) => e.action === 'case.contact.add' && e.outcome === 'refused' && e.details.personId === outsider);
      assert.ok(refusal, 'the refusal is in the audit log');
      assert.equal(refusal.details.reason, 'outside_jurisdiction');
      assert.equal(refusal.purpose, 'contact_tracing');
      assert.equal(refusal.actorName, countyEpi.username);
      const allowed = entries.filter((e) => e.action === 'case.contact.add' && e.outcome === 'allowed');
      assert.equal(allowed.length, 2, 'both entries of the same contact were audited');
    });
  });
}
