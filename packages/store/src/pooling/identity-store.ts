import type { SqlClient } from '../db/sql-client.js';

/** Keyed hashes to look up, by kind. */
export interface ExactKeys {
  readonly idHashes: readonly string[];
  readonly phoneHashes: readonly string[];
  readonly passportHashes: readonly string[];
}

/** Persons found by exact key: hash → id of the person that stands for it now (after merges). */
export interface ExactMatches {
  readonly byId: ReadonlyMap<string, number>;
  readonly byPhone: ReadonlyMap<string, number>;
  readonly byPassport: ReadonlyMap<string, number>;
}

async function lookup(db: SqlClient, column: string, hashes: readonly string[]): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  if (hashes.length === 0) return found;
  // Several people may share a phone (a family's one mobile): prefer a registered person, then the oldest.
  const result = await db.query<{ hash: string; id: number }>(
    `SELECT DISTINCT ON (${column}) ${column} AS hash, COALESCE(merged_into, id) AS id FROM person
     WHERE ${column} = ANY($1::text[]) ORDER BY ${column}, provisional, id`,
    [hashes],
  );
  for (const row of result.rows) found.set(row.hash, row.id);
  return found;
}

/**
 * Finds persons by resident ID hash, phone hash and passport hash, in three indexed queries.
 * @param db - database or transaction
 * @param keys - hashes to look up
 */
export async function findPersonsByExactKeys(db: SqlClient, keys: ExactKeys): Promise<ExactMatches> {
  return {
    byId: await lookup(db, 'id_number_hash', keys.idHashes),
    byPhone: await lookup(db, 'phone_hash', keys.phoneHashes),
    byPassport: await lookup(db, 'passport_hash', keys.passportHashes),
  };
}

/** What a record tells about a person besides exact keys, for the scored match. */
export interface FuzzyClaim {
  readonly name: string;
  readonly birthDate: string | null;
  readonly phoneTail: string | null;
}

/** A scored candidate. */
export interface Candidate {
  readonly id: number;
  readonly provisional: boolean;
  readonly score: number;
}

/**
 * Scores the persons who resemble a claim: 0.5 × trigram similarity of the name, + 0.35 when the
 * birth date is equal, + 0.15 when the phone's last four digits are equal (so 1.0 is a perfect match).
 * The filter spells out `similarity() >= 0.3` (pg_trgm's default) rather than the `%` operator: on the
 * embedded engine `%` with a name that yields no trigrams (CJK under the C locale) never returns.
 * @param db - database or transaction
 * @param claim - name, birth date and phone tail
 * @param limit - how many candidates
 */
export async function scorePersonCandidates(db: SqlClient, claim: FuzzyClaim, limit = 3): Promise<Candidate[]> {
  const result = await db.query<Candidate>(
    `SELECT id, provisional,
            (0.5 * similarity(name, $1) + CASE WHEN birth_date = $2::date THEN 0.35 ELSE 0 END
             + CASE WHEN $3::text IS NOT NULL AND phone_tail = $3 THEN 0.15 ELSE 0 END)::float8 AS score
     FROM person
     WHERE merged_into IS NULL AND (similarity(name, $1) >= 0.3 OR birth_date = $2::date)
     ORDER BY score DESC, provisional, id LIMIT $4`,
    [claim.name, claim.birthDate, claim.phoneTail, limit],
  );
  return result.rows;
}

/** A provisional person to create: what is known, protected by the caller. */
export interface NewProvisionalPerson {
  readonly name: string;
  readonly sex: 'male' | 'female' | null;
  readonly birthDate: string | null;
  readonly idHash: string | null;
  readonly idCipher: string | null;
  readonly idTail: string | null;
  readonly phoneHash: string | null;
  readonly phoneCipher: string | null;
  readonly phoneTail: string | null;
  readonly passportHash: string | null;
  readonly gridId: number;
  readonly gridPath: string;
}

