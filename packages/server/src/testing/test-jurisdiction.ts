import { randomBytes } from 'node:crypto';
import { buildResidentId, type Role } from '@epigrid/core';
import { createUser, insertRegion, registerPerson, type IdentifierVault, type SqlClient } from '@epigrid/store';

/** A person placed by the fixture, with the clear identifiers the test may look for. */
export interface FixturePerson {
  readonly id: number;
  readonly name: string;
  readonly residentId: string;
  readonly phone: string;
  readonly gridCode: string;
}

/** A user created by the fixture, with their password. */
export interface FixtureUser {
  readonly username: string;
  readonly password: string;
  readonly role: Role;
  /** Codes of the grids inside this user's jurisdiction. */
  readonly gridCodes: readonly string[];
}

/** The fixture: a small region tree of its own, two people per grid, users at several levels. */
export interface TestJurisdiction {
  readonly people: readonly FixturePerson[];
  readonly users: Readonly<Record<'county' | 'town' | 'grid' | 'epi' | 'lab' | 'facility' | 'auditor' | 'otherCounty', FixtureUser>>;
  readonly regionIds: Readonly<Record<string, number>>;
}

const PASSWORD = 'fixture-password';

/**
 * Builds an isolated jurisdiction with unique codes, so many tests can share one database:
 * province → city → counties A, B → towns A1, A2, B1 → one community each → two grids each.
 * @param db - migrated database
 * @param vault - identifier vault of the services under test
 */
export async function buildTestJurisdiction(db: SqlClient, vault: IdentifierVault): Promise<TestJurisdiction> {
  const tag = randomBytes(3).toString('hex');
  const ids: Record<string, number> = {};
  const add = async (key: string, parent: string | null, level: string): Promise<void> => {
    const region = await insertRegion(db, {
      code: `${tag}-${key}`,
      parentId: parent === null ? null : ids[parent]!,
      level,
      nameZh: `测试${key}`,
      nameEn: `Test ${key}`,
    });
    ids[key] = region.id;
  };
  await add('P', null, 'province');
  await add('C', 'P', 'city');
  for (const county of ['A', 'B']) {
    await add(county, 'C', 'county');
    for (const town of county === 'A' ? ['A1', 'A2'] : ['B1']) {
      await add(town, county, 'town');
      await add(`${town}c`, town, 'community');
      for (const grid of ['g1', 'g2']) await add(`${town}${grid}`, `${town}c`, 'grid');
    }
  }
  const grids = Object.keys(ids).filter((k) => /g\d$/.test(k));
  const people: FixturePerson[] = [];
  let serial = Number.parseInt(tag, 16) % 900;
  for (const grid of grids) {
    for (let i = 0; i < 2; i++) {
      serial++;
      const birthDate = `19${70 + (serial % 30)}-0${1 + (serial % 9)}-1${serial % 10}`;
      const residentId = buildResidentId('990199', birthDate, serial % 1000);
      const phone = `199${String(serial * 7919 + Number.parseInt(tag, 16)).padStart(8, '0').slice(-8)}`;
      const name = `测${grid}${i}`;
      const id = await registerPerson(
        db,
        vault,
        {
          name,
          sex: (serial % 1000) % 2 === 1 ? 'male' : 'female',
          birthDate,
          residentId,
          phone,
          householdId: null,
          gridId: ids[grid]!,
          workplaceId: null,
          schoolId: null,
          occupation: null,
        },
        '2026-01-01',
      );
      people.push({ id, name, residentId, phone, gridCode: grid });
    }
  }
  const user = async (key: string, role: Role, regionKey: string): Promise<FixtureUser> => {
    const username = `${key.toLowerCase()}-${tag}`;
    await createUser(db, { username, displayName: username, password: PASSWORD, role, regionId: ids[regionKey]! });
    return { username, password: PASSWORD, role, gridCodes: grids.filter((g) => g.startsWith(regionKey) || regionKey === 'C') };
  };
  return {
    people,
    regionIds: ids,
    users: {
      county: await user('county', 'command_centre', 'A'),
      town: await user('town', 'command_centre', 'A1'),
      grid: await user('grid', 'grid_worker', 'A1g1'),
      epi: await user('epi', 'epidemiologist', 'C'),
      lab: await user('lab', 'lab', 'C'),
      facility: await user('facility', 'facility_manager', 'C'),
      auditor: await user('auditor', 'auditor', 'C'),
      otherCounty: await user('other', 'command_centre', 'B'),
    },
  };
}
