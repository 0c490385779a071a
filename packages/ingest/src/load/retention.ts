import { dropDayLoadsBefore, dropDayPartitionsBefore, type PresenceTable, type SqlClient } from '@epigrid/store';

/** The presence sources and their day-partitioned tables. */
export const presenceSources: Readonly<Record<string, PresenceTable>> = {
  'check-ins': 'check_in',
  telecom: 'telecom_presence',
  transport: 'transport_ticket',
};

/** Days of presence data to keep, per source. */
export type RetentionPolicy = Readonly<Record<string, number>>;

/** What retention dropped: source → days removed. */
export type RetentionReport = Record<string, string[]>;

/**
 * Drops the daily partitions older than each source's window: with a window of 21 days run on
 * 2026-03-22, days before 2026-03-02 go (today and the 20 days before it are kept). Load tables of
 * those days that failed imports left behind go too.
 * @param db - database
 * @param policy - days to keep per source (sources not listed are kept)
 * @param today - YYYY-MM-DD
 */
export async function runRetention(db: SqlClient, policy: RetentionPolicy, today: string): Promise<RetentionReport> {
  const report: RetentionReport = {};
  for (const [source, table] of Object.entries(presenceSources)) {
    const days = policy[source];
    if (days === undefined) continue;
    const cutoff = new Date(`${today}T00:00:00Z`);
    cutoff.setUTCDate(cutoff.getUTCDate() - (days - 1));
    report[source] = await dropDayPartitionsBefore(db, table, cutoff.toISOString().slice(0, 10));
    await dropDayLoadsBefore(db, table, cutoff.toISOString().slice(0, 10));
  }
  return report;
}
