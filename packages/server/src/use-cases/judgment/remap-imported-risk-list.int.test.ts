import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ensureDayPartitions, listAudit, saveStations, testBackends, testStation, type SqlClient } from '@epigrid/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.js';
import { loadTestConfig } from '../../config/config.js';
import { createServices, type Services } from '../../services.js';
import { buildTestJurisdiction, type TestJurisdiction } from '../../testing/test-jurisdiction.js';

interface Reply {
  statusCode: number;
  body: string;
  json: () => any;
}

const header = 'region_code,name_zh,name_en,region_level,level,rule_id,since,drops_at,infections';
/** A provincial list as CSV, its levels named by colour. */
const provinceCsv = (rows: Array<{ regionCode: string; level: string }>): string =>
  [header, ...rows.map((r) => `${r.regionCode},南海区,Nanhai,county,${r.level},GD/${r.level},2026-03-05,,2`), ''].join('\r\n');

for (const backend of testBackends()) {
  describe(`the level mapping of a stored list is changed in place on ${backend.name}`, () => {
    let db: SqlClient;
    let services: Services;
    let app: FastifyInstance;
    let fixture: TestJurisdiction;
    const tokens: Record<string, string> = {};
    const clock = new Date('2026-03-10T12:00:00+08:00');
    let ids: number[] = [];
    let listId = 0;

    const call = async (user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: unknown): Promise<Reply> =>
      app.inject({ method, url, ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }), headers: { authorization: `Bearer ${tokens[user]}`, 'x-purpose': 'supervision' } });
    const colourOf = async (personId: number): Promise<string> => {
      const res = await call('epi', 'GET', `/api/health-codes/${personId}`);
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { colour: string }).colour;
    };
    const areasOf = async (): Promise<Array<[string, string, string]>> => {
      const res = await call('epi', 'GET', '/api/risk-areas/imports');
      assert.equal(res.statusCode, 200, res.body);
      const list = (res.json().items as Array<{ publisher: string; areas: Array<{ regionCode: string; level: string; publishedLevel: string }> }>).find((l) => l.publisher === 'province');
      return (list?.areas ?? []).map((a) => [a.regionCode, a.level, a.publishedLevel]);
    };
    const remapAudit = async (): Promise<Array<{ outcome: string; details: Record<string, unknown> }>> =>
      ((await listAudit(db, { limit: 50 })) as Array<{ action: string; outcome: string; details: Record<string, unknown> }>).filter((e) => e.action === 'risk-area.remap');

    before(async () => {
      db = await backend.open();
      services = createServices(db, loadTestConfig({ EPIGRID_PROTOCOL_PROFILE: 'CN-P9-2022-06-28', EPIGRID_LOGIN_ATTEMPTS_PER_MINUTE: '1000' }), 'c5'.repeat(32), () => clock);
      app = await buildApp({ services, demo: null });
      fixture = await buildTestJurisdiction(db, services.vault);
      ids = fixture.people.map((p) => p.id);
      await saveStations(db, [testStation(`R${ids[0]}`, ['train'], '440605'), testStation(`O${ids[0]}`, ['train'], '440606')]);
      // A person of town B1 travels that morning to a station in the area the province calls orange.
      await ensureDayPartitions(db, 'transport_ticket', ['2026-03-10']);
      await db.query(
        `INSERT INTO transport_ticket (ticket_id, day, person_id, mode, service_id, service_date, departure_time, arrival_time, origin, destination, seat_row, seat)
         VALUES ($1, '2026-03-10', $2, 'train', 'G1', '2026-03-10', '2026-03-10T07:00:00+08:00', '2026-03-10T09:00:00+08:00', 'ZZZ', $3, 1, 'A')`,
        [`to-orange-${ids[0]}`, ids[9], `O${ids[0]}`],
      );
      for (const user of ['epi', 'lab'] as const) {
        const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: fixture.users[user].username, password: fixture.users[user].password } });
        tokens[user] = (res.json() as { token: string }).token;
      }
      const imported = await call('epi', 'POST', '/api/risk-areas/imports', {
        publisher: 'province',
        source: 'p.csv',
        csv: provinceCsv([{ regionCode: '440605', level: 'red' }, { regionCode: '440606', level: 'orange' }]),
        levelMap: { red: 'high', orange: 'medium' },
      });
      assert.equal(imported.statusCode, 200, imported.body);
      listId = (await call('epi', 'GET', '/api/risk-areas/imports')).json().items.find((l: { publisher: string }) => l.publisher === 'province').id as number;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('orange mapped to high instead of medium: the areas carry the new level, the publisher\'s name kept, audited', async () => {
      assert.deepEqual(await areasOf(), [['440605', 'high', 'red'], ['440606', 'medium', 'orange']]);
      assert.equal(await colourOf(ids[9]!), 'yellow');
      const res = await call('epi', 'PUT', `/api/risk-areas/imports/${listId}/levels`, { levelMap: { red: 'high', orange: 'high' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().id, listId);
      assert.deepEqual(res.json().areas.map((a: { regionCode: string; level: string; publishedLevel: string }) => [a.regionCode, a.level, a.publishedLevel]), [['440605', 'high', 'red'], ['440606', 'high', 'orange']]);
      assert.deepEqual(await areasOf(), [['440605', 'high', 'red'], ['440606', 'high', 'orange']]);
      assert.equal(await colourOf(ids[9]!), 'yellow', 'a visit to a high area is yellow too');
      const [entry] = await remapAudit();
      assert.equal(entry?.outcome, 'allowed');
      assert.deepEqual([entry?.details.listId, entry?.details.publisher, entry?.details.levelMap], [listId, 'province', { red: 'high', orange: 'high' }]);
      assert.deepEqual(entry?.details.levelMapping, [
        { published: 'red', level: 'high', match: 'given', areas: 1 },
        { published: 'orange', level: 'high', match: 'given', areas: 1 },
      ]);
    });

    it('a refused remap (a level this instance does not know, a level left unmapped) says why and changes nothing', async () => {
      const unknown = await call('epi', 'PUT', `/api/risk-areas/imports/${listId}/levels`, { levelMap: { red: 'high', orange: 'sealed' } });
      assert.equal(unknown.statusCode, 400, unknown.body);
      assert.match(unknown.json().error.message, /levelMap\.orange: "sealed" is not a level of this instance \(high, medium, low\)/);
      const unmapped = await call('epi', 'PUT', `/api/risk-areas/imports/${listId}/levels`, { levelMap: { red: 'high' } });
      assert.equal(unmapped.statusCode, 400, unmapped.body);
      assert.equal(
        unmapped.json().error.message,
        'The risk-area list is not valid: areas.1.level: level "orange" (1 area) is none of this instance\'s levels (high, medium, low) and the list gives no levels to match by rank; give a level mapping for it',
      );
      assert.deepEqual(await areasOf(), [['440605', 'high', 'red'], ['440606', 'high', 'orange']]);
      const missing = await call('epi', 'PUT', `/api/risk-areas/imports/${listId + 1000}/levels`, { levelMap: { red: 'high' } });
      assert.equal(missing.statusCode, 404, missing.body);
    });

    it('a user without risk-area.import is refused with 403, audited as refused', async () => {
      const res = await call('lab', 'PUT', `/api/risk-areas/imports/${listId}/levels`, { levelMap: { red: 'medium', orange: 'medium' } });
      assert.equal(res.statusCode, 403, res.body);
      const [entry] = await remapAudit();
      assert.deepEqual([entry?.outcome, entry?.details.reason, entry?.details.listId], ['refused', 'forbidden', listId]);
      assert.deepEqual(await areasOf(), [['440605', 'high', 'red'], ['440606', 'high', 'orange']]);
    });

    it('orange mapped to the background level: the area is left out as at import, and its traveller is re-judged green', async () => {
      const res = await call('epi', 'PUT', `/api/risk-areas/imports/${listId}/levels`, { levelMap: { red: 'high', orange: 'low' } });
      assert.equal(res.statusCode, 200, res.body);
      assert.deepEqual(await areasOf(), [['440605', 'high', 'red']]);
      assert.equal(await colourOf(ids[9]!), 'green');
      const [entry] = await remapAudit();
      assert.deepEqual([entry?.outcome, entry?.details.leftOut, entry?.details.colourChanges], ['allowed', 1, 1]);
    });
  });
}
