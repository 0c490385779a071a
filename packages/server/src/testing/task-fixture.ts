import assert from 'node:assert/strict';
import { createUser, type SqlClient } from '@epigrid/store';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { loadTestConfig } from '../config/config.js';
import { createServices, type Services } from '../services.js';
import { buildTestJurisdiction, type TestJurisdiction } from './test-jurisdiction.js';

/** A jurisdiction with grid workers placed for routing tests, a case, and a movable clock. */
export interface TaskFixture {
  readonly services: Services;
  readonly app: FastifyInstance;
  readonly jurisdiction: TestJurisdiction;
  readonly caseId: number;
  /** Moves the services' clock. */
  setNow(time: string): void;
  /** Signs a user in and returns the bearer token. */
  signIn(username: string): Promise<string>;
  /** Lists a traced contact of the fixture case (as tracing would). */
  traceContact(personId: number, kind: 'close' | 'sub-close' | 'companion'): Promise<void>;
  /** User ids by name: gridA (the fixture's grid worker at A1g1), gridB (also at A1g1), community (at A1c). */
  readonly workers: Readonly<Record<'gridA' | 'gridB' | 'community', { id: number; username: string }>>;
}

/** The fixture case is reported at this time; close-contact deadlines fall 24 h later. */
export const CASE_REPORTED_AT = '2026-03-09T20:00:00+08:00';

/**
 * Builds the task fixture: grid A1g1 has two grid workers, community A1c has one, town A2 has none.
 * @param db - migrated database
 */
export async function buildTaskFixture(db: SqlClient): Promise<TaskFixture> {
  let now = new Date('2026-03-10T12:00:00+08:00');
  const services = createServices(db, loadTestConfig({ EPIGRID_PROTOCOL_PROFILE: 'CN-P9-2022-06-28' }), 'c4'.repeat(32), () => now);
  const app = await buildApp({ services, demo: null });
  const jurisdiction = await buildTestJurisdiction(db, services.vault);
  const tag = jurisdiction.users.grid.username.split('-').pop()!;
  const gridB = await createUser(db, { username: `gridb-${tag}`, displayName: 'Grid B', password: jurisdiction.users.grid.password, role: 'grid_worker', regionId: jurisdiction.regionIds.A1g1! });
  const community = await createUser(db, { username: `comm-${tag}`, displayName: 'Community', password: jurisdiction.users.grid.password, role: 'grid_worker', regionId: jurisdiction.regionIds.A1c! });
  const gridA = await db.query<{ id: string }>('SELECT id FROM app_user WHERE username = $1', [jurisdiction.users.grid.username]);
  const report = await db.query<{ id: string }>(
    `INSERT INTO case_report (report_id, person_id, classification, onset_date, sampling_date, report_time)
     VALUES ($1, $2, 'confirmed', '2026-03-09', '2026-03-09', $3) RETURNING id`,
    [`R-TASK-${tag}`, jurisdiction.people[0]!.id, CASE_REPORTED_AT],
  );
  const caseId = Number(report.rows[0]!.id);
  return {
    services,
    app,
    jurisdiction,
    caseId,
    workers: {
      gridA: { id: Number(gridA.rows[0]!.id), username: jurisdiction.users.grid.username },
      gridB: { id: gridB.id, username: gridB.username },
      community: { id: community.id, username: community.username },
    },
    setNow(time) {
      now = new Date(time);
    },
    async signIn(username) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: jurisdiction.users.grid.password } });
      assert.equal(res.statusCode, 200, res.body);
      return (res.json() as { token: string }).token;
    },
    async traceContact(personId, kind) {
      await db.query(
        `INSERT INTO traced_contact (case_report_id, person_id, kind, via_person_id, profile_id, rule_ids, evidence, first_exposure, last_exposure, management, listed_at)
         VALUES ($1, $2, $3, NULL, 'CN-P9-2022-06-28', ARRAY['CN-P9/close/household'], '[]', $4, $4, NULL, $5)`,
        [caseId, personId, kind, '2026-03-08T18:00:00+08:00', now],
      );
    },
  };
}
