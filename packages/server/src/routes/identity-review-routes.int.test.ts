import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordsOf, runImport } from '@epigrid/ingest';
import { createUser, listAudit, testBackends, type SqlClient } from '@epigrid/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadTestConfig } from '../config/config.js';
import { createServices, type Services } from '../services.js';
import { buildTestJurisdiction, type FixtureUser, type TestJurisdiction } from '../testing/test-jurisdiction.js';

for (const backend of testBackends()) {
  describe(`identity reviews and merges over HTTP on ${backend.name}`, () => {
    let db: SqlClient;
    let services: Services;
    let app: FastifyInstance;
    let fixture: TestJurisdiction;
    let outsider: FixtureUser;
    let provisionalId: number;

    const call = async (user: FixtureUser, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<{ status: number; body: any }> => {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
      const token = (login.json() as { token: string }).token;
      const res = await app.inject({ method, url, headers: { authorization: `Bearer ${token}` }, ...(payload === undefined ? {} : { payload: payload as object }) });
      return { status: res.statusCode, body: res.json() };
    };

    before(async () => {
      db = await backend.open();
      services = createServices(db, loadTestConfig({ EPIGRID_LOGIN_ATTEMPTS_PER_MINUTE: '1000' }), 'b2'.repeat(32));
      app = await buildApp({ services, demo: null });
      fixture = await buildTestJurisdiction(db, services.vault);
      await createUser(db, { username: 'epi-elsewhere', displayName: 'epi', password: 'elsewhere-password', role: 'epidemiologist', regionId: fixture.regionIds.B! });
      outsider = { username: 'epi-elsewhere', password: 'elsewhere-password', role: 'epidemiologist', gridCodes: [] };
      // A case report naming a registered person only by name and birth date: linked to a provisional person, reviewed.
      const target = fixture.people[0]!;
      const birth = (await db.query<{ b: string }>('SELECT birth_date AS b FROM person WHERE id = $1', [target.id])).rows[0]!.b;
      const env = { db, vault: services.vault, auditHasher: services.auditHasher, today: '2026-03-20' };
      const row = { report_id: 'r-1', classification: 'asymptomatic', sampling_date: '2026-03-01', report_time: '2026-03-01T10:00:00+08:00', name: target.name, birth_date: birth };
      const imported = await runImport(env, { source: 'cases', fileName: 'cases.csv', actorName: 'test', records: recordsOf([row]) });
      assert.equal(imported.accepted, 1, JSON.stringify(imported.topReasons));
      provisionalId = (await db.query<{ person_id: number }>(`SELECT person_id FROM case_report WHERE report_id = 'r-1'`)).rows[0]!.person_id;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('lists open reviews in the jurisdiction only, identifiers masked, and refuses roles without person.write', async () => {
      const mine = await call(fixture.users.epi, 'GET', '/api/identity-reviews');
      assert.equal(mine.status, 200);
      assert.equal(mine.body.reviews.length, 1);
      const [review] = mine.body.reviews;
      assert.equal(review.person.id, provisionalId);
      assert.equal(review.person.provisional, true);
      assert.equal(review.candidate.id, fixture.people[0]!.id);
      assert.equal(review.candidate.residentIdMasked, `${'*'.repeat(14)}${fixture.people[0]!.residentId.slice(-4)}`);
      assert.equal(review.candidate.phoneMasked, `*******${fixture.people[0]!.phone.slice(-4)}`);
      assert.ok(!JSON.stringify(mine.body).includes(fixture.people[0]!.residentId), 'no clear resident ID');
      assert.deepEqual((await call(outsider, 'GET', '/api/identity-reviews')).body.reviews, []);
      assert.equal((await call(fixture.users.lab, 'GET', '/api/identity-reviews')).status, 403);
      const refusedDecision = await call(outsider, 'POST', `/api/identity-reviews/${review.id}/decision`, { decision: 'link' });
      assert.equal(refusedDecision.status, 403);
      assert.equal(refusedDecision.body.error.code, 'outside_jurisdiction');
    });

    it('link merges into the candidate, undo restores the link, new closes the review; all audited', async () => {
      const [review] = (await call(fixture.users.epi, 'GET', '/api/identity-reviews')).body.reviews;
      const linked = await call(fixture.users.epi, 'POST', `/api/identity-reviews/${review.id}/decision`, { decision: 'link' });
      assert.equal(linked.status, 200, JSON.stringify(linked.body));
      assert.equal(linked.body.status, 'merged');
      assert.equal(linked.body.merge.moved.case_report, 1);
      const owner = async (): Promise<number> => (await db.query<{ p: number }>(`SELECT person_id AS p FROM case_report WHERE report_id = 'r-1'`)).rows[0]!.p;
      assert.equal(await owner(), fixture.people[0]!.id);
      assert.equal((await call(fixture.users.epi, 'POST', `/api/identity-reviews/${review.id}/decision`, { decision: 'new' })).status, 409);
      assert.equal((await call(outsider, 'POST', `/api/person-merges/${linked.body.merge.mergeId}/undo`)).status, 403);
      const undone = await call(fixture.users.epi, 'POST', `/api/person-merges/${linked.body.merge.mergeId}/undo`);
      assert.deepEqual([undone.status, undone.body], [200, { undone: true }]);
      assert.equal(await owner(), provisionalId);
      const kept = await call(fixture.users.epi, 'POST', `/api/identity-reviews/${review.id}/decision`, { decision: 'new' });
      assert.deepEqual(kept.body, { status: 'dismissed', merge: null });
      assert.deepEqual((await call(fixture.users.epi, 'GET', '/api/identity-reviews')).body.reviews, []);
      const actions = (await listAudit(db, { subject: `person:${fixture.people[0]!.id}`, limit: 10 })).map((e) => `${e.action}:${e.outcome}`);
      assert.deepEqual(actions.slice(0, 4), ['identity.review.new:allowed', 'person.merge.undo:allowed', 'person.merge.undo:refused', 'person.merge:allowed']);
    });

    it('merges two persons directly when both are in the jurisdiction, and refuses an outsider', async () => {
      const [a, b] = fixture.people;
      assert.equal((await call(outsider, 'POST', `/api/persons/${a!.id}/merge`, { intoId: b!.id })).status, 403);
      const merged = await call(fixture.users.epi, 'POST', `/api/persons/${a!.id}/merge`, { intoId: b!.id });
      assert.equal(merged.status, 200, JSON.stringify(merged.body));
      assert.equal((await call(fixture.users.epi, 'POST', `/api/persons/${a!.id}/merge`, { intoId: b!.id })).status, 409);
      assert.equal((await call(fixture.users.epi, 'POST', `/api/person-merges/${merged.body.mergeId}/undo`)).status, 200);
    });
  });
}
