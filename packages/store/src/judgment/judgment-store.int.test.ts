import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { HealthCodeJudgement } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import { ensureDayPartitions } from '../pooling/presence-partitions.js';
import { insertRegion } from '../regions/region-registry.js';
import { testBackends } from '../testing/test-databases.js';
import { epidemiologicallyLinked, takePendingPersons } from './affected-persons.js';
import { readAreaCaseFacts } from './area-facts.js';
import { readHealthCode, saveHealthCodes } from './health-codes.js';
import { readHealthFacts } from './person-facts.js';
import { saveRiskAreaLevels } from './risk-area-levels.js';

const at = (iso: string): number => Date.parse(iso) / 1000;
const judgement = (colour: 'green' | 'yellow' | 'red', ruleId: string): HealthCodeJudgement => ({
  ruleSetId: 'T',
  colour,
  ruleId,
  reasonKey: ruleId,
  since: null,
  evidence: [{ source: 'case_report', id: 1 }],
  expiresAt: null,
  nextCondition: null,
  nextColour: null,
});

/** Planned-test days in China Standard Time, no tolerance. */
const cst = { utcOffsetMinutes: 480, testDayToleranceHours: 0 };

for (const backend of testBackends()) {
  describe(`judgment store on ${backend.name}`, () => {
    let db: SqlClient;
    const persons: number[] = [];
    let gridId = 0;
    let gridPath = '';
    let caseId = 0;
    let placeId = 0;

    before(async () => {
      db = await backend.open();
      const tag = randomBytes(3).toString('hex');
      const community = await insertRegion(db, { code: `j${tag}c`, parentId: null, level: 'community', nameZh: '社区', nameEn: 'Community' });
      const grid = await insertRegion(db, { code: `j${tag}g`, parentId: community.id, level: 'grid', nameZh: '网格', nameEn: 'Grid' });
      gridId = grid.id;
      gridPath = grid.path;
      for (let i = 0; i < 4; i++) {
        const row = await db.query<{ id: number }>(
          `INSERT INTO person (name, sex, birth_date, id_number_hash, id_number_cipher, id_number_tail, grid_id, region_path)
           VALUES ($1, 'female', '1990-01-01', $2, 'x', '0000', $3, $4::ltree) RETURNING id`,
          [`p${i}`, `${tag}-${i}`, grid.id, grid.path],
        );
        persons.push(row.rows[0]!.id);
      }
      const place = await db.query<{ id: number }>(
        `INSERT INTO place (kind, name, region_id, region_path, lat, lng) VALUES ('venue', 'Shop', $1, $2::ltree, 0, 0) RETURNING id`,
        [grid.id, grid.path],
      );
      placeId = place.rows[0]!.id;
      const report = await db.query<{ id: number }>(
        `INSERT INTO case_report (report_id, person_id, classification, sampling_date, report_time)
         VALUES ($1, $2, 'confirmed', '2026-03-09', '2026-03-09T20:00:00+08:00') RETURNING id`,
        [`R-${tag}`, persons[0]],
      );
      caseId = report.rows[0]!.id;
      // Person 1: a close contact whose day-10 test was taken and day-11 test missed.
      await db.query(
        `INSERT INTO traced_contact (case_report_id, person_id, kind, profile_id, rule_ids, evidence, first_exposure, last_exposure, management, listed_at)
         VALUES ($1, $2, 'close', 'P', '{r}', '[]', '2026-03-08T10:00:00+08:00', '2026-03-08T12:00:00+08:00',
                 '{"endDate": "2026-03-15", "tests": [{"date": "2026-03-10"}, {"date": "2026-03-12"}]}', '2026-03-09T21:00:00+08:00')`,
        [caseId, persons[1]],
      );
      await db.query(
        `INSERT INTO lab_result (sample_id, person_id, tube_id, pool_size, sampled_at, resulted_at, result, lab_code) VALUES
           ($1, $2, $3, 1, '2026-03-10T09:00:00+08:00', '2026-03-10T15:00:00+08:00', 'negative', 'L'),
           ($4, $5, $6, 10, '2026-03-10T09:00:00+08:00', '2026-03-10T18:00:00+08:00', 'positive', 'L')`,
        [`S1-${tag}`, persons[1], `T1-${tag}`, `S2-${tag}`, persons[2], `T2-${tag}`],
      );
      await ensureDayPartitions(db, 'check_in', ['2026-03-10']);
      await db.query(
        `INSERT INTO check_in (scan_id, day, person_id, place_id, time_in) VALUES ($1, '2026-03-10', $2, $3, '2026-03-10T11:00:00+08:00')`,
        [`C-${tag}`, persons[3], placeId],
      );
    });
    after(async () => {
      await db.close();
    });

    it('places the case in its residence area at the unit level, on its local report day', async () => {
      const { facts, regionIds } = await readAreaCaseFacts(db, 'grid', 480);
      const mine = facts.filter((f) => f.caseId === caseId);
      assert.deepEqual(mine, [{ caseId, areaPath: gridPath, day: '2026-03-09', role: 'residence', settingKey: mine[0]!.settingKey, community: true }]);
      assert.equal(regionIds.get(gridPath), gridId);
    });

    it('reads each person\'s health facts with their evidence: case, contact with its end, missed test, tests, pooled tube, area visit', async () => {
      await saveRiskAreaLevels(
        db,
        [{ regionId: gridId, areaPath: gridPath, profileId: 'P', level: 'high', background: false, ruleId: 'P/high', reasonCaseIds: [caseId], since: '2026-03-09', dropsAt: '2026-03-17' }],
        new Date('2026-03-10T00:00:00Z'),
      );
      const facts = await readHealthFacts(db, persons, { utcOffsetMinutes: 480 });
      const inputs = (i: number): string[] => (facts.get(persons[i]!) ?? []).map((f) => f.input).sort();
      assert.deepEqual(inputs(0), ['case', 'risk-area-residence']);
      assert.deepEqual(inputs(1), ['close-contact', 'missed-required-test', 'negative-test', 'risk-area-residence']);
      assert.deepEqual(inputs(2), ['pooled-tube-positive', 'risk-area-residence']);
      assert.deepEqual(inputs(3), ['risk-area-residence', 'risk-area-visit']);
      const contact = facts.get(persons[1]!)!.find((f) => f.input === 'close-contact')!;
      assert.equal(contact.until, at('2026-03-16T00:00:00+08:00'), 'the end of the last day of management');
      const missed = facts.get(persons[1]!)!.find((f) => f.input === 'missed-required-test')!;
      assert.equal(missed.at, at('2026-03-13T00:00:00+08:00'), 'known at the end of the missed day');
      const residence = facts.get(persons[0]!)!.find((f) => f.input === 'risk-area-residence')!;
      assert.deepEqual([residence.areaLevel, residence.at, residence.until], ['high', at('2026-03-09T00:00:00+08:00'), at('2026-03-17T00:00:00+08:00')]);
    });

    it('links people to cases through reports, contacts and positive pooled tubes only', async () => {
      assert.deepEqual([...(await epidemiologicallyLinked(db, persons))].sort(), [persons[0], persons[1], persons[2]].sort());
    });

    it('stores codes with a change row only when the colour changes, and nothing when nothing changed', async () => {
      const now = new Date('2026-03-10T12:00:00+08:00');
      const first = await saveHealthCodes(db, [{ personId: persons[0]!, judgement: judgement('red', 'T/case'), cause: 'rule' }, { personId: persons[3]!, judgement: judgement('green', 'T/green'), cause: 'rule' }], now);
      assert.deepEqual(first.map((c) => [c.personId, c.fromColour, c.toColour]), [[persons[0], 'green', 'red']]);
      assert.equal(await readHealthCode(db, persons[3]!), null, 'a green person never judged gets no row');
      const again = await saveHealthCodes(db, [{ personId: persons[0]!, judgement: judgement('red', 'T/case'), cause: 'rule' }], new Date('2026-03-10T13:00:00+08:00'));
      assert.deepEqual(again, []);
      const stored = await readHealthCode(db, persons[0]!);
      assert.equal(new Date(stored!.evaluatedAt).toISOString(), now.toISOString(), 'not rewritten');
      const later = await saveHealthCodes(db, [{ personId: persons[0]!, judgement: judgement('yellow', 'T/case'), cause: 'rule' }], new Date('2026-03-24T12:00:00+08:00'));
      assert.deepEqual(later.map((c) => [c.fromColour, c.toColour]), [['red', 'yellow']]);
      const history = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM health_code_change WHERE person_id = $1', [persons[0]]);
      assert.equal(history.rows[0]!.n, 2);
    });

    it('hands out each new fact once: persons with new rows, then nothing until the next row', async () => {
      const first = await takePendingPersons(db, new Date('2026-03-10T12:00:00+08:00'), cst);
      assert.ok(persons.slice(0, 3).every((p) => first.personIds.includes(p)));
      await first.commit();
      const second = await takePendingPersons(db, new Date('2026-03-10T12:00:00+08:00'), cst);
      assert.ok(!second.personIds.some((p) => persons.includes(p)));
    });

    it('marks a new visitor of a venue already in a risk area at once; a visit elsewhere or before the level began marks nobody', async () => {
      const now = new Date('2026-03-11T12:00:00+08:00');
      await (await takePendingPersons(db, now, cst)).commit();
      const tag = randomBytes(3).toString('hex');
      const quiet = await insertRegion(db, { code: `q${tag}`, parentId: null, level: 'community', nameZh: '静', nameEn: 'Quiet' });
      const elsewhere = await db.query<{ id: number }>(
        `INSERT INTO place (kind, name, region_id, region_path, lat, lng) VALUES ('venue', 'Park', $1, $2::ltree, 0, 0) RETURNING id`,
        [quiet.id, quiet.path],
      );
      await ensureDayPartitions(db, 'check_in', ['2026-03-08', '2026-03-11']);
      const checkIn = async (key: string, person: number, place: number, day: string): Promise<void> => {
        await db.query(`INSERT INTO check_in (scan_id, day, person_id, place_id, time_in) VALUES ($1, $2, $3, $4, $5)`, [`${key}-${tag}`, day, person, place, `${day}T10:00:00+08:00`]);
      };
      await checkIn('at-risk', persons[2]!, placeId, '2026-03-11');
      await checkIn('quiet', persons[1]!, elsewhere.rows[0]!.id, '2026-03-11');
      await checkIn('early', persons[0]!, placeId, '2026-03-08');
      const pending = await takePendingPersons(db, now, cst);
      assert.deepEqual(pending.personIds, [persons[2]], 'only the visit to the area at risk, on or after its level began');
      await pending.commit();
      assert.deepEqual((await takePendingPersons(db, now, cst)).personIds, [], 'each check-in is read once');
      await checkIn('again', persons[3]!, placeId, '2026-03-11');
      assert.deepEqual((await takePendingPersons(db, now, cst)).personIds, [persons[3]], 'the next visit after the mark');
    });
  });
}
