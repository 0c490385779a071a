import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { testBackends, type SqlClient } from '@epigrid/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadTestConfig } from '../config/config.js';
import { createServices } from '../services.js';
import { buildTestJurisdiction, type TestJurisdiction } from '../testing/test-jurisdiction.js';

for (const backend of testBackends()) {
  describe(`sessions and login limits on ${backend.name}`, () => {
    let db: SqlClient;
    let app: FastifyInstance;
    let fixture: TestJurisdiction;
    let clock = new Date('2026-03-01T08:00:00Z');

    before(async () => {
      db = await backend.open();
      const config = loadTestConfig({ EPIGRID_SESSION_TTL_MINUTES: '30', EPIGRID_LOGIN_ATTEMPTS_PER_MINUTE: '5' });
      const services = createServices(db, config, 'd4'.repeat(32), () => clock);
      app = await buildApp({ services, demo: null });
      fixture = await buildTestJurisdiction(db, services.vault);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('a session expires after its lifetime, and logout ends it at once', async () => {
      const { username, password } = fixture.users.epi;
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      assert.equal(login.statusCode, 200);
      const { token, user } = login.json() as { token: string; user: { username: string; abilities: string[] } };
      assert.equal(user.username, username);
      assert.ok(user.abilities.includes('person.read'));
      const auth = { authorization: `Bearer ${token}` };
      assert.equal((await app.inject({ method: 'GET', url: '/api/me', headers: auth })).statusCode, 200);
      clock = new Date(clock.getTime() + 31 * 60_000);
      const expired = await app.inject({ method: 'GET', url: '/api/me', headers: auth });
      assert.equal(expired.statusCode, 401);
      assert.equal(expired.json().error.code, 'session_expired');

      const again = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      const fresh = { authorization: `Bearer ${(again.json() as { token: string }).token}` };
      assert.equal((await app.inject({ method: 'POST', url: '/api/auth/logout', headers: fresh })).statusCode, 204);
      assert.equal((await app.inject({ method: 'GET', url: '/api/me', headers: fresh })).statusCode, 401);
    });

    it('names the field and reason of an invalid request', async () => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
      assert.equal(res.statusCode, 400);
      const body = res.json() as { error: { code: string; details: { issues: Array<{ field: string }> } } };
      assert.equal(body.error.code, 'validation_failed');
      assert.ok(body.error.details.issues.some((i) => i.field.includes('username')));
    });

    it('rate-limits login attempts', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'nobody', password: 'guess-number-' + i } });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) assert.equal(res.json().error.code, 'rate_limited');
      }
      assert.ok(statuses.includes(429), `got ${statuses.join(',')}`);
    });

    it('serves the OpenAPI document', async () => {
      const res = await app.inject({ method: 'GET', url: '/docs/json' });
      assert.equal(res.statusCode, 200);
      const doc = res.json() as { paths: Record<string, unknown> };
      assert.ok(doc.paths['/api/persons/{id}']);
    });
  });
}
