import { DomainError, maskPhone, maskResidentId, type ChainHasher } from '@epigrid/core';
import { appendAudit } from '../audit/audit-log.js';
import type { SqlClient } from '../db/sql-client.js';
import { mergePersons, type MergeActor, type MergeResult } from './person-merge.js';

/** One side of a review, as a reviewer sees it: identifiers masked to their last four characters. */
export interface ReviewedPerson {
  readonly id: number;
  readonly name: string;
  readonly sex: 'male' | 'female' | null;
  readonly birthDate: string | null;
  readonly residentIdMasked: string | null;
  readonly phoneMasked: string | null;
  readonly provisional: boolean;
  readonly regionPath: string;
}

/** An open review with both candidates side by side. */
export interface ReviewPair {
  readonly id: number;
  readonly score: number;
  readonly source: string;
  readonly status: 'open' | 'merged' | 'dismissed';
  readonly createdAt: string;
  /** The person the records were linked to (usually provisional). */
  readonly person: ReviewedPerson;
  /** The registered person they probably are. */
  readonly candidate: ReviewedPerson;
}

const side = (alias: string): string =>
  `json_build_object('id', ${alias}.id, 'name', ${alias}.name, 'sex', ${alias}.sex, 'birthDate', ${alias}.birth_date::text,
     'idTail', ${alias}.id_number_tail, 'phoneTail', ${alias}.phone_tail, 'provisional', ${alias}.provisional, 'regionPath', ${alias}.region_path::text)`;

type RawSide = Omit<ReviewedPerson, 'residentIdMasked' | 'phoneMasked'> & { idTail: string | null; phoneTail: string | null };

function present(raw: RawSide): ReviewedPerson {
  const { idTail, phoneTail, ...rest } = raw;
  return { ...rest, residentIdMasked: idTail === null ? null : maskResidentId(idTail), phoneMasked: phoneTail === null ? null : maskPhone(phoneTail) };
}

const SELECT = `SELECT r.id, r.score, r.source, r.status, r.created_at::text AS "createdAt", ${side('p')} AS person, ${side('c')} AS candidate
  FROM identity_review r JOIN person p ON p.id = r.person_id JOIN person c ON c.id = r.candidate_id`;

async function select(db: SqlClient, where: string, params: unknown[]): Promise<ReviewPair[]> {
  const result = await db.query<Omit<ReviewPair, 'person' | 'candidate'> & { person: RawSide; candidate: RawSide }>(`${SELECT} WHERE ${where}`, params);
  return result.rows.map((r) => ({ ...r, person: present(r.person), candidate: present(r.candidate) }));
}

/**
 * Open reviews whose candidate (the registered person) lives within a jurisdiction, oldest first.
 * Provisional persons wait in the unassigned region, so the candidate decides who may review.
 * @param db - database
 * @param scope - the reader's region path
 * @param limit - how many
 * @param afterId - continue after this review id
 */
export async function listReviewPairs(db: SqlClient, scope: string, limit = 50, afterId = 0): Promise<ReviewPair[]> {
  return select(db, `r.status = 'open' AND c.region_path <@ $1::ltree AND r.id > $2 ORDER BY r.id LIMIT $3`, [scope, afterId, limit]);
}

/**
 * One review, whatever its status.
 * @param db - database
 * @param id - review id
 */
export async function getReviewPair(db: SqlClient, id: number): Promise<ReviewPair | null> {
  return (await select(db, 'r.id = $1', [id]))[0] ?? null;
}

/** A reviewer's decision: the records are the candidate's (`link`), or someone else's (`new`). */
export type ReviewDecision = 'link' | 'new';

/** What a decision did. */
export interface DecisionResult {
  readonly status: 'merged' | 'dismissed';
  /** The merge made by `link` (undo it with undoMerge). */
  readonly merge: MergeResult | null;
}

/**
 * Decides an open review: `link` merges the person into the candidate (reversible, audited as
 * `person.merge`); `new` keeps them apart and closes the review (audited as `identity.review.new`).
 * @param db - database
 * @param id - review id
 * @param decision - link or new
 * @param by - the reviewer
 * @param hasher - audit chain hasher
 * @throws DomainError not_found, conflict (already decided)
 */
export async function decideReview(db: SqlClient, id: number, decision: ReviewDecision, by: MergeActor, hasher: ChainHasher): Promise<DecisionResult> {
  const review = await getReviewPair(db, id);
  if (review === null) throw new DomainError('not_found', { reviewId: id });
  if (review.status !== 'open') throw new DomainError('conflict', { reviewId: id, reason: `this review was already decided (${review.status})` });
  if (decision === 'link') return { status: 'merged', merge: await mergePersons(db, review.person.id, review.candidate.id, by, hasher) };
  await db.transaction(async (tx) => {
    const closed = await tx.query(`UPDATE identity_review SET status = 'dismissed' WHERE id = $1 AND status = 'open'`, [id]);
    if (closed.rowCount === 0) throw new DomainError('conflict', { reviewId: id, reason: 'this review was decided meanwhile' });
    await appendAudit(
      tx,
      {
        ...by,
        action: 'identity.review.new',
        purpose: 'system',
        subject: `person:${review.candidate.id}`,
        outcome: 'allowed',
        details: { reviewId: id, personId: review.person.id, candidateId: review.candidate.id },
      },
      hasher,
    );
  });
  return { status: 'dismissed', merge: null };
}

/**
 * The persons of a merge, with their region paths, for jurisdiction checks before an undo.
 * @param db - database
 * @param mergeId - the merge
 */
export async function getMergeParties(db: SqlClient, mergeId: number): Promise<{ fromId: number; intoId: number; intoPath: string } | null> {
  const result = await db.query<{ fromId: number; intoId: number; intoPath: string }>(
    `SELECT m.from_person_id AS "fromId", m.into_person_id AS "intoId", p.region_path::text AS "intoPath"
     FROM person_merge m JOIN person p ON p.id = m.into_person_id WHERE m.id = $1`,
    [mergeId],
  );
  return result.rows[0] ?? null;
}

/**
 * Region path and provisional flag of persons, for jurisdiction checks before a merge.
 * @param db - database
 * @param ids - person ids
 */
export async function personPlaces(db: SqlClient, ids: readonly number[]): Promise<Map<number, { regionPath: string; provisional: boolean }>> {
  const result = await db.query<{ id: number; regionPath: string; provisional: boolean }>(
    'SELECT id, region_path::text AS "regionPath", provisional FROM person WHERE id = ANY($1::bigint[])',
    [ids],
  );
  return new Map(result.rows.map((r) => [r.id, { regionPath: r.regionPath, provisional: r.provisional }]));
}