/**
 * Creates provisional persons in one statement.
 * @param db - database or transaction
 * @param people - the persons
 * @returns their ids, in the same order
 */
export async function insertProvisionalPersons(db: SqlClient, people: readonly NewProvisionalPerson[]): Promise<number[]> {
  if (people.length === 0) return [];
  const col = <K extends keyof NewProvisionalPerson>(key: K): Array<NewProvisionalPerson[K]> => people.map((p) => p[key]);
  const result = await db.query<{ id: number; ord: number }>(
    `INSERT INTO person (name, sex, birth_date, id_number_hash, id_number_cipher, id_number_tail, phone_hash, phone_cipher,
       phone_tail, passport_hash, grid_id, region_path, provisional)
     SELECT name, sex, birth_date, ih, ic, it, ph, pc, pt, pp, grid, path::ltree, true
     FROM unnest($1::text[], $2::text[], $3::date[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                 $10::text[], $11::bigint[], $12::text[]) WITH ORDINALITY
       AS t(name, sex, birth_date, ih, ic, it, ph, pc, pt, pp, grid, path, ord)
     ORDER BY ord
     RETURNING id`,
    [
      col('name'),
      col('sex'),
      col('birthDate'),
      col('idHash'),
      col('idCipher'),
      col('idTail'),
      col('phoneHash'),
      col('phoneCipher'),
      col('phoneTail'),
      col('passportHash'),
      col('gridId'),
      col('gridPath'),
    ],
  );
  // Identity values are assigned in the order rows are inserted, which follows ORDER BY ord.
  return result.rows.map((r) => r.id).sort((a, b) => a - b);
}

/** A probable match to be reviewed. */
export interface NewIdentityReview {
  readonly personId: number;
  readonly candidateId: number;
  readonly score: number;
  readonly source: string;
}

/**
 * Queues probable matches for review (a pair already queued is left as is).
 * @param db - database or transaction
 * @param reviews - pairs to review
 */
export async function insertIdentityReviews(db: SqlClient, reviews: readonly NewIdentityReview[]): Promise<void> {
  if (reviews.length === 0) return;
  await db.query(
    `INSERT INTO identity_review (person_id, candidate_id, score, source)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::real[], $4::text[]) ON CONFLICT (person_id, candidate_id) DO NOTHING`,
    [reviews.map((r) => r.personId), reviews.map((r) => r.candidateId), reviews.map((r) => r.score), reviews.map((r) => r.source)],
  );
}

/** An open review item. */
export interface IdentityReview extends NewIdentityReview {
  readonly id: number;
  readonly status: 'open' | 'merged' | 'dismissed';
}

/**
 * Lists identity reviews.
 * @param db - database
 * @param status - which ones
 * @param limit - how many
 */
export async function listIdentityReviews(db: SqlClient, status: IdentityReview['status'] = 'open', limit = 100): Promise<IdentityReview[]> {
  const result = await db.query<IdentityReview>(
    `SELECT id, person_id AS "personId", candidate_id AS "candidateId", score, source, status
     FROM identity_review WHERE status = $1 ORDER BY id LIMIT $2`,
    [status, limit],
  );
  return result.rows;
}

/**
 * Serialises the creation of provisional persons across concurrent imports: takes a transaction
 * advisory lock per identity key (in sorted order, so two imports never wait on each other in a
 * cycle). After it returns, the caller looks the keys up again: a person created meanwhile by the
 * other import is committed and visible.
 * @param tx - the chunk's transaction
 * @param keys - identity keys (e.g. `i:<resident ID hash>`)
 */
export async function lockIdentityKeys(tx: SqlClient, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await tx.query(
    `SELECT count(pg_advisory_xact_lock(h)) FROM (
       SELECT DISTINCT hashtextextended('identity:' || k, 0) AS h FROM unnest($1::text[]) AS k ORDER BY 1) AS sorted`,
    [[...keys].sort()],
  );
}
