import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { SqlClient } from '../db/sql-client.js';
import { ensureDayPartitions } from '../pooling/presence-partitions.js';
import { insertRegion } from '../regions/region-registry.js';
import { listStations, saveStations } from '../stations/station-catalogue.js';
import { testBackends } from '../testing/test-databases.js';
import { testStation } from '../testing/test-stations.js';
import { personsOfAreas, takePendingPersons } from './affected-persons.js';
import { listImportedRiskLists, replaceImportedRiskList, type ImportedRiskArea, type ImportedRiskListInput } from './imported-risk-lists.js';
import { readHealthFacts } from './person-facts.js';
import { saveRiskAreaLevels } from './risk-area-levels.js';
import { travellersThroughImportedAreas } from './travel-risk.js';

const at = (iso: string): number => Date.parse(iso) / 1000;
const area = (regionCode: string, codePrefix: string | null, level: string, since: string, dropsAt: string | null, publishedLevel = level): ImportedRiskArea => ({
  regionCode,
  codePrefix,
  nameZh: regionCode,
  nameEn: regionCode,
  regionLevel: 'county',
  level,
  publishedLevel,
  ruleId: `B/${level}`,
  since,
  dropsAt,
  infections: 2,
});
const list = (over: Partial<ImportedRiskListInput>): ImportedRiskListInput => ({
  publisher: 'city-b',
  source: 'https://b.example/api/risk-areas',
  profileId: 'CN-P9-areas',
  unitLevel: 'county',
  levels: ['high', 'medium', 'low'],
  publishedAt: new Date('2026-03-02T00:00:00Z'),
  importedBy: 'epi',
  importedAt: new Date('2026-03-02T01:00:00Z'),
  areas: [],
  ...over,
});

/** Planned-test days in China Standard Time, no tolerance. */
const cst = { utcOffsetMinutes: 480, testDayToleranceHours: 0 };

