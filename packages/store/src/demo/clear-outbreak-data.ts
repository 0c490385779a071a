import type { SqlClient } from '../db/sql-client.js';

/**
 * Tables filled by ingestion and tracing, children before parents. The registry (regions, places,
 * households, registered people), users and the audit log are kept.
 */
const OUTBREAK_TABLES = [
  'code_appeal',
  'code_alert',
  'code_override_request',
  'health_code_change',
  'health_code',
  'risk_area_level_history',
  'risk_area_level',
  'judgment_watermark',
  'task_notice',
  'person_state',
  'task_outcome',
  'task',
  'task_route_cursor',
  'task_round_check',
  'investigator_contact',
  'traced_contact',
  'case_trace',
  'case_report_history',
  'case_report',
  'lab_result',
  'vaccination',
  'check_in',
  'telecom_presence',
  'transport_ticket',
  'identity_review',
  'person_merge_move',
  'person_merge',
  'dead_letter',
  'import_batch',
] as const;

/**
 * Resets a demo database to its freshly created city: deletes everything ingested and traced since,
 * and the provisional persons ingestion created. Used by the demo's reset; never by a real deployment.
 * @param db - database
 * @returns rows deleted per table
 */
export async function clearOutbreakData(db: SqlClient): Promise<Record<string, number>> {
  return db.transaction(async (tx) => {
    const deleted: Record<string, number> = {};
    for (const table of OUTBREAK_TABLES) deleted[table] = (await tx.query(`DELETE FROM ${table}`)).rowCount;
    await tx.query('UPDATE person SET merged_into = NULL WHERE merged_into IS NOT NULL');
    deleted.person = (await tx.query('DELETE FROM person WHERE provisional')).rowCount;
    return deleted;
  });
}
