import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createUser, testBackends, type SqlClient } from '@epigrid/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadTestConfig } from '../config/config.js';
import { createServices, type Services } from '../services.js';
import { buildTestJurisdiction, type TestJurisdiction } from '../testing/test-jurisdiction.js';

interface DoorView {
  scanId: number;
  venue: { id: number; name: string };
  maskedName: string;
  colour: string;
  checkedIn: boolean;
  flagged: string | null;
}

const PASSWORD = 'holder-password';
const venue = { lat: 31.2304, lon: 121.4737 };
/** A position about `metres` north of the venue. */
const north = (metres: number, accuracyM = 15): { lat: number; lon: number; accuracyM: number } => ({ lat: venue.lat + metres / 111_195, lon: venue.lon, accuracyM });

for (const backend of testBackends()) {
  describe(`place codes and scans on ${backend.name}`, () => {
    let db: SqlClient;
    let services: Services;
    let app: FastifyInstance;
    let fixture: TestJurisdiction;
    let clock = new Date('2026-03-10T10:00:00+08:00');
    let placeId: number;
    let holderId: number;
    let holderToken: string;
    let staffToken: string;
    let placeCode: string;

    const signIn = async (username: string, password: string): Promise<string> => {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { token: string }).token;
    };
    const scan = async (position: ReturnType<typeof north> | null, text = placeCode): Promise<{ statusCode: number; view: DoorView; body: string }> => {
      clock = new Date(clock.getTime() + 60_000);
      const res = await app.inject({ method: 'POST', url: '/api/place-scans', headers: { authorization: `Bearer ${holderToken}` }, payload: { text, position } });
      return { statusCode: res.statusCode, view: res.json() as DoorView, body: res.body };
    };
    const checkIns = async (): Promise<number> =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM check_in WHERE person_id = $1 AND place_id = $2', [holderId, placeId])).rows[0]!.n;

    before(async () => {
      db = await backend.open();
      services = createServices(db, loadTestConfig({}), 'c3'.repeat(32), () => clock);
      app = await buildApp({ services, demo: null });
      fixture = await buildTestJurisdiction(db, services.vault);
      const place = await db.query<{ id: number }>(
        `INSERT INTO place (kind, category, name, region_id, region_path, lat, lng)
         SELECT 'venue', 'restaurant', '老街面馆', id, path, $2, $3 FROM region WHERE id = $1 RETURNING id`,
        [fixture.regionIds.A1g1, venue.lat, venue.lon],
      );
      placeId = Number(place.rows[0]!.id);
      holderId = fixture.people[1]!.id;
      const holder = await createUser(db, { username: `visitor-${placeId}`, displayName: 'visitor', password: PASSWORD, role: 'public', regionId: fixture.regionIds.A1g1! });
      await db.query('UPDATE app_user SET person_id = $2 WHERE id = $1', [holder.id, holderId]);
      await db.query(
        `INSERT INTO health_code (person_id, colour, rule_set_id, rule_id, reason_key, evidence, since, expires_at, evaluated_at, state_key)
         VALUES ($1, 'red', 'CN-P9', 'P9-close-contact-red', 'close_contact', '[]'::jsonb, $2, NULL, $2, 'fixture')`,
        [holderId, clock.toISOString()],
      );
      holderToken = await signIn(holder.username, PASSWORD);
      staffToken = await signIn(fixture.users.town.username, fixture.users.town.password);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('signs a venue’s place code with a QR code for staff of its jurisdiction only', async () => {
      const res = await app.inject({ method: 'GET', url: `/api/places/${placeId}/place-code`, headers: { authorization: `Bearer ${staffToken}` } });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json() as { text: string; svg: string; place: { name: string } };
      assert.match(body.text, /^EGV1:/);
      assert.match(body.svg, /^<svg[\s\S]*<\/svg>\s*$/);
      assert.equal(body.place.name, '老街面馆');
      placeCode = body.text;
      const other = await signIn(fixture.users.otherCounty.username, fixture.users.otherCounty.password);
      const refused = await app.inject({ method: 'GET', url: `/api/places/${placeId}/place-code`, headers: { authorization: `Bearer ${other}` } });
      assert.equal(refused.statusCode, 403, refused.body);
    });

    it('a scan at the door records a check-in and shows the visitor’s colour with the name masked', async () => {
      const { statusCode, view, body } = await scan(north(40));
      assert.equal(statusCode, 201, body);
      assert.equal(view.checkedIn, true);
      assert.equal(view.flagged, null);
      assert.equal(view.colour, 'red');
      assert.equal(view.venue.name, '老街面馆');
      const name = fixture.people[1]!.name;
      assert.equal(view.maskedName.length, name.length);
      assert.equal(view.maskedName[0], name[0]);
      assert.notEqual(view.maskedName, name);
      assert.equal(await checkIns(), 1);
      const row = await db.query<{ scanId: string }>('SELECT scan_id AS "scanId" FROM check_in WHERE person_id = $1', [holderId]);
      assert.equal(row.rows[0]!.scanId, `place-code:${view.scanId}`);
      const index = await services.trace.current();
      assert.ok(index.stats().checkInRows >= 1, 'the trace index picks the check-in up');
    });

    it('a scan 40 km away is flagged as a forwarded code and not checked in', async () => {
      const { statusCode, view } = await scan(north(40_000));
      assert.equal(statusCode, 201);
      assert.equal(view.flagged, 'far_from_venue');
      assert.equal(view.checkedIn, false);
      assert.equal(await checkIns(), 1);
      const stored = await db.query<{ reason: string }>('SELECT flagged_reason AS reason FROM place_code_scan WHERE id = $1', [view.scanId]);
      assert.equal(stored.rows[0]!.reason, 'far_from_venue');
    });

    it('an unlocated scan during a burst of scans from far-apart places is flagged, a precise one at the door is not', async () => {
      assert.equal((await scan(north(70_000))).view.flagged, 'far_from_venue');
      const unlocated = await scan(null);
      assert.equal(unlocated.view.flagged, 'burst_far_apart');
      assert.equal(unlocated.view.checkedIn, false);
      const atDoor = await scan(north(10));
      assert.equal(atDoor.view.flagged, null);
      assert.equal(await checkIns(), 2);
    });

    it('once the burst is over an unlocated scan is trusted again', async () => {
      clock = new Date(clock.getTime() + 30 * 60_000);
      const later = await scan(null);
      assert.equal(later.view.flagged, null);
      assert.equal(later.view.checkedIn, true);
    });

    it('refuses a tampered or foreign code, and a login without a person', async () => {
      const tampered = placeCode.slice(0, -2) + (placeCode.endsWith('0') ? '11' : '00');
      const res = await scan(north(10), tampered);
      assert.equal(res.statusCode, 400, res.body);
      assert.equal((JSON.parse(res.body) as { error: { code: string } }).error.code, 'invalid_place_code');
      const notPlace = await scan(north(10), 'HC1:XYZ');
      assert.equal(notPlace.statusCode, 400);
      const staff = await app.inject({ method: 'POST', url: '/api/place-scans', headers: { authorization: `Bearer ${staffToken}` }, payload: { text: placeCode, position: null } });
      assert.equal((staff.json() as { error: { code: string } }).error.code, 'not_a_pass_holder');
    });
  });
}
