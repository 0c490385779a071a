import type { SqlClient } from '../db/sql-client.js';
import type { AdminArea } from './travel-risk.js';

/** One risk area of an imported list, as published but for its level. */
export interface ImportedRiskArea extends AdminArea {
  readonly nameZh: string;
  readonly nameEn: string;
  readonly regionLevel: string;
  /** This instance's level the area stands for: what the colour rules read. */
  readonly level: string;
  /** The level as the publisher named it. */
  readonly publishedLevel: string;
  readonly ruleId: string;
  readonly since: string;
  readonly dropsAt: string | null;
  readonly infections: number;
}

/** A publisher's list as imported: where it came from, when, and by whom. */
export interface ImportedRiskListInput {
  readonly publisher: string;
  /** The file name or URL the list was read from. */
  readonly source: string;
  readonly profileId: string | null;
  readonly unitLevel: string | null;
  /** The publisher's levels, highest first, in its own names. */
  readonly levels: readonly string[];
  readonly publishedAt: Date | null;
  readonly importedBy: string;
  readonly importedAt: Date;
  readonly areas: readonly ImportedRiskArea[];
}

/** A stored list. */
export interface ImportedRiskList extends ImportedRiskListInput {
  readonly id: number;
}

/** What storing a list did. */
export type ReplaceOutcome =
  /** Stored; `previous` is the list it replaced, if any. */
  | { readonly kind: 'stored'; readonly previous: ImportedRiskList | null }
  /** Refused: the stored list of this publisher was published later than this one. */
  | { readonly kind: 'stale'; readonly storedPublishedAt: Date };

/**
 * Stores a publisher's list of current risk areas in place of its earlier one (the areas go with
 * it), unless the stored list is newer by publication time. One transaction; the publisher's row is
 * locked so that two imports of the same publisher do not interleave.
 * @param db - database
 * @param list - the list
 */
