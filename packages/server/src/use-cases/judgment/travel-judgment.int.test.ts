import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ensureDayPartitions, listAudit, saveStations, testBackends, testStation, type SqlClient } from '@epigrid/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { loadTestConfig } from '../../config/config.js';
import { createServices, type Services } from '../../services.js';
import { buildTestJurisdiction, type TestJurisdiction } from '../../testing/test-jurisdiction.js';
import { runPendingJudgment } from './run-judgment.js';

interface Code {
  colour: string;
  ruleId: string;
  evidence: Array<{ source: string; id: number }>;
}

/** Another city's published list, as its GET /api/risk-areas gives it. */
const peerList = (publishedAt: string, areas: Array<{ regionCode: string; level: string; since: string }>): Record<string, unknown> => ({
  publisher: 'city-b',
  publishedAt,
  profileId: 'CN-P9-areas',
  unitLevel: 'county',
  levels: ['high', 'medium', 'low'],
  areas: areas.map((a) => ({ ...a, nameZh: '禅城区', nameEn: 'Chancheng', regionLevel: 'county', ruleId: `CN-P9-areas/${a.level}/designated`, dropsAt: null, infections: 4 })),
});

for (const backend of testBackends()) {
  describe(`trips from and to risk areas colour travellers on ${backend.name}`, () => {
    let db: SqlClient;
    let services: Services;
    let app: FastifyInstance;
    let fixture: TestJurisdiction;
    const clock = new Date('2026-03-10T12:00:00+08:00');
    const tokens: Record<string, string> = {};
    const tickets: Record<string, number> = {};
    let ids: number[] = [];

    const call = async (token: string, method: 'GET' | 'POST', url: string, payload?: unknown): Promise<{ statusCode: number; body: string; json: () => any }> =>
      app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }), headers: { authorization: `Bearer ${token}`, 'x-purpose': 'supervision' } });
    const codeOf = async (personId: number): Promise<Code> => {
      const res = await call(tokens.epi!, 'GET', `/api/health-codes/${personId}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Code;
    };
    const ticket = async (key: string, person: number, mode: string, origin: string, destination: string, departure: string): Promise<void> => {
      const day = departure.slice(0, 10);
      await ensureDayPartitions(db, 'transport_ticket', [day]);
      const arrival = new Date(Date.parse(departure) + 2 * 3_600_000).toISOString();
      const row = await db.query<{ id: number }>(
        `INSERT INTO transport_ticket (ticket_id, day, person_id, mode, service_id, service_date, departure_time, arrival_time, origin, destination, seat_row, seat)
         VALUES ($1, $2, $3, $4, 'G1', $2, $5, $6, $7, $8, 1, 'A') RETURNING id`,
        [`${key}-${ids[0]}`, day, person, mode, departure, arrival, origin, destination],
      );
      tickets[key] = Number(row.rows[0]!.id);
    };

    before(async () => {
      db = await backend.open();
      services = createServices(db, loadTestConfig({ EPIGRID_PROTOCOL_PROFILE: 'CN-P9-2022-06-28', EPIGRID_LOGIN_ATTEMPTS_PER_MINUTE: '1000', EPIGRID_RISK_AREA_UNIT: 'community' }), 'c3'.repeat(32), () => clock);
      app = await buildApp({ services, demo: null });
      fixture = await buildTestJurisdiction(db, services.vault);
      ids = fixture.people.map((p) => p.id);
      const codeOfRegion = async (key: string): Promise<string> => (await db.query<{ code: string }>('SELECT code FROM region WHERE id = $1', [fixture.regionIds[key]])).rows[0]!.code;
      // A station in the community where the case lives, one in a quiet community, two in another city.
      await saveStations(db, [
        testStation(`A${ids[0]}`, ['train'], await codeOfRegion('A1c')),
        testStation(`B${ids[0]}`, ['train'], await codeOfRegion('B1c')),
        testStation(`F${ids[0]}`, ['train'], '440604'),
        testStation(`D${ids[0]}`, ['coach'], '441900003'),
      ]);
      await db.query(
        `INSERT INTO case_report (report_id, person_id, classification, onset_date, sampling_date, report_time)
         VALUES ($1, $2, 'confirmed', '2026-03-09', '2026-03-09', '2026-03-09T20:00:00+08:00')`,
        [`R-T-${ids[0]}`, ids[0]],
      );
      // People of town B1 (8–11) and A2 (7) travel; none lives in a risk area.
      await ticket('from-risk', ids[8]!, 'train', `A${ids[0]}`, 'ZZZ', '2026-03-10T08:00:00+08:00');
      await ticket('from-quiet', ids[9]!, 'train', `B${ids[0]}`, 'ZZZ', '2026-03-10T08:00:00+08:00');
      await ticket('before-start', ids[10]!, 'train', `A${ids[0]}`, 'ZZZ', '2026-03-08T08:00:00+08:00');
      await ticket('to-peer', ids[11]!, 'train', 'ZZZ', `F${ids[0]}`, '2026-03-10T07:00:00+08:00');
      await ticket('to-national', ids[7]!, 'coach', 'ZZZ', `D${ids[0]}`, '2026-03-10T07:00:00+08:00');
      for (const key of ['epi', 'grid'] as const) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: fixture.users[key].username, password: fixture.users[key].password } });
        tokens[key] = (res.json() as { token: string }).token;
      }
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('a ticket from a station in a risk area turns the traveller yellow, citing the ticket; other trips do not', async () => {
      await runPendingJudgment(services);
      const traveller = await codeOf(ids[8]!);
      assert.deepEqual([traveller.colour, traveller.ruleId], ['yellow', 'CN-P9-codes/area/visit']);
      assert.deepEqual(traveller.evidence, [{ source: 'transport_ticket', id: tickets['from-risk'] }]);
      assert.equal((await codeOf(ids[9]!)).colour, 'green', 'a ticket from a station in no risk area');
      assert.equal((await codeOf(ids[10]!)).colour, 'green', 'a ticket from before the area\'s level began');
      assert.equal((await codeOf(ids[11]!)).colour, 'green', 'another city\'s areas are unknown until imported');
    });

    it('importing another city\'s list turns its travellers yellow at once, and its newer list replaces it', async () => {
      const first = await call(tokens.epi!, 'POST', '/api/risk-areas/imports', { source: 'https://b.example/api/risk-areas', list: peerList('2026-03-10T00:00:00Z', [{ regionCode: '440604', level: 'high', since: '2026-03-01' }]) });
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json(), {
        publisher: 'city-b',
        publishedAt: '2026-03-10T00:00:00Z',
        areas: 1,
        backgroundAreas: 0,
        levelMapping: [{ published: 'high', level: 'high', match: 'same-name', areas: 1 }],
        replaced: false,
        persons: 1,
        colourChanges: 1,
      });
      const traveller = await codeOf(ids[11]!);
      assert.deepEqual([traveller.colour, traveller.evidence], ['yellow', [{ source: 'transport_ticket', id: tickets['to-peer'] }]]);

      const stale = await call(tokens.epi!, 'POST', '/api/risk-areas/imports', { list: peerList('2026-03-09T00:00:00Z', []) });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal((await codeOf(ids[11]!)).colour, 'yellow', 'an older list changes nothing');

      const newer = await call(tokens.epi!, 'POST', '/api/risk-areas/imports', { source: 'b-2026-03-11.json', list: peerList('2026-03-11T00:00:00Z', [{ regionCode: '440605', level: 'medium', since: '2026-03-10' }]) });
      assert.equal(newer.statusCode, 200, newer.body);
      assert.deepEqual([newer.json().replaced, newer.json().persons, newer.json().colourChanges], [true, 1, 1]);
      assert.equal((await codeOf(ids[11]!)).colour, 'green', 'the area left the list');
      const listed = await call(tokens.epi!, 'GET', '/api/risk-areas/imports');
      assert.equal(listed.statusCode, 200, listed.body);
      const items = listed.json().items as Array<{ publisher: string; source: string; importedBy: string; areas: Array<{ regionCode: string }> }>;
      assert.deepEqual(items.map((i) => [i.publisher, i.source, i.importedBy, i.areas.map((a) => a.regionCode)]), [['city-b', 'b-2026-03-11.json', fixture.users.epi.username, ['440605']]]);
    });

    it('reads the national list as CSV under the publisher named at import, matching stations inside its areas by code', async () => {
      const csv = 'region_code,name_zh,name_en,region_level,level,rule_id,since,drops_at,infections\r\n441900,东莞市,Dongguan,city,medium,CN-P9-areas/medium/designated,2026-03-05,2026-03-15,9\r\n';
      const withoutPublisher = await call(tokens.epi!, 'POST', '/api/risk-areas/imports', { csv });
      assert.equal(withoutPublisher.statusCode, 400);
      assert.match(withoutPublisher.json().error.message, /publisher: the list names no publisher/);
      const res = await call(tokens.epi!, 'POST', '/api/risk-areas/imports', { csv, publisher: 'national', source: 'national.csv' });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().persons, 1);
      assert.deepEqual((await codeOf(ids[7]!)).evidence, [{ source: 'transport_ticket', id: tickets['to-national'] }]);
    });

    it('imports what another instance publishes, refuses a list under this instance\'s own id, and only for those allowed; audited', async () => {
      const own = await call(tokens.epi!, 'GET', '/api/risk-areas');
      const published = own.json() as { publisher: string; publishedAt: string };
      assert.equal(published.publisher, services.config.federation.instanceId);
      assert.ok(!Number.isNaN(Date.parse(published.publishedAt)));
      const refused = await call(tokens.epi!, 'POST', '/api/risk-areas/imports', { list: published });
      assert.equal(refused.statusCode, 400, refused.body);
      const copy = await call(tokens.epi!, 'POST', '/api/risk-areas/imports', { list: published, publisher: 'mirror' });
      assert.equal(copy.statusCode, 200, copy.body);
      assert.equal(copy.json().areas, 1, 'the published format reads back');
      const forbidden = await call(tokens.grid!, 'POST', '/api/risk-areas/imports', { list: peerList('2026-03-12T00:00:00Z', []) });
      assert.equal(forbidden.statusCode, 403);
      const entries = await listAudit(db, { limit: 200 });
      const imports = entries.filter((e) => e.action === 'risk-area.import');
      assert.deepEqual(
        imports.map((e) => [e.subject, e.outcome]).reverse(),
        [['risk-list:city-b', 'allowed'], ['risk-list:city-b', 'refused'], ['risk-list:city-b', 'allowed'], ['risk-list:national', 'allowed'], ['risk-list:mirror', 'allowed'], [null, 'refused']],
      );
    });

    it('a new check-in at a venue in an area already at risk turns the visitor yellow in the next minute job, not the next night', async () => {
      const grid = await db.query<{ id: number; path: string }>('SELECT id, path::text AS path FROM region WHERE id = $1', [fixture.regionIds.A1g2]);
      const venue = await db.query<{ id: number }>(
        `INSERT INTO place (kind, name, region_id, region_path, lat, lng) VALUES ('venue', 'Noodle shop', $1, $2::ltree, 0, 0) RETURNING id`,
        [grid.rows[0]!.id, grid.rows[0]!.path],
      );
      await runPendingJudgment(services);
      assert.equal((await codeOf(ids[9]!)).colour, 'green');
      await ensureDayPartitions(db, 'check_in', ['2026-03-10']);
      const visit = await db.query<{ id: number }>(
        `INSERT INTO check_in (scan_id, day, person_id, place_id, time_in) VALUES ($1, '2026-03-10', $2, $3, '2026-03-10T11:00:00+08:00') RETURNING id`,
        [`visit-${ids[0]}`, ids[9], venue.rows[0]!.id],
      );
      const run = await runPendingJudgment(services);
      assert.equal(run.colourChanges, 1, 'the visitor, and nobody else');
      const visitor = await codeOf(ids[9]!);
      assert.deepEqual([visitor.colour, visitor.ruleId, visitor.evidence], ['yellow', 'CN-P9-codes/area/visit', [{ source: 'check_in', id: Number(visit.rows[0]!.id) }]]);
    });
  });
}
