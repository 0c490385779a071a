import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { systemActor } from '@epigrid/core';
import { createUser, listAudit, testBackends, type SqlClient } from '@epigrid/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadTestConfig } from '../config/config.js';
import { createServices, type Services } from '../services.js';
import { buildTestJurisdiction, type TestJurisdiction } from '../testing/test-jurisdiction.js';
import { revokePasses, revokePassKey, rotatePassKey } from '../use-cases/manage-pass-keys.js';

/** One EpiGrid instance (a province) on its own database. */
interface Instance {
  db: SqlClient;
  services: Services;
  app: FastifyInstance;
  fixture: TestJurisdiction;
  jurisdiction: string;
  adminToken: string;
}

interface Verification {
  valid: boolean;
  steps: Array<{ step: string; ok: boolean; detail: string }>;
  pass: { passId: string; colour: string; reasonCode: string; jurisdiction: string } | null;
}

interface Pass {
  text: string;
  colour: string;
  reasonCode: string;
  kid: string;
  expiresAt: string;
}

const PASSWORD = 'holder-password';
// Not a whole second: passes carry whole seconds and must still verify against a key made this instant.
let clock = new Date('2026-03-10T10:00:00.400+08:00');
const advance = (minutes: number): void => {
  clock = new Date(clock.getTime() + minutes * 60_000);
};

async function signIn(app: FastifyInstance, username: string, password: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  assert.equal(res.statusCode, 200, res.body);
  return (res.json() as { token: string }).token;
}

async function openInstance(open: () => Promise<SqlClient>, secret: string): Promise<Instance> {
  const db = await open();
  const services = createServices(db, loadTestConfig({}), secret, () => clock);
  const app = await buildApp({ services, demo: null });
  const fixture = await buildTestJurisdiction(db, services.vault);
  const jurisdiction = (await db.query<{ code: string }>('SELECT code FROM region WHERE id = $1', [fixture.regionIds.P])).rows[0]!.code;
  const admin = await createUser(db, { username: `admin-${jurisdiction.toLowerCase()}`, displayName: 'admin', password: PASSWORD, role: 'administrator', regionId: fixture.regionIds.P! });
  return { db, services, app, fixture, jurisdiction, adminToken: await signIn(app, admin.username, PASSWORD) };
}

const verify = async (instance: Instance, text: string): Promise<Verification> => {
  const res = await instance.app.inject({ method: 'GET', url: `/api/passes/verify?text=${encodeURIComponent(text)}` });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as Verification;
};
const failedStep = (v: Verification): string | undefined => v.steps.find((s) => !s.ok)?.step;

