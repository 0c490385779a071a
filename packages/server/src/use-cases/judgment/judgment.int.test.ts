import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, linkUserToPerson, listAudit, testBackends, type SqlClient } from '@epigrid/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { loadTestConfig } from '../../config/config.js';
import { createServices, type Services } from '../../services.js';
import { buildTestJurisdiction, type TestJurisdiction } from '../../testing/test-jurisdiction.js';
import { runPendingJudgment } from './run-judgment.js';

interface Code {
  colour: string;
  ruleId: string;
  reasonKey: string;
  evidence: Array<{ source: string; id: number }>;
  expiresAt: string | null;
  nextColour: string | null;
  manual: boolean;
}

for (const backend of testBackends()) {
  describe(`risk areas, health codes and safeguards on ${backend.name}`, () => {
    let db: SqlClient;
    let services: Services;
    let app: FastifyInstance;
    let fixture: TestJurisdiction;
    let clock = new Date('2026-03-10T12:00:00+08:00');
    const tokens: Record<string, string> = {};
    let ids: number[] = [];
    let caseId = 0;
    let areaCode = '';

    const signIn = async (username: string, password: string): Promise<string> => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { token: string }).token;
    };
    const call = async (token: string | null, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<{ statusCode: number; body: string; json: () => any }> =>
      app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }), headers: { ...(token === null ? {} : { authorization: `Bearer ${token}` }), 'x-purpose': 'supervision' } });
    const logins: Record<string, { username: string; password: string }> = {};
    /** Moves the clock; sessions would expire across days, so everyone signs in again. */
    const setClock = async (to: Date): Promise<void> => {
      clock = to;
      for (const [key, login] of Object.entries(logins)) tokens[key] = await signIn(login.username, login.password);
    };
    const codeOf = async (personId: number): Promise<Code> => {
      const res = await call(tokens.epi!, 'GET', `/api/health-codes/${personId}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Code;
    };

    before(async () => {
      db = await backend.open();
      services = createServices(db, loadTestConfig({ EPIGRID_PROTOCOL_PROFILE: 'CN-P9-2022-06-28', EPIGRID_LOGIN_ATTEMPTS_PER_MINUTE: '1000', EPIGRID_RISK_AREA_UNIT: 'community' }), 'c3'.repeat(32), () => clock);
      app = await buildApp({ services, demo: null });
      fixture = await buildTestJurisdiction(db, services.vault);
      ids = fixture.people.map((p) => p.id);
      const area = await db.query<{ code: string }>('SELECT code FROM region WHERE id = $1', [fixture.regionIds.A1c]);
      areaCode = area.rows[0]!.code;
      // Person 0 is a case; person 1 their close contact (quarantine to 16 March); person 2 in a positive pooled tube.
      const report = await db.query<{ id: number }>(
        `INSERT INTO case_report (report_id, person_id, classification, onset_date, sampling_date, report_time)
         VALUES ($1, $2, 'confirmed', '2026-03-09', '2026-03-09', '2026-03-09T20:00:00+08:00') RETURNING id`,
        [`R-J-${areaCode}`, ids[0]],
      );
      caseId = report.rows[0]!.id;
      await db.query(
        `INSERT INTO traced_contact (case_report_id, person_id, kind, profile_id, rule_ids, evidence, first_exposure, last_exposure, management, listed_at)
         VALUES ($1, $2, 'close', 'CN-P9-2022-06-28', '{CN-P9/close/household}', '[]', '2026-03-08T18:00:00+08:00', '2026-03-09T08:00:00+08:00',
                 '{"endDate": "2026-03-16", "tests": []}', '2026-03-09T22:00:00+08:00')`,
        [caseId, ids[1]],
      );
      await db.query(
        `INSERT INTO lab_result (sample_id, person_id, tube_id, pool_size, sampled_at, resulted_at, result, lab_code)
         VALUES ($1, $2, $3, 5, '2026-03-09T09:00:00+08:00', '2026-03-09T21:00:00+08:00', 'positive', 'L1')`,
        [`S-J-${areaCode}`, ids[2], `T-J-${areaCode}`],
      );
      for (const key of ['epi', 'county', 'grid'] as const) logins[key] = fixture.users[key];
      const publicUser = await createUser(db, { username: `pub-${areaCode}`.toLowerCase(), displayName: 'resident', password: 'public-password', role: 'public', regionId: fixture.regionIds.A1g1! });
      await linkUserToPerson(db, publicUser.id, ids[1]!);
      logins.public = { username: publicUser.username, password: 'public-password' };
      await setClock(clock);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('classifies the case residence high, with its reason and drop day, on the public list and CSV', async () => {
      const run = await runPendingJudgment(services);
      assert.equal(run.riskAreas, 1);
      const res = await call(null, 'GET', '/api/risk-areas');
      assert.equal(res.statusCode, 200, res.body);
      const list = res.json() as { profileId: string; areas: Array<{ regionCode: string; level: string; ruleId: string; since: string; dropsAt: string; infections: number }> };
      assert.equal(list.profileId, 'CN-P9-areas');
      const area = list.areas.find((a) => a.regionCode === areaCode)!;
      assert.deepEqual(area, { ...area, level: 'high', ruleId: 'CN-P9-areas/high/designated', since: '2026-03-09', dropsAt: '2026-03-17', infections: 1 });
      assert.ok(!res.body.includes(String(ids[0])) || !res.body.includes('personId'), 'no person on the public list');
      const csv = await call(null, 'GET', '/api/risk-areas.csv');
      assert.equal(csv.statusCode, 200);
      assert.match(csv.body, /^region_code,name_zh,name_en,region_level,level,rule_id,since,drops_at,infections\r\n/);
      assert.ok(csv.body.includes(`${areaCode},`));
    });

    it('colours the case, the contact, the pooled member and a resident, each with rule and evidence, and audits every change', async () => {
      const caseCode = await codeOf(ids[0]!);
      assert.deepEqual([caseCode.colour, caseCode.ruleId, caseCode.nextColour], ['red', 'CN-P9-codes/case', 'yellow']);
      assert.ok(caseCode.evidence.some((e) => e.source === 'case_report' && e.id === caseId));
      assert.equal((await codeOf(ids[1]!)).colour, 'red');
      const resident = await codeOf(ids[3]!);
      assert.deepEqual([resident.colour, resident.ruleId], ['red', 'CN-P9-codes/area/high-resident']);
      assert.equal((await codeOf(ids[4]!)).colour, 'green', 'another town is untouched');
      const audit = await listAudit(db, { subject: `person:${ids[0]}`, limit: 20 });
      const change = audit.find((e) => e.action === 'health-code.change');
      assert.ok(change, 'the colour change is in the audit log');
      assert.deepEqual([change.details.from, change.details.to, change.details.ruleId], ['green', 'red', 'CN-P9-codes/case']);
    });

    it('the area drops on its timer and the residents follow without new facts', async () => {
      await setClock(new Date('2026-03-17T01:00:00+08:00'));
      await runPendingJudgment(services);
      const list = (await call(null, 'GET', '/api/risk-areas')).json() as { areas: Array<{ regionCode: string; level: string; dropsAt: string }> };
      assert.deepEqual(list.areas.find((a) => a.regionCode === areaCode), { ...list.areas.find((a) => a.regionCode === areaCode)!, level: 'medium', dropsAt: '2026-03-20' });
      assert.equal((await codeOf(ids[3]!)).colour, 'yellow');
      await setClock(new Date('2026-03-20T01:00:00+08:00'));
      await runPendingJudgment(services);
      assert.equal((await codeOf(ids[3]!)).colour, 'green');
      assert.equal((await codeOf(ids[0]!)).colour, 'red', 'the case is still within its 14 days');
    });

    it('refuses and alerts a yellow/red change on people with no epidemiological link', async () => {
      const res = await call(tokens.epi!, 'POST', '/api/code-overrides', { personIds: [ids[1], ids[4]], targetColour: 'red', reasonCode: 'field-investigation', note: 'bulk change attempt' });
      assert.equal(res.statusCode, 422, res.body);
      assert.equal(res.json().error.code, 'unlinked_bulk_change');
      const listed = (await call(tokens.epi!, 'GET', '/api/code-overrides')).json() as { alerts: Array<{ kind: string; personIds: number[] }> };
      assert.ok(listed.alerts.some((a) => a.kind === 'unlinked-change' && a.personIds.includes(ids[4]!) && !a.personIds.includes(ids[1]!)));
      const bad = await call(tokens.epi!, 'POST', '/api/code-overrides', { personIds: [ids[1]], targetColour: 'green', reasonCode: 'bank-deposit', note: 'not a health reason' });
      assert.equal(bad.statusCode, 400, bad.body);
    });

    it('needs a second, different authorised user to apply an override', async () => {
      const created = await call(tokens.epi!, 'POST', '/api/code-overrides', { personIds: [ids[1]], targetColour: 'green', reasonCode: 'lab-error-correction', note: 'contact listed by a data error' });
      assert.equal(created.statusCode, 201, created.body);
      const id = created.json().id as number;
      const self = await call(tokens.epi!, 'POST', `/api/code-overrides/${id}/approve`);
      assert.equal(self.statusCode, 403, self.body);
      assert.equal(self.json().error.code, 'two_person_rule');
      assert.notEqual((await codeOf(ids[1]!)).colour, 'green', 'nothing applied yet');
      const grid = await call(tokens.grid!, 'POST', `/api/code-overrides/${id}/approve`);
      assert.equal(grid.statusCode, 403, 'a grid worker may not approve');
      const second = await call(tokens.county!, 'POST', `/api/code-overrides/${id}/approve`);
      assert.equal(second.statusCode, 200, second.body);
      assert.equal(second.json().changes, 1);
      const code = await codeOf(ids[1]!);
      assert.deepEqual([code.colour, code.ruleId, code.manual], ['green', 'override/lab-error-correction', true]);
      await runPendingJudgment(services);
      assert.equal((await codeOf(ids[1]!)).colour, 'green', 'the rules do not undo an approved override');
      const audit = await listAudit(db, { subject: `person:${ids[1]}`, limit: 20 });
      assert.ok(audit.some((e) => e.action === 'health-code.change' && e.details.cause === 'override' && e.details.overrideRequestId === id));
    });

    it('appeals: filed by a grid worker or the person, listed with their deadline, overdue, decided with an outcome', async () => {
      const filed = await call(tokens.grid!, 'POST', '/api/appeals', { personId: ids[0], reason: 'the resident was abroad that week' });
      assert.equal(filed.statusCode, 201, filed.body);
      const appeal = filed.json() as { id: number; deadline: string; filedAt: string; colourAtFiling: string };
      assert.equal(Date.parse(appeal.deadline) - Date.parse(appeal.filedAt), 24 * 3_600_000);
      assert.equal(appeal.colourAtFiling, 'red');
      const own = await call(tokens.public!, 'POST', '/api/appeals', { reason: 'I was never at that address' });
      assert.equal(own.statusCode, 201, own.body);
      assert.equal(own.json().personId, ids[1]);
      const other = await call(tokens.public!, 'POST', '/api/appeals', { personId: ids[0], reason: 'appealing for someone else' });
      assert.equal(other.statusCode, 403);
      await setClock(new Date(clock.getTime() + 25 * 3_600_000));
      const open = (await call(tokens.epi!, 'GET', '/api/appeals?open=true')).json() as { items: Array<{ id: number; overdue: boolean }> };
      assert.equal(open.items.find((a) => a.id === appeal.id)?.overdue, true);
      const decided = await call(tokens.epi!, 'POST', `/api/appeals/${appeal.id}/decide`, { status: 'rejected', outcome: 'case confirmed by the lab' });
      assert.equal(decided.statusCode, 200, decided.body);
      assert.deepEqual([decided.json().status, decided.json().overdue], ['rejected', false]);
      assert.equal((await call(tokens.epi!, 'POST', `/api/appeals/${appeal.id}/decide`, { status: 'upheld', outcome: 'second try' })).statusCode, 409);
    });

    it('the public sees their own code only', async () => {
      const mine = await call(tokens.public!, 'GET', '/api/me/health-code');
      assert.equal(mine.statusCode, 200, mine.body);
      assert.equal(mine.json().personId, ids[1]);
      assert.equal((await call(tokens.public!, 'GET', `/api/health-codes/${ids[0]}`)).statusCode, 403);
    });
  });
}
