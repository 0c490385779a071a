import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildResidentId, type FederationEnvelope } from '@epigrid/core';
import { insertTasks, listAudit, registerPerson, savePeer, testBackends, type SqlClient } from '@epigrid/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadTestConfig } from '../config/config.js';
import { exchangeReferrals } from '../jobs/federation-jobs.js';
import { createServices, type Services } from '../services.js';
import { buildTestJurisdiction, type TestJurisdiction } from '../testing/test-jurisdiction.js';
import { deliverDueMessages } from './deliver-messages.js';

/** One EpiGrid instance of the pair: its own database, secret, key, fixture and HTTP server. */
interface Instance {
  db: SqlClient;
  services: Services;
  app: FastifyInstance;
  url: string;
  fixture: TestJurisdiction;
  publicJwk: Record<string, string>;
}

async function startInstance(open: () => Promise<SqlClient>, id: string, secret: string): Promise<Instance> {
  const db = await open();
  const services = createServices(db, loadTestConfig({ EPIGRID_INSTANCE_ID: id, EPIGRID_SECRET: secret.repeat(32) }), secret.repeat(32));
  const app = await buildApp({ services, demo: null });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const fixture = await buildTestJurisdiction(db, services.vault);
  const key = await app.inject({ method: 'GET', url: '/api/federation/key' });
  assert.equal(key.statusCode, 200, key.body);
  return { db, services, app, url, fixture, publicJwk: key.json().publicJwk };
}

async function taskRow(db: SqlClient, where: string, params: unknown[]): Promise<{ id: number; status: string; type: string; assigneeId: number | null } | undefined> {
  const result = await db.query<{ id: string; status: string; type: string; assigneeId: string | null }>(
    `SELECT id, status, type, assignee_user_id AS "assigneeId" FROM task WHERE ${where}`,
    params,
  );
  const row = result.rows[0];
  return row === undefined ? undefined : { id: Number(row.id), status: row.status, type: row.type, assigneeId: row.assigneeId === null ? null : Number(row.assigneeId) };
}