for (const backend of testBackends()) {
  describe(`signed passes and trust lists on ${backend.name}`, () => {
    let a: Instance;
    let b: Instance;
    let holderToken: string;
    let holderId: number;
    const passes: Pass[] = [];

    const myPass = async (): Promise<Pass> => {
      const res = await a.app.inject({ method: 'POST', url: '/api/me/pass', headers: { authorization: `Bearer ${holderToken}` } });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Pass;
    };

    before(async () => {
      a = await openInstance(() => backend.open(), 'a1'.repeat(32));
      b = await openInstance(() => backend.open(), 'b2'.repeat(32));
      holderId = a.fixture.people[0]!.id;
      const holder = await createUser(a.db, { username: `holder-${a.jurisdiction.toLowerCase()}`, displayName: 'holder', password: PASSWORD, role: 'public', regionId: a.fixture.regionIds.A1g1! });
      await a.db.query('UPDATE app_user SET person_id = $2 WHERE id = $1', [holder.id, holderId]);
      holderToken = await signIn(a.app, holder.username, PASSWORD);
      // A yellow colour lasting three days, as the judgment stores it.
      await a.db.query(
        `INSERT INTO health_code (person_id, colour, rule_set_id, rule_id, reason_key, evidence, since, expires_at, evaluated_at, state_key)
         VALUES ($1, 'yellow', 'CN-P9', 'P9-companion-yellow', 'companion', '[]'::jsonb, $2, $3, $2, 'fixture')`,
        [holderId, clock.toISOString(), new Date(clock.getTime() + 3 * 86_400_000).toISOString()],
      );
    });
    after(async () => {
      for (const instance of [a, b]) {
        await instance.app.close();
        await instance.db.close();
      }
    });

    it('signs the holder’s colour with a key created on first use; the pass verifies here and hides the person', async () => {
      const keysBefore = await a.db.query('SELECT 1 FROM pass_signing_key WHERE jurisdiction = $1', [a.jurisdiction]);
      assert.equal(keysBefore.rows.length, 0);
      const pass = await myPass();
      passes.push(pass);
      assert.match(pass.text, /^EGP1:[0-9A-Z $%*+\-./:]+$/);
      assert.equal(pass.colour, 'yellow');
      assert.equal(pass.reasonCode, 'P9-companion-yellow');
      assert.equal(Date.parse(pass.expiresAt) - Math.floor(clock.getTime() / 1000) * 1000, 24 * 3_600_000, 'capped at 24 h, before the colour ends');
      assert.equal((await a.db.query('SELECT 1 FROM pass_signing_key WHERE jurisdiction = $1', [a.jurisdiction])).rows.length, 1);
      const report = await verify(a, pass.text);
      assert.equal(report.valid, true, JSON.stringify(report.steps));
      assert.equal(report.pass?.colour, 'yellow');
      assert.ok(!pass.text.includes(a.fixture.people[0]!.residentId));
      const audit = await listAudit(a.db, { subject: `person:${holderId}`, limit: 5 });
      assert.ok(audit.some((e) => e.action === 'pass.issue.own' && e.outcome === 'allowed'));
    });

    it('staff issue a pass within their jurisdiction only; a login without a person holds none', async () => {
      const epi = await signIn(a.app, a.fixture.users.epi.username, a.fixture.users.epi.password);
      const ok = await a.app.inject({ method: 'GET', url: `/api/persons/${holderId}/pass`, headers: { authorization: `Bearer ${epi}`, 'x-purpose': 'field_verification' } });
      assert.equal(ok.statusCode, 200, ok.body);
      const other = await signIn(a.app, a.fixture.users.otherCounty.username, a.fixture.users.otherCounty.password);
      const refused = await a.app.inject({ method: 'GET', url: `/api/persons/${holderId}/pass`, headers: { authorization: `Bearer ${other}`, 'x-purpose': 'field_verification' } });
      assert.equal(refused.statusCode, 403, refused.body);
      const none = await a.app.inject({ method: 'POST', url: '/api/me/pass', headers: { authorization: `Bearer ${epi}` } });
      assert.equal((none.json() as { error: { code: string } }).error.code, 'forbidden');
    });

    it('another instance rejects the pass until it imports the issuer’s trust list, then accepts it', async () => {
      const before = await verify(b, passes[0]!.text);
      assert.equal(before.valid, false);
      assert.equal(failedStep(before), 'signature');
      const published = await a.app.inject({ method: 'GET', url: '/api/trust-list' });
      assert.equal(published.statusCode, 200, published.body);
      const grid = await signIn(b.app, b.fixture.users.grid.username, b.fixture.users.grid.password);
      const forbidden = await b.app.inject({ method: 'POST', url: '/api/trust-lists', headers: { authorization: `Bearer ${grid}` }, payload: published.json() });
      assert.equal(forbidden.statusCode, 403);
      const imported = await b.app.inject({ method: 'POST', url: '/api/trust-lists', headers: { authorization: `Bearer ${b.adminToken}` }, payload: published.json() });
      assert.equal(imported.statusCode, 200, imported.body);
      assert.deepEqual(imported.json(), { jurisdiction: a.jurisdiction, keys: 1, revokedPasses: 0, revokedSubjects: 0 });
      const afterImport = await verify(b, passes[0]!.text);
      assert.equal(afterImport.valid, true, JSON.stringify(afterImport.steps));
      assert.equal(afterImport.pass?.jurisdiction, a.jurisdiction);
    });

    it('refuses a trust list with a malformed key, naming the field', async () => {
      const bad = { trustList: { format: 'epigrid-trust-list/1', issuer: 'X', issuedAt: clock.toISOString(), keys: [{ kid: 'AAAA', jurisdiction: 'X', publicJwk: { kty: 'RSA' } }] }, revocations: undefined };
      const res = await b.app.inject({ method: 'POST', url: '/api/trust-lists', headers: { authorization: `Bearer ${b.adminToken}` }, payload: bad });
      assert.equal(res.statusCode, 400, res.body);
      assert.equal((res.json() as { error: { details: { field: string } } }).error.details.field, 'trustList', res.body);
    });

    it('after a rotation new passes carry the new key and passes signed before stay valid', async () => {
      advance(60);
      const rotated = await rotatePassKey(a.services, systemActor, a.jurisdiction);
      assert.equal(rotated.retiredKid, passes[0]!.kid);
      const fresh = await myPass();
      passes.push(fresh);
      assert.equal(fresh.kid, rotated.kid);
      assert.equal((await verify(a, passes[0]!.text)).valid, true, 'the retired key still verifies its passes');
      assert.equal((await verify(a, fresh.text)).valid, true);
      const list = (await a.app.inject({ method: 'GET', url: '/api/trust-list' })).json() as { trustList: { keys: Array<{ kid: string; notAfter?: string }> } };
      assert.deepEqual(list.trustList.keys.map((k) => [k.kid, k.notAfter !== undefined]), [
        [passes[0]!.kid, true],
        [rotated.kid, false],
      ]);
    });

    it('a revoked pass and a revoked key fail verification at the revocation step, here and at the peer after it re-imports', async () => {
      const passId = (await verify(a, passes[1]!.text)).pass!.passId;
      await revokePasses(a.services, systemActor, { kind: 'pass', value: passId, reason: 'reissued', jurisdiction: a.jurisdiction });
      const revokedPass = await verify(a, passes[1]!.text);
      assert.equal(failedStep(revokedPass), 'revocation');
      advance(1);
      await revokePassKey(a.services, systemActor, passes[0]!.kid, 'key compromised');
      const revokedKey = await verify(a, passes[0]!.text);
      assert.equal(revokedKey.valid, false);
      assert.match(JSON.stringify(revokedKey.steps), /revoked/);
      assert.equal((await verify(b, passes[0]!.text)).valid, true, 'the peer does not know yet');
      const published = await a.app.inject({ method: 'GET', url: '/api/trust-list' });
      const reimport = await b.app.inject({ method: 'POST', url: '/api/trust-lists', headers: { authorization: `Bearer ${b.adminToken}` }, payload: published.json() });
      assert.equal(reimport.statusCode, 200, reimport.body);
      assert.equal((await verify(b, passes[0]!.text)).valid, false);
      assert.equal(failedStep(await verify(b, passes[1]!.text)), 'revocation');
    });

    it('a pass fails its expiry step once it has expired', async () => {
      const fresh = await myPass();
      const saved = clock;
      advance(25 * 60);
      const expired = await verify(a, fresh.text);
      clock = saved;
      assert.equal(failedStep(expired), 'expiry');
    });

    it('the verifier answers a bad text with a failed step, not an error', async () => {
      const garbage = await verify(a, 'EGP1:NOT-BASE45-%%%');
      assert.equal(garbage.valid, false);
      assert.equal(failedStep(garbage), 'base45');
      const tampered = passes[0]!.text.slice(0, -3) + (passes[0]!.text.endsWith('A') ? 'BBB' : 'AAA');
      assert.equal((await verify(a, tampered)).valid, false);
    });
  });
}
