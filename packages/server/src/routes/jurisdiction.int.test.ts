import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { identifierVisibility, purposes, type Role } from '@epigrid/core';
import { listAudit, testBackends, type SqlClient } from '@epigrid/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadTestConfig } from '../config/config.js';
import { createServices, type Services } from '../services.js';
import { buildTestJurisdiction, type FixtureUser, type TestJurisdiction } from '../testing/test-jurisdiction.js';

for (const backend of testBackends()) {
  describe(`jurisdiction and identifier masking over HTTP on ${backend.name}`, () => {
    let db: SqlClient;
    let services: Services;
    let app: FastifyInstance;
    let fixture: TestJurisdiction;
    const tokens = new Map<string, string>();

    const login = async (user: FixtureUser): Promise<string> => {
      const cached = tokens.get(user.username);
      if (cached) return cached;
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: user.username, password: user.password } });
      assert.equal(res.statusCode, 200, res.body);
      const token = (res.json() as { token: string }).token;
      tokens.set(user.username, token);
      return token;
    };
    const get = async (user: FixtureUser, url: string, purpose = 'case_investigation'): Promise<{ status: number; body: string; json: () => any }> => {
      const res = await app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${await login(user)}`, 'x-purpose': purpose } });
      return { status: res.statusCode, body: res.body, json: () => res.json() };
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

    for (const who of ['grid', 'town', 'county'] as const) {
      it(`a ${who} officer sees exactly their subtree`, async () => {
        const user = fixture.users[who];
        const res = await get(user, '/api/persons?limit=100', 'supervision');
        assert.equal(res.status, 200, res.body);
        const seen = new Set((res.json().items as Array<{ id: number }>).map((p) => p.id));
        const expected = new Set(fixture.people.filter((p) => user.gridCodes.includes(p.gridCode)).map((p) => p.id));
        assert.ok(expected.size > 0);
        assert.deepEqual(seen, expected);
        assert.equal(res.json().total, expected.size);
      });

      it(`a ${who} officer asking for a person outside is refused, and the refusal is logged`, async () => {
        const user = fixture.users[who];
        const outsider = fixture.people.find((p) => !user.gridCodes.includes(p.gridCode))!;
        const res = await get(user, `/api/persons/${outsider.id}`, 'supervision');
        assert.equal(res.status, 403);
        assert.equal(res.json().error.code, 'outside_jurisdiction');
        assert.ok(!res.body.includes(outsider.name), 'nothing of the person leaks in the refusal');
        const log = await listAudit(db, { subject: `person:${outsider.id}`, limit: 10 });
        assert.ok(log.some((e) => e.actorName === user.username && e.outcome === 'refused' && e.action === 'person.read'));
      });
    }

    it('finds people by the start of their name, only inside the jurisdiction', async () => {
      const county = fixture.users.county;
      const res = await get(county, `/api/persons?q=${encodeURIComponent('测A1')}`, 'supervision');
      assert.equal(res.status, 200);
      const names = (res.json().items as Array<{ name: string }>).map((p) => p.name);
      assert.deepEqual(names, ['测A1g10', '测A1g11', '测A1g20', '测A1g21']);
      assert.equal(res.json().totalExact, true);
      const other = await get(county, `/api/persons?q=${encodeURIComponent('测B1')}`, 'supervision');
      assert.equal(other.json().total, 0, 'a name outside the jurisdiction is not found');
    });

    it('refuses a region outside the jurisdiction, as a tree node and as a search filter', async () => {
      const town = fixture.users.town;
      const other = fixture.regionIds.B!;
      assert.equal((await get(town, `/api/regions/${other}`)).status, 403);
      assert.equal((await get(town, `/api/regions/${other}/children`)).status, 403);
      const search = await get(town, `/api/persons?regionId=${other}`, 'supervision');
      assert.equal(search.status, 403);
      assert.equal(search.json().error.code, 'outside_jurisdiction');
    });

    it('the region tree counts only what lies under each node', async () => {
      const county = fixture.users.county;
      const res = await get(county, `/api/regions/${fixture.regionIds.A}/children`);
      assert.equal(res.status, 200);
      const counts = Object.fromEntries((res.json().items as Array<{ nameEn: string; personCount: number }>).map((n) => [n.nameEn, n.personCount]));
      assert.deepEqual(counts, { 'Test A1': 4, 'Test A2': 4 });
    });

    it('no route returns an unmasked ID number or phone to a role and purpose that may not see it', async () => {
      const readers: FixtureUser[] = [fixture.users.grid, fixture.users.town, fixture.users.county, fixture.users.epi, fixture.users.lab, fixture.users.facility];
      for (const user of readers) {
        const visible = fixture.people.filter((p) => user.gridCodes.includes(p.gridCode));
        const person = visible[0]!;
        for (const purpose of purposes) {
          const allowed = identifierVisibility(user.role as Role, purpose);
          const read = await get(user, `/api/persons/${person.id}`, purpose);
          assert.equal(read.status, 200, read.body);
          assert.equal(read.body.includes(person.residentId), allowed.residentId, `${user.role}/${purpose} resident ID`);
          assert.equal(read.body.includes(person.phone), allowed.phone, `${user.role}/${purpose} phone`);
          assert.equal(read.json().residentIdMasked, !allowed.residentId);
          const search = await get(user, `/api/persons?q=${encodeURIComponent(person.residentId)}`, purpose);
          assert.equal(search.status, 200);
          assert.equal(search.json().total, 1, 'a full ID number finds the person by its keyed hash');
          assert.ok(!search.body.includes(person.residentId), 'search results never carry a clear ID number');
          assert.ok(!search.body.includes(person.phone));
        }
      }
    });

    it('the epidemiologist investigating a case sees the ID number in clear; the read is audited with its purpose', async () => {
      const person = fixture.people[0]!;
      const res = await get(fixture.users.epi, `/api/persons/${person.id}`, 'case_investigation');
      assert.equal(res.json().residentId, person.residentId);
      const log = await listAudit(db, { subject: `person:${person.id}`, limit: 50 });
      const entry = log.find((e) => e.actorName === fixture.users.epi.username && e.outcome === 'allowed');
      assert.equal(entry?.purpose, 'case_investigation');
      assert.deepEqual(entry?.details.clearIdentifiers, { residentId: true, phone: true });
    });

    it('requires a declared purpose to read personal data', async () => {
      const token = await login(fixture.users.epi);
      const res = await app.inject({ method: 'GET', url: `/api/persons/${fixture.people[0]!.id}`, headers: { authorization: `Bearer ${token}` } });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'purpose_required');
    });

    it('an auditor may not read people', async () => {
      const res = await get(fixture.users.auditor, `/api/persons/${fixture.people[0]!.id}`, 'supervision');
      assert.equal(res.status, 403);
      assert.equal(res.json().error.code, 'forbidden');
    });

    it('refuses requests without a valid session', async () => {
      const none = await app.inject({ method: 'GET', url: '/api/me' });
      assert.equal(none.statusCode, 401);
      assert.equal(none.json().error.code, 'unauthenticated');
      const bad = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: fixture.users.epi.username, password: 'wrong-password' } });
      assert.equal(bad.statusCode, 401);
      assert.equal(bad.json().error.code, 'invalid_credentials');
    });
  });
}
