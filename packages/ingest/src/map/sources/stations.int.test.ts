import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listDeadLetters, listStations, testBackends, type SqlClient } from '@epigrid/store';
import { runImport } from '../../load/run-import.js';
import { buildPoolingFixture, type PoolingFixture } from '../../testing/pooling-fixture.js';
import { recordsOf } from '../../testing/rows.js';

for (const backend of testBackends()) {
  describe(`the stations source on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: PoolingFixture;
    before(async () => {
      db = await backend.open();
      fx = await buildPoolingFixture(db, 1);
    });
    after(async () => db.close());
    const load = (rows: Array<Record<string, string>>): ReturnType<typeof runImport> =>
      runImport(fx.env, { source: 'stations', fileName: 'stations.csv', actorName: 'test', records: recordsOf(rows) });

    it('fills the catalogue; a newer updated_at corrects an entry, an equal one is a duplicate; bad rows are dead-lettered', async () => {
      const first = await load([
        { station_code: 'sfq', name: '示范南站', name_en: 'Demo South', modes: 'train', region_code: fx.townCode, lat: '23.1', lng: '113.2', updated_at: '2026-03-01T00:00:00+08:00' },
        { station_code: 'IZQ', name: '广州南站', modes: 'train', region_code: '440113', region_name: '番禺区', updated_at: '2026-03-01T00:00:00+08:00' },
        { station_code: 'XYZ', name: 'Nowhere', modes: 'hovercraft', region_code: '440113', updated_at: '2026-03-01T00:00:00+08:00' },
      ]);
      assert.deepEqual([first.accepted, first.rejected], [2, 1]);
      const letters = await listDeadLetters(db, { batchId: first.batchId, limit: 5 });
      assert.equal(letters[0]!.reason, 'row 4, field modes: "hovercraft" is not a mode: use train, coach, plane or ship, separated by commas');
      const second = await load([
        { station_code: 'IZQ', name: '广州南站', modes: 'train, coach', region_code: '440113', region_name: '番禺区', updated_at: '2026-03-05T00:00:00+08:00' },
        { station_code: 'SFQ', name: '示范南站', modes: 'train', region_code: fx.townCode, updated_at: '2026-03-01T00:00:00+08:00' },
      ]);
      assert.deepEqual([second.accepted, second.corrected, second.duplicates], [0, 1, 1]);
      const stations = await listStations(db);
      assert.deepEqual(
        stations.map((s) => [s.code, s.modes, s.regionCode, s.regionPath !== null, s.lat]),
        [['IZQ', ['train', 'coach'], '440113', false, null], ['SFQ', ['train'], fx.townCode, true, 23.1]],
      );
    });
  });
}
