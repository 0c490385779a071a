import type { CodeColour } from '@epigrid/core';
import type { SqlClient } from '../db/sql-client.js';

/** A manual colour change awaiting (or past) its second approver. */
export interface OverrideRequestRecord {
  readonly id: number;
  readonly requestedBy: number;
  readonly requestedByName: string;
  readonly reasonCode: string;
  readonly note: string;
  readonly targetColour: CodeColour;
  readonly personIds: readonly number[];
  readonly validUntil: Date;
  readonly status: 'pending' | 'approved' | 'refused';
  readonly approvedBy: number | null;
  readonly approvedByName: string | null;
  readonly decidedAt: Date | null;
  readonly requestedAt: Date;
}

/** Input of {@link insertOverrideRequest}. */
export interface NewOverrideRequest {
  readonly requestedBy: number;
  readonly requestedByName: string;
  readonly reasonCode: string;
  readonly note: string;
  readonly targetColour: CodeColour;
  readonly personIds: readonly number[];
  readonly validUntil: Date;
  readonly requestedAt: Date;
}

const COLUMNS = `id, requested_by AS "requestedBy", requested_by_name AS "requestedByName", reason_code AS "reasonCode", note,
  target_colour AS "targetColour", person_ids AS "personIds", valid_until AS "validUntil", status, approved_by AS "approvedBy",
  approved_by_name AS "approvedByName", decided_at AS "decidedAt", requested_at AS "requestedAt"`;

const normalise = (r: OverrideRequestRecord): OverrideRequestRecord => ({ ...r, personIds: r.personIds.map(Number) });

/**
 * Stores a pending override request.
 * @param db - database
 * @param request - the request
 */
export async function insertOverrideRequest(db: SqlClient, request: NewOverrideRequest): Promise<OverrideRequestRecord> {
  const result = await db.query<OverrideRequestRecord>(
    `INSERT INTO code_override_request (requested_by, requested_by_name, reason_code, note, target_colour, person_ids, valid_until, requested_at)
     VALUES ($1, $2, $3, $4, $5, $6::bigint[], $7, $8) RETURNING ${COLUMNS}`,
    [request.requestedBy, request.requestedByName, request.reasonCode, request.note, request.targetColour, request.personIds, request.validUntil, request.requestedAt],
  );
  return normalise(result.rows[0]!);
}

/**
 * One override request, or null.
 * @param db - database
 * @param id - request id
 */
export async function getOverrideRequest(db: SqlClient, id: number): Promise<OverrideRequestRecord | null> {
  const result = await db.query<OverrideRequestRecord>(`SELECT ${COLUMNS} FROM code_override_request WHERE id = $1`, [id]);
  return result.rows[0] === undefined ? null : normalise(result.rows[0]);
}

/**
 * Records the decision on a pending request; returns false if it was no longer pending.
 * @param db - database
 * @param id - request id
 * @param decision - approved or refused, by whom, when
 */
export async function decideOverrideRequest(
  db: SqlClient,
  id: number,
  decision: { status: 'approved' | 'refused'; by: number; byName: string; at: Date },
): Promise<boolean> {
  const result = await db.query(
    `UPDATE code_override_request SET status = $2, approved_by = $3, approved_by_name = $4, decided_at = $5 WHERE id = $1 AND status = 'pending'`,
    [id, decision.status, decision.by, decision.byName, decision.at],
  );
  return result.rowCount === 1;
}

/**
 * Override requests touching at least one person in a jurisdiction, newest first.
 * @param db - database
 * @param scope - the reader's jurisdiction
 * @param status - optional status filter
 */
export async function listOverrideRequests(db: SqlClient, scope: string, status?: OverrideRequestRecord['status']): Promise<OverrideRequestRecord[]> {
  const result = await db.query<OverrideRequestRecord>(
    `SELECT ${COLUMNS} FROM code_override_request o
     WHERE ($2::text IS NULL OR o.status = $2)
       AND EXISTS (SELECT 1 FROM person p WHERE p.id = ANY(o.person_ids) AND p.region_path <@ $1::ltree)
     ORDER BY o.id DESC LIMIT 200`,
    [scope, status ?? null],
  );
  return result.rows.map(normalise);
}

/** An anomaly raised by the safeguards. */
export interface CodeAlertRecord {
  readonly id: number;
  readonly kind: string;
  readonly actorId: number | null;
  readonly actorName: string;
  readonly personIds: readonly number[];
  readonly details: Record<string, unknown>;
  readonly raisedAt: Date;
}

/**
 * Records an alert (e.g. a refused change to people with no epidemiological link).
 * @param db - database
 * @param alert - kind, who, where, which persons, details
 */
export async function insertCodeAlert(
  db: SqlClient,
  alert: { kind: string; actorId: number | null; actorName: string; regionPath: string; personIds: readonly number[]; details: Record<string, unknown>; raisedAt: Date },
): Promise<number> {
  const result = await db.query<{ id: number }>(
    `INSERT INTO code_alert (kind, actor_id, actor_name, region_path, person_ids, details, raised_at)
     VALUES ($1, $2, $3, $4::ltree, $5::bigint[], $6, $7) RETURNING id`,
    [alert.kind, alert.actorId, alert.actorName, alert.regionPath, alert.personIds, JSON.stringify(alert.details), alert.raisedAt],
  );
  return result.rows[0]!.id;
}

/**
 * Alerts raised within a jurisdiction (by actors at or under it, or above it on its people), newest first.
 * @param db - database
 * @param scope - the reader's jurisdiction
 */
export async function listCodeAlerts(db: SqlClient, scope: string): Promise<CodeAlertRecord[]> {
  const result = await db.query<CodeAlertRecord>(
    `SELECT id, kind, actor_id AS "actorId", actor_name AS "actorName", person_ids AS "personIds", details, raised_at AS "raisedAt"
     FROM code_alert WHERE region_path <@ $1::ltree OR $1::ltree <@ region_path ORDER BY id DESC LIMIT 200`,
    [scope],
  );
  return result.rows.map((r) => ({ ...r, personIds: r.personIds.map(Number) }));
}
