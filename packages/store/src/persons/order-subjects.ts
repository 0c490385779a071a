import { maskResidentId, type IdentifierVisibility } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';
import type { IdentifierVault } from '../protect/identifier-vault.js';

/** What a quarantine order says about its subject. */
export interface OrderSubject {
  readonly personId: number;
  readonly name: string;
  /** In clear only when the visibility allows; masked otherwise. */
  readonly residentId: string;
  readonly address: string | null;
  readonly regionPath: string;
  /** The management plan of the person's latest close or sub-close contact listing, if any. */
  readonly plan: { readonly centralisedUntil: string | null; readonly endDate: string | null } | null;
}

/** Result of {@link readOrderSubjects}: the subjects found in scope, and the ids that are not. */
export interface OrderSubjects {
  readonly found: readonly OrderSubject[];
  readonly outside: readonly number[];
  readonly missing: readonly number[];
}

interface SubjectRow {
  personId: number;
  name: string;
  idCipher: string | null;
  idTail: string | null;
  address: string | null;
  regionPath: string;
  within: boolean;
  plan: { centralisedUntil?: string | null; endDate?: string | null } | null;
}

/**
 * Reads the people quarantine orders are printed for, applying the reader's jurisdiction in SQL.
 * Provisional and merged-away persons are not registry entries and count as missing.
 * @param db - database
 * @param vault - decrypts resident IDs when the visibility allows
 * @param scope - the reader's jurisdiction path
 * @param personIds - the people, in print order
 * @param visibility - which identifiers the reader may see in clear
 */
export async function readOrderSubjects(
  db: SqlClient,
  vault: IdentifierVault,
  scope: string,
  personIds: readonly number[],
  visibility: IdentifierVisibility,
): Promise<OrderSubjects> {
  const result = await db.query<SubjectRow>(
    `SELECT p.id AS "personId", p.name, p.id_number_cipher AS "idCipher", p.id_number_tail AS "idTail", h.address,
            p.region_path::text AS "regionPath", (p.region_path <@ $2::ltree) AS within,
            (SELECT tc.management FROM traced_contact tc
              WHERE tc.person_id = p.id AND tc.kind IN ('close', 'sub-close') AND tc.management IS NOT NULL
              ORDER BY tc.last_exposure DESC LIMIT 1) AS plan
     FROM person p LEFT JOIN household h ON h.id = p.household_id
     WHERE p.id = ANY($1::bigint[]) AND NOT p.provisional AND p.merged_into IS NULL`,
    [personIds, scope],
  );
  const byId = new Map(result.rows.map((r) => [Number(r.personId), r]));
  const found: OrderSubject[] = [];
  const outside: number[] = [];
  const missing: number[] = [];
  for (const id of personIds) {
    const row = byId.get(id);
    if (row === undefined) missing.push(id);
    else if (!row.within) outside.push(id);
    else {
      const residentId =
        row.idCipher === null || row.idTail === null ? '' : visibility.residentId ? vault.decrypt(row.idCipher) : maskResidentId(row.idTail);
      found.push({
        personId: id,
        name: row.name,
        residentId,
        address: row.address,
        regionPath: row.regionPath,
        plan: row.plan === null ? null : { centralisedUntil: row.plan.centralisedUntil ?? null, endDate: row.plan.endDate ?? null },
      });
    }
  }
  return { found, outside, missing };
}

/**
 * Names of the region that issues an order (the reader's own node).
 * @param db - database
 * @param regionId - the region
 */
export async function readIssuerNames(db: SqlClient, regionId: number): Promise<{ nameZh: string; nameEn: string } | null> {
  const result = await db.query<{ nameZh: string; nameEn: string }>('SELECT name_zh AS "nameZh", name_en AS "nameEn" FROM region WHERE id = $1', [regionId]);
  return result.rows[0] ?? null;
}
