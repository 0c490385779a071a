import { randomBytes } from 'node:crypto';
import type { SqlClient } from '../db/sql-client.js';
import { insertRegion } from '../regions/region-registry.js';
import { replaceCaseTrace, type TracedContactInput } from '../tracing/traced-contacts.js';

/**
 * A management plan of the shape the trace engine writes, testing on the given days (in any order).
 * @param dates - the planned test days, `YYYY-MM-DD`
 */
export const testPlan = (...dates: string[]): unknown => ({
  ruleId: 'P/management/close',
  lastExposureDate: '2026-03-07',
  centralisedUntil: '2026-03-14',
  homeUntil: null,
  homeMode: 'none',
  endDate: '2026-03-14',
  tests: dates.map((date, i) => ({ phase: 'centralised', day: i + 1, date })),
});

/** A companion's follow-up: a count of tests, no dated list. */
export const companionFollowUp = { ruleId: 'P/companion', tests: 2, minHoursApart: 24, dueBy: '2026-03-14' };

/**
 * A contact exposed on 7 March 2026 (+08:00), as a trace lists it.
 * @param personId - the contact
 * @param kind - close, sub-close or companion
 * @param management - the plan ({@link testPlan}, {@link companionFollowUp} or null)
 */
export const tracedContact = (personId: number, kind: TracedContactInput['kind'], management: unknown): TracedContactInput => ({
  personId,
  kind,
  viaPersonId: null,
  ruleIds: ['P/close/venue'],
  evidence: [],
  firstExposure: new Date('2026-03-07T10:00:00+08:00'),
  lastExposure: new Date('2026-03-07T12:00:00+08:00'),
  management,
});

/**
 * Residents of a new grid and a case reported by the first of them on 8 March 2026 (+08:00); the
 * others can be its contacts.
 * @param db - database
 * @param people - how many residents besides the case
 * @returns the case's row id and the other residents
 */
export async function seedCase(db: SqlClient, people: number): Promise<{ caseId: number; persons: number[] }> {
  const tag = randomBytes(3).toString('hex');
  const community = await insertRegion(db, { code: `t${tag}c`, parentId: null, level: 'community', nameZh: '社区', nameEn: 'Community' });
  const grid = await insertRegion(db, { code: `t${tag}g`, parentId: community.id, level: 'grid', nameZh: '网格', nameEn: 'Grid' });
  const persons: number[] = [];
  for (let i = 0; i <= people; i++) {
    const row = await db.query<{ id: number }>(
      `INSERT INTO person (name, sex, birth_date, id_number_hash, id_number_cipher, id_number_tail, grid_id, region_path)
       VALUES ($1, 'female', '1990-01-01', $2, 'x', '0000', $3, $4::ltree) RETURNING id`,
      [`t${i}`, `${tag}-${i}`, grid.id, grid.path],
    );
    persons.push(Number(row.rows[0]!.id));
  }
  const report = await db.query<{ id: number }>(
    `INSERT INTO case_report (report_id, person_id, classification, sampling_date, report_time)
     VALUES ($1, $2, 'confirmed', '2026-03-08', '2026-03-08T20:00:00+08:00') RETURNING id`,
    [`T-${tag}`, persons[0]],
  );
  return { caseId: Number(report.rows[0]!.id), persons: persons.slice(1) };
}

/**
 * Stores a whole trace of the case, listed at 21:00 on 8 March 2026 (+08:00), as the tracing job
 * does (replacing any earlier one).
 * @param db - database
 * @param caseId - the case's row id
 * @param contacts - its contacts
 */
export const storeTrace = (db: SqlClient, caseId: number, contacts: readonly TracedContactInput[]): Promise<void> =>
  replaceCaseTrace(db, {
    caseReportId: caseId,
    caseVersion: 1,
    profileId: 'P',
    windowFrom: new Date('2026-03-05T00:00:00+08:00'),
    windowTo: new Date('2026-03-08T20:00:00+08:00'),
    windowRuleId: 'P/window',
    tracedAt: new Date('2026-03-08T21:00:00+08:00'),
    contacts,
  });
