/**
 * Writes the people of a city. Resident ID numbers and phone numbers never reach the database in
 * clear: each is stored as a keyed hash (for matching), an AES-GCM ciphertext and its last four
 * characters, using the identifier vault of the deployment's secret.
 */
import { createIdentifierVault } from '@epigrid/store';
import type { SqlClient } from '@epigrid/store';
import { bulkInsert } from './bulk.js';
import type { ProgressListener } from './bulk.js';
import { occupations } from './model.js';
import type { City } from './model.js';

const PERSON_SQL = `INSERT INTO person (name, sex, birth_date, id_number_hash, id_number_cipher, id_number_tail,
    phone_hash, phone_cipher, phone_tail, household_id, grid_id, region_path, workplace_id, school_id, occupation)
  SELECT name, sex, birth_date::date, id_hash, id_cipher, id_tail, phone_hash, phone_cipher, phone_tail,
    household_id, grid_id, region_path::ltree, workplace_id, school_id, occupation
  FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
    $10::int8[], $11::int8[], $12::text[], $13::int8[], $14::int8[], $15::text[])
    AS t(name, sex, birth_date, id_hash, id_cipher, id_tail, phone_hash, phone_cipher, phone_tail,
      household_id, grid_id, region_path, workplace_id, school_id, occupation)`;

/** Database ids of what has been written so far, by city index. */
export interface LoadedIds {
  readonly region: Float64Array;
  readonly place: Float64Array;
  readonly household: Float64Array;
}

/** Options of {@link loadPeople}. */
export interface LoadPeopleOptions {
  readonly secret: string;
  readonly batchSize: number;
  readonly onProgress?: ProgressListener | undefined;
}

/**
 * Inserts every person of the city.
 * @param db - database, inside the loading transaction
 * @param city - the city
 * @param ids - database ids of the regions, places and households already written
 * @param options - vault secret, batch size, progress listener
 * @returns database ids of the people who hold grid worker accounts, by person index
 */
export async function loadPeople(db: SqlClient, city: City, ids: LoadedIds, options: LoadPeopleOptions): Promise<Map<number, number>> {
  const vault = createIdentifierVault(options.secret);
  const p = city.people;
  const paths = city.regions.map((region) => region.path);
  await bulkInsert(db, {
    stage: 'people',
    sql: PERSON_SQL,
    total: p.count,
    batchSize: options.batchSize,
    onProgress: options.onProgress,
    params: (start, end) => {
      const columns: unknown[][] = Array.from({ length: 15 }, () => new Array<unknown>(end - start));
      for (let i = start; i < end; i++) {
        const k = i - start;
        const idNumber = p.idNumber[i]!;
        const phone = p.phone[i]!;
        const grid = p.grid[i]!;
        const workplace = p.workplace[i]!;
        const school = p.school[i]!;
        columns[0]![k] = p.name[i];
        columns[1]![k] = p.sex[i] === 1 ? 'female' : 'male';
        columns[2]![k] = p.birthDate[i];
        columns[3]![k] = vault.hash(idNumber);
        columns[4]![k] = vault.encrypt(idNumber);
        columns[5]![k] = idNumber.slice(-4);
        columns[6]![k] = phone === null ? null : vault.hash(phone);
        columns[7]![k] = phone === null ? null : vault.encrypt(phone);
        columns[8]![k] = phone === null ? null : phone.slice(-4);
        columns[9]![k] = ids.household[p.household[i]!];
        columns[10]![k] = ids.region[grid];
        columns[11]![k] = paths[grid];
        columns[12]![k] = workplace < 0 ? null : ids.place[workplace];
        columns[13]![k] = school < 0 ? null : ids.place[school];
        columns[14]![k] = occupations[p.occupation[i]!];
      }
      return columns;
    },
  });

  const holders = city.gridWorkers.filter((w) => w.person >= 0).map((w) => w.person);
  const hashes = holders.map((person) => vault.hash(p.idNumber[person]!));
  const found = await db.query<{ id: number; hash: string }>(
    'SELECT id, id_number_hash AS hash FROM person WHERE id_number_hash = ANY($1::text[])',
    [hashes],
  );
  const idByHash = new Map(found.rows.map((row) => [row.hash, Number(row.id)]));
  const personIds = new Map<number, number>();
  holders.forEach((person, k) => {
    const id = idByHash.get(hashes[k]!);
    if (id !== undefined) personIds.set(person, id);
  });
  return personIds;
}
