import type { CodeColour, EvidenceRef, HealthCodeJudgement } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';

/** A person's current code as stored. */
export interface HealthCodeRecord {
  readonly personId: number;
  readonly colour: CodeColour;
  readonly ruleSetId: string;
  readonly ruleId: string;
  readonly reasonKey: string;
  readonly evidence: readonly EvidenceRef[];
  readonly since: Date;
  readonly expiresAt: Date | null;
  readonly nextColour: CodeColour | null;
  readonly nextCondition: unknown;
  /** Set while a manual colour approved by two people holds. */
  readonly overrideUntil: Date | null;
  readonly evaluatedAt: Date;
}

/** One colour change, as written to the history (and, by the caller, to the audit log). */
export interface HealthCodeChange {
  readonly personId: number;
  readonly fromColour: CodeColour;
  readonly toColour: CodeColour;
  readonly ruleId: string;
  readonly reasonKey: string;
  readonly evidence: readonly EvidenceRef[];
  readonly cause: 'rule' | 'override' | 'appeal';
  readonly overrideRequestId: number | null;
}

const COLUMNS = `person_id AS "personId", colour, rule_set_id AS "ruleSetId", rule_id AS "ruleId", reason_key AS "reasonKey",
  evidence, since, expires_at AS "expiresAt", next_colour AS "nextColour", next_condition AS "nextCondition",
  override_until AS "overrideUntil", evaluated_at AS "evaluatedAt"`;

/**
 * The current code of one person, or null when never judged (which means green). Signed passes are
 * issued from this row.
 * @param db - database
 * @param personId - the person
 */
export async function readHealthCode(db: SqlClient, personId: number): Promise<HealthCodeRecord | null> {
  const result = await db.query<HealthCodeRecord>(`SELECT ${COLUMNS} FROM health_code WHERE person_id = $1`, [personId]);
  return result.rows[0] ?? null;
}

/**
 * The colour history of one person, newest first.
 * @param db - database
 * @param personId - the person
 * @param limit - most rows returned
 */
export async function listHealthCodeChanges(db: SqlClient, personId: number, limit = 50): Promise<Array<HealthCodeChange & { changedAt: Date }>> {
  const result = await db.query<HealthCodeChange & { changedAt: Date }>(
    `SELECT person_id AS "personId", from_colour AS "fromColour", to_colour AS "toColour", rule_id AS "ruleId", reason_key AS "reasonKey",
            evidence, cause, override_request_id AS "overrideRequestId", changed_at AS "changedAt"
     FROM health_code_change WHERE person_id = $1 ORDER BY id DESC LIMIT $2`,
    [personId, limit],
  );
  return result.rows;
}

/** A judgement to store for one person, or a manual colour. */
export interface CodeToStore {
  readonly personId: number;
  readonly judgement: HealthCodeJudgement;
  readonly cause: 'rule' | 'override' | 'appeal';
  readonly overrideRequestId?: number | null;
  readonly overrideUntil?: Date | null;
}

const toDate = (seconds: number | null): string | null => (seconds === null ? null : new Date(seconds * 1000).toISOString());

/**
 * Stores the codes of a set of persons and appends a history row for every colour change. Persons
 * under a manual colour are skipped by rule recomputes until it ends. The colour's `since` is kept
 * while the colour stays the same.
 * @param db - database
 * @param codes - the codes
 * @param at - evaluation time
 * @returns the colour changes made
 */