for (const backend of testBackends()) {
  describe(`cross-region referral between two instances on ${backend.name}`, () => {
    let a: Instance;
    let b: Instance;
    let referredTaskId: number;
    let sentEnvelope: FederationEnvelope;
    const residentId = buildResidentId('440106', '1988-04-12', 317);
    const now = new Date();

    before(async () => {
      a = await startInstance(() => backend.open(), 'city-a', 'c3');
      b = await startInstance(() => backend.open(), 'city-b', 'd4');
      // On A, county B stands for city B's territory; on B, the person lives in grid A1g1, served by a grid worker.
      const territory = await a.db.query<{ path: string }>('SELECT path::text AS path FROM region WHERE id = $1', [a.fixture.regionIds.B]);
      await savePeer(a.db, { peerId: 'city-b', baseUrl: b.url, publicJwk: b.publicJwk, regionPath: territory.rows[0]!.path });
      await savePeer(b.db, { peerId: 'city-a', baseUrl: a.url, publicJwk: a.publicJwk, regionPath: null });
      const person = { name: '跨区人', sex: 'male' as const, birthDate: '1988-04-12', residentId, phone: '13900001234', householdId: null, workplaceId: null, schoolId: null, occupation: null };
      const onA = await registerPerson(a.db, a.services.vault, { ...person, gridId: a.fixture.regionIds.B1g1! }, '2026-01-01');
      await registerPerson(b.db, b.services.vault, { ...person, gridId: b.fixture.regionIds.A1g1! }, '2026-01-01');
      [referredTaskId] = await insertTasks(
        a.db,
        [
          {
            type: 'verify_close_contact',
            ruleId: 'loop.close_contact.transfer_24h',
            personId: onA,
            subjectKey: `case:1:person:${onA}`,
            priority: 1,
            deadline: new Date(now.getTime() + 24 * 3600_000),
            clockStart: now,
            source: { caseId: 1, contactKind: 'close' },
          },
        ],
        now,
      ) as [number];
    });
    after(async () => {
      for (const instance of [a, b]) {
        await instance?.app.close();
        await instance?.db.close();
      }
    });

    it('refers the task to the peer, which makes it its own task for its grid worker', async () => {
      const sent = await exchangeReferrals(a.services);
      assert.deepEqual(sent, { referred: 1, answered: 0, delivered: 1, failed: 0 });
      assert.equal((await taskRow(a.db, 'id = $1', [referredTaskId]))?.status, 'referred');
      const local = await taskRow(b.db, `subject_key LIKE 'referral:%'`, []);
      assert.ok(local, 'B created a task from the referral');
      assert.equal(local.type, 'verify_close_contact');
      assert.equal(local.status, 'open');
      assert.notEqual(local.assigneeId, null, 'routed to the grid worker of the person’s grid');
      const sealed = await a.db.query<{ envelope: string }>('SELECT envelope_sealed AS envelope FROM federation_outbox');
      sentEnvelope = JSON.parse(a.services.vault.decrypt(sealed.rows[0]!.envelope));
      assert.equal(sentEnvelope.payload.kind, 'referral');
      if (sentEnvelope.payload.kind === 'referral') assert.deepEqual(Object.keys(sentEnvelope.payload.body.person).sort(), ['name', 'residentId']);
    });

    it('ignores a replayed referral: same answer, nothing added', async () => {
      const replay = await b.app.inject({ method: 'POST', url: '/api/federation/messages', payload: sentEnvelope });
      assert.equal(replay.statusCode, 200, replay.body);
      assert.equal(replay.json().status, 'duplicate');
      const count = await b.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM task WHERE subject_key LIKE 'referral:%'`);
      assert.equal(count.rows[0]!.n, 1);
    });

    it('refuses a tampered referral, an unknown sender and a message for another instance, and logs the refusals', async () => {
      const tampered = structuredClone(sentEnvelope) as any;
      tampered.payload.messageId = '11111111-2222-4333-8444-555555555555';
      tampered.payload.body.person.name = '别人';
      const cases: Array<[string, unknown]> = [
        ['signature does not verify', tampered],
        ['unknown peer', { ...sentEnvelope, payload: { ...sentEnvelope.payload, from: 'city-z' } }],
        ['addressed to city-q, not this instance', { ...sentEnvelope, payload: { ...sentEnvelope.payload, to: 'city-q' } }],
      ];
      for (const [reason, envelope] of cases) {
        const res = await b.app.inject({ method: 'POST', url: '/api/federation/messages', payload: envelope as object });
        assert.equal(res.statusCode, 403, res.body);
        assert.equal(res.json().error.code, 'federation_refused');
        assert.equal(res.json().error.details.reason, reason);
      }
      const refusals = await listAudit(b.db, { subject: 'message:11111111-2222-4333-8444-555555555555', limit: 5 });
      assert.ok(refusals.some((e) => e.outcome === 'refused' && e.action === 'referral.receive'));
    });

    it('sends the worker’s outcome back; the referring instance closes its task with it, once', async () => {
      const local = (await taskRow(b.db, `subject_key LIKE 'referral:%'`, []))!;
      const worker = b.fixture.users.grid;
      const login = await b.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: worker.username, password: worker.password } });
      const token = login.json().token as string;
      const outcome = await b.app.inject({
        method: 'POST',
        url: `/api/tasks/${local.id}/outcomes`,
        headers: { authorization: `Bearer ${token}` },
        payload: { clientId: crypto.randomUUID(), code: 'reached', note: '已到场', recordedAt: new Date().toISOString() },
      });
      assert.equal(outcome.statusCode, 201, outcome.body);
      assert.deepEqual(await exchangeReferrals(b.services), { referred: 0, answered: 1, delivered: 1, failed: 0 });
      const closed = await taskRow(a.db, 'id = $1', [referredTaskId]);
      assert.equal(closed?.status, 'done');
      const recorded = await a.db.query<{ code: string; note: string }>('SELECT code, note FROM task_outcome WHERE task_id = $1', [referredTaskId]);
      assert.deepEqual(recorded.rows, [{ code: 'reached', note: '已到场' }]);
      const state = await a.db.query<{ state: string }>('SELECT state FROM person_state ps JOIN task t ON t.person_id = ps.person_id WHERE t.id = $1', [referredTaskId]);
      assert.equal(state.rows[0]?.state, 'under_quarantine');

      const answer = await b.db.query<{ envelope: string }>(`SELECT envelope_sealed AS envelope FROM federation_outbox ORDER BY id DESC LIMIT 1`);
      const replay = await a.app.inject({ method: 'POST', url: '/api/federation/messages', payload: JSON.parse(b.services.vault.decrypt(answer.rows[0]!.envelope)) });
      assert.equal(replay.json().status, 'duplicate');
      const outcomes = await a.db.query<{ n: number }>('SELECT count(*)::int AS n FROM task_outcome WHERE task_id = $1', [referredTaskId]);
      assert.equal(outcomes.rows[0]!.n, 1);
      assert.deepEqual(await exchangeReferrals(b.services), { referred: 0, answered: 0, delivered: 0, failed: 0 });
    });

    it('answers a referral naming nobody in the registry as moved, which closes the sender’s task', async () => {
      const stranger = { name: '外来人', sex: 'female' as const, birthDate: '1990-02-03', residentId: buildResidentId('440106', '1990-02-03', 422), phone: '13900004321', householdId: null, workplaceId: null, schoolId: null, occupation: null };
      const onA = await registerPerson(a.db, a.services.vault, { ...stranger, gridId: a.fixture.regionIds.B1g2! }, '2026-01-01');
      const [taskId] = (await insertTasks(
        a.db,
        [{ type: 'verify_close_contact', ruleId: 'loop.close_contact.transfer_24h', personId: onA, subjectKey: `case:2:person:${onA}`, priority: 1, deadline: new Date(now.getTime() + 24 * 3600_000), clockStart: now, source: { caseId: 2, contactKind: 'close' } }],
        now,
      )) as [number];
      assert.deepEqual(await exchangeReferrals(a.services), { referred: 1, answered: 0, delivered: 1, failed: 0 });
      const stored = await b.db.query<{ n: number }>('SELECT count(*)::int AS n FROM referral_in WHERE task_id IS NULL');
      assert.equal(stored.rows[0]!.n, 1, 'kept, with no local task');
      assert.deepEqual(await exchangeReferrals(b.services), { referred: 0, answered: 1, delivered: 1, failed: 0 });
      assert.equal((await taskRow(a.db, 'id = $1', [taskId]))?.status, 'done');
      const outcome = await a.db.query<{ code: string; note: string }>('SELECT code, note FROM task_outcome WHERE task_id = $1', [taskId]);
      assert.deepEqual(outcome.rows, [{ code: 'moved', note: 'no one in the registry matches the referred person' }]);
    });

    it('keeps an undeliverable message and retries it only after its backoff', async () => {
      await savePeer(a.db, { peerId: 'city-down', baseUrl: 'http://127.0.0.1:9', publicJwk: b.publicJwk, regionPath: null });
      await a.db.query(
        `INSERT INTO federation_outbox (message_id, peer_id, envelope_sealed, created_at, next_attempt_at) VALUES ($1, 'city-down', $2, now(), now() - interval '1 second')`,
        [crypto.randomUUID(), a.services.vault.encrypt('{}')],
      );
      assert.deepEqual(await deliverDueMessages(a.services), { delivered: 0, failed: 1 });
      assert.deepEqual(await deliverDueMessages(a.services), { delivered: 0, failed: 0 }, 'not retried before its backoff');
      const row = await a.db.query<{ attempts: number; lastError: string; later: boolean }>(
        `SELECT attempts, last_error AS "lastError", next_attempt_at > now() AS later FROM federation_outbox WHERE peer_id = 'city-down'`,
      );
      assert.equal(row.rows[0]!.attempts, 1);
      assert.ok(row.rows[0]!.later);
      assert.ok(row.rows[0]!.lastError.length > 0);
    });
  });
}
