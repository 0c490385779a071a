import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { testBackends, type SqlClient } from '@epigrid/store';
import { buildTaskFixture, type TaskFixture } from '../testing/task-fixture.js';
import { tasksOfType } from '../testing/trigger-fixture.js';
import { generateTasks } from '../use-cases/generate-tasks.js';

interface FacilityView {
  id: number;
  name: string;
  region: { code: string };
  capacity: number | null;
  occupied: number;
}

for (const backend of testBackends()) {
  describe(`isolation facilities for transfers on ${backend.name}`, () => {
    let db: SqlClient;
    let fx: TaskFixture;
    const tokens = new Map<string, string>();
    const token = async (username: string): Promise<string> => tokens.get(username) ?? tokens.set(username, await fx.signIn(username)).get(username)!;
    const list = async (username: string): Promise<{ statusCode: number; names: string[]; facilities: FacilityView[] }> => {
      const res = await fx.app.inject({ method: 'GET', url: '/api/facilities', headers: { authorization: `Bearer ${await token(username)}` } });
      const facilities = res.statusCode === 200 ? (res.json() as { facilities: FacilityView[] }).facilities : [];
      return { statusCode: res.statusCode, names: facilities.map((f) => f.name), facilities };
    };
    const addPlace = async (kind: string, name: string, regionKey: string, capacity: number | null): Promise<void> => {
      await db.query(
        `INSERT INTO place (kind, category, name, region_id, region_path, lat, lng, capacity)
         SELECT $1, 'hotel', $2, r.id, r.path, 30.1, 120.2, $4 FROM region r WHERE r.id = $3`,
        [kind, name, fx.jurisdiction.regionIds[regionKey]!, capacity],
      );
    };

    before(async () => {
      db = await backend.open();
      fx = await buildTaskFixture(db);
      await addPlace('isolation_hotel', 'B hotel (county A)', 'A1g2', 120);
      await addPlace('isolation_hotel', 'A hotel (county A)', 'A2g1', null);
      await addPlace('isolation_hotel', 'C hotel (county B)', 'B1g1', 80);
      await addPlace('venue', 'A market (county A)', 'A1g1', 300);
    });
    after(async () => {
      await fx.app.close();
      await db.close();
    });

    it('gives a grid worker the facilities of their county, by name; the city sees every county’s', async () => {
      const grid = await list(fx.workers.gridA.username);
      assert.equal(grid.statusCode, 200);
      assert.deepEqual(grid.names, ['A hotel (county A)', 'B hotel (county A)']);
      assert.deepEqual(grid.facilities.map((f) => [f.capacity, f.occupied]), [[null, 0], [120, 0]]);
      assert.deepEqual((await list(fx.jurisdiction.users.town.username)).names, grid.names, 'a town is served by its county too');
      assert.deepEqual((await list(fx.jurisdiction.users.otherCounty.username)).names, ['C hotel (county B)']);
      assert.equal((await list(fx.jurisdiction.users.epi.username)).names.length, 3);
      assert.equal((await list(fx.jurisdiction.users.auditor.username)).statusCode, 403);
    });

    it('a transfer names one of them, and it counts as occupied', async () => {
      await fx.traceContact(fx.jurisdiction.people[1]!.id, 'close');
      await generateTasks(fx.services);
      const [task] = await tasksOfType(db, 'verify_close_contact');
      const holder = task!.assignee === fx.workers.gridA.id ? fx.workers.gridA.username : fx.workers.gridB.username;
      const chosen = (await list(holder)).facilities.find((f) => f.name.startsWith('B hotel'))!;
      const res = await fx.app.inject({
        method: 'POST',
        url: `/api/tasks/${task!.id}/outcomes`,
        headers: { authorization: `Bearer ${await token(holder)}` },
        payload: { clientId: randomUUID(), code: 'transferred', facilityId: chosen.id, recordedAt: '2026-03-10T13:00:00+08:00' },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal((await list(holder)).facilities.find((f) => f.id === chosen.id)!.occupied, 1);
    });
  });
}
