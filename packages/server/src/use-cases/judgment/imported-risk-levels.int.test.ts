import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ensureDayPartitions, listAudit, saveStations, testBackends, testStation, type SqlClient } from '@epigrid/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { loadTestConfig } from '../../config/config.js';
import { createServices, type Services } from '../../services.js';
import { buildTestJurisdiction, type TestJurisdiction } from '../../testing/test-jurisdiction.js';

interface Code {
  colour: string;
  ruleId: string;
  evidence: Array<{ source: string; id: number }>;
}

/** A peer drawing the 9th-edition areas under Chinese level names, as its GET /api/risk-areas gives them. */
const peerList = (areas: Array<{ regionCode: string; level: string }>): Record<string, unknown> => ({
  publisher: 'city-c',
  publishedAt: '2026-03-10T00:00:00Z',
  profileId: 'CN-P9-areas',
  unitLevel: 'county',
  levels: ['高风险', '中风险', '低风险'],
  areas: areas.map((a) => ({ ...a, nameZh: '禅城区', nameEn: 'Chancheng', regionLevel: 'county', ruleId: 'CN-P9-areas/high/designated', since: '2026-03-01', dropsAt: null, infections: 4 })),
});
const header = 'region_code,name_zh,name_en,region_level,level,rule_id,since,drops_at,infections';
/** A provincial list as CSV (no levels in it), its levels named by colour. */
const provinceCsv = (rows: Array<{ regionCode: string; level: string }>): string =>
  [header, ...rows.map((r) => `${r.regionCode},南海区,Nanhai,county,${r.level},GD/${r.level},2026-03-05,,2`), ''].join('\r\n');

