import type { HouseholdMember, IdentifierVisibility, PersonRecord, PersonSummary } from '@epigrid/core';
import { maskPhone, maskResidentId } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import type { IdentifierVault } from '../protect/identifier-vault.js';
import type { Scoped } from '../regions/region-directory.js';
import { classifyPersonQuery } from './person-query.js';

/** Search parameters; the jurisdiction is not among them — it is always applied. */
export interface PersonSearch {
  /** Start of a name (family name first), full ID number, 4 last ID characters, or phone. */
  readonly q?: string | undefined;
  /** Narrow to a region node (it must itself be inside the jurisdiction to match anything). */
  readonly regionId?: number | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Counting stops here: beyond it a search is too broad to page through, and an exact count is costly. */
export const SEARCH_COUNT_CAP = 1000;

/** A page of search results. */
export interface PersonPage {
  readonly items: PersonSummary[];
  /** Number of matches, capped at {@link SEARCH_COUNT_CAP}. */
  readonly total: number;
  /** False when there are more than {@link SEARCH_COUNT_CAP} matches. */
  readonly totalExact: boolean;
}

/** A person with their household. */
export interface PersonWithHousehold extends PersonRecord {
  readonly householdMembers: HouseholdMember[];
}

/**
 * The only way into the person registry. Every method takes the reader's jurisdiction (an ltree
 * path) and applies it in SQL, so no caller can forget it; identifiers leave decrypted only when the
 * given visibility allows, and masked otherwise.
 */
export interface PersonDirectory {
  /**
   * Searches people at or under the jurisdiction.
   * @param scope - jurisdiction root path
   * @param search - text, region and paging
   */
  search(scope: string, search: PersonSearch): Promise<PersonPage>;
  /**
   * Reads one person, or tells that they lie outside the jurisdiction or do not exist.
   * @param scope - jurisdiction root path
   * @param id - person id
   * @param visibility - which identifiers may be returned in clear
   */
  get(scope: string, id: number, visibility: IdentifierVisibility): Promise<Scoped<PersonWithHousehold>>;
}

interface PersonRow {
  id: number;
  name: string;
  sex: 'male' | 'female';
  birthDate: string;
  idCipher: string;
  idTail: string;
  phoneCipher: string | null;
  phoneTail: string | null;
  householdId: number | null;
  address: string | null;
  gridId: number;
  gridName: string;
  regionPath: string;
  workplaceId: number | null;
  workplaceName: string | null;
  schoolId: number | null;
  schoolName: string | null;
  occupation: string | null;
  within: boolean;
}

/**
 * Creates the person directory over a database.
 * @param db - database
 * @param vault - identifier vault for hashing search input and decrypting permitted reads
 */
export function createPersonDirectory(db: SqlClient, vault: IdentifierVault): PersonDirectory {
  return {
    async search(scope: string, search: PersonSearch): Promise<PersonPage> {
      const match = classifyPersonQuery(search.q, vault);
      const params: unknown[] = [scope];
      // Provisional persons (known only from a record, awaiting identity review) and persons merged
      // into another are not registry entries: they are reached through the review queue, not here.
      const where = ['p.region_path <@ $1::ltree', 'NOT p.provisional', 'p.merged_into IS NULL'];
      if (search.regionId !== undefined) {
        params.push(search.regionId);
        where.push(`p.region_path <@ (SELECT path FROM region WHERE id = $${params.length})`);
      }
      if (match.kind === 'resident_id') {
        params.push(match.hash);
        where.push(`p.id_number_hash = $${params.length}`);
      } else if (match.kind === 'phone') {
        params.push(match.hash);
        where.push(`p.phone_hash = $${params.length}`);
      } else if (match.kind === 'id_tail') {
        params.push(match.tail);
        where.push(`p.id_number_tail = $${params.length}`);
      } else if (match.kind === 'name') {
        params.push(`${match.text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        where.push(`(p.name COLLATE "C") LIKE $${params.length}`);
      }
      const filter = where.join(' AND ');
      const total = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT 1 FROM person p WHERE ${filter} LIMIT ${SEARCH_COUNT_CAP + 1}) capped`,
        params,
      );
      const rows = await db.query<{
        id: number;
        name: string;
        sex: 'male' | 'female';
        birthDate: string;
        idTail: string;
        gridId: number;
        gridName: string;
      }>(
        `SELECT p.id, p.name, p.sex, p.birth_date AS "birthDate", p.id_number_tail AS "idTail",
                p.grid_id AS "gridId", g.name_zh AS "gridName"
         FROM person p JOIN region g ON g.id = p.grid_id
         WHERE ${filter} ORDER BY (p.name COLLATE "C"), p.id LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, search.limit, search.offset],
      );
      const counted = total.rows[0]?.n ?? 0;
      return {
        total: Math.min(counted, SEARCH_COUNT_CAP),
        totalExact: counted <= SEARCH_COUNT_CAP,
        items: rows.rows.map((r) => ({
          id: r.id,
          name: r.name,
          sex: r.sex,
          birthDate: r.birthDate,
          residentIdMasked: maskResidentId(r.idTail),
          gridId: r.gridId,
          gridName: r.gridName,
        })),
      };
    },

    async get(scope: string, id: number, visibility: IdentifierVisibility): Promise<Scoped<PersonWithHousehold>> {
      const result = await db.query<PersonRow>(
        `SELECT p.id, p.name, p.sex, p.birth_date AS "birthDate", p.id_number_cipher AS "idCipher",
                p.id_number_tail AS "idTail", p.phone_cipher AS "phoneCipher", p.phone_tail AS "phoneTail",
                p.household_id AS "householdId", h.address, p.grid_id AS "gridId", g.name_zh AS "gridName",
                p.region_path::text AS "regionPath", p.workplace_id AS "workplaceId", w.name AS "workplaceName",
                p.school_id AS "schoolId", s.name AS "schoolName", p.occupation,
                (p.region_path <@ $2::ltree) AS within
         FROM person p
         JOIN region g ON g.id = p.grid_id
         LEFT JOIN household h ON h.id = p.household_id
         LEFT JOIN place w ON w.id = p.workplace_id
         LEFT JOIN place s ON s.id = p.school_id
         WHERE p.id = $1 AND NOT p.provisional AND p.merged_into IS NULL`,
        [id, scope],
      );
      const row = result.rows[0];
      if (row === undefined) return { kind: 'missing' };
      if (!row.within) return { kind: 'outside', path: row.regionPath };
      const members =
        row.householdId === null
          ? []
          : (
              await db.query<HouseholdMember>(
                `SELECT id, name, sex, birth_date AS "birthDate" FROM person
                 WHERE household_id = $1 AND id <> $2 AND region_path <@ $3::ltree ORDER BY birth_date`,
                [row.householdId, row.id, scope],
              )
            ).rows;
      const residentId = visibility.residentId ? vault.decrypt(row.idCipher) : maskResidentId(row.idTail);
      const phone =
        row.phoneCipher === null || row.phoneTail === null
          ? null
          : visibility.phone
            ? vault.decrypt(row.phoneCipher)
            : maskPhone(row.phoneTail);
      return {
        kind: 'found',
        value: {
          id: row.id,
          name: row.name,
          sex: row.sex,
          birthDate: row.birthDate,
          residentId,
          residentIdMasked: !visibility.residentId,
          phone,
          phoneMasked: phone !== null && !visibility.phone,
          householdId: row.householdId,
          address: row.address,
          gridId: row.gridId,
          gridName: row.gridName,
          regionPath: row.regionPath,
          workplaceId: row.workplaceId,
          workplaceName: row.workplaceName,
          schoolId: row.schoolId,
          schoolName: row.schoolName,
          occupation: row.occupation,
          householdMembers: members,
        },
      };
    },
  };
}