export async function replaceImportedRiskList(db: SqlClient, list: ImportedRiskListInput): Promise<ReplaceOutcome> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('risk-list:' || $1, 0))`, [list.publisher]);
    const previous = (await readLists(tx, { publisher: list.publisher }))[0] ?? null;
    if (previous?.publishedAt != null && list.publishedAt !== null && previous.publishedAt > list.publishedAt) {
      return { kind: 'stale', storedPublishedAt: previous.publishedAt };
    }
    if (previous !== null) await tx.query('DELETE FROM imported_risk_list WHERE id = $1', [previous.id]);
    const inserted = await tx.query<{ id: number }>(
      `INSERT INTO imported_risk_list (publisher, source, profile_id, unit_level, levels, published_at, imported_by, imported_at)
       VALUES ($1, $2, $3, $4, $5::text[], $6, $7, $8) RETURNING id`,
      [list.publisher, list.source, list.profileId, list.unitLevel, list.levels, list.publishedAt?.toISOString() ?? null, list.importedBy, list.importedAt.toISOString()],
    );
    const a = list.areas;
    await tx.query(
      `INSERT INTO imported_risk_area (list_id, region_code, code_prefix, name_zh, name_en, region_level, level, published_level, rule_id, since, drops_at, infections)
       SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::date[], $11::date[], $12::int[])`,
      [
        inserted.rows[0]!.id,
        a.map((x) => x.regionCode),
        a.map((x) => x.codePrefix),
        a.map((x) => x.nameZh),
        a.map((x) => x.nameEn),
        a.map((x) => x.regionLevel),
        a.map((x) => x.level),
        a.map((x) => x.publishedLevel),
        a.map((x) => x.ruleId),
        a.map((x) => x.since),
        a.map((x) => x.dropsAt),
        a.map((x) => x.infections),
      ],
    );
    return { kind: 'stored', previous };
  });
}

interface ListRow {
  id: number;
  publisher: string;
  source: string;
  profileId: string | null;
  unitLevel: string | null;
  levels: string[];
  publishedAt: Date | string | null;
  importedBy: string;
  importedAt: Date | string;
}

interface AreaRow extends Omit<ImportedRiskArea, 'infections'> {
  listId: number;
  infections: number;
}

async function readLists(db: SqlClient, only: { publisher?: string; id?: number }): Promise<ImportedRiskList[]> {
  const lists = await db.query<ListRow>(
    `SELECT id, publisher, source, profile_id AS "profileId", unit_level AS "unitLevel", levels, published_at AS "publishedAt",
            imported_by AS "importedBy", imported_at AS "importedAt"
     FROM imported_risk_list WHERE ($1::text IS NULL OR publisher = $1) AND ($2::bigint IS NULL OR id = $2) ORDER BY publisher`,
    [only.publisher ?? null, only.id ?? null],
  );
  if (lists.rows.length === 0) return [];
  const areas = await db.query<AreaRow>(
    `SELECT list_id AS "listId", region_code AS "regionCode", code_prefix AS "codePrefix", name_zh AS "nameZh", name_en AS "nameEn",
            region_level AS "regionLevel", level, published_level AS "publishedLevel", rule_id AS "ruleId", since::text AS since, drops_at::text AS "dropsAt", infections
     FROM imported_risk_area WHERE list_id = ANY($1::bigint[]) ORDER BY list_id, region_code`,
    [lists.rows.map((l) => l.id)],
  );
  return lists.rows.map((l) => ({
    ...l,
    id: Number(l.id),
    publishedAt: l.publishedAt === null ? null : new Date(l.publishedAt),
    importedAt: new Date(l.importedAt),
    areas: areas.rows.filter((a) => Number(a.listId) === Number(l.id)).map(({ listId: _listId, ...area }) => area),
  }));
}

/**
 * Every imported list with its areas, by publisher (public data: areas and counts, no person).
 * @param db - database
 */
export async function listImportedRiskLists(db: SqlClient): Promise<ImportedRiskList[]> {
  return readLists(db, {});
}

/**
 * One imported list with its areas, or null when there is none of this id.
 * @param db - database
 * @param id - the list's id
 */
export async function findImportedRiskList(db: SqlClient, id: number): Promise<ImportedRiskList | null> {
  return (await readLists(db, { id }))[0] ?? null;
}

/** A stored list's levels before and after {@link remapImportedRiskList}. */
export interface RemappedRiskList {
  readonly before: ImportedRiskList;
  readonly after: ImportedRiskList;
}

/**
 * Rewrites this instance's level of every area of one stored list, the publisher's level names
 * kept. One transaction, under the publisher's lock that imports take too, so the mapping is
 * computed from the list as stored and an import cannot replace it in between.
 * @param db - database
 * @param id - the list's id
 * @param levelsOf - from the stored list, each publisher's level name → this instance's level, or
 *   null for an area that now falls to the background level and is left out, as an import leaves it
 *   out; may throw to refuse, and nothing is changed
 * @returns the list before and after, or null when there is no list of this id
 */
export async function remapImportedRiskList(
  db: SqlClient,
  id: number,
  levelsOf: (list: ImportedRiskList) => ReadonlyMap<string, string | null>,
): Promise<RemappedRiskList | null> {
  return db.transaction(async (tx) => {
    const found = await tx.query<{ publisher: string }>('SELECT publisher FROM imported_risk_list WHERE id = $1', [id]);
    const publisher = found.rows[0]?.publisher;
    if (publisher === undefined) return null;
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('risk-list:' || $1, 0))`, [publisher]);
    const before = (await readLists(tx, { id }))[0];
    if (before === undefined) return null;
    const levels = [...levelsOf(before)];
    const kept = levels.filter((entry): entry is [string, string] => entry[1] !== null);
    await tx.query(
      `UPDATE imported_risk_area a SET level = m.level
       FROM unnest($2::text[], $3::text[]) AS m(published, level)
       WHERE a.list_id = $1 AND a.published_level = m.published`,
      [id, kept.map(([published]) => published), kept.map(([, level]) => level)],
    );
    const dropped = levels.filter(([, level]) => level === null).map(([published]) => published);
    if (dropped.length > 0) await tx.query('DELETE FROM imported_risk_area WHERE list_id = $1 AND published_level = ANY($2::text[])', [id, dropped]);
    const after = (await readLists(tx, { id }))[0]!;
    return { before, after };
  });
}