export async function saveHealthCodes(db: SqlClient, codes: readonly CodeToStore[], at: Date): Promise<HealthCodeChange[]> {
  if (codes.length === 0) return [];
  return db.transaction(async (tx) => {
    const current = await tx.query<{ personId: number; colour: CodeColour; since: Date; overrideUntil: Date | null }>(
      `SELECT person_id AS "personId", colour, since, override_until AS "overrideUntil" FROM health_code WHERE person_id = ANY($1::bigint[])`,
      [codes.map((c) => c.personId)],
    );
    const before = new Map(current.rows.map((r) => [r.personId, r]));
    const kept = codes.filter((c) => {
      const held = before.get(c.personId)?.overrideUntil;
      return c.cause !== 'rule' || held === null || held === undefined || new Date(held) <= at;
    });
    if (kept.length === 0) return [];
    const changes: HealthCodeChange[] = [];
    const since = kept.map((c) => {
      const prev = before.get(c.personId);
      const from = prev?.colour ?? 'green';
      if (from !== c.judgement.colour) {
        changes.push({
          personId: c.personId,
          fromColour: from,
          toColour: c.judgement.colour,
          ruleId: c.judgement.ruleId,
          reasonKey: c.judgement.reasonKey,
          evidence: c.judgement.evidence,
          cause: c.cause,
          overrideRequestId: c.overrideRequestId ?? null,
        });
        return at.toISOString();
      }
      return new Date(prev?.since ?? at).toISOString();
    });
    await tx.query(
      `INSERT INTO health_code (person_id, colour, rule_set_id, rule_id, reason_key, evidence, since, expires_at, next_colour, next_condition, override_until, evaluated_at)
       SELECT p, c, rs, r, k, e::jsonb, s, x, nc, nx::jsonb, o, $12
       FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::timestamptz[], $8::timestamptz[], $9::text[], $10::text[], $11::timestamptz[])
         AS t(p, c, rs, r, k, e, s, x, nc, nx, o)
       ON CONFLICT (person_id) DO UPDATE SET colour = EXCLUDED.colour, rule_set_id = EXCLUDED.rule_set_id, rule_id = EXCLUDED.rule_id,
         reason_key = EXCLUDED.reason_key, evidence = EXCLUDED.evidence, since = EXCLUDED.since, expires_at = EXCLUDED.expires_at,
         next_colour = EXCLUDED.next_colour, next_condition = EXCLUDED.next_condition, override_until = EXCLUDED.override_until,
         evaluated_at = EXCLUDED.evaluated_at`,
      [
        kept.map((c) => c.personId),
        kept.map((c) => c.judgement.colour),
        kept.map((c) => c.judgement.ruleSetId),
        kept.map((c) => c.judgement.ruleId),
        kept.map((c) => c.judgement.reasonKey),
        kept.map((c) => JSON.stringify(c.judgement.evidence)),
        since,
        kept.map((c) => toDate(c.judgement.expiresAt)),
        kept.map((c) => c.judgement.nextColour),
        kept.map((c) => JSON.stringify(c.judgement.nextCondition)),
        kept.map((c) => (c.overrideUntil ? c.overrideUntil.toISOString() : null)),
        at,
      ],
    );
    if (changes.length > 0) {
      await tx.query(
        `INSERT INTO health_code_change (person_id, from_colour, to_colour, rule_id, reason_key, evidence, cause, override_request_id, changed_at)
         SELECT p, f, t2, r, k, e::jsonb, c, o, $9
         FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bigint[]) AS t(p, f, t2, r, k, e, c, o)`,
        [
          changes.map((c) => c.personId),
          changes.map((c) => c.fromColour),
          changes.map((c) => c.toColour),
          changes.map((c) => c.ruleId),
          changes.map((c) => c.reasonKey),
          changes.map((c) => JSON.stringify(c.evidence)),
          changes.map((c) => c.cause),
          changes.map((c) => c.overrideRequestId),
          at,
        ],
      );
    }
    return changes;
  });
}

/**
 * Counts current codes by colour (people never judged are green and not counted).
 * @param db - database
 */
export async function countHealthCodes(db: SqlClient): Promise<Record<CodeColour, number>> {
  const result = await db.query<{ colour: CodeColour; n: number }>(`SELECT colour, count(*)::int AS n FROM health_code GROUP BY colour`);
  const counts: Record<CodeColour, number> = { green: 0, yellow: 0, red: 0 };
  for (const r of result.rows) counts[r.colour] = r.n;
  return counts;
}
