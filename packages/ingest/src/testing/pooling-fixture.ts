import { randomBytes } from 'node:crypto';
import { buildResidentId } from '@epigrid/core';
import { createAuditHasher, createIdentifierVault, insertRegion, registerPerson, type SqlClient } from '@epigrid/store';
import type { ImportEnv } from '../load/run-import.js';

/** A registered person of the fixture, with clear identifiers for building rows. */
export interface FixtureResident {
  readonly id: number;
  readonly name: string;
  readonly residentId: string;
  readonly phone: string;
  readonly birthDate: string;
}

/** A small world to import into: a grid, a venue, registered residents. */
export interface PoolingFixture {
  readonly env: ImportEnv;
  readonly gridCode: string;
  readonly townCode: string;
  readonly venueCode: string;
  readonly residents: readonly FixtureResident[];
}

/**
 * Builds the fixture with unique codes (several may share one database).
 * @param db - migrated database
 * @param people - how many registered residents
 */
export async function buildPoolingFixture(db: SqlClient, people = 4): Promise<PoolingFixture> {
  const secret = 'c3'.repeat(32);
  const vault = createIdentifierVault(secret);
  const tag = randomBytes(3).toString('hex');
  const province = await insertRegion(db, { code: `${tag}-P`, parentId: null, level: 'province', nameZh: '省', nameEn: 'Province' });
  const town = await insertRegion(db, { code: `${tag}-T`, parentId: province.id, level: 'town', nameZh: '镇', nameEn: 'Town' });
  const grid = await insertRegion(db, { code: `${tag}-G`, parentId: town.id, level: 'grid', nameZh: '网格', nameEn: 'Grid' });
  const venueCode = `PC-${tag}-000001`;
  await db.query(
    `INSERT INTO place (kind, category, name, place_code, region_id, region_path, lat, lng) VALUES ('venue', 'shop', 'Shop', $1, $2, $3::ltree, 30, 120)`,
    [venueCode, grid.id, grid.path],
  );
  const names = ['张伟', '王芳', '李娜', '刘洋', '陈静', '杨磊', '赵敏', '黄勇'];
  const residents: FixtureResident[] = [];
  const serial = Number.parseInt(tag, 16);
  for (let i = 0; i < people; i++) {
    const birthDate = `${1950 + (i % 50)}-0${1 + (i % 9)}-1${i % 10}`;
    const residentId = buildResidentId('990101', birthDate, (serial + i * 2) % 1000);
    const phone = `139${String(serial * 31 + i).padStart(8, '0').slice(-8)}`;
    const name = names[i % names.length]!;
    const sequence = Number(residentId.slice(14, 17));
    const id = await registerPerson(
      db,
      vault,
      { name, sex: sequence % 2 === 1 ? 'male' : 'female', birthDate, residentId, phone, householdId: null, gridId: grid.id, workplaceId: null, schoolId: null, occupation: null },
      '2026-01-01',
    );
    residents.push({ id, name, residentId, phone, birthDate });
  }
  return {
    env: { db, vault, auditHasher: createAuditHasher(secret), today: '2026-03-20', chunkSize: 3 },
    gridCode: `${tag}-G`,
    townCode: `${tag}-T`,
    venueCode,
    residents,
  };
}

/**
 * Bytes of a CSV built from a header and rows, as a one-chunk async iterable.
 * @param header - column names
 * @param rows - cells per row
 */
export async function* csvBytes(header: readonly string[], rows: ReadonlyArray<readonly string[]>): AsyncGenerator<Uint8Array> {
  yield Buffer.from([header.join(','), ...rows.map((r) => r.join(','))].join('\n') + '\n');
}
