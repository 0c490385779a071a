import type { SqlClient } from '@epigrid/store';

/** How the closed loop performed in a run: from case report to contacts under control, and lateness. */
export interface LoopFigures {
  readonly tasks: number;
  readonly done: number;
  readonly open: number;
  /** Tasks done after their deadline or still open past it at the end of the run. */
  readonly overdue: number;
  /** Tasks that climbed at least one level. */
  readonly escalated: number;
  /** Close contacts verified (task closed): hours from the case report to the outcome. */
  readonly hoursToControlCloseContacts: { readonly controlled: number; readonly median: number | null; readonly p90: number | null };
}

/**
 * Reads the loop's figures from the platform's database. The end of the run is the latest task
 * activity (the platform's clock follows simulated days).
 * @param db - the platform's database
 */
export async function readLoopFigures(db: SqlClient): Promise<LoopFigures> {
  const result = await db.query<{
    tasks: number; done: number; open: number; overdue: number; escalated: number; controlled: number; median: number | null; p90: number | null;
  }>(
    `WITH run AS (SELECT greatest(max(created_at), max(done_at)) AS end_at FROM task),
          control AS (SELECT extract(epoch FROM done_at - clock_start) / 3600 AS hours FROM task WHERE type = 'verify_close_contact' AND status = 'done')
     SELECT count(*)::int AS tasks,
            count(*) FILTER (WHERE status = 'done')::int AS done,
            count(*) FILTER (WHERE status = 'open')::int AS open,
            count(*) FILTER (WHERE (status = 'done' AND done_at > deadline) OR (status = 'open' AND deadline < (SELECT end_at FROM run)))::int AS overdue,
            count(*) FILTER (WHERE escalations > 0)::int AS escalated,
            (SELECT count(*)::int FROM control) AS controlled,
            (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY hours) FROM control) AS median,
            (SELECT percentile_cont(0.9) WITHIN GROUP (ORDER BY hours) FROM control) AS p90
     FROM task`,
  );
  const r = result.rows[0]!;
  const num = (x: number | null): number | null => (x === null ? null : Math.round(Number(x) * 10) / 10);
  return {
    tasks: r.tasks,
    done: r.done,
    open: r.open,
    overdue: r.overdue,
    escalated: r.escalated,
    hoursToControlCloseContacts: { controlled: r.controlled, median: num(r.median), p90: num(r.p90) },
  };
}

/**
 * Formats the loop's figures for `sim evaluate`.
 * @param f - the figures
 */
export function formatLoopFigures(f: LoopFigures): string {
  const h = (x: number | null): string => (x === null ? '—' : `${x.toFixed(1)} h`);
  const c = f.hoursToControlCloseContacts;
  return [
    `closed loop: ${f.tasks} tasks (${f.done} done, ${f.open} open), ${f.overdue} overdue, ${f.escalated} escalated`,
    `case report → close contact under control (outcome recorded): median ${h(c.median)}, p90 ${h(c.p90)} over ${c.controlled} contacts`,
  ].join('\n');
}
