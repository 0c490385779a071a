import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createIdentifierVault, findUserCredentials, testBackends, verifyPassword } from '@epigrid/store';
import type { SqlClient } from '@epigrid/store';
import { generateCity } from './city.js';
import { isDatabaseEmpty, createDemoCity } from './demo-city.js';
import { loadCity } from './load-city.js';
import type { City } from './model.js';
import { demoPassword } from './staff.js';

const SECRET = 'a-test-secret-that-is-long-enough-for-the-vault';

async function count(db: SqlClient, sql: string, params: unknown[] = []): Promise<number> {
  const result = await db.query<{ n: number }>(sql, params);
  return Number(result.rows[0]!.n);
}

for (const backend of testBackends()) {
  describe(`loadCity on ${backend.name}`, () => {
    let db: SqlClient;
    let city: City;
    const stages = new Set<string>();

    before(async () => {
      db = await backend.open();
      city = generateCity({ seed: 2026, people: 3_000 });
      assert.equal(await isDatabaseEmpty(db), true);
      await loadCity(db, city, { secret: SECRET, onProgress: (stage) => stages.add(stage) });
    });

    after(async () => {
      await db.close();
    });

    it('writes as many rows as the city has', async () => {
      assert.equal(await isDatabaseEmpty(db), false);
      assert.equal(await count(db, 'SELECT count(*)::int AS n FROM region'), city.regions.length);
      assert.equal(await count(db, 'SELECT count(*)::int AS n FROM household'), city.households.count);
      assert.equal(await count(db, 'SELECT count(*)::int AS n FROM person'), city.people.count);
      assert.equal(await count(db, 'SELECT count(*)::int AS n FROM place'), city.places.length);
      assert.equal(await count(db, "SELECT count(*)::int AS n FROM place WHERE kind = 'venue' AND place_code IS NOT NULL"), city.places.filter((p) => p.kind === 'venue').length);
      assert.equal(await count(db, 'SELECT count(*)::int AS n FROM isolation_room'), city.isolationRooms.length);
      assert.equal(await count(db, 'SELECT count(*)::int AS n FROM app_user'), city.demoLogins.length + city.gridWorkers.length);
      assert.equal(await count(db, 'SELECT count(*)::int AS n FROM station'), city.stations.length);
      assert.equal(await count(db, 'SELECT count(*)::int AS n FROM station s JOIN region r ON r.code = s.region_code'), 3, "the city's own stations lie in its tree");
      assert.deepEqual([...stages], ['regions', 'places', 'isolation_rooms', 'households', 'people', 'indexes', 'users']);
    });

    it('builds the region tree so that a subtree query counts the people under a node', async () => {
      const county = city.regions.find((r) => r.level === 'county')!;
      const under = await count(
        db,
        'SELECT count(*)::int AS n FROM person WHERE region_path <@ (SELECT path FROM region WHERE code = $1)',
        [county.code],
      );
      assert.equal(under, county.population);
      const orphans = await count(db, "SELECT count(*)::int AS n FROM region WHERE parent_id IS NULL AND level <> 'province'");
      assert.equal(orphans, 0);
      const mismatched = await count(
        db,
        'SELECT count(*)::int AS n FROM region c JOIN region p ON p.id = c.parent_id WHERE NOT (c.path <@ p.path) OR c.depth <> p.depth + 1',
      );
      assert.equal(mismatched, 0);
    });

    it('links people to their household, grid, workplace and school consistently', async () => {
      const bad = await count(
        db,
        `SELECT count(*)::int AS n FROM person p JOIN household h ON h.id = p.household_id JOIN region g ON g.id = p.grid_id
         WHERE h.grid_id <> p.grid_id OR p.region_path <> g.path`,
      );
      assert.equal(bad, 0);
      const workers = city.people.workplace.filter((w) => w >= 0).length;
      assert.equal(await count(db, "SELECT count(*)::int AS n FROM person p JOIN place w ON w.id = p.workplace_id WHERE w.kind = 'workplace'"), workers);
      const pupils = city.people.school.filter((s) => s >= 0).length;
      assert.equal(await count(db, "SELECT count(*)::int AS n FROM person p JOIN place s ON s.id = p.school_id WHERE s.kind = 'school'"), pupils);
    });

    it('stores identifiers only as hash, ciphertext and tail, decryptable with the vault', async () => {
      const vault = createIdentifierVault(SECRET);
      const i = 17;
      const idNumber = city.people.idNumber[i]!;
      const rows = await db.query<{ name: string; cipher: string; tail: string; phone: string | null; birth: string }>(
        `SELECT name, id_number_cipher AS cipher, id_number_tail AS tail, phone_cipher AS phone, birth_date AS birth
         FROM person WHERE id_number_hash = $1`,
        [vault.hash(idNumber)],
      );
      const row = rows.rows[0]!;
      assert.equal(vault.decrypt(row.cipher), idNumber);
      assert.equal(row.tail, idNumber.slice(-4));
      assert.equal(row.name, city.people.name[i]);
      assert.equal(row.birth, city.people.birthDate[i]);
      const phone = city.people.phone[i] ?? null;
      assert.equal(row.phone === null ? null : vault.decrypt(row.phone), phone);
      const clear = await count(db, 'SELECT count(*)::int AS n FROM person WHERE id_number_cipher LIKE $1', [`%${idNumber}%`]);
      assert.equal(clear, 0);
    });

    it('creates the demo logins with their roles and regions, and grid workers for every grid', async () => {
      for (const login of city.demoLogins) {
        const user = await findUserCredentials(db, login.username);
        assert.ok(user, `${login.username} exists`);
        assert.equal(user.role, login.role);
        assert.equal(user.regionNameEn, login.regionNameEn);
      }
      const admin = await findUserCredentials(db, 'admin');
      assert.equal(await verifyPassword(demoPassword, admin!.passwordHash), true);
      const worker = await findUserCredentials(db, city.gridWorkers[0]!.username);
      assert.equal(worker?.role, 'grid_worker');
      assert.equal(await verifyPassword(demoPassword, worker!.passwordHash), true);
      const unserved = await count(
        db,
        "SELECT count(*)::int AS n FROM region g WHERE g.level = 'grid' AND NOT EXISTS (SELECT 1 FROM app_user u WHERE u.region_id = g.id AND u.role = 'grid_worker')",
      );
      assert.equal(unserved, 0);
    });

    it('recreates the secondary indexes it deferred', async () => {
      const indexes = await db.query<{ name: string }>(
        "SELECT indexname AS name FROM pg_indexes WHERE tablename IN ('person', 'household', 'place') ORDER BY 1",
      );
      const names = indexes.rows.map((r) => r.name);
      for (const name of ['person_region_path_gist', 'person_name_trgm', 'person_household', 'person_phone_hash', 'household_region_path_gist', 'place_region_path_gist', 'place_kind']) {
        assert.ok(names.includes(name), `${name} exists`);
      }
    });

    it('refuses to load a second city, leaving the first intact', async () => {
      await assert.rejects(loadCity(db, city, { secret: SECRET }), /already holds a region tree/);
      assert.equal(await count(db, 'SELECT count(*)::int AS n FROM person'), city.people.count);
    });
  });

  describe(`createDemoCity on ${backend.name}`, () => {
    it('rolls back everything when loading fails half way', async () => {
      const db = await backend.open();
      try {
        const city = generateCity({ seed: 5, people: 500 });
        const broken: City = { ...city, gridWorkers: [...city.gridWorkers, city.gridWorkers[0]!] }; // duplicate username
        await assert.rejects(loadCity(db, broken, { secret: SECRET }));
        assert.equal(await isDatabaseEmpty(db), true);
        assert.equal(await count(db, 'SELECT count(*)::int AS n FROM person'), 0);
        assert.equal(await count(db, 'SELECT count(*)::int AS n FROM app_user'), 0);
        const report = await createDemoCity(db, { seed: 5, people: 500, secret: SECRET });
        assert.equal(report.counts.people, 500);
        assert.equal(await count(db, 'SELECT count(*)::int AS n FROM person'), 500);
        assert.ok(report.elapsedMs >= report.loadMs);
      } finally {
        await db.close();
      }
    });
  });
}