for (const backend of testBackends()) {
  describe(`imported lists naming their levels otherwise are judged on ${backend.name}`, () => {
    let db: SqlClient;
    let services: Services;
    let app: FastifyInstance;
    let fixture: TestJurisdiction;
    let token = '';
    const clock = new Date('2026-03-10T12:00:00+08:00');
    const tickets: Record<string, number> = {};
    let ids: number[] = [];

    const call = async (method: 'GET' | 'POST', url: string, payload?: unknown): Promise<{ statusCode: number; body: string; json: () => any }> =>
      app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }), headers: { authorization: `Bearer ${token}`, 'x-purpose': 'supervision' } });
    const codeOf = async (personId: number): Promise<Code> => {
      const res = await call('GET', `/api/health-codes/${personId}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as Code;
    };
    const ticket = async (key: string, person: number, destination: string): Promise<void> => {
      await ensureDayPartitions(db, 'transport_ticket', ['2026-03-10']);
      const row = await db.query<{ id: number }>(
        `INSERT INTO transport_ticket (ticket_id, day, person_id, mode, service_id, service_date, departure_time, arrival_time, origin, destination, seat_row, seat)
         VALUES ($1, '2026-03-10', $2, 'train', 'G1', '2026-03-10', '2026-03-10T07:00:00+08:00', '2026-03-10T09:00:00+08:00', 'ZZZ', $3, 1, 'A') RETURNING id`,
        [`${key}-${ids[0]}`, person, destination],
      );
      tickets[key] = Number(row.rows[0]!.id);
    };
    const importedAreas = async (publisher: string): Promise<Array<[string, string, string]>> => {
      const res = await call('GET', '/api/risk-areas/imports');
      assert.equal(res.statusCode, 200, res.body);
      const list = (res.json().items as Array<{ publisher: string; areas: Array<{ regionCode: string; level: string; publishedLevel: string }> }>).find((l) => l.publisher === publisher);
      return (list?.areas ?? []).map((a) => [a.regionCode, a.level, a.publishedLevel]);
    };

    before(async () => {
      db = await backend.open();
      services = createServices(db, loadTestConfig({ EPIGRID_PROTOCOL_PROFILE: 'CN-P9-2022-06-28', EPIGRID_LOGIN_ATTEMPTS_PER_MINUTE: '1000' }), 'c4'.repeat(32), () => clock);
      app = await buildApp({ services, demo: null });
      fixture = await buildTestJurisdiction(db, services.vault);
      ids = fixture.people.map((p) => p.id);
      await saveStations(db, [testStation(`C${ids[0]}`, ['train'], '440604'), testStation(`N${ids[0]}`, ['train'], '440605')]);
      // Two people of town B1 travel to the other cities that morning; neither lives in a risk area.
      await ticket('to-city-c', ids[8]!, `C${ids[0]}`);
      await ticket('to-province', ids[9]!, `N${ids[0]}`);
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: fixture.users.epi.username, password: fixture.users.epi.password } });
      token = (res.json() as { token: string }).token;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('a peer\'s "高风险" area is this instance\'s high area by rank: its traveller turns yellow, the name kept and audited', async () => {
      const res = await call('POST', '/api/risk-areas/imports', { source: 'c.json', list: peerList([{ regionCode: '440604', level: '高风险' }]) });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual([res.json().persons, res.json().colourChanges], [1, 1]);
      assert.deepEqual(res.json().levelMapping, [{ published: '高风险', level: 'high', match: 'rank', areas: 1 }]);
      const traveller = await codeOf(ids[8]!);
      assert.deepEqual([traveller.colour, traveller.ruleId, traveller.evidence], ['yellow', 'CN-P9-codes/area/visit', [{ source: 'transport_ticket', id: tickets['to-city-c'] }]]);
      assert.deepEqual(await importedAreas('city-c'), [['440604', 'high', '高风险']]);
      const [entry] = (await listAudit(db, { subject: 'risk-list:city-c', limit: 1 })) as Array<{ details: Record<string, unknown> }>;
      assert.deepEqual(entry?.details.levelMapping, [{ published: '高风险', level: 'high', match: 'rank', areas: 1 }]);
      assert.deepEqual(entry?.details.levels, [{ area: '440604', level: 'high', publishedLevel: '高风险', since: '2026-03-01', dropsAt: null }]);
    });

    it('a CSV names no levels: its colours are mapped as the officer says, and a level left unmapped refuses the list, keeping the earlier one', async () => {
      const first = await call('POST', '/api/risk-areas/imports', { publisher: 'province', source: 'p1.csv', csv: provinceCsv([{ regionCode: '440605', level: 'red' }]), levelMap: { red: 'high', orange: 'medium' } });
      assert.equal(first.statusCode, 200, first.body);
      assert.deepEqual(first.json().levelMapping, [{ published: 'red', level: 'high', match: 'given', areas: 1 }]);
      assert.equal((await codeOf(ids[9]!)).colour, 'yellow');

      const unmapped = await call('POST', '/api/risk-areas/imports', {
        publisher: 'province',
        source: 'p2.csv',
        csv: provinceCsv([{ regionCode: '440606', level: 'red' }, { regionCode: '440607', level: 'amber' }]),
        levelMap: { red: 'high' },
      });
      assert.equal(unmapped.statusCode, 400, unmapped.body);
      assert.equal(unmapped.json().error.code, 'validation_failed');
      assert.equal(
        unmapped.json().error.message,
        'The risk-area list is not valid: areas.1.level: level "amber" (1 area) is none of this instance\'s levels (high, medium, low) and the list gives no levels to match by rank; give a level mapping for it',
      );
      assert.deepEqual(await importedAreas('province'), [['440605', 'high', 'red']], 'the earlier list stays');
      assert.equal((await codeOf(ids[9]!)).colour, 'yellow');

      const unknownTarget = await call('POST', '/api/risk-areas/imports', { publisher: 'province', csv: provinceCsv([{ regionCode: '440606', level: 'red' }]), levelMap: { red: 'sealed' } });
      assert.equal(unknownTarget.statusCode, 400, unknownTarget.body);
      assert.match(unknownTarget.json().error.message, /levelMap\.red: "sealed" is not a level of this instance \(high, medium, low\)/);
      assert.deepEqual(await importedAreas('province'), [['440605', 'high', 'red']]);
    });
  });
}
