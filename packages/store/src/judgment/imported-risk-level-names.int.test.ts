import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { migrate } from '../migrate/migrate.js';
import { migrateBefore } from '../testing/migrate-before.js';
import { testBackends } from '../testing/test-databases.js';
import { listImportedRiskLists } from './imported-risk-lists.js';

for (const backend of testBackends()) {
  describe(`migration 0014 on ${backend.name}`, () => {
    it('keeps the level of the areas imported before it as their published name', async () => {
      const db = await backend.open({ migrated: false });
      try {
        const rest = await migrateBefore(db, '0014-imported-risk-level-names');
        const list = await db.query<{ id: number }>(
          `INSERT INTO imported_risk_list (publisher, source, profile_id, unit_level, levels, published_at, imported_by, imported_at)
           VALUES ('city-b', 'b.json', NULL, NULL, '{sealed,controlled,prevention}', NULL, 'epi', now()) RETURNING id`,
        );
        await db.query(
          `INSERT INTO imported_risk_area (list_id, region_code, code_prefix, name_zh, name_en, region_level, level, rule_id, since, drops_at, infections)
           VALUES ($1, '440604', '440604', '禅城区', 'Chancheng', 'county', 'sealed', 'SH-2022/sealed', '2026-03-01', NULL, 3)`,
          [list.rows[0]!.id],
        );
        assert.deepEqual((await migrate(db)).applied, rest);
        const [stored] = await listImportedRiskLists(db);
        assert.deepEqual(stored?.areas.map((a) => [a.level, a.publishedLevel]), [['sealed', 'sealed']]);
      } finally {
        await db.close();
      }
    });
  });
}