for (const backend of testBackends()) {
  describe(`travel from risk areas (stations, imported lists, ticket facts) on ${backend.name}`, () => {
    let db: SqlClient;
    const persons: number[] = [];
    const tickets: Record<string, number> = {};
    let countyId = 0;
    let townCode = '';
    let townPath = '';

    const ticket = async (key: string, person: number, mode: string, origin: string, destination: string, departure: string, arrival: string): Promise<void> => {
      const day = new Date(Date.parse(departure) + 8 * 3_600_000).toISOString().slice(0, 10);
      await ensureDayPartitions(db, 'transport_ticket', [day]);
      const row = await db.query<{ id: number }>(
        `INSERT INTO transport_ticket (ticket_id, day, person_id, mode, service_id, service_date, departure_time, arrival_time, origin, destination, seat_row, seat)
         VALUES ($1, $2, $3, $4, 'S1', $2, $5, $6, $7, $8, 1, 'A') RETURNING id`,
        [key, day, person, mode, departure, arrival, origin, destination],
      );
      tickets[key] = Number(row.rows[0]!.id);
    };

    before(async () => {
      db = await backend.open();
      const tag = randomBytes(3).toString('hex');
      const county = await insertRegion(db, { code: `t${tag}C`, parentId: null, level: 'county', nameZh: '县', nameEn: 'County' });
      const town = await insertRegion(db, { code: `t${tag}T`, parentId: county.id, level: 'town', nameZh: '镇', nameEn: 'Town' });
      // Everyone lives in another county, so that only their trips tie them to the risk areas.
      const quiet = await insertRegion(db, { code: `t${tag}Q`, parentId: null, level: 'county', nameZh: '静县', nameEn: 'Quiet county' });
      const home = await insertRegion(db, { code: `t${tag}H`, parentId: quiet.id, level: 'grid', nameZh: '家', nameEn: 'Home grid' });
      countyId = county.id;
      townCode = `t${tag}T`;
      townPath = town.path;
      for (let i = 0; i < 7; i++) {
        const row = await db.query<{ id: number }>(
          `INSERT INTO person (name, sex, birth_date, id_number_hash, id_number_cipher, id_number_tail, grid_id, region_path)
           VALUES ($1, 'male', '1980-01-01', $2, 'x', '0000', $3, $4::ltree) RETURNING id`,
          [`t${i}`, `${tag}-${i}`, home.id, home.path],
        );
        persons.push(Number(row.rows[0]!.id));
      }
      await saveStations(db, [
        testStation('HOM', ['train'], townCode),
        testStation('NIL', ['train'], `t${tag}Q`),
        testStation('OUT', ['train'], '440604'),
        testStation('DGT', ['coach'], '441900003'),
      ]);
      // This instance's county is a medium-risk area from 5 March; another city lists two areas.
      await saveRiskAreaLevels(
        db,
        [{ regionId: county.id, areaPath: county.path, profileId: 'P', level: 'medium', background: false, ruleId: 'P/medium', reasonCaseIds: [], since: '2026-03-05', dropsAt: '2026-03-12' }],
        new Date('2026-03-05T00:00:00Z'),
      );
      const stored = await replaceImportedRiskList(db, list({ areas: [area('440604', '440604', 'high', '2026-03-01', '2026-03-20'), area('441900', '4419', 'medium', '2026-03-01', '2026-03-06')] }));
      assert.equal(stored.kind, 'stored');
      // p0: left from home (lower-case code) and arrived in the other city's high area.
      await ticket('k0', persons[0]!, 'train', 'hom', 'OUT', '2026-03-06T08:00:00+08:00', '2026-03-06T10:00:00+08:00');
      // p1: between stations in no risk area.
      await ticket('k1', persons[1]!, 'train', 'NIL', 'ZZZ', '2026-03-06T08:00:00+08:00', '2026-03-06T10:00:00+08:00');
      // p2: left home the day before the area's level began.
      await ticket('k2', persons[2]!, 'train', 'HOM', 'ZZZ', '2026-03-04T23:30:00+08:00', '2026-03-05T01:00:00+08:00');
      // p3: arrived in the other city's medium area before it dropped, and again after.
      await ticket('k3a', persons[3]!, 'coach', 'ZZZ', 'DGT', '2026-03-05T08:00:00+08:00', '2026-03-05T11:00:00+08:00');
      await ticket('k3b', persons[3]!, 'coach', 'ZZZ', 'DGT', '2026-03-07T08:00:00+08:00', '2026-03-07T11:00:00+08:00');
      // p4: a plane ticket naming the railway station's code (the station serves no planes).
      await ticket('k4', persons[4]!, 'plane', 'HOM', 'ZZZ', '2026-03-06T08:00:00+08:00', '2026-03-06T10:00:00+08:00');
      // p5: left half an hour after local midnight of the first day (still the day before in UTC).
      await ticket('k5', persons[5]!, 'train', 'HOM', 'ZZZ', '2026-03-05T00:30:00+08:00', '2026-03-05T02:00:00+08:00');
    });
    after(async () => {
      await db.close();
    });

    it('keeps the catalogue by upper-case code, with the region path of stations inside this tree; a newer entry replaces an older', async () => {
      const stations = await listStations(db);
      assert.deepEqual(stations.map((s) => [s.code, s.regionPath]), [['DGT', null], ['HOM', townPath], ['NIL', stations[2]!.regionPath], ['OUT', null]]);
      assert.equal(await saveStations(db, [testStation('out', ['train', 'coach'], '440604', { name: 'Old name', updatedAt: new Date('2026-02-01T00:00:00Z') })]), 0);
      assert.equal(await saveStations(db, [testStation('out', ['train', 'coach'], '440604', { name: 'Foshan West', updatedAt: new Date('2026-03-02T00:00:00Z') })]), 1);
      const out = (await listStations(db)).find((s) => s.code === 'OUT')!;
      assert.deepEqual([out.name, out.modes], ['Foshan West', ['train', 'coach']]);
    });

    it('a ticket from or to a station in a risk area on the day of travel is a risk-area visit, with the level, the time and the ticket', async () => {
      const facts = await readHealthFacts(db, persons, { utcOffsetMinutes: 480 });
      const visits = (i: number): Array<[number, string | undefined, string, number]> =>
        (facts.get(persons[i]!) ?? [])
          .filter((f) => f.input === 'risk-area-visit')
          .map((f): [number, string | undefined, string, number] => [f.at, f.areaLevel, f.evidence.source, f.evidence.id])
          .sort((a, b) => a[0] - b[0]);
      assert.deepEqual(visits(0), [
        [at('2026-03-06T08:00:00+08:00'), 'medium', 'transport_ticket', tickets.k0!],
        [at('2026-03-06T10:00:00+08:00'), 'high', 'transport_ticket', tickets.k0!],
      ]);
      assert.deepEqual(visits(1), [], 'no station of the trip is in a risk area');
      assert.deepEqual(visits(2), [], 'the trip was before the area\'s level began');
      assert.deepEqual(visits(3), [[at('2026-03-05T11:00:00+08:00'), 'medium', 'transport_ticket', tickets.k3a!]], 'the imported area counts inside its prefix until its drop day');
      assert.deepEqual(visits(4), [], 'the station does not serve planes');
      assert.deepEqual(visits(5), [[at('2026-03-05T00:30:00+08:00'), 'medium', 'transport_ticket', tickets.k5!]], 'the local day of departure decides');
    });

    it('marks the travellers for re-judgment: new tickets at risk stations, a changed area of this instance, an imported area', async () => {
      const pending = await takePendingPersons(db, new Date('2026-03-08T00:00:00Z'), cst);
      for (const i of [0, 2, 3, 5]) assert.ok(pending.personIds.includes(persons[i]!), `traveller ${i}`);
      assert.ok(!pending.personIds.includes(persons[1]!), 'a trip far from any risk area marks nobody');
      await pending.commit();
      assert.deepEqual((await takePendingPersons(db, new Date('2026-03-08T00:00:00Z'), cst)).personIds, [], 'each ticket is read once');
      const ofCounty = await personsOfAreas(db, [countyId]);
      for (const i of [0, 2, 4, 5]) assert.ok(ofCounty.includes(persons[i]!), `traveller ${i} through the county`);
      assert.ok(!ofCounty.includes(persons[3]!) && !ofCounty.includes(persons[1]!));
      assert.deepEqual(await travellersThroughImportedAreas(db, [{ regionCode: '441900', codePrefix: '4419' }]), [persons[3]]);
      assert.deepEqual(await travellersThroughImportedAreas(db, [{ regionCode: '441901', codePrefix: '441901' }]), []);
    });

    it('a newer list of the same publisher replaces the older; an older one is refused; the level read is ours, the publisher\'s name kept', async () => {
      const newer = await replaceImportedRiskList(
        db,
        list({ publishedAt: new Date('2026-03-03T00:00:00Z'), levels: ['高风险', '中风险', '低风险'], areas: [area('441900', '4419', 'high', '2026-03-06', null, '高风险')] }),
      );
      assert.equal(newer.kind, 'stored');
      if (newer.kind === 'stored') assert.deepEqual(newer.previous?.areas.map((a) => a.regionCode), ['440604', '441900']);
      const older = await replaceImportedRiskList(db, list({ publishedAt: new Date('2026-03-02T12:00:00Z'), areas: [] }));
      assert.deepEqual(older, { kind: 'stale', storedPublishedAt: new Date('2026-03-03T00:00:00Z') });
      const lists = await listImportedRiskLists(db);
      assert.deepEqual(
        lists.map((l) => [l.publisher, l.source, l.levels, l.areas.map((a) => [a.regionCode, a.level, a.publishedLevel, a.dropsAt])]),
        [['city-b', 'https://b.example/api/risk-areas', ['高风险', '中风险', '低风险'], [['441900', 'high', '高风险', null]]]],
      );
      const facts = await readHealthFacts(db, [persons[0]!, persons[3]!], { utcOffsetMinutes: 480 });
      assert.deepEqual((facts.get(persons[0]!) ?? []).map((f) => f.areaLevel), ['medium'], 'the replaced list no longer counts');
      assert.deepEqual((facts.get(persons[3]!) ?? []).map((f) => [f.areaLevel, f.evidence.id]), [['high', tickets.k3b]], 'the new level began on 6 March, after the first trip');
    });
  });
}
